package fr.maillage.workshop.attendance;

import java.util.List;
import java.util.Objects;

/**
 * Where one participant stands with the {@link DisengagementPolicy}, kept per enrolment.
 *
 * @param episodes how many disengagement episodes were opened (and published) so far
 * @param open whether the latest episode is still going on (no presence since)
 * @param episodeSessions the session numbers of the absences of the latest episode: a run of
 *     absences that shares one of them is that same episode (corrections never publish it again)
 */
public record Engagement(int episodes, boolean open, List<Integer> episodeSessions) {

    /** A participant who never disengaged. */
    public static final Engagement NONE = new Engagement(0, false, List.of());

    public Engagement {
        if (episodes < 0) {
            throw new IllegalArgumentException("episodes must not be negative");
        }
        episodeSessions = episodeSessions == null ? List.of() : List.copyOf(episodeSessions);
    }

    public static Engagement orNone(Engagement engagement) {
        return Objects.requireNonNullElse(engagement, NONE);
    }
}
