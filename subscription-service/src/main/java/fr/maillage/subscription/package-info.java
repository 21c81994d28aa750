/** Partner event subscriptions: signed webhooks, replay, pull feed and the event catalogue. */
package fr.maillage.subscription;
