/** Spring Cloud Gateway (WebFlux) in front of the six services; routes live in application.yml. */
package fr.maillage.gateway;
