package fr.maillage.meeting.calendar;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The iCalendar renderer is plain Java: declared here. */
@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

    @Bean
    IcsFeed icsFeed() {
        return new IcsFeed();
    }
}
