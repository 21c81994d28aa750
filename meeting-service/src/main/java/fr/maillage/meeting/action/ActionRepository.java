package fr.maillage.meeting.action;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

/** Actions, one document each (state and outbox together). */
interface ActionRepository extends MongoRepository<Action, String> {

    /** A meeting's actions in the order they were handed out. */
    List<Action> findByMeetingIdOrderByAssignedAtAscDecisionIdAscIndexAsc(String meetingId);
}
