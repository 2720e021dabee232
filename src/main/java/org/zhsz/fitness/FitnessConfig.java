package org.zhsz.fitness;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

@Configuration(proxyBeanMethods = false)
class FitnessConfig {

    /** One immutable scorer for the whole application; its tables are loaded once. */
    @Bean
    FitnessScorer fitnessScorer() {
        return FitnessScorer.standard2014();
    }

    /** The results' indexes exist before any runner or request writes a result. */
    @Bean
    @Order(1)
    ApplicationRunner fitnessIndexes(ResultStore store) {
        return new ApplicationRunner() {
            @Override
            public void run(ApplicationArguments args) {
                store.ensureIndexes().block();
            }
        };
    }
}
