package fr.maillage.workshop;

import fr.maillage.platform.testing.ServiceContract;
import org.junit.jupiter.api.Test;

class WorkshopServiceIntegrationTests extends ServiceContract {

    @Override
    protected String databaseName() {
        return "workshop";
    }

    @Test
    void servesItsOwnAsyncApiDocumentWithoutAToken() {
        assertServesItsOwnAsyncApi();
    }
}
