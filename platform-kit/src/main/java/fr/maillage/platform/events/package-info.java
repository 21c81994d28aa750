/**
 * Integration events: the CloudEvents envelope, the embedded outbox and its relay, listener
 * support with dead letters, and the processed-events store for idempotent consumers.
 */
package fr.maillage.platform.events;
