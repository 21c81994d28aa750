/** Participants' shared agendas: their meetings as an iCalendar feed. */
package fr.maillage.meeting.calendar;
