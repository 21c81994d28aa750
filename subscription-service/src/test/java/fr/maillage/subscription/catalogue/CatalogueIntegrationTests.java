package fr.maillage.subscription.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.subscription.SubscriptionIntegrationSupport;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class CatalogueIntegrationTests extends SubscriptionIntegrationSupport {

    @Test
    void anIntegratorReadsTheCatalogueWithoutAToken() {
        HttpResponse<String> response = get("/api/events/catalogue", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(json(response).path("asyncapi").asString()).isEqualTo("3.0.0");
        assertThat(json(response)
                        .at("/components/messages/fr.maillage.referral.accepted.v1/payload/$ref")
                        .asString())
                .isEqualTo("#/components/schemas/fr.maillage.referral.accepted.v1");
    }

    @Test
    void onlyReadingTheCatalogueIsOpenToAnonymousCallers() {
        assertThat(post("/api/events/catalogue", null, "{}").statusCode()).isEqualTo(401);
        assertThat(get("/api/subscriptions", null).statusCode()).isEqualTo(401);
    }
}
