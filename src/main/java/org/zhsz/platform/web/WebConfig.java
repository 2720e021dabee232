package org.zhsz.platform.web;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;
import org.zhsz.platform.SchoolClock;
import org.zhsz.platform.security.ActorArgumentResolver;

@Configuration
class WebConfig implements WebFluxConfigurer {

    private final ActorArgumentResolver actorResolver;

    WebConfig(ActorArgumentResolver actorResolver) {
        this.actorResolver = actorResolver;
    }

    @Override
    public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
        configurer.addCustomResolver(actorResolver);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    SchoolClock schoolClock(Clock clock) {
        return new SchoolClock(clock);
    }
}
