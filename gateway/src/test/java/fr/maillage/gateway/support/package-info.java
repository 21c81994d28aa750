/** Test doubles on loopback: an OIDC issuer minting tokens, and stand-ins for the services. */
package fr.maillage.gateway.support;
