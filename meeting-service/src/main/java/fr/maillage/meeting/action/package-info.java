/** Action items decided in meetings: an owner, a due date, done on time or told when overdue. */
package fr.maillage.meeting.action;
