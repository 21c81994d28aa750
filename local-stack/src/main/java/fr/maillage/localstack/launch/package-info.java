/** What the standalone mains share: option parsing, the port-busy exit code and a clean stop on SIGTERM. */
package fr.maillage.localstack.launch;
