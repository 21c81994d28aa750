/** The MongoDB wire-protocol server (mongo-java-server), memory- or file-backed, and its standalone main. */
package fr.maillage.localstack.mongo;
