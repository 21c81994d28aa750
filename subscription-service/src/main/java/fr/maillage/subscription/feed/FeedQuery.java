package fr.maillage.subscription.feed;

/**
 * One reader's request: from where, which types, how many, and whose audience.
 *
 * @param institution the reader's institution (only events whose audience contains it); null: every event
 */
public record FeedQuery(FeedCursor cursor, TypePatterns types, int limit, String institution) {}
