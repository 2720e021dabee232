package org.zhsz.platform.security;

import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

import reactor.core.publisher.Mono;

/**
 * {@code keycloak} in {@code /actuator/health}: whether the realm's signing keys can be fetched now (within
 * {@code zhsz.security.keys-timeout}). DOWN means new tokens (or a new signing key) cannot be checked; tokens whose
 * key was fetched before keep working. Not part of the readiness group: the public verification page and
 * requests with known keys still work without Keycloak. {@code management.health.keycloak.enabled=false} turns it
 * off (the unit-test profile does: it runs without a Keycloak).
 */
@Component("keycloakHealthIndicator")
@org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator("keycloak")
class KeycloakHealthIndicator extends AbstractReactiveHealthIndicator {

    private final SecurityProperties props;
    private final WebClient client;

    KeycloakHealthIndicator(SecurityProperties props) {
        super("Keycloak's signing keys could not be fetched");
        this.props = props;
        this.client = SecurityConfig.keysClient(props);
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        return client.get().uri(props.jwkSetUri()).retrieve().bodyToMono(String.class)
                .timeout(props.keysTimeout().plusSeconds(1))
                .map(body -> builder.up().withDetail("jwkSetUri", props.jwkSetUri())
                        .withDetail("keys", body.split("\"kid\"", -1).length - 1).build());
    }
}
