package fr.maillage.meeting.meeting;

import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

// PLACEHOLDER (issue 6 merge): no-op beans of the meetings' ports so the proposals' listeners can start
// before MeetingAgendaService, the case-item erasure and the report registry exist. Delete this class
// when the meetings helper's implementations are merged.
@Configuration(proxyBeanMethods = false)
class PlaceholderMeetingPortsConfiguration {

    // PLACEHOLDER (issue 6 merge)
    @Bean
    MeetingAgenda placeholderMeetingAgenda() {
        return (territory, item) -> Optional.empty();
    }

    // PLACEHOLDER (issue 6 merge)
    @Bean
    CaseItemErasure placeholderCaseItemErasure() {
        return personRef -> 0;
    }

    // PLACEHOLDER (issue 6 merge)
    @Bean
    ReportRegistry placeholderReportRegistry() {
        return (reportId, territory, quarter, publishedAt) -> {};
    }
}
