/** Prepares the official Keycloak server distribution (unpacked from the local Maven repository) with the Maillage realm ready for import. */
package fr.maillage.localstack.keycloak;
