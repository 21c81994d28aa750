/** The public catalogue of partner events: an AsyncAPI 3 document assembled from the producers' own schemas. */
package fr.maillage.subscription.catalogue;
