package fr.maillage.evaluation.questionnaire;

import fr.maillage.platform.security.CurrentUser;
import fr.maillage.platform.security.Role;
import java.util.Collection;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The professionals around one person, as the other services' events tell it: the workshop groups the
 * person was enrolled in (their facilitators are in the care team) and the institutions named in the
 * audience of a referral about the person (their clinicians and facilitators are). Filled only by
 * {@code $addToSet}, so events heard twice or out of order give the same document; forgotten when the
 * person is erased. A membership is not withdrawn when a referral or an enrolment ends: whoever took part
 * in the person's care may still record and read the answers given meanwhile.
 */
@Document("care_teams")
public class CareTeam {

    @Id
    private final String personRef;

    private final List<String> groupIds;
    private final List<String> institutions;

    @PersistenceCreator
    CareTeam(String personRef, List<String> groupIds, List<String> institutions) {
        this.personRef = personRef;
        this.groupIds = groupIds == null ? List.of() : List.copyOf(groupIds);
        this.institutions = institutions == null ? List.of() : List.copyOf(institutions);
    }

    /**
     * Whether a caller may ever be in a care team: a clinician or a facilitator, never a partner system
     * (coordinators, steering members and admins orient, steer and run the network; they do not read
     * answers).
     */
    public static boolean mayBeCareTeam(CurrentUser user) {
        return user != null && !user.isPartner() && user.hasAnyRole(Role.CLINICIAN, Role.FACILITATOR);
    }

    /**
     * Whether the caller is in this person's care team.
     *
     * @param groupsFacilitated the person's groups the caller facilitates (of {@link #groupIds()})
     */
    public boolean includes(CurrentUser user, Collection<String> groupsFacilitated) {
        if (!mayBeCareTeam(user)) {
            return false;
        }
        boolean facilitator = groupsFacilitated.stream().anyMatch(groupIds::contains);
        boolean institution = user.institution() != null && institutions.contains(user.institution());
        return facilitator || institution;
    }

    public String personRef() {
        return personRef;
    }

    public List<String> groupIds() {
        return groupIds;
    }

    public List<String> institutions() {
        return institutions;
    }
}
