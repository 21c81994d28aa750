/** Platform-wide default settings, applied beneath each service's own configuration. */
package fr.maillage.platform.config;
