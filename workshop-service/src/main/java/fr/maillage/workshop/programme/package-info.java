/** The workshop programmes this service knows of (a projection of referral-service's directory) and the settings coordinators give them. */
package fr.maillage.workshop.programme;
