package fr.maillage.evaluation;

import fr.maillage.platform.testing.ServiceContract;

class EvaluationServiceIntegrationTests extends ServiceContract {

    @Override
    protected String databaseName() {
        return "evaluation";
    }
}
