package fr.maillage.meeting.consent;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

// PLACEHOLDER (issue 6 merge): the proposals helper's consent projection implements ConsentRegistry; delete this
// class then.
/** Until consents are learnt from referral-service, nobody's consent is known: no case review is allowed. */
@Configuration(proxyBeanMethods = false)
class PlaceholderConsentRegistryConfiguration {

    @Bean
    ConsentRegistry consentRegistry() {
        return personRef -> false;
    }
}
