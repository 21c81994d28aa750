package fr.maillage.workshop.attendance;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The in-memory roster of the attendance integration tests, {@code @Primary} so it wins over the
 * groups' own {@link SessionRoster}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class AttendanceTestRosterConfiguration {

    @Bean
    @Primary
    InMemorySessionRoster inMemorySessionRoster() {
        return new InMemorySessionRoster();
    }
}
