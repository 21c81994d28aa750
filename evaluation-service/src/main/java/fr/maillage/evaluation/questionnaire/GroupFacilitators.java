package fr.maillage.evaluation.questionnaire;

import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The facilitators of a workshop group (user ids), as {@code group-scheduled} and {@code group-opened}
 * name them; filled by {@code $addToSet}. The people enrolled in the group have them in their care team.
 */
@Document("workshop_group_facilitators")
public class GroupFacilitators {

    @Id
    private final String groupId;

    private final List<String> facilitatorIds;

    @PersistenceCreator
    GroupFacilitators(String groupId, List<String> facilitatorIds) {
        this.groupId = groupId;
        this.facilitatorIds = facilitatorIds == null ? List.of() : List.copyOf(facilitatorIds);
    }

    public String groupId() {
        return groupId;
    }

    public List<String> facilitatorIds() {
        return facilitatorIds;
    }
}
