/** The workshop programmes this service knows of: a projection of referral-service's directory. */
package fr.maillage.workshop.programme;
