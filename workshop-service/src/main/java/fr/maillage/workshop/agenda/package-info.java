/** Facilitators' shared agendas: their sessions as an iCalendar feed any calendar client reads. */
package fr.maillage.workshop.agenda;
