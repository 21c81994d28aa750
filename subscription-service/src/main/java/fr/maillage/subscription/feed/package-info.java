/** The pull feed for partners that cannot receive webhooks: long-polled, cursor-based, same audience rule. */
package fr.maillage.subscription.feed;
