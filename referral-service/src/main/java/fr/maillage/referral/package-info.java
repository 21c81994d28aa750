/** Orientation referrals: the directory of territorial resources, closed-loop referrals and the person registry. */
package fr.maillage.referral;
