/** Resource-server security for Keycloak tokens: realm roles as authorities and the caller as a typed {@link fr.maillage.platform.security.CurrentUser}. */
package fr.maillage.platform.security;
