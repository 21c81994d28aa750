/** JWT check at the edge (issuer + audience), realm roles, and 401/403 as problem details. */
package fr.maillage.gateway.security;
