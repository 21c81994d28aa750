/** Outbound HTTP to partners' endpoints: safe addresses only (no SSRF), pinned per attempt, signed, bounded in time. */
package fr.maillage.subscription.outbound;
