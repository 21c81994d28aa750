/**
 * The alert circuit: the {@code Alert} aggregate from emission to feedback, its triage policy, access
 * rules, HTTP API, published events and the listeners that raise or anonymise alerts.
 */
package fr.maillage.alert.alert;
