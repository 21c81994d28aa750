package fr.maillage.workshop.programme;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the programmes' default settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProgrammeDefaultsProperties.class)
class ProgrammeConfiguration {}
