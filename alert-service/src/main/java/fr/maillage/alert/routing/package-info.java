/**
 * Who answers an alert and by when: response-time targets, working days and French public
 * holidays in Europe/Paris, office hours, sector and regulation teams per territory, from
 * {@code maillage.alert.*}.
 */
package fr.maillage.alert.routing;
