package fr.maillage.meeting.series;

import fr.maillage.platform.calendar.FrenchHolidayCalendar;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Series move their occurrences off the French public holidays. */
@Configuration(proxyBeanMethods = false)
class SeriesConfiguration {

    @Bean
    SeriesCalendar seriesCalendar() {
        return new SeriesCalendar(new FrenchHolidayCalendar());
    }
}
