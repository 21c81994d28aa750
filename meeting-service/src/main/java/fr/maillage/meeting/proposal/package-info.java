/** The automatic agenda: situations that went wrong elsewhere become proposed items of the next practice group. */
package fr.maillage.meeting.proposal;
