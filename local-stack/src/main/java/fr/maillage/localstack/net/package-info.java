/** Loopback port helpers shared by the launchers: free-port lookup and clear "port busy" errors. */
package fr.maillage.localstack.net;
