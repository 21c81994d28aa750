/** A fake Keycloak-shaped OIDC issuer (discovery + JWKS) and a minter of its access tokens, for integration tests. */
package fr.maillage.localstack.oidc;
