package fr.maillage.evaluation;

import fr.maillage.platform.testing.ServiceContract;
import org.junit.jupiter.api.Test;

class EvaluationServiceIntegrationTests extends ServiceContract {

    @Override
    protected String databaseName() {
        return "evaluation";
    }

    @Test
    void servesItsOwnAsyncApiDocumentWithoutAToken() {
        assertServesItsOwnAsyncApi();
    }
}
