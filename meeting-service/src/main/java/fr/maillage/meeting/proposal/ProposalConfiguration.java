package fr.maillage.meeting.proposal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Binds the automatic agenda's settings and turns on the sweep of pending proposals. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(ProposalProperties.class)
class ProposalConfiguration {}
