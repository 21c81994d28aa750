package fr.maillage.meeting.proposal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The referrals declined for one person, and which of those declines proposed a case review. The rule
 * reads the declines' own times (never the clock), so events heard late or out of order decide the same:
 * a decline within the window of another one makes a pair and proposes, unless a proposal already came
 * from a decline less than one window away (at most one proposal per person per window). A decline heard
 * again decides what it decided the first time, so a crash between remembering and proposing is healed by
 * the redelivery.
 */
@Document("decline_histories")
public class DeclineHistory {

    @Id
    private final String personRef;

    private final List<Decline> declines;

    /** The referral ids whose decline proposed. */
    private final List<String> proposedBy;

    @Version
    private Long version;

    @PersistenceCreator
    DeclineHistory(String personRef, List<Decline> declines, List<String> proposedBy, Long version) {
        this.personRef = personRef;
        this.declines = declines == null ? new ArrayList<>() : new ArrayList<>(declines);
        this.proposedBy = proposedBy == null ? new ArrayList<>() : new ArrayList<>(proposedBy);
        this.version = version;
    }

    public static DeclineHistory of(String personRef) {
        return new DeclineHistory(personRef, null, null, null);
    }

    public String personRef() {
        return personRef;
    }

    public List<Decline> declines() {
        return List.copyOf(declines);
    }

    public List<String> proposedBy() {
        return List.copyOf(proposedBy);
    }

    /**
     * Remembers a decline.
     *
     * @param window e.g. 30 days: two declines at most this far apart make a pair; two proposals of the
     *     person are at least this far apart
     * @return whether this decline proposes (or proposed, when it is heard again)
     */
    public boolean decline(String referralId, Instant declinedAt, Duration window) {
        if (find(referralId).isPresent()) {
            return proposedBy.contains(referralId);
        }
        boolean pairs = declines.stream()
                .anyMatch(other -> apart(other.declinedAt(), declinedAt).compareTo(window) <= 0);
        boolean proposedRecently = proposedBy.stream()
                .map(this::find)
                .flatMap(Optional::stream)
                .anyMatch(trigger -> apart(trigger.declinedAt(), declinedAt).compareTo(window) < 0);
        declines.add(new Decline(referralId, declinedAt));
        if (pairs && !proposedRecently) {
            proposedBy.add(referralId);
            return true;
        }
        return false;
    }

    private Optional<Decline> find(String referralId) {
        return declines.stream()
                .filter(decline -> decline.referralId().equals(referralId))
                .findFirst();
    }

    private static Duration apart(Instant a, Instant b) {
        return Duration.between(a, b).abs();
    }

    /** One declined referral. */
    public record Decline(String referralId, Instant declinedAt) {}
}
