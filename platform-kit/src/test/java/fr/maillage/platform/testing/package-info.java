/** Test support shared by every service's tests (published as platform-kit's test-jar). */
package fr.maillage.platform.testing;
