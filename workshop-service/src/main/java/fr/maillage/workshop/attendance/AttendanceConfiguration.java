package fr.maillage.workshop.attendance;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Binds the attendance settings and builds the disengagement rule from them. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AttendanceProperties.class)
class AttendanceConfiguration {

    @Bean
    DisengagementPolicy disengagementPolicy(AttendanceProperties properties) {
        return new DisengagementPolicy(properties.disengagement().consecutiveAbsences());
    }
}
