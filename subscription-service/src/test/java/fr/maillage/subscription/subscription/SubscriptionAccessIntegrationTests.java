package fr.maillage.subscription.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Who may do what: partners their own institution's only (others 404), admins all, staff 403, anonymous 401. */
class SubscriptionAccessIntegrationTests extends SubscriptionApiSupport {

    @Test
    void aPartnerNeitherSeesNorChangesAnotherInstitutionsSubscription() {
        String epsm = subscribe(PARTNER_EPSM, receiver(), "fr.maillage.referral.*")
                .get("id")
                .asString();
        String dac = subscribe(PARTNER_DAC, receiver(), "fr.maillage.referral.*")
                .get("id")
                .asString();

        for (String[] caller : new String[][] {{PARTNER_DAC, epsm}, {PARTNER_EPSM, dac}}) {
            String path = SUBSCRIPTIONS + "/" + caller[1];
            assertThat(get(path, caller[0]).statusCode()).isEqualTo(404);
            assertThat(step(path + "/pause", caller[0]).statusCode()).isEqualTo(404);
            assertThat(step(path + "/resume", caller[0]).statusCode()).isEqualTo(404);
            assertThat(step(path + "/verification", caller[0]).statusCode()).isEqualTo(404);
            assertThat(step(path + "/secret-rotation", caller[0]).statusCode()).isEqualTo(404);
            assertThat(delete(path, caller[0]).statusCode()).isEqualTo(404);
        }
        assertThat(ids(get(SUBSCRIPTIONS + "?size=100", PARTNER_DAC)))
                .contains(dac)
                .doesNotContain(epsm);
        assertThat(ids(get(SUBSCRIPTIONS + "?size=100", PARTNER_EPSM)))
                .contains(epsm)
                .doesNotContain(dac);
        assertThat(ids(get(SUBSCRIPTIONS + "?institution=" + EPSM, PARTNER_DAC)))
                .doesNotContain(epsm);
        assertThat(json(get(SUBSCRIPTIONS + "/" + epsm, PARTNER_EPSM))
                        .get("status")
                        .asString())
                .isEqualTo("ACTIVE");
        assertThat(json(get(SUBSCRIPTIONS + "/" + dac, PARTNER_DAC))
                        .get("status")
                        .asString())
                .isEqualTo("ACTIVE");
    }

    @Test
    void aPartnerSubscribesForItsOwnInstitutionOnly() {
        long before = storedFor(DAC);

        HttpResponse<String> forDac =
                create(PARTNER_EPSM, body(receiver().url("/hooks").toString(), DAC, "fr.maillage.referral.*"));
        HttpResponse<String> forItself =
                create(PARTNER_EPSM, body(receiver().url("/hooks").toString(), EPSM, "fr.maillage.referral.*"));

        assertThat(forDac.statusCode()).isEqualTo(403);
        assertThat(storedFor(DAC)).isEqualTo(before);
        assertThat(forItself.statusCode()).isEqualTo(201);
        assertThat(json(forItself).get("institution").asString()).isEqualTo(EPSM);
    }

    @Test
    void anAdminSeesAndManagesEveryInstitutionsSubscriptions() {
        String epsm = subscribe(PARTNER_EPSM, receiver(), "fr.maillage.alert.*")
                .get("id")
                .asString();
        String dac = subscribe(PARTNER_DAC, receiver(), "fr.maillage.alert.*")
                .get("id")
                .asString();

        assertThat(get(SUBSCRIPTIONS + "/" + epsm, ADMIN).statusCode()).isEqualTo(200);
        assertThat(ids(get(SUBSCRIPTIONS + "?size=100", ADMIN))).contains(epsm, dac);
        assertThat(ids(get(SUBSCRIPTIONS + "?institution=" + DAC + "&size=100", ADMIN)))
                .contains(dac)
                .doesNotContain(epsm);
        assertThat(step(SUBSCRIPTIONS + "/" + dac + "/pause", ADMIN).statusCode())
                .isEqualTo(200);

        HttpResponse<String> forEpsm =
                create(ADMIN, body(receiver().url("/hooks").toString(), EPSM, "*"));
        HttpResponse<String> forNobody =
                create(ADMIN, body(receiver().url("/hooks").toString(), null, "*"));

        assertThat(forEpsm.statusCode()).isEqualTo(201);
        assertThat(json(forEpsm).get("institution").asString()).isEqualTo(EPSM);
        assertThat(forNobody.statusCode()).isEqualTo(422);
        assertThat(json(forNobody).get("type").asString()).isEqualTo("urn:maillage:problem:institution-required");
    }

    @Test
    void staffRolesAreForbiddenEverywhere() {
        String id = subscribe(PARTNER_EPSM, receiver(), "fr.maillage.referral.*")
                .get("id")
                .asString();
        String path = SUBSCRIPTIONS + "/" + id;

        List<HttpResponse<String>> answers = List.of(
                get(SUBSCRIPTIONS, COORD_BIEVRE),
                create(COORD_BIEVRE, body(receiver().url("/hooks").toString(), null, "*")),
                get(path, COORD_BIEVRE),
                step(path + "/pause", COORD_BIEVRE),
                step(path + "/resume", COORD_BIEVRE),
                step(path + "/verification", COORD_BIEVRE),
                step(path + "/secret-rotation", COORD_BIEVRE),
                delete(path, COORD_BIEVRE),
                get(SUBSCRIPTIONS, "dr-martin"));

        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(403));
        assertThat(json(get(path, PARTNER_EPSM)).get("status").asString()).isEqualTo("ACTIVE");
    }

    @Test
    void anonymousCallersAreUnauthorised() {
        String id = subscribe(PARTNER_EPSM, receiver(), "fr.maillage.referral.*")
                .get("id")
                .asString();
        String path = SUBSCRIPTIONS + "/" + id;

        List<HttpResponse<String>> answers = List.of(
                get(SUBSCRIPTIONS, null),
                create(null, body(receiver().url("/hooks").toString(), null, "*")),
                get(path, null),
                step(path + "/pause", null),
                step(path + "/secret-rotation", null),
                delete(path, null));

        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(401));
    }

    private static List<String> ids(HttpResponse<String> list) {
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        JsonNode items = json(list).get("items");
        return StreamSupport.stream(items.spliterator(), false)
                .map(item -> item.get("id").asString())
                .toList();
    }
}
