/** Calendar periods of the steering committee's figures: months and quarters, in Paris time. */
package fr.maillage.evaluation.period;
