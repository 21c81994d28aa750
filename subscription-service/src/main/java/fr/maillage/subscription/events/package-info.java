/** The log of every service's events, kept for replay and the pull feed. */
package fr.maillage.subscription.events;
