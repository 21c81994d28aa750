/** Standard Webhooks signatures: what a partner checks to know a delivery comes from us, unchanged. */
package fr.maillage.subscription.signing;
