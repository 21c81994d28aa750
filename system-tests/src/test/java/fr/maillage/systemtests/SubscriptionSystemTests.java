package fr.maillage.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.systemtests.support.Api;
import fr.maillage.systemtests.support.RunningPlatform;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/** Partner integrators: the public event catalogue. */
@Order(15)
@ExtendWith(RunningPlatform.class)
class SubscriptionSystemTests {

    @Test
    void anIntegratorReadsTheAsyncApiCatalogueOfEveryServicesEventsWithoutAToken() {
        Api.Response response = new Api(RunningPlatform.gateway()).get("/api/events/catalogue", null);

        assertThat(response.status()).isEqualTo(200);
        JsonNode catalogue = response.json();
        assertThat(catalogue.path("asyncapi").asString()).isEqualTo("3.0.0");
        assertThat(catalogue.path("channels").propertyNames())
                .contains("referral.events.v1", "alert.events.v1", "workshop.events.v1", "meeting.events.v1");
        JsonNode accepted = catalogue.at("/components/messages/fr.maillage.referral.accepted.v1");
        assertThat(accepted.path("examples").get(0).at("/payload/type").asString())
                .isEqualTo("fr.maillage.referral.accepted.v1");
        assertThat(catalogue.at("/components/schemas/fr.maillage.referral.accepted.v1/properties/data/required"))
                .isNotEmpty();
    }
}
