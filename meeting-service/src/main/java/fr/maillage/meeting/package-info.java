/** Pluriprofessional meetings: practice groups, case conferences, steering committees, decisions and actions. */
package fr.maillage.meeting;
