package fr.maillage.meeting.proposal;

import fr.maillage.meeting.meeting.MeetingAgenda.ProposedItem;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A cause waiting for, or placed on, the next practice group of its territory. {@code causeKey} is
 * unique: the first event of a cause creates the proposal, any later one finds it. It stays
 * {@code PENDING} while the territory has no practice group ahead, then records where it landed.
 * {@code claimedBy}/{@code claimedUntil} is a short lease so one worker at a time places it.
 */
@Document("proposals")
public record Proposal(
        @Id String id,
        String causeKey,
        String territory,
        ProposedItem item,
        Status status,
        String meetingId,
        String itemId,
        Instant createdAt,
        Instant placedAt,
        String claimedBy,
        Instant claimedUntil) {

    public enum Status {
        PENDING,
        PLACED
    }

    static Proposal pending(String territory, ProposedItem item, Instant now) {
        return new Proposal(
                UUID.randomUUID().toString(),
                item.causeKey(),
                territory,
                item,
                Status.PENDING,
                null,
                null,
                now,
                null,
                null,
                null);
    }
}
