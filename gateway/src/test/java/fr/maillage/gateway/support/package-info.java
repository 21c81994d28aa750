/** Stand-ins for the services on loopback, real HTTP servers the gateway routes to. */
package fr.maillage.gateway.support;
