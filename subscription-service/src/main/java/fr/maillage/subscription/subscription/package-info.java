/** Partner subscriptions: which events an institution wants, where, signed with which secret, and how healthy the endpoint is. */
package fr.maillage.subscription.subscription;
