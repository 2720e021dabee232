package org.zhsz.platform.web;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;
import org.zhsz.platform.SchoolClock;
import org.zhsz.platform.security.ActorArgumentResolver;

import tools.jackson.databind.json.JsonMapper;

@Configuration
class WebConfig implements WebFluxConfigurer {

    private final ActorArgumentResolver actorResolver;
    private final JsonMapper json;

    WebConfig(ActorArgumentResolver actorResolver, JsonMapper json) {
        this.actorResolver = actorResolver;
        this.json = json;
    }

    /** Request bodies are decoded with the application's settings plus the text rule of {@link SafeTextModule}. */
    @Override
    public void configureHttpMessageCodecs(ServerCodecConfigurer configurer) {
        configurer.defaultCodecs().jacksonJsonDecoder(new JacksonJsonDecoder(
                json.rebuild().addModule(new SafeTextModule()).build()));
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
