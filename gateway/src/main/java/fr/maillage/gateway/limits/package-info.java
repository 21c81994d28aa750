/** Request-size limit and per-client rate limit, applied before a request reaches a service. */
package fr.maillage.gateway.limits;
