package fr.maillage.platform.events;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;

/** Wakes the relay as soon as an aggregate with pending events is saved (polling is the fallback). */
final class OutboxSaveListener extends AbstractMongoEventListener<PublishesEvents> {

    private final ObjectProvider<OutboxRelay> relay;

    OutboxSaveListener(ObjectProvider<OutboxRelay> relay) {
        this.relay = relay;
    }

    @Override
    public void onAfterSave(AfterSaveEvent<PublishesEvents> event) {
        var pending = event.getSource().pendingEvents();
        if (pending != null && !pending.isEmpty()) {
            relay.ifAvailable(OutboxRelay::wake);
        }
    }
}
