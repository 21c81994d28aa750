package fr.maillage.workshop.attendance;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The disengagement rule: a participant who misses {@code consecutiveAbsences} sessions in a row
 * without a word has silently dropped out, and someone must call them (one alert per episode).
 *
 * <p>Read over the participant's marks in session start order, group sessions and individual slots
 * alike: {@link Mark#ABSENT} counts, {@link Mark#EXCUSED} neither counts nor breaks the run, {@link
 * Mark#PRESENT} breaks it. Only the current run (since the last presence) can open an episode: a run
 * already ended by a presence is history. Reaching the threshold opens episode n+1 unless the run
 * shares an absence with the latest episode, which is then the same episode: re-recording or
 * correcting earlier marks re-evaluates but never opens an episode twice.
 */
public final class DisengagementPolicy {

    /** {@code maillage.workshop.disengagement.consecutive-absences} when not configured. */
    public static final int DEFAULT_CONSECUTIVE_ABSENCES = 2;

    private final int consecutiveAbsences;

    public DisengagementPolicy(int consecutiveAbsences) {
        if (consecutiveAbsences < 1) {
            throw new IllegalArgumentException(
                    "A disengagement takes at least one absence; " + consecutiveAbsences + " configured");
        }
        this.consecutiveAbsences = consecutiveAbsences;
    }

    /** The threshold: this many unexcused absences in a row open an episode. */
    public int consecutiveAbsences() {
        return consecutiveAbsences;
    }

    /** A participant's mark at one session. */
    public record SessionMark(int session, Mark mark) {

        public SessionMark {
            Objects.requireNonNull(mark, "mark");
        }
    }

    /** A newly opened episode: its number (1, 2, …) and the unexcused absences of its run. */
    public record Episode(int number, int consecutiveAbsences) {}

    /** The participant's engagement after evaluation, and the episode it opened if any (publish it). */
    public record Evaluation(Engagement engagement, Optional<Episode> opened) {}

    /**
     * @param engagement where the participant stood before this recording
     * @param marksInStartOrder every mark the participant has, in session start order
     */
    public Evaluation evaluate(Engagement engagement, List<SessionMark> marksInStartOrder) {
        Engagement before = Engagement.orNone(engagement);
        // The current run: everything after the last presence (absences and excused sessions).
        List<Integer> run = new ArrayList<>();
        List<Integer> absences = new ArrayList<>();
        for (int i = marksInStartOrder.size() - 1; i >= 0; i--) {
            SessionMark mark = marksInStartOrder.get(i);
            if (mark.mark() == Mark.PRESENT) {
                break;
            }
            run.add(mark.session());
            if (mark.mark() == Mark.ABSENT) {
                absences.add(mark.session());
            }
        }
        if (absences.size() < consecutiveAbsences) {
            return new Evaluation(new Engagement(before.episodes(), false, before.episodeSessions()), Optional.empty());
        }
        List<Integer> runAbsences = absences.reversed();
        if (run.stream().anyMatch(before.episodeSessions()::contains)) {
            // The latest episode goes on (or is back after a correction): remember its new absences too.
            Set<Integer> sessions = new LinkedHashSet<>(before.episodeSessions());
            sessions.addAll(runAbsences);
            return new Evaluation(new Engagement(before.episodes(), true, List.copyOf(sessions)), Optional.empty());
        }
        int episode = before.episodes() + 1;
        return new Evaluation(
                new Engagement(episode, true, runAbsences), Optional.of(new Episode(episode, runAbsences.size())));
    }

    @Override
    public String toString() {
        return "DisengagementPolicy[" + consecutiveAbsences + " consecutive unexcused absences]";
    }
}
