package fr.maillage.evaluation.indicator;

/**
 * The subjects the projection keeps facts about: one document per referral, alert, workshop group,
 * enrolment, group session, meeting or action, each in its own collection.
 */
public enum FactKind {
    REFERRAL("indicator_referrals"),
    ALERT("indicator_alerts"),
    GROUP("indicator_groups"),
    ENROLMENT("indicator_enrolments"),
    SESSION("indicator_sessions"),
    MEETING("indicator_meetings"),
    ACTION("indicator_actions");

    private final String collection;

    FactKind(String collection) {
        this.collection = collection;
    }

    /** The MongoDB collection of this kind of facts. */
    public String collection() {
        return collection;
    }
}
