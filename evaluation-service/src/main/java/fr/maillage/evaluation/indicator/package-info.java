/** Indicators built from every service's events, per territory and period, read against the territory's targets. */
package fr.maillage.evaluation.indicator;
