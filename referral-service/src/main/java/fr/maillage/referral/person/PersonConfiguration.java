package fr.maillage.referral.person;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The person registry's plain-Java components, as beans the referral package injects. */
@Configuration(proxyBeanMethods = false)
class PersonConfiguration {

    @Bean
    Consents consents(PersonStore store) {
        return new Consents(store);
    }

    @Bean
    CareTeams careTeams(PersonStore store) {
        return new CareTeams(store);
    }
}
