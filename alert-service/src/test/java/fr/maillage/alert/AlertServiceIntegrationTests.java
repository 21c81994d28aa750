package fr.maillage.alert;

import fr.maillage.platform.testing.ServiceContract;
import org.junit.jupiter.api.Test;

@AlertTestProperties
class AlertServiceIntegrationTests extends ServiceContract {

    @Override
    protected String databaseName() {
        return "alert";
    }

    @Test
    void servesItsOwnAsyncApiDocumentWithoutAToken() {
        assertServesItsOwnAsyncApi();
    }
}
