package org.zhsz.platform.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import reactor.core.publisher.Mono;

/**
 * Remembers tokens whose signature and claims were checked, so a client's next requests with the same token skip
 * the RSA signature check and the JSON parsing (about a fifth of a write request's CPU here). The key is the whole
 * token string, so a changed byte is a miss and goes through the full check. On every hit the validators run
 * again ({@code exp}/{@code nbf} with the skew, issuer, audience): an expired token is refused just as without the
 * cache. A token stays at most until its {@code exp}; the map is bounded (cleared when full). A failure to fetch
 * the signing keys leaves as a {@link JwtException} (not a bad token), which the API answers with 503.
 */
final class VerifiedTokenCache implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder delegate;
    private final OAuth2TokenValidator<Jwt> validator;
    private final int maxEntries;
    private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

    VerifiedTokenCache(ReactiveJwtDecoder delegate, OAuth2TokenValidator<Jwt> validator, int maxEntries) {
        this.delegate = delegate;
        this.validator = validator;
        this.maxEntries = maxEntries;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = verified.get(token);
        if (known != null) {
            OAuth2TokenValidatorResult result = validator.validate(known);
            if (result.hasErrors()) {
                verified.remove(token);
                return Mono.error(new JwtValidationException("the token is no longer valid", result.getErrors()));
            }
            return Mono.just(known);
        }
        return delegate.decode(token)
                // the keys could not be fetched (Keycloak down or hanging): not the token's fault; as a JwtException
                // that is not a BadJwtException it becomes an AuthenticationServiceException, answered 503
                .onErrorMap(e -> !(e instanceof JwtException),
                        e -> new JwtException("The signing keys could not be fetched: " + e.getMessage(), e))
                .doOnNext(jwt -> {
            if (jwt.getExpiresAt() == null) {
                return; // never cache a token without an expiry
            }
            if (verified.size() >= maxEntries) {
                verified.clear();
            }
            verified.put(token, jwt);
        });
    }

    int size() {
        return verified.size();
    }
}
