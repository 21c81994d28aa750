package fr.maillage.workshop.group;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

/** Groups, one document each (state, calendar, enrolments and outbox together). */
interface GroupRepository extends MongoRepository<Group, String> {

    /** The programme's groups in a status, the soonest to start first. */
    List<Group> findByProgrammeIdAndStatusOrderByStartsAtAscOpenedAtAscIdAsc(String programmeId, GroupStatus status);

    List<Group> findByProgrammeIdAndEnrolmentsReferralId(String programmeId, String referralId);

    List<Group> findByEnrolmentsReferralId(String referralId);

    List<Group> findByEnrolmentsPersonRef(String personRef);
}
