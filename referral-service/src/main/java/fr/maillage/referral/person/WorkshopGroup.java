package fr.maillage.referral.person;

import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What the registry knows of a workshop group (from workshop-service's events): its facilitators and the
 * persons confirmed in it. Either may arrive first; once both are known, the facilitators join the
 * persons' care teams.
 *
 * @param institution the programme's institution (the audience of {@code group-opened.v1})
 * @param facilitatorIds empty until the group's opening is known
 */
@Document("workshop_groups")
public record WorkshopGroup(
        @Id String groupId,
        String territory,
        String institution,
        List<String> facilitatorIds,
        List<Participant> participants) {

    public WorkshopGroup {
        facilitatorIds = facilitatorIds == null ? List.of() : List.copyOf(facilitatorIds);
        participants = participants == null ? List.of() : List.copyOf(participants);
    }

    /** A person confirmed in the group, and the territory they are followed in there. */
    public record Participant(String personRef, String territory) {}

    /** The facilitators as care team members of the group's persons. */
    List<CareTeamMember> facilitators() {
        return facilitatorIds.stream()
                .map(id -> new CareTeamMember(id, institution, CareTeamRole.FACILITATOR, "workshop-group:" + groupId))
                .toList();
    }
}
