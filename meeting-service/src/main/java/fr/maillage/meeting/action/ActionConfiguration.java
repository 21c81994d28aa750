package fr.maillage.meeting.action;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Binds the action settings; schedules the overdue sweep ({@link ActionOverdueWatcher}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ActionProperties.class)
@EnableScheduling
class ActionConfiguration {}
