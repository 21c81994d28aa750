/** Collective therapeutic workshops: groups, co-facilitated sessions, enrolments and attendance. */
package fr.maillage.workshop;
