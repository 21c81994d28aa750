package fr.maillage.alert.escalation;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on the escalation watcher's schedule and binds its settings. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(EscalationProperties.class)
class EscalationConfiguration {}
