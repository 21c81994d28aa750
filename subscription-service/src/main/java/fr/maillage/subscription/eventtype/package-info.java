/** The event-type pattern language shared by subscriptions and the pull feed: an exact type, a family prefix ending in {@code .*}, or {@code *}. */
package fr.maillage.subscription.eventtype;
