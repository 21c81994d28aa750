/** Evaluation: questionnaires, indicators against the territory's targets and quarterly reports. */
package fr.maillage.evaluation;
