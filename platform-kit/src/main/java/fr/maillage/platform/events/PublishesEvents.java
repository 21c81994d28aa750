package fr.maillage.platform.events;

import java.util.List;

/**
 * An aggregate stored in MongoDB that carries its own not-yet-published integration events,
 * written in the same single-document write as its state change (the embedded outbox).
 *
 * <p>The implementing document must keep them in a persistent property named {@code pendingEvents}
 * (a mutable list, in the order the events happened). The {@link OutboxRelay} publishes and removes
 * them; application code only adds.
 */
public interface PublishesEvents {

    /** The events still to publish, oldest first; application code appends to it. */
    List<OutboundEvent> pendingEvents();
}
