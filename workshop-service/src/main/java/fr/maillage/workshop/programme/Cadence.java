package fr.maillage.workshop.programme;

/** How far apart two consecutive entries of a group's calendar are. */
public enum Cadence {
    WEEKLY(7),
    FORTNIGHTLY(14);

    private final int days;

    Cadence(int days) {
        this.days = days;
    }

    public int days() {
        return days;
    }
}
