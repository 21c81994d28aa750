package fr.maillage.workshop.group;

/**
 * Who completed a workshop: a participant who came to at least {@code minAttendance} of the group
 * sessions (individual follow-up slots not counted) is {@code COMPLETED}, others {@code NOT_COMPLETED}.
 * {@code maillage.workshop.completion.min-attendance}, 0.75 by default.
 */
public final class CompletionPolicy {

    public static final double DEFAULT_MIN_ATTENDANCE = 0.75;

    private final double minAttendance;

    public CompletionPolicy(double minAttendance) {
        if (!(minAttendance > 0 && minAttendance <= 1)) {
            throw new IllegalArgumentException(
                    "maillage.workshop.completion.min-attendance is a share of the sessions, in ]0, 1]: "
                            + minAttendance);
        }
        this.minAttendance = minAttendance;
    }

    public double minAttendance() {
        return minAttendance;
    }

    /** The outcome of a participant who attended {@code attended} of the {@code groupSessions}. */
    public EnrolmentStatus outcome(int attended, int groupSessions) {
        if (groupSessions < 1) {
            throw new IllegalArgumentException("A group has at least one session");
        }
        // attended / groupSessions >= share, without dividing: 6 of 8 is exactly 0.75.
        return attended >= minAttendance * groupSessions - 1e-9
                ? EnrolmentStatus.COMPLETED
                : EnrolmentStatus.NOT_COMPLETED;
    }
}
