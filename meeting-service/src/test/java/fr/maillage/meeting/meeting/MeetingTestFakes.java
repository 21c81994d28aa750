package fr.maillage.meeting.meeting;

import fr.maillage.meeting.meeting.MeetingTestSupport.FlakyActionDesk;
import fr.maillage.meeting.meeting.MeetingTestSupport.PracticeGroupsHeard;
import fr.maillage.meeting.meeting.MeetingTestSupport.TestConsents;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The fakes of {@link MeetingTestSupport}: our own ports only (consents, action desk); Kafka and Mongo stay real. */
@TestConfiguration(proxyBeanMethods = false)
public class MeetingTestFakes {

    @Bean
    @Primary
    TestConsents testConsents() {
        return new TestConsents();
    }

    @Bean
    @Primary
    FlakyActionDesk flakyActionDesk(ApplicationContext context) {
        return new FlakyActionDesk(context);
    }

    @Bean
    PracticeGroupsHeard practiceGroupsHeard(ObjectProvider<MeetingAgenda> agenda) {
        return new PracticeGroupsHeard(agenda);
    }
}
