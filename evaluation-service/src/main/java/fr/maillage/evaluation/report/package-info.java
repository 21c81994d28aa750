/** Quarterly reports for the steering committee: JSON, CSV and a PDF with charts, stored, downloadable and announced. */
package fr.maillage.evaluation.report;
