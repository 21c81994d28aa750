package fr.maillage.workshop.programme;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.platform.security.CurrentUser;
import fr.maillage.platform.security.Role;
import fr.maillage.platform.testing.ServiceHttp;
import fr.maillage.workshop.WorkshopIntegrationSupport;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Coordinators set a programme's settings; the directory's later descriptions of the programme
 * keep them, and they keep the descriptions, even when both land at the same moment.
 */
class ProgrammeSettingsIntegrationTests extends WorkshopIntegrationSupport {

    private static final String UPDATED = "fr.maillage.referral.resource-updated.v1";

    private static final String FORTNIGHTLY_TWELVE = """
            {"sessionCount":12,"sessionMinutes":90,"minParticipants":3,"maxParticipants":8,\
            "cadence":"FORTNIGHTLY","alternatingIndividualSlots":false}""";

    @Autowired
    ProgrammeService service;

    @Autowired
    MongoTemplate mongo;

    private HttpResponse<String> put(String path, String who, String json, String ifMatch) {
        return http().put(
                        path,
                        ServiceHttp.demoToken(who),
                        json,
                        ifMatch == null ? new String[0] : new String[] {"If-Match", ifMatch});
    }

    private HttpResponse<String> putSettings(String programmeId, String who, String json) {
        return put("/api/workshops/programmes/" + programmeId + "/settings", who, json, null);
    }

    private HttpResponse<String> getProgramme(String programmeId, String who) {
        return get("/api/workshops/programmes/" + programmeId, who);
    }

    private static String etag(HttpResponse<String> response) {
        return response.headers().firstValue("ETag").orElseThrow();
    }

    private static void assertFortnightlyTwelve(JsonNode programme) {
        JsonNode settings = programme.get("settings");
        assertThat(settings.get("sessionCount").asInt()).isEqualTo(12);
        assertThat(settings.get("sessionMinutes").asInt()).isEqualTo(90);
        assertThat(settings.get("minParticipants").asInt()).isEqualTo(3);
        assertThat(settings.get("maxParticipants").asInt()).isEqualTo(8);
        assertThat(settings.get("cadence").asString()).isEqualTo("FORTNIGHTLY");
        assertThat(settings.get("alternatingIndividualSlots").asBoolean()).isFalse();
        assertThat(programme.get("usesDefaults").asBoolean()).isFalse();
    }

    private static String settingsBody(Map<String, Object> changes) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of(
                "sessionCount", 8,
                "sessionMinutes", 120,
                "minParticipants", 4,
                "maxParticipants", 10,
                "cadence", "WEEKLY",
                "alternatingIndividualSlots", true));
        body.putAll(changes);
        return JSON.writeValueAsString(body);
    }

    @Test
    void aProgrammeShowsTheConfiguredDefaultsUntilACoordinatorSetsItsOwn() {
        String id = registerProgramme();

        HttpResponse<String> before = getProgramme(id, "coord-bievre");

        assertThat(before.statusCode()).isEqualTo(200);
        JsonNode programme = json(before);
        assertThat(programme.get("id").asString()).isEqualTo(id);
        assertThat(programme.get("type").asString()).isEqualTo("WORKSHOP_PROGRAMME");
        assertThat(programme.get("institution").asString()).isEqualTo("lieu-dit");
        assertThat(programme.get("territory").asString()).isEqualTo("bievre");
        assertThat(programme.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(programme.get("usesDefaults").asBoolean()).isTrue();
        assertThat(programme.get("settings").propertyNames())
                .containsExactlyInAnyOrder(
                        "sessionCount",
                        "sessionMinutes",
                        "minParticipants",
                        "maxParticipants",
                        "cadence",
                        "alternatingIndividualSlots");
        assertThat(JSON.treeToValue(programme.get("settings"), ProgrammeSettings.class))
                .isEqualTo(ProgrammeSettings.DEFAULTS);

        HttpResponse<String> changed = putSettings(id, "coord-bievre", FORTNIGHTLY_TWELVE);

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertFortnightlyTwelve(json(changed));
        assertThat(etag(changed)).isNotEqualTo(etag(before));
        HttpResponse<String> after = getProgramme(id, "coord-bievre");
        assertFortnightlyTwelve(json(after));
        assertThat(etag(after)).isEqualTo(etag(changed));
        assertThat(service.settingsOf(service.find(id).orElseThrow()))
                .isEqualTo(new ProgrammeSettings(12, 90, 3, 8, Cadence.FORTNIGHTLY, false));
    }

    @Test
    void settingsSurviveALaterDescriptionFromTheDirectory() {
        String id = registerProgramme();
        assertThat(putSettings(id, "admin", FORTNIGHTLY_TWELVE).statusCode()).isEqualTo(200);

        awaitConsumed(play(
                id,
                referralEvent(
                        UPDATED,
                        id,
                        "bievre",
                        Set.of("lieu-dit"),
                        Map.of(
                                "resourceId", id,
                                "type", "WORKSHOP_PROGRAMME",
                                "institution", "lieu-dit",
                                "territory", "bievre",
                                "communes", List.of("38260", "38870"),
                                "status", "TEMPORARILY_CLOSED",
                                "name", "Atelier santé mentale et travail",
                                "updatedAt", Instant.now().toString()))));

        JsonNode programme = json(getProgramme(id, "coord-bievre"));
        assertThat(programme.get("status").asString()).isEqualTo("TEMPORARILY_CLOSED");
        assertThat(programme.get("communes").values())
                .extracting(JsonNode::asString)
                .containsExactly("38260", "38870");
        assertFortnightlyTwelve(programme);
    }

    @Test
    void aDescriptionAndASettingsChangeAtTheSameMomentAreBothKept() throws Exception {
        CurrentUser coordinator = new CurrentUser(
                "coord", "coord-bievre", Set.of(Role.COORDINATOR), "cpts-bievre", Set.of("bievre"), null, "console");
        ProgrammeSettings settings = new ProgrammeSettings(6, 60, 2, 6, Cadence.WEEKLY, false);
        // Many rounds, each a fresh programme: a read-modify-write of the whole document loses one of
        // the two writes in some of them.
        List<String> ids = new ArrayList<>();
        for (int round = 0; round < 25; round++) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            Instant describedAt = Instant.now();
            service.describe(
                    id,
                    "WORKSHOP_PROGRAMME",
                    "lieu-dit",
                    "bievre",
                    List.of("38260"),
                    "ACTIVE",
                    describedAt.minusSeconds(60));
            CountDownLatch start = new CountDownLatch(1);
            CompletableFuture<Void> description = CompletableFuture.runAsync(() -> {
                await(start);
                service.describe(
                        id, "WORKSHOP_PROGRAMME", "lieu-dit", "bievre", List.of("38870"), "INACTIVE", describedAt);
            });
            CompletableFuture<Void> change = CompletableFuture.runAsync(() -> {
                await(start);
                service.changeSettings(id, settings, coordinator, null);
            });
            start.countDown();
            CompletableFuture.allOf(description, change).get();
        }

        assertThat(ids)
                .allSatisfy(id -> assertThat(service.find(id)).get().satisfies(programme -> {
                    assertThat(programme.status()).isEqualTo("INACTIVE");
                    assertThat(programme.communes()).containsExactly("38870");
                    assertThat(programme.settings()).isEqualTo(settings);
                    assertThat(programme.version()).isGreaterThanOrEqualTo(2);
                }));
    }

    private static void await(CountDownLatch start) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void invalidSettingsAreRefusedNamingTheFieldAndNothingIsWritten() {
        String id = registerProgramme();
        String etag = etag(getProgramme(id, "coord-bievre"));

        Map<String, String> refusedBodies = Map.of(
                "sessionCount", settingsBody(Map.of("sessionCount", 0)),
                "sessionMinutes", settingsBody(Map.of("sessionMinutes", 481)),
                "maxParticipants", settingsBody(Map.of("maxParticipants", 51)),
                "minParticipants", settingsBody(Map.of("minParticipants", 7, "maxParticipants", 6)),
                "cadence", settingsBody(Map.of("cadence", "MONTHLY")),
                "alternatingIndividualSlots", FORTNIGHTLY_TWELVE.replace(",\"alternatingIndividualSlots\":false", ""));

        refusedBodies.forEach((field, body) -> {
            HttpResponse<String> response = putSettings(id, "coord-bievre", body);
            assertThat(response.statusCode()).as(field + ": " + response.body()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type"))
                    .get()
                    .asString()
                    .startsWith("application/problem+json");
            assertThat(response.body()).as(field).contains("\"" + field + "\"");
        });
        HttpResponse<String> after = getProgramme(id, "coord-bievre");
        assertThat(json(after).get("usesDefaults").asBoolean()).isTrue();
        assertThat(etag(after)).isEqualTo(etag);
    }

    @Test
    void theProblemOfAnOutOfRangeValueListsTheFieldInItsErrors() {
        String id = registerProgramme();

        JsonNode problem =
                json(putSettings(id, "coord-bievre", settingsBody(Map.of("minParticipants", 7, "maxParticipants", 6))));

        assertThat(problem.get("type").asString()).isEqualTo("urn:maillage:problem:validation-failed");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("minParticipants");
    }

    @Test
    void aProgrammeIsHiddenFromThoseOutsideItsTerritoryOrRoles() {
        String id = registerProgramme();

        assertThat(getProgramme(id, "coord-lyon").statusCode()).isEqualTo(404);
        assertThat(putSettings(id, "coord-lyon", FORTNIGHTLY_TWELVE).statusCode())
                .isEqualTo(404);
        assertThat(getProgramme(id, "dr-martin").statusCode()).isEqualTo(404);
        assertThat(getProgramme(id, "partner-epsm").statusCode()).isEqualTo(404);
        assertThat(putSettings(id, "partner-epsm", FORTNIGHTLY_TWELVE).statusCode())
                .isEqualTo(404);
        assertThat(getProgramme(id, "psy-durand").statusCode()).isEqualTo(200);
        assertThat(getProgramme(id, "admin").statusCode()).isEqualTo(200);
        assertThat(json(getProgramme(id, "coord-bievre")).get("usesDefaults").asBoolean())
                .isTrue();
    }

    @Test
    void aFacilitatorReadsTheSettingsButDoesNotChangeThem() {
        String id = registerProgramme();

        HttpResponse<String> response = putSettings(id, "psy-durand", FORTNIGHTLY_TWELVE);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(getProgramme(id, "psy-durand")).get("usesDefaults").asBoolean())
                .isTrue();
    }

    @Test
    void aProgrammeStoredBeforeVersionsExistedIsAtVersionZeroAndTakesSettings() {
        String id = UUID.randomUUID().toString();
        mongo.insert(
                new Document(Map.of(
                        "_id", id,
                        "type", "WORKSHOP_PROGRAMME",
                        "institution", "lieu-dit",
                        "territory", "bievre",
                        "communes", List.of("38260"),
                        "status", "ACTIVE",
                        "describedAt", Date.from(Instant.now().minusSeconds(3600)))),
                "programmes");

        HttpResponse<String> read = getProgramme(id, "coord-bievre");
        assertThat(etag(read)).isEqualTo("\"0\"");
        HttpResponse<String> changed =
                put("/api/workshops/programmes/" + id + "/settings", "coord-bievre", FORTNIGHTLY_TWELVE, "\"0\"");

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(etag(changed)).isEqualTo("\"1\"");
        service.describe(id, "WORKSHOP_PROGRAMME", "lieu-dit", "bievre", List.of("38260"), "INACTIVE", Instant.now());
        JsonNode after = json(getProgramme(id, "coord-bievre"));
        assertThat(after.get("status").asString()).isEqualTo("INACTIVE");
        assertFortnightlyTwelve(after);
    }

    @Test
    void anUnknownProgrammeIsNotFound() {
        assertThat(getProgramme("no-such-programme", "admin").statusCode()).isEqualTo(404);
        assertThat(putSettings("no-such-programme", "admin", FORTNIGHTLY_TWELVE).statusCode())
                .isEqualTo(404);
    }

    @Test
    void aChangeWithAStaleETagIsRefusedAndOneWithTheCurrentETagApplies() {
        String id = registerProgramme();
        String read = etag(getProgramme(id, "coord-bievre"));
        String path = "/api/workshops/programmes/" + id + "/settings";
        HttpResponse<String> first = put(path, "coord-bievre", FORTNIGHTLY_TWELVE, read);
        assertThat(first.statusCode()).isEqualTo(200);

        HttpResponse<String> stale = put(path, "coord-bievre", settingsBody(Map.of("sessionCount", 10)), read);

        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(json(stale).get("type").asString()).isEqualTo("urn:maillage:problem:stale-version");
        assertFortnightlyTwelve(json(getProgramme(id, "coord-bievre")));
        HttpResponse<String> current = put(path, "coord-bievre", settingsBody(Map.of("sessionCount", 10)), etag(first));
        assertThat(current.statusCode()).isEqualTo(200);
        assertThat(json(current).get("settings").get("sessionCount").asInt()).isEqualTo(10);
    }
}
