/** Who came to each session, and noticing when a participant silently stops coming. */
package fr.maillage.workshop.attendance;
