/** RFC 9457 problem details for every error the gateway itself produces. */
package fr.maillage.gateway.problem;
