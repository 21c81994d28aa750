package fr.maillage.workshop.agenda;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * TEST FAKE of our own port: the facilitators' sessions as the test sets them, in place of the
 * groups' (so the feed's access rules and rendering are tested apart from group planning).
 */
@TestConfiguration(proxyBeanMethods = false)
public class InMemoryFacilitatorSessionsTestConfiguration {

    @Bean
    @Primary
    InMemoryFacilitatorSessions inMemoryFacilitatorSessions() {
        return new InMemoryFacilitatorSessions();
    }

    /** Entries by facilitator id; a test replaces a facilitator's whole agenda. */
    public static final class InMemoryFacilitatorSessions implements FacilitatorSessions {

        private final Map<String, List<AgendaEntry>> entries = new ConcurrentHashMap<>();

        public void set(String facilitatorId, List<AgendaEntry> agenda) {
            entries.put(facilitatorId, List.copyOf(agenda));
        }

        @Override
        public List<AgendaEntry> of(String facilitatorId) {
            return entries.getOrDefault(facilitatorId, List.of());
        }
    }
}
