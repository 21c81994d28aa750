package fr.maillage.meeting.meeting;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The plain rules meetings run by, as beans. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({QuorumProperties.class, AttendanceProperties.class})
class MeetingRulesConfiguration {

    @Bean
    Quorum quorum(QuorumProperties properties) {
        return new Quorum(properties.minProfessions());
    }
}
