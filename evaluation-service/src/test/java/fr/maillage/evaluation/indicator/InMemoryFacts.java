package fr.maillage.evaluation.indicator;

import fr.maillage.evaluation.indicator.Facts.ActionFact;
import fr.maillage.evaluation.indicator.Facts.AlertFact;
import fr.maillage.evaluation.indicator.Facts.EnrolmentFact;
import fr.maillage.evaluation.indicator.Facts.GroupFact;
import fr.maillage.evaluation.indicator.Facts.MeetingFact;
import fr.maillage.evaluation.indicator.Facts.ReferralFact;
import fr.maillage.evaluation.indicator.Facts.SessionFact;
import fr.maillage.evaluation.indicator.TestEvents.TestEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The projection folded in memory: each event read back from its envelope, turned into fact updates by the
 * service's own mapping, applied with {@link FactUpdate#applyTo}. Answers the formulas' queries like the
 * fact store.
 */
final class InMemoryFacts implements FactSource {

    private final Map<FactKind, Map<String, Map<String, Object>>> documents = new EnumMap<>(FactKind.class);

    static InMemoryFacts of(Collection<TestEvent> events) {
        InMemoryFacts facts = new InMemoryFacts();
        events.forEach(facts::play);
        return facts;
    }

    void play(TestEvent event) {
        IndicatorEvents.factsOf(event.incoming()).forEach(this::apply);
    }

    void apply(FactUpdate update) {
        update.applyTo(documents
                .computeIfAbsent(update.kind(), k -> new LinkedHashMap<>())
                .computeIfAbsent(update.id(), id -> new LinkedHashMap<>()));
    }

    /** The fact documents of a kind, by subject id. */
    Map<String, Map<String, Object>> documents(FactKind kind) {
        return documents.getOrDefault(kind, Map.of());
    }

    private <T> List<T> find(FactKind kind, Predicate<Map<String, Object>> filter, Function<Map<String, ?>, T> fact) {
        return documents(kind).values().stream().filter(filter).map(fact::apply).toList();
    }

    private static Predicate<Map<String, Object>> within(String territory, String field, Instant from, Instant to) {
        return doc -> territory.equals(doc.get("territory")) && in(doc, field, from, to);
    }

    private static boolean in(Map<String, Object> doc, String field, Instant from, Instant to) {
        Instant at = Facts.instant(doc, field);
        return at != null && !at.isBefore(from) && at.isBefore(to);
    }

    @Override
    public List<ReferralFact> referralsSubmitted(String territory, Instant from, Instant to) {
        return find(FactKind.REFERRAL, within(territory, "submittedAt", from, to), ReferralFact::from);
    }

    @Override
    public List<AlertFact> alertsRaised(String territory, Instant from, Instant to) {
        return find(FactKind.ALERT, within(territory, "raisedAt", from, to), AlertFact::from);
    }

    @Override
    public List<GroupFact> groupsStarting(String territory, Instant from, Instant to) {
        return find(FactKind.GROUP, within(territory, "firstSessionAt", from, to), GroupFact::from);
    }

    @Override
    public List<GroupFact> groupsCompleted(String territory, Instant from, Instant to) {
        return find(FactKind.GROUP, within(territory, "completedAt", from, to), GroupFact::from);
    }

    @Override
    public List<GroupFact> groups(Collection<String> groupIds) {
        return find(FactKind.GROUP, doc -> groupIds.contains(doc.get("_id")), GroupFact::from);
    }

    @Override
    public List<EnrolmentFact> enrolmentsOfGroups(Collection<String> groupIds) {
        return find(FactKind.ENROLMENT, doc -> groupIds.contains(doc.get("groupId")), EnrolmentFact::from);
    }

    @Override
    public List<EnrolmentFact> enrolmentsConfirmed(String territory, Instant from, Instant to) {
        return find(FactKind.ENROLMENT, within(territory, "confirmedAt", from, to), EnrolmentFact::from);
    }

    @Override
    public List<EnrolmentFact> enrolmentsWaitlisted(String territory, Instant before) {
        return find(
                FactKind.ENROLMENT,
                doc -> territory.equals(doc.get("territory")) && in(doc, "waitlistedAt", Instant.MIN, before),
                EnrolmentFact::from);
    }

    @Override
    public List<SessionFact> sessionsStarting(String territory, Instant from, Instant to) {
        return find(FactKind.SESSION, within(territory, "startsAt", from, to), SessionFact::from);
    }

    @Override
    public List<MeetingFact> meetingsStarting(String territory, Instant from, Instant to) {
        return find(
                FactKind.MEETING,
                doc -> territory.equals(doc.get("territory"))
                        && (in(doc, "startsAt", from, to) || in(doc, "heldAt", from, to)),
                MeetingFact::from);
    }

    @Override
    public List<ActionFact> actionsDue(String territory, LocalDate firstDay, LocalDate lastDay) {
        return find(
                FactKind.ACTION,
                doc -> {
                    if (!territory.equals(doc.get("territory")) || !(doc.get("dueOn") instanceof String day)) {
                        return false;
                    }
                    LocalDate dueOn = LocalDate.parse(day);
                    return !dueOn.isBefore(firstDay) && !dueOn.isAfter(lastDay);
                },
                ActionFact::from);
    }
}
