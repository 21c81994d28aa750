/** Enrolment requests born of accepted referrals, held until an open group of the programme takes them. */
package fr.maillage.workshop.enrolment;
