package fr.maillage.subscription;

import fr.maillage.platform.testing.ServiceContract;

class SubscriptionServiceIntegrationTests extends ServiceContract {

    @Override
    protected String databaseName() {
        return "subscription";
    }
}
