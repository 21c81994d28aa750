package fr.maillage.subscription.events;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the event log's settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EventLogProperties.class)
class EventLogConfiguration {}
