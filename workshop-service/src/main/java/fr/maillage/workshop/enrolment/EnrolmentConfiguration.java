package fr.maillage.workshop.enrolment;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on the scheduled sweep of pending enrolment requests. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class EnrolmentConfiguration {}
