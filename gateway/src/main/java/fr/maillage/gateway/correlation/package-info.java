/** Correlation id: accepted or created at the edge, sent downstream, echoed and logged. */
package fr.maillage.gateway.correlation;
