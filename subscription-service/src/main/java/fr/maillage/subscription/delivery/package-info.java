/** Durable delivery of events to subscriptions: persisted before the offset is committed, retried with back-off, replayable. */
package fr.maillage.subscription.delivery;
