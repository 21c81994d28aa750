/** Circuit breakers, time limits and the fallback answers for services that are down or slow. */
package fr.maillage.gateway.resilience;
