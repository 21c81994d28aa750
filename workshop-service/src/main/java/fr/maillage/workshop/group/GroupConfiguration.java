package fr.maillage.workshop.group;

import fr.maillage.platform.calendar.FrenchHolidayCalendar;
import fr.maillage.workshop.schedule.SessionCalendar;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The plain rules groups run by, as beans; and the scheduled lifecycle sweep. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class GroupConfiguration {

    /** Calendars skip the French public holidays. */
    @Bean
    SessionCalendar sessionCalendar() {
        return new SessionCalendar(new FrenchHolidayCalendar());
    }

    @Bean
    CompletionPolicy completionPolicy(
            @Value("${maillage.workshop.completion.min-attendance:" + CompletionPolicy.DEFAULT_MIN_ATTENDANCE + "}")
                    double minAttendance) {
        return new CompletionPolicy(minAttendance);
    }
}
