package fr.maillage.evaluation.indicator;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one small-number rule of the service, shared by the indicators API and the reports. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SmallNumbersProperties.class)
class DisclosureConfiguration {

    @Bean
    Disclosure disclosure(SmallNumbersProperties properties) {
        return new Disclosure(properties.threshold());
    }
}
