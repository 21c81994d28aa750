package fr.maillage.meeting;

import fr.maillage.platform.testing.ServiceContract;
import org.junit.jupiter.api.Test;

class MeetingServiceIntegrationTests extends ServiceContract {

    @Override
    protected String databaseName() {
        return "meeting";
    }

    @Test
    void servesItsOwnAsyncApiDocumentWithoutAToken() {
        assertServesItsOwnAsyncApi();
    }
}
