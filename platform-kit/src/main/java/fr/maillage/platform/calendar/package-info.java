/** Public holidays of the network's country, shared by the services that plan around working days. */
package fr.maillage.platform.calendar;
