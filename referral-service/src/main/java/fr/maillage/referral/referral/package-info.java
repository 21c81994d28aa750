/** Closed-loop referrals: a person sent to a resource with their consent, and what became of it. */
package fr.maillage.referral.referral;
