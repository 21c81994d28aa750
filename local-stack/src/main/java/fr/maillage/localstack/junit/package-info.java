/** The JUnit 5 extension that starts the shared local infrastructure (Kafka, Mongo wire server, OIDC issuer) once per JVM. */
package fr.maillage.localstack.junit;
