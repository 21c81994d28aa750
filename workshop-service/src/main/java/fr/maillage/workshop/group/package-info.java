/** Workshop groups: the co-facilitated cohort of a programme, its capacity, enrolments and waiting list. */
package fr.maillage.workshop.group;
