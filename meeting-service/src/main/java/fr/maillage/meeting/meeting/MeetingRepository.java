package fr.maillage.meeting.meeting;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

/** Meetings, one document each (state, agenda, minutes and outbox together). */
interface MeetingRepository extends MongoRepository<Meeting, String> {

    List<Meeting> findByItemsPersonRef(String personRef);
}
