/** A group's calendar: its sessions one cadence apart at the same local time, public holidays skipped. */
package fr.maillage.workshop.schedule;
