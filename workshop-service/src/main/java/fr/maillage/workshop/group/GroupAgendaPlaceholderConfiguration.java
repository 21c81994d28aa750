package fr.maillage.workshop.group;

import fr.maillage.workshop.agenda.FacilitatorSessions;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

// PLACEHOLDER (issue 5 merge): delete this file; the groups helper's GroupAgenda implements FacilitatorSessions.
@Configuration(proxyBeanMethods = false)
class GroupAgendaPlaceholderConfiguration {

    @Bean
    FacilitatorSessions facilitatorSessions() {
        return facilitatorId -> List.of();
    }
}
