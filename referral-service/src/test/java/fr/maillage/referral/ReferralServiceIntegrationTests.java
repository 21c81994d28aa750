package fr.maillage.referral;

import fr.maillage.platform.testing.ServiceContract;
import org.junit.jupiter.api.Test;

class ReferralServiceIntegrationTests extends ServiceContract {

    @Override
    protected String databaseName() {
        return "referral";
    }

    @Test
    void servesItsOwnAsyncApiDocumentWithoutAToken() {
        assertServesItsOwnAsyncApi();
    }
}
