/** A tiny service built on the kit, for the kit's integration tests. */
package fr.maillage.platform.web.testapp;
