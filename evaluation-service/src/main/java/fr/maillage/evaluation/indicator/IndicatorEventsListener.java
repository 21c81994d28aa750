package fr.maillage.evaluation.indicator;

import fr.maillage.platform.events.IncomingEvent;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The live projection: every event of the referral, alert, workshop and meeting topics, in consumer group
 * {@code maillage.evaluation.indicators.consumer-group}, folded into the facts of its subjects. Idempotent and
 * order-insensitive (see {@link FactUpdate}), so redeliveries and a rebuild running alongside are harmless.
 * Types the indicators do not read are ignored; an event whose data does not bind goes to the dead-letter
 * topic (platform-kit's error handler).
 */
@Component
class IndicatorEventsListener {

    private static final Logger log = LoggerFactory.getLogger(IndicatorEventsListener.class);

    private final FactStore facts;

    IndicatorEventsListener(FactStore facts) {
        this.facts = facts;
    }

    @KafkaListener(
            topics = {
                "${maillage.evaluation.indicators.topics.referral:referral.events.v1}",
                "${maillage.evaluation.indicators.topics.alert:alert.events.v1}",
                "${maillage.evaluation.indicators.topics.workshop:workshop.events.v1}",
                "${maillage.evaluation.indicators.topics.meeting:meeting.events.v1}"
            },
            groupId = "${maillage.evaluation.indicators.consumer-group:evaluation-indicators}")
    void on(IncomingEvent event) {
        List<FactUpdate> updates = IndicatorEvents.factsOf(event);
        if (!updates.isEmpty()) {
            facts.apply(updates);
            log.debug("Projected {} {} ({} subjects)", event.type(), event.id(), updates.size());
        }
    }
}
