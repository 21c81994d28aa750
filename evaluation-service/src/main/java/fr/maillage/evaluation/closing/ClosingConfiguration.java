package fr.maillage.evaluation.closing;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the closed-period review's settings; the review itself is {@link ClosedPeriodWatcher}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClosingProperties.class)
class ClosingConfiguration {}
