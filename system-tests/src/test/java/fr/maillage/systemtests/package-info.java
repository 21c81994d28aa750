/** End-to-end scenarios through the gateway of the whole platform, with tokens from the real Keycloak. */
package fr.maillage.systemtests;
