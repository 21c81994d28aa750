/** Calendars the services share: public holidays of the network's country, and iCalendar feeds. */
package fr.maillage.platform.calendar;
