package fr.maillage.evaluation.questionnaire;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * {@code person-erased.v1}: the person's answers, dues and care team are deleted, and the erasure is
 * remembered ({@code erased_persons}) so that events about them heard later bring nothing back. Figures
 * already published (reports) keep what they counted; later figures no longer count them. Idempotent.
 */
@Service
class PersonErasureService {

    private static final Logger log = LoggerFactory.getLogger(PersonErasureService.class);

    private final CareTeamService careTeams;
    private final DueService dues;
    private final ResponseService responses;

    PersonErasureService(CareTeamService careTeams, DueService dues, ResponseService responses) {
        this.careTeams = careTeams;
        this.dues = dues;
        this.responses = responses;
    }

    void erase(String personRef, Instant erasedAt) {
        // Remembered first: a write racing with this one sees it and undoes itself.
        careTeams.rememberErased(personRef, erasedAt);
        long answered = responses.forget(personRef);
        long due = dues.forget(personRef);
        careTeams.forget(personRef);
        log.info("Person {} erased: {} responses and {} dues deleted, care team forgotten", personRef, answered, due);
    }
}
