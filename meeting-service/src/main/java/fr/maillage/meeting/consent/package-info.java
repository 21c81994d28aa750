/** What the people discussed have consented to, as referral-service's person registry tells it. */
package fr.maillage.meeting.consent;
