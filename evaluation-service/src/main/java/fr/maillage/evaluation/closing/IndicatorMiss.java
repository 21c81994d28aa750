package fr.maillage.evaluation.closing;

import fr.maillage.platform.events.OutboundEvent;
import fr.maillage.platform.events.PublishesEvents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * That an indicator of a territory missed its target in a closed quarter, announced once ever: the id is
 * {@code <territory>:<quarter>:<indicatorId>}, so a second instance (or sweep) inserting the same miss
 * fails on the key and publishes nothing. Inserted with its {@code indicator-missed} event in its outbox.
 */
@Document("indicatorMisses")
public class IndicatorMiss implements PublishesEvents {

    @Id
    private final String id;

    private final String territory;
    private final String period;
    private final String indicatorId;
    private final Instant noticedAt;
    private final List<OutboundEvent> pendingEvents;

    @PersistenceCreator
    IndicatorMiss(
            String id,
            String territory,
            String period,
            String indicatorId,
            Instant noticedAt,
            List<OutboundEvent> pendingEvents) {
        this.id = id;
        this.territory = territory;
        this.period = period;
        this.indicatorId = indicatorId;
        this.noticedAt = noticedAt;
        this.pendingEvents = pendingEvents == null ? new ArrayList<>() : new ArrayList<>(pendingEvents);
    }

    public static IndicatorMiss of(String key, String territory, String period, String indicatorId, Instant noticedAt) {
        return new IndicatorMiss(key, territory, period, indicatorId, noticedAt, List.of());
    }

    public String id() {
        return id;
    }

    public String territory() {
        return territory;
    }

    public String period() {
        return period;
    }

    public String indicatorId() {
        return indicatorId;
    }

    public Instant noticedAt() {
        return noticedAt;
    }

    @Override
    public List<OutboundEvent> pendingEvents() {
        return pendingEvents;
    }
}
