package dev.querylens.demo.jobs;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Turns the scheduler on in the {@code jobs} profile; the embedded broker is switched on
 * in {@code application-jobs.properties}.
 */
@Configuration(proxyBeanMethods = false)
@Profile("jobs")
@EnableScheduling
class JobsConfiguration {

}
