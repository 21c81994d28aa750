package fr.maillage.evaluation.report;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import fr.maillage.evaluation.indicator.Disclosure;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportPropertiesTests {

    @Test
    void aTrendIndicatorOutsideTheCatalogueStopsTheService() {
        ReportProperties properties =
                new ReportProperties(List.of("referrals.answered-within-target", "alerts.responded-in-time"));

        assertThatIllegalStateException()
                .isThrownBy(() -> new ReportService(
                        new FakeIndicatorBoard(Clock.systemUTC()),
                        new Disclosure(5),
                        null,
                        null,
                        Clock.systemUTC(),
                        properties))
                .withMessageContaining("alerts.responded-in-time")
                .withMessageContaining("trend-indicators");
    }
}
