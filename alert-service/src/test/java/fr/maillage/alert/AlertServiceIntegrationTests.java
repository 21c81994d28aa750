package fr.maillage.alert;

import fr.maillage.platform.testing.ServiceContract;

@AlertTestProperties
class AlertServiceIntegrationTests extends ServiceContract {

    @Override
    protected String databaseName() {
        return "alert";
    }
}
