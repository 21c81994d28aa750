/**
 * The person registry: issues personRefs, keeps identities encrypted at rest (found again by a blind
 * index), and holds each person's consents, care team and the audit trail of who read their identity.
 */
package fr.maillage.referral.person;
