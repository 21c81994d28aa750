package fr.maillage.referral.person;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

// PLACEHOLDER (issue 4 merge): the beans of the placeholder Consents and CareTeams; dropped with them.
/** Makes the placeholder Consents and CareTeams beans. */
@Configuration(proxyBeanMethods = false)
class PlaceholderConfiguration {

    @Bean
    Consents consents(ConsentPlaceholderStore store) {
        return new Consents(store);
    }

    @Bean
    CareTeams careTeams() {
        return new CareTeams();
    }
}
