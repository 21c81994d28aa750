/** The watcher that escalates alerts left without a response past their due time (levels 1 and 2). */
package fr.maillage.alert.escalation;
