package fr.maillage.evaluation.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.evaluation.indicator.TestEvents.TestEvent;
import fr.maillage.evaluation.period.Period;
import fr.maillage.platform.testing.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** Other services' events, played on the real broker, become the indicators of their territory. */
class IndicatorProjectionIntegrationTests extends IndicatorIntegrationSupport {

    private static final Period QUARTER = Period.parse("2025-Q2");

    @Autowired
    MongoTemplate mongo;

    @Test
    void eventsPlayedOnTheBrokerBuildTheIndicatorsOfTheirTerritory() {
        String territory = freshTerritory();
        List<TestEvent> events = IndicatorScenario.quarter(new TestEvents(territory), QUARTER);

        project(events);

        TerritoryIndicators indicators = board.indicators(territory, QUARTER);
        assertThat(indicators.territory()).isEqualTo(territory);
        assertThat(indicators.closed()).isTrue();
        assertThat(figures(indicators)).isEqualTo(expected(events, territory, QUARTER, indicators.computedAt()));
        IndicatorValue byStatus = indicators.values().getFirst();
        assertThat(byStatus.id()).isEqualTo("referrals.by-status");
        assertThat(byStatus.value()).isEqualTo(IndicatorScenario.REFERRALS);
        IndicatorValue responded = value(indicators, "alerts.responded-within-target");
        assertThat(responded.value()).isEqualTo(50.0);
        assertThat(responded.target()).isEqualTo(new Target(responded.id(), Comparison.AT_LEAST, 90));
        assertThat(responded.status()).isEqualTo(TargetStatus.MISSED);
        assertThat(value(indicators, "workshops.waitlist-length").value()).isEqualTo(IndicatorScenario.WAITING_AT_END);
        assertThat(value(indicators, "meetings.mean-professions-present").value())
                .isEqualTo(4.0);
        assertThat(board.territories()).contains(territory);
        // another territory sees none of it
        assertThat(board.indicators(freshTerritory(), QUARTER)
                        .values()
                        .getFirst()
                        .value())
                .isEqualTo(0.0);
    }

    private static IndicatorValue value(TerritoryIndicators indicators, String id) {
        return indicators.values().stream()
                .filter(v -> v.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void theSameEventsPlayedTwiceAndShuffledGiveIdenticalIndicators() {
        String inOrder = freshTerritory();
        String shuffled = freshTerritory();
        List<TestEvent> once = IndicatorScenario.quarter(new TestEvents(inOrder), QUARTER);
        List<TestEvent> twice = new ArrayList<>(IndicatorScenario.quarter(new TestEvents(shuffled), QUARTER));
        twice.addAll(List.copyOf(twice));
        Collections.shuffle(twice, new Random(7));

        project(once);
        project(twice);

        for (Period period :
                List.of(QUARTER, QUARTER.months().getFirst(), QUARTER.months().get(1))) {
            TerritoryIndicators expected = board.indicators(inOrder, period);
            TerritoryIndicators actual = board.indicators(shuffled, period);
            assertThat(actual.values()).as(period.code()).isEqualTo(expected.values());
        }
        assertThat(board.indicators(shuffled, QUARTER).values().getFirst().value())
                .isEqualTo(IndicatorScenario.REFERRALS);
    }

    @Test
    void theFactsInMongoAreThoseOfTheInMemoryFoldAndHoldNoPersonalData() {
        String territory = freshTerritory();
        TestEvents ev = new TestEvents(territory);
        List<TestEvent> events = IndicatorScenario.quarter(ev, QUARTER);

        project(events);

        InMemoryFacts folded = InMemoryFacts.of(events);
        for (FactKind kind : FactKind.values()) {
            Map<String, Object> stored = new TreeMap<>();
            for (Document document : mongo.find(
                    Query.query(Criteria.where("territory").is(territory)),
                    Document.class,
                    facts.collectionName(kind))) {
                stored.put(document.getString("_id"), normalise(document));
                String text = document.toJson();
                assertThat(text).doesNotContain("personRef");
                ev.personRefs().forEach(personRef -> assertThat(text).doesNotContain(personRef));
            }
            Map<String, Object> inMemory = new TreeMap<>();
            folded.documents(kind).forEach((id, document) -> inMemory.put(id, normalise(document)));
            assertThat(stored).as(kind.name()).isEqualTo(inMemory).isNotEmpty();
        }
    }

    /** Dates as instants, sub-documents as sorted maps, arrays as sets (their order may differ). */
    private static Object normalise(Object value) {
        return switch (value) {
            case Date date -> date.toInstant();
            case Map<?, ?> map -> {
                Map<String, Object> sorted = new TreeMap<>();
                map.forEach((k, v) -> sorted.put(String.valueOf(k), normalise(v)));
                yield sorted;
            }
            case List<?> list ->
                new HashSet<>(list.stream()
                        .map(IndicatorProjectionIntegrationTests::normalise)
                        .toList());
            default -> value;
        };
    }

    @Test
    void anInvalidEventGoesToTheDeadLetterTopicAndChangesNothing() {
        String territory = freshTerritory();
        TestEvents ev = new TestEvents(territory);
        Instant at = Instant.parse("2025-05-05T08:00:00Z");
        String alertId = TestEvents.newId();
        TestEvent valid = ev.alertRaised(alertId, at, at.plus(Duration.ofHours(4)));
        Map<String, Object> data = new LinkedHashMap<>(valid.data());
        data.remove("raisedAt");
        TestEvent invalid = new TestEvent(
                TestEvents.newId(), at, valid.topic(), valid.source(), valid.type(), valid.subject(), territory, data);
        TopicReader deadLetters = readFromNow(TestEvents.ALERT_TOPIC + "-dlt");

        project(List.of(invalid));

        ConsumerRecord<String, String> deadLetter =
                deadLetters.awaitRecords(alertId, 1).getFirst();
        assertThat(deadLetter.value()).contains(invalid.id());
        assertThat(board.indicators(territory, QUARTER).values().getFirst().value())
                .isEqualTo(0.0);
        assertThat(facts.current().alertsRaised(territory, QUARTER.start(), QUARTER.end()))
                .isEmpty();

        project(List.of(valid));

        assertThat(value(board.indicators(territory, QUARTER), "alerts.by-urgency")
                        .value())
                .isEqualTo(1.0);
    }

    @Test
    void eventsOfTypesTheIndicatorsDoNotReadAreIgnoredEvenIfTheyWouldNotBind() {
        String key = TestEvents.newId();
        Instant at = Instant.parse("2025-05-05T08:00:00Z");
        TestEvent unread = new TestEvent(
                TestEvents.newId(),
                at,
                TestEvents.ALERT_TOPIC,
                "/maillage/alert",
                "fr.maillage.alert.assigned.v1",
                key,
                "bievre",
                Map.of("nothing", "we read"));
        TopicReader deadLetters = readFromNow(TestEvents.ALERT_TOPIC + "-dlt");

        project(List.of(unread));
        playRaw(TestEvents.ALERT_TOPIC, key, "not a CloudEvent");

        // the poison pill follows the unread event on the same partition: had that one been refused, it
        // would be in the dead-letter topic before it
        deadLetters.awaitRecords(key, 1);
        assertThat(deadLetters.readToEnd().stream().filter(r -> key.equals(r.key())))
                .singleElement()
                .satisfies(r -> assertThat(r.value()).isEqualTo("not a CloudEvent"));
    }
}
