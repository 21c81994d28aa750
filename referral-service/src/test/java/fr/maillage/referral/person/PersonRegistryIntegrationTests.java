package fr.maillage.referral.person;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.localstack.oidc.DemoUsers;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Registration over HTTP: encryption at rest, duplicate detection (also concurrent), refusals that write nothing. */
class PersonRegistryIntegrationTests extends PersonTestSupport {

    @Test
    void aRegisteredIdentityIsStoredEncryptedAndReadBackWhole() {
        Map<String, Object> identity = uniqueIdentity();

        HttpResponse<String> created = register("dr-martin", identity, "bievre");

        assertThat(created.statusCode()).isEqualTo(201);
        String personRef = json(created).path("personRef").asString();
        assertThat(personRef).matches("[0-9a-f-]{36}");
        assertThat(created.headers().firstValue("Location")).hasValue("/api/persons/" + personRef);
        assertThat(created.body()).doesNotContain((String) identity.get("familyName"));

        Document raw = mongo.getCollection("persons")
                .find(new Document("_id", personRef))
                .first();
        assertThat(raw).isNotNull();
        assertThat(raw.get("encryptedIdentity")).isNotNull();
        assertThat(raw.getString("blindIndex")).hasSize(64);
        String stored = raw.toJson();
        assertThat(stored)
                .doesNotContain(
                        (String) identity.get("familyName"),
                        "Camille",
                        "1984",
                        "03-17",
                        "12 34 56 78",
                        (String) identity.get("email"),
                        "example.org",
                        "Lenoir");
        // The care team and outbox are in the same document; they hold ids only.
        assertThat(raw.getList("careTeam", Document.class)).singleElement().satisfies(entry -> {
            assertThat(entry.getString("professionalId")).isEqualTo(DemoUsers.DR_MARTIN_ID.toString());
            assertThat(entry.getString("role")).isEqualTo("RECORDED_BY");
            assertThat(entry.getString("territory")).isEqualTo("bievre");
        });

        HttpResponse<String> read = readIdentity(personRef, "dr-martin", "premier rendez-vous");
        assertThat(read.statusCode()).isEqualTo(200);
        JsonNode shown = json(read);
        assertThat(shown.path("familyName").asString()).isEqualTo(identity.get("familyName"));
        assertThat(shown.path("givenName").asString()).isEqualTo("Camille");
        assertThat(shown.path("birthDate").asString()).isEqualTo("1984-03-17");
        assertThat(shown.path("commune").asString()).isEqualTo("38260");
        assertThat(shown.path("phone").asString()).isEqualTo("+33 6 12 34 56 78");
        assertThat(shown.path("email").asString()).isEqualTo(identity.get("email"));
        assertThat(shown.path("gp").asString()).isEqualTo("Dr Gérard Lenoir");
    }

    @Test
    void theSamePersonWrittenWithOtherAccentsCaseAndSpacesIsFoundAgain() {
        Map<String, Object> identity = uniqueIdentity();
        String familyName = (String) identity.get("familyName");
        identity.put("familyName", "Lefèvre-" + familyName);
        identity.put("givenName", "Éloïse Marie");
        String personRef = json(register("dr-martin", identity, "bievre"))
                .path("personRef")
                .asString();

        Map<String, Object> variant = new LinkedHashMap<>(identity);
        variant.put("familyName", "  LEFEVRE " + familyName.toUpperCase());
        variant.put("givenName", "eloise-marie");
        variant.put("commune", "69001");
        variant.remove("phone");
        HttpResponse<String> again = register("partner-epsm", variant, "bievre");

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again).path("personRef").asString()).isEqualTo(personRef);
        assertThat(json(again).path("existing").asBoolean()).isTrue();

        Map<String, Object> bornTheNextDay = new LinkedHashMap<>(identity);
        bornTheNextDay.put("birthDate", "1984-03-18");
        HttpResponse<String> someoneElse = register("dr-martin", bornTheNextDay, "bievre");
        assertThat(someoneElse.statusCode()).isEqualTo(201);
        assertThat(json(someoneElse).path("personRef").asString()).isNotEqualTo(personRef);
    }

    @Test
    void theSamePersonRegisteredConcurrentlyGetsOnePersonRef() throws Exception {
        Map<String, Object> identity = uniqueIdentity();
        String body = registration(identity, "bievre");
        int callers = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(callers)) {
            for (int i = 0; i < callers; i++) {
                String who = i % 2 == 0 ? "dr-martin" : "partner-epsm";
                answers.add(pool.submit(() -> {
                    start.await();
                    return post("/api/persons", token(who), body);
                }));
            }
            start.countDown();
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : answers) {
                responses.add(answer.get());
            }

            assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(200, 201);
            assertThat(responses)
                    .filteredOn(response -> response.statusCode() == 201)
                    .hasSize(1);
            assertThat(responses)
                    .extracting(response -> json(response).path("personRef").asString())
                    .containsOnly(json(responses.getFirst()).path("personRef").asString());
        }
        String personRef = json(register("coord-bievre", identity, "bievre"))
                .path("personRef")
                .asString();
        Document raw = mongo.getCollection("persons")
                .find(new Document("_id", personRef))
                .first();
        assertThat(mongo.getCollection("persons")
                        .countDocuments(new Document("blindIndex", raw.getString("blindIndex"))))
                .isEqualTo(1);
        // Only whoever created the person joined the care team; those who found it (coord-bievre too) did not.
        assertThat(raw.getList("careTeam", Document.class))
                .extracting(entry -> entry.getString("professionalId"))
                .singleElement()
                .isIn(
                        DemoUsers.DR_MARTIN_ID.toString(),
                        DemoUsers.account("partner-epsm").subject().toString());
    }

    @Test
    void registeringInATerritoryOneDoesNotWorkInIsRefusedAndWritesNothing() {
        Map<String, Object> identity = uniqueIdentity();

        HttpResponse<String> refused = register("dr-martin", identity, "lyon-nord");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(json(refused).path("type").asString()).isEqualTo("urn:maillage:problem:territory-not-covered");
        assertThat(register("coord-lyon", identity, "lyon-nord").statusCode()).isEqualTo(201);
    }

    @Test
    void badRegistrationsAreProblemsAndWriteNothing() {
        Map<String, Object> identity = uniqueIdentity();
        Map<String, Object> future = new LinkedHashMap<>(identity);
        future.put("birthDate", "2999-01-01");
        Map<String, Object> nameless = new LinkedHashMap<>(identity);
        nameless.remove("familyName");
        Map<String, Object> badEmail = new LinkedHashMap<>(identity);
        badEmail.put("email", "not-an-email");

        for (HttpResponse<String> response : List.of(
                register("dr-martin", future, "bievre"),
                register("dr-martin", nameless, "bievre"),
                register("dr-martin", badEmail, "bievre"),
                post("/api/persons", token("dr-martin"), "{\"familyName\": \"Dupont\","),
                post(
                        "/api/persons",
                        token("dr-martin"),
                        "{\"familyName\": \"Dupont\", \"birthDate\": \"12/04/1987\"}"))) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        }
        assertThat(register("copil-bievre", identity, "bievre").statusCode()).isEqualTo(403);
        assertThat(register("admin", identity, "bievre").statusCode()).isEqualTo(403);
        assertThat(post("/api/persons", null, registration(identity, "bievre")).statusCode())
                .isEqualTo(401);

        assertThat(register("dr-martin", identity, "bievre").statusCode()).isEqualTo(201);
    }
}
