/**
 * Workshop groups: the co-facilitated cohort of a programme, its calendar of sessions, its lifecycle,
 * capacity, enrolments and waiting list.
 */
package fr.maillage.workshop.group;
