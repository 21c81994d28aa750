/** The person registry: issues personRefs and keeps identities encrypted at rest, found again by a blind index. */
package fr.maillage.referral.person;
