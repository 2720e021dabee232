package org.zhsz.insight;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class InsightConfig {

    @Bean
    WarningRules warningRules() {
        return new WarningRules(WarningCriteria.load());
    }

    @Bean
    CountyTargets countyTargets() {
        return CountyTargets.load();
    }

    @Bean
    PortraitRules portraitRules() {
        return PortraitRules.load();
    }
}
