/** What workshop-service hears from referral-service on {@code referral.events.v1}, and whom it tells. */
package fr.maillage.workshop.referral;
