/** Support for the system tests: the running platform, calls through the gateway, and real Keycloak tokens obtained the way real clients get them. */
package fr.maillage.systemtests.support;
