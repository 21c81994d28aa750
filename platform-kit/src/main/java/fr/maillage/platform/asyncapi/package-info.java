/**
 * AsyncAPI 3 documents of the platform's events, built from the producers' own JSON Schemas ({@code events/*.json}):
 * the partner catalogue and, through Springwolf, each producing service's own document.
 */
package fr.maillage.platform.asyncapi;
