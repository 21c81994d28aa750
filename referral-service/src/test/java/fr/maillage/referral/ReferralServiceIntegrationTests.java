package fr.maillage.referral;

import fr.maillage.platform.testing.ServiceContract;

class ReferralServiceIntegrationTests extends ServiceContract {

    @Override
    protected String databaseName() {
        return "referral";
    }
}
