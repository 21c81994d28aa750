package fr.maillage.workshop.group;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

/** Groups, one document each (state, enrolments and outbox together). */
interface GroupRepository extends MongoRepository<Group, String> {

    List<Group> findByProgrammeIdAndStatusOrderByOpenedAtAscIdAsc(String programmeId, GroupStatus status);

    List<Group> findByProgrammeIdAndEnrolmentsReferralId(String programmeId, String referralId);

    List<Group> findByEnrolmentsPersonRef(String personRef);
}
