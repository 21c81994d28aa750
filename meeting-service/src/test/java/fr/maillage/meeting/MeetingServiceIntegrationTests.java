package fr.maillage.meeting;

import fr.maillage.platform.testing.ServiceContract;

class MeetingServiceIntegrationTests extends ServiceContract {

    @Override
    protected String databaseName() {
        return "meeting";
    }
}
