/** Alert triage: emission, qualification, operational response and feedback to the emitter. */
package fr.maillage.alert;
