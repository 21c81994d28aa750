package fr.maillage.meeting.meeting;

import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** The meetings' side of the automatic agenda: proposals land on the territory's next practice group. */
@Service
class MeetingAgendaService implements MeetingAgenda {

    private final MeetingService meetings;

    MeetingAgendaService(MeetingService meetings) {
        this.meetings = meetings;
    }

    @Override
    public Optional<ProposedItemPlaced> proposeOnNextPracticeGroup(String territory, ProposedItem item) {
        Objects.requireNonNull(territory, "territory");
        Objects.requireNonNull(item, "item");
        if (item.causeKey() == null || item.causeKey().isBlank() || item.kind() == null) {
            throw new IllegalArgumentException("A proposed item has a cause key and a kind");
        }
        return meetings.proposeOnNextPracticeGroup(territory, item);
    }
}
