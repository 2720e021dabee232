package org.zhsz.platform;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Periodic jobs (e.g. the overdue-alert check); off with zhsz.scheduling.enabled=false. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "zhsz.scheduling.enabled", matchIfMissing = true)
class SchedulingConfig {
}
