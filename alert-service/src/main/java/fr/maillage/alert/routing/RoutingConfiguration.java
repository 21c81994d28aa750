package fr.maillage.alert.routing;

import fr.maillage.platform.calendar.FrenchHolidayCalendar;
import fr.maillage.platform.calendar.HolidayCalendar;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Publishes the {@link fr.maillage.alert.alert.ResponsePlanning} of the configured territories.
 * The planning classes stay plain Java (ArchitectureTests), so they are declared here rather than
 * annotated as components.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AlertRoutingProperties.class)
class RoutingConfiguration {

    @Bean
    HolidayCalendar holidayCalendar() {
        return new FrenchHolidayCalendar();
    }

    @Bean
    TerritoryResponsePlanning territoryResponsePlanning(AlertRoutingProperties properties, HolidayCalendar holidays) {
        return properties.toPlanning(holidays);
    }
}
