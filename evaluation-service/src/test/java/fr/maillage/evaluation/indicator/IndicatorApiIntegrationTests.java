package fr.maillage.evaluation.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.evaluation.indicator.TestEvents.TestEvent;
import fr.maillage.evaluation.period.Period;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/indicators} and its catalogue: who sees what, small numbers suppressed, bad input. The demo
 * users only cover {@code bievre} and {@code lyon-nord}, so figure checks here use periods of {@code bievre} no
 * other test plays events in (2019).
 */
class IndicatorApiIntegrationTests extends IndicatorIntegrationSupport {

    private static final String BIEVRE = "/api/indicators?territory=bievre";

    private static JsonNode indicator(JsonNode body, String id) {
        return StreamSupport.stream(body.get("indicators").spliterator(), false)
                .filter(i -> i.get("id").asString().equals(id))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void steeringMembersCoordinatorsAndAdminsReadTheTerritorysIndicatorsOfTheCurrentQuarter() {
        Period current = Period.quarterOf(clock.instant());
        for (String reader : List.of(COPIL_BIEVRE, COORD_BIEVRE, ADMIN)) {
            HttpResponse<String> response = get(BIEVRE, reader);

            assertThat(response.statusCode()).as(reader).isEqualTo(200);
            JsonNode body = json(response);
            assertThat(body.get("territory").asString()).isEqualTo("bievre");
            assertThat(body.get("period").asString()).isEqualTo(current.code());
            assertThat(Instant.parse(body.get("from").asString())).isEqualTo(current.start());
            assertThat(Instant.parse(body.get("to").asString())).isEqualTo(current.end());
            assertThat(body.get("computedAt").asString()).isNotBlank();
            assertThat(body.get("closed").asBoolean()).isFalse();
            assertThat(body.get("smallNumberThreshold").asInt()).isEqualTo(5);
            assertThat(StreamSupport.stream(body.get("indicators").spliterator(), false)
                            .map(i -> i.get("id").asString())
                            .toList())
                    .containsExactlyElementsOf(IndicatorCatalogue.all().stream()
                            .map(IndicatorDefinition::id)
                            .toList());
        }
    }

    @Test
    void aCoordinatorOfAnotherTerritoryIsToldItIsNotThere() {
        HttpResponse<String> response = get(BIEVRE, COORD_LYON);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).get("type").asString()).isEqualTo("urn:maillage:problem:not-found");
        assertThat(get("/api/indicators?territory=lyon-nord", COORD_LYON).statusCode())
                .isEqualTo(200);
        assertThat(get("/api/indicators?territory=lyon-nord", COPIL_BIEVRE).statusCode())
                .isEqualTo(404);
    }

    @Test
    void rolesThatNeverReadFiguresAreForbiddenAndAnonymousCallersUnauthorised() {
        for (String forbidden : List.of("dr-martin", "psy-durand", "ide-bernard", "partner-epsm")) {
            HttpResponse<String> response = get(BIEVRE, forbidden);
            assertThat(response.statusCode()).as(forbidden).isEqualTo(403);
            assertThat(json(response).get("type").asString()).isEqualTo("urn:maillage:problem:forbidden");
        }
        assertThat(get(BIEVRE, null).statusCode()).isEqualTo(401);
    }

    @Test
    void countsBelowFiveAreShownAsLessThanFiveAndTheirSharesWithheldWithTheirStatus() {
        TestEvents ev = new TestEvents("bievre");
        List<TestEvent> events = new ArrayList<>();
        Instant march =
                LocalDateTime.parse("2019-03-12T10:00").atZone(Period.PARIS).toInstant();
        for (int i = 0; i < 3; i++) {
            String referralId = TestEvents.newId();
            events.add(ev.referralSubmitted(referralId, march, Duration.ofDays(7)));
            events.add(ev.referralAccepted(referralId, march.plus(Duration.ofDays(1))));
        }
        Instant april =
                LocalDateTime.parse("2019-04-12T10:00").atZone(Period.PARIS).toInstant();
        for (int i = 0; i < 6; i++) {
            events.add(ev.referralSubmitted(TestEvents.newId(), april, Duration.ofDays(7)));
        }
        project(events);

        JsonNode few = json(get(BIEVRE + "&period=2019-03", COPIL_BIEVRE));
        JsonNode count = indicator(few, "referrals.by-status");
        assertThat(count.get("display").asString()).isEqualTo("< 5");
        assertThat(count.get("n").asString()).isEqualTo("< 5");
        assertThat(count.get("value").isNull()).isTrue();
        assertThat(count.get("suppressed").asBoolean()).isTrue();
        assertThat(count.get("breakdown").get("ACCEPTED").asString()).isEqualTo("< 5");
        assertThat(count.get("breakdown").get("DECLINED").asString()).isEqualTo("0");
        JsonNode share = indicator(few, "referrals.answered-within-target");
        assertThat(share.get("display").asString()).isEqualTo("< 5");
        assertThat(share.get("value").isNull()).isTrue();
        assertThat(share.get("status").asString()).isEqualTo("MET");
        assertThat(share.get("targetDisplay").asString()).isEqualTo("≥ 80 %");
        assertThat(few.get("closed").asBoolean()).isTrue();

        JsonNode enough = json(get(BIEVRE + "&period=2019-04", COORD_BIEVRE));
        JsonNode six = indicator(enough, "referrals.by-status");
        assertThat(six.get("display").asString()).isEqualTo("6");
        assertThat(six.get("value").asDouble()).isEqualTo(6.0);
        assertThat(six.get("breakdown").get("SUBMITTED").asString()).isEqualTo("6");
        JsonNode noCase = indicator(enough, "alerts.feedback-to-emitter");
        assertThat(noCase.get("display").asString()).isEqualTo("—");
        assertThat(noCase.get("status").asString()).isEqualTo("NO_DATA");
    }

    @Test
    void aMissingOrMalformedTerritoryIsABadRequest() {
        HttpResponse<String> missing = get("/api/indicators", COPIL_BIEVRE);
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(json(missing).get("type").asString()).isEqualTo("urn:maillage:problem:missing-territory");

        HttpResponse<String> malformed = get("/api/indicators?territory=Bievre", ADMIN);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(json(malformed).get("type").asString()).isEqualTo("urn:maillage:problem:invalid-territory");
    }

    @Test
    void aMalformedPeriodIsABadRequestNamingTheExpectedForms() {
        for (String period : List.of("2026-13", "Q4-2026", "2026-Q5", "2026", "last-quarter")) {
            HttpResponse<String> response = get(BIEVRE + "&period=" + period, COPIL_BIEVRE);

            assertThat(response.statusCode()).as(period).isEqualTo(400);
            JsonNode problem = json(response);
            assertThat(problem.get("type").asString()).isEqualTo("urn:maillage:problem:invalid-period");
            assertThat(problem.get("detail").asString()).contains("2026-11", "2026-Q4");
        }
    }

    @Test
    void aPeriodThatHasNotStartedIsUnprocessable() {
        Period next = Period.quarterOf(Period.quarterOf(clock.instant()).end().plus(Duration.ofDays(1)));
        Period nextMonth = Period.monthOf(Period.monthOf(clock.instant()).end().plus(Duration.ofDays(1)));

        for (Period period : List.of(next, nextMonth)) {
            HttpResponse<String> response = get(BIEVRE + "&period=" + period.code(), COPIL_BIEVRE);
            assertThat(response.statusCode()).as(period.code()).isEqualTo(422);
            assertThat(json(response).get("type").asString()).isEqualTo("urn:maillage:problem:period-not-started");
        }
        assertThat(get(BIEVRE + "&period=" + Period.monthOf(clock.instant()).code(), COPIL_BIEVRE)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void theCatalogueIsReadByAnyAuthenticatedCaller() {
        HttpResponse<String> response = get("/api/indicators/definitions", "dr-martin");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode definitions = json(response);
        assertThat(definitions.size()).isEqualTo(IndicatorCatalogue.all().size());
        JsonNode first = definitions.get(0);
        assertThat(first.get("id").asString()).isEqualTo("referrals.by-status");
        assertThat(first.get("domain").asString()).isEqualTo("REFERRALS");
        assertThat(first.get("unit").asString()).isEqualTo("COUNT");
        assertThat(first.get("formula").asString()).contains("submitted in the period");
        assertThat(first.get("sourceEvents").get(0).asString()).isEqualTo("fr.maillage.referral.submitted.v1");
        assertThat(get("/api/indicators/definitions", null).statusCode()).isEqualTo(401);
    }
}
