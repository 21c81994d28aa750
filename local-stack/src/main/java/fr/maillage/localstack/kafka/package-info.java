/** A real single-node Apache Kafka broker (KRaft) run in-process, and its standalone main. */
package fr.maillage.localstack.kafka;
