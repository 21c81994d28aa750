/** Meetings of the network: who is invited and present, the agenda, notes, decisions, quorum. */
package fr.maillage.meeting.meeting;
