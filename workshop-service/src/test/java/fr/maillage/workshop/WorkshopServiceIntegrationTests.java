package fr.maillage.workshop;

import fr.maillage.platform.testing.ServiceContract;

class WorkshopServiceIntegrationTests extends ServiceContract {

    @Override
    protected String databaseName() {
        return "workshop";
    }
}
