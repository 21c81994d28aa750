/** The review of closed quarters: an indicator that ended under its target is announced once. */
package fr.maillage.evaluation.closing;
