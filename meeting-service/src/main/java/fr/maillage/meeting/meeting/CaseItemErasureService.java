package fr.maillage.meeting.meeting;

import org.springframework.stereotype.Service;

/** A person's erasure reaches the agendas: their case items no longer say who, nor what was noted. */
@Service
class CaseItemErasureService implements CaseItemErasure {

    private final MeetingService meetings;

    CaseItemErasureService(MeetingService meetings) {
        this.meetings = meetings;
    }

    @Override
    public int anonymise(String personRef) {
        if (personRef == null || personRef.isBlank()) {
            return 0;
        }
        return meetings.anonymise(personRef);
    }
}
