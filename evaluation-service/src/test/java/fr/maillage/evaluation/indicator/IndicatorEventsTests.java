package fr.maillage.evaluation.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.maillage.evaluation.indicator.TestEvents.TestEvent;
import fr.maillage.evaluation.period.Period;
import fr.maillage.platform.events.InvalidEventException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What each event tells about its subjects: no person, nothing for the types not read, invalid data refused. */
class IndicatorEventsTests {

    private final TestEvents ev = new TestEvents("bievre");

    @Test
    void noFactUpdateCarriesAPersonRef() {
        List<TestEvent> events = IndicatorScenario.quarter(ev, Period.parse("2026-Q3"));

        for (TestEvent event : events) {
            for (FactUpdate update : IndicatorEvents.factsOf(event.incoming())) {
                assertThat(update.toString()).as(event.type()).doesNotContain("personRef");
                ev.personRefs()
                        .forEach(personRef -> assertThat(update.toString()).doesNotContain(personRef));
            }
        }
    }

    @Test
    void aTypeTheIndicatorsDoNotReadTellsNothing() {
        TestEvent firstContact = ev.referralFirstContact(TestEvents.newId(), Instant.parse("2026-08-01T10:00:00Z"));

        assertThat(IndicatorEvents.projects(firstContact.type())).isFalse();
        assertThat(IndicatorEvents.factsOf(firstContact.incoming())).isEmpty();
    }

    @Test
    void anEventMissingAFieldTheIndicatorsNeedIsInvalid() {
        TestEvent submitted =
                ev.referralSubmitted(TestEvents.newId(), Instant.parse("2026-08-01T10:00:00Z"), Duration.ofDays(7));
        Map<String, Object> data = new LinkedHashMap<>(submitted.data());
        data.remove("submittedAt");
        TestEvent broken = new TestEvent(
                submitted.id(),
                submitted.time(),
                submitted.topic(),
                submitted.source(),
                submitted.type(),
                submitted.subject(),
                submitted.territory(),
                data);

        assertThatThrownBy(() -> IndicatorEvents.factsOf(broken.incoming())).isInstanceOf(InvalidEventException.class);
    }

    @Test
    void anEventWithAMalformedIdOrTerritoryIsInvalid() {
        TestEvent raised = ev.alertRaised(
                TestEvents.newId(), Instant.parse("2026-08-01T10:00:00Z"), Instant.parse("2026-08-02T10:00:00Z"));
        Map<String, Object> badId = new LinkedHashMap<>(raised.data());
        badId.put("alertId", "not-a-uuid");
        Map<String, Object> badTerritory = new LinkedHashMap<>(raised.data());
        badTerritory.put("territory", "Bièvre");

        for (Map<String, Object> data : List.of(badId, badTerritory)) {
            TestEvent broken = new TestEvent(
                    raised.id(),
                    raised.time(),
                    raised.topic(),
                    raised.source(),
                    raised.type(),
                    raised.subject(),
                    raised.territory(),
                    data);
            assertThatThrownBy(() -> IndicatorEvents.factsOf(broken.incoming()))
                    .isInstanceOf(InvalidEventException.class);
        }
    }

    @Test
    void aRedirectionMarksTheNewReferralAsComingFromARedirection() {
        String original = TestEvents.newId();
        String next = TestEvents.newId();

        List<FactUpdate> updates =
                IndicatorEvents.factsOf(ev.referralRedirected(original, next, Instant.parse("2026-08-01T10:00:00Z"))
                        .incoming());

        assertThat(updates).extracting(FactUpdate::id).containsExactly(original, next);
        assertThat(updates.get(1).sets()).containsEntry("redirection", true);
    }
}
