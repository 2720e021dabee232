package org.zhsz.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where tokens come from.
 *
 * @param issuerUri  the realm's issuer; a token's {@code iss} must equal it (env ZHSZ_ISSUER_URI)
 * @param jwkSetUri  where the realm's signing keys are fetched; defaults to the issuer's certs endpoint
 * @param audience   a token's {@code aud} must contain this (the realm's clients add it with an audience mapper)
 * @param keysTimeout how long fetching the signing keys (and the health check of Keycloak) may take; when Keycloak
 *                   is down or does not answer in time, a request whose token needs the keys gets a 503 problem
 *                   (default 5 s). Keys once fetched are kept, so tokens keep working while Keycloak is down
 */
@ConfigurationProperties("zhsz.security")
public record SecurityProperties(String issuerUri, String jwkSetUri, String audience,
                                 java.time.Duration keysTimeout) {

    @org.springframework.boot.context.properties.bind.ConstructorBinding
    public SecurityProperties {
        if (issuerUri == null || issuerUri.isBlank()) {
            issuerUri = "http://127.0.0.1:8180/realms/zhsz";
        }
        if (jwkSetUri == null || jwkSetUri.isBlank()) {
            jwkSetUri = issuerUri + "/protocol/openid-connect/certs";
        }
        if (audience == null || audience.isBlank()) {
            audience = "zhsz-api";
        }
        if (keysTimeout == null || keysTimeout.isNegative() || keysTimeout.isZero()) {
            keysTimeout = java.time.Duration.ofSeconds(5);
        }
    }

    /** The settings with the default time limit for fetching keys. */
    public SecurityProperties(String issuerUri, String jwkSetUri, String audience) {
        this(issuerUri, jwkSetUri, audience, null);
    }
}
