/**
 * Closed-loop referrals: a person sent to a resource with their consent, what became of it (a FHIR-Task-like
 * state machine the referrer follows), and the watcher that flags those left unanswered.
 */
package fr.maillage.referral.referral;
