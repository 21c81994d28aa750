/** Recurring meetings: the second Tuesday of every month, a day of each quarter, holidays moved on. */
package fr.maillage.meeting.series;
