/** The directory of territorial resources a person can be referred to (CMP, workshops, peer support, …). */
package fr.maillage.referral.resource;
