package org.zhsz.platform.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.zhsz.platform.web.ProblemWriter;

import reactor.core.publisher.Mono;

/**
 * Stateless JWT resource server. Keys come from the realm's JWKS (fetched lazily, so the app starts before
 * Keycloak); {@code iss}, {@code exp}/{@code nbf} and {@code aud} are checked. Everything under /api needs a
 * token except the public dossier verification; the web app's static files are public. Actuator lives on the
 * management port ({@link ManagementPort}); on the API port only {@code GET /actuator/health} answers, without details.
 */
@Configuration
@EnableWebFluxSecurity
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
class SecurityConfig {

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ProblemWriter problems,
                                                  ManagementPort management) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .securityContextRepository(
                        org.springframework.security.web.server.context.NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(ex -> ex
                        // the management port (actuator) is for operators and the cluster only: never routed
                        // through the Ingress, bound to loopback by ./run.sh; the backup endpoint checks its caller
                        .matchers(exchange -> management.matches(exchange)
                                && exchange.getRequest().getPath().value().startsWith("/actuator/backup")
                                && !ManagementPort.fromLoopback(exchange)
                                ? org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher
                                .MatchResult.match()
                                : org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher
                                .MatchResult.notMatch()).denyAll()
                        .matchers(exchange -> management.matches(exchange)
                                ? org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher
                                .MatchResult.match()
                                : org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher
                                .MatchResult.notMatch()).permitAll()
                        .pathMatchers(HttpMethod.OPTIONS, "/**").permitAll()
                        .pathMatchers("/api/v1/verify", "/api/v1/verify/**").permitAll()
                        .pathMatchers("/api/v1/public/**").permitAll()
                        .pathMatchers("/api/**").authenticated()
                        // on the API port: a bare liveness answer (LivenessController), nothing else of actuator
                        .pathMatchers(HttpMethod.GET, "/actuator/health").permitAll()
                        .pathMatchers("/actuator", "/actuator/**").denyAll()
                        .anyExchange().permitAll())
                .oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(SecurityConfig::convert))
                        .authenticationEntryPoint(problems::unauthorized)
                        .accessDeniedHandler(problems::accessDenied))
                .exceptionHandling(eh -> eh
                        .authenticationEntryPoint(problems::unauthorized)
                        .accessDeniedHandler(problems::accessDenied))
                .build();
    }

    @Bean
    ReactiveJwtDecoder jwtDecoder(SecurityProperties props) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(props.jwkSetUri()).build();
        OAuth2TokenValidator<Jwt> audience = token -> {
            List<String> aud = token.getAudience();
            return aud != null && aud.contains(props.audience())
                    ? OAuth2TokenValidatorResult.success()
                    : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
                    "The token is not meant for this API", null));
        };
        // 5 s of clock skew (Spring's default is 60 s): an expired token is refused promptly
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(Duration.ofSeconds(5)), new JwtIssuerValidator(props.issuerUri()), audience);
        decoder.setJwtValidator(validator);
        return new VerifiedTokenCache(decoder, validator, 10_000);
    }

    /**
     * No observation around every security filter: each request would record a dozen spans and timers that
     * repeat what {@code http.server.requests} already measures (a measurable share of a write request's CPU).
     */
    @Bean
    org.springframework.security.config.observation.SecurityObservationSettings securityObservationSettings() {
        return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
    }

    /** Realm roles become ROLE_* authorities; everything else about the caller is in the Actor. */
    static Mono<org.springframework.security.authentication.AbstractAuthenticationToken> convert(Jwt jwt) {
        Collection<GrantedAuthority> authorities = new ArrayList<>();
        Object realmAccess = jwt.getClaims().get("realm_access");
        if (realmAccess instanceof Map<?, ?> ra && ra.get("roles") instanceof Collection<?> roles) {
            for (Object r : roles) {
                if (r instanceof String s) {
                    authorities.add(new SimpleGrantedAuthority("ROLE_" + s.toUpperCase()));
                }
            }
        }
        return Mono.just(new JwtAuthenticationToken(jwt, authorities, jwt.getClaimAsString("preferred_username")));
    }

}
