package fr.maillage.referral.referral;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Binds the referral settings, makes the answer targets a policy, and turns on the overdue watcher's schedule. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(ReferralProperties.class)
class ReferralConfiguration {

    @Bean
    AnswerTargets answerTargets(ReferralProperties properties) {
        return new AnswerTargets(properties.answerTargets());
    }
}
