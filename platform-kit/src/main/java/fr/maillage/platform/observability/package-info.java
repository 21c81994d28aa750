/** Observability defaults: correlation id, structured logs, probes and metrics, and the personal-data audit log. */
package fr.maillage.platform.observability;
