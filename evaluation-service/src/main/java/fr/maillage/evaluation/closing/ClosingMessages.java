package fr.maillage.evaluation.closing;

import fr.maillage.evaluation.indicator.DisclosedIndicator;
import fr.maillage.evaluation.period.Period;
import fr.maillage.platform.events.EventOutbox;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The integration event of a miss, {@code fr.maillage.evaluation.indicator-missed.v1} (schema in
 * {@code resources/events/}), put in the miss's outbox. The figure leaves disclosed: the value is null
 * and the display {@code < 5} when it rests on too few cases. Subject = the miss's key; no audience.
 */
@Component
class ClosingMessages {

    static final String INDICATOR_MISSED = "fr.maillage.evaluation.indicator-missed.v1";

    private final EventOutbox outbox;

    ClosingMessages(EventOutbox outbox) {
        this.outbox = outbox;
    }

    void missed(IndicatorMiss miss, Period period, DisclosedIndicator indicator) {
        miss.pendingEvents()
                .add(outbox.event(
                        INDICATOR_MISSED,
                        miss.id(),
                        miss.territory(),
                        List.of(),
                        new IndicatorMissedV1(
                                miss.territory(),
                                period.code(),
                                indicator.id(),
                                indicator.value(),
                                indicator.display(),
                                indicator.n(),
                                indicator.target().comparison().name(),
                                indicator.target().threshold(),
                                period.end().toString())));
    }

    /** {@code fr.maillage.evaluation.indicator-missed.v1} data. */
    record IndicatorMissedV1(
            String territory,
            String period,
            String indicatorId,
            Double value,
            String display,
            String n,
            String comparison,
            double threshold,
            String closedAt) {}
}
