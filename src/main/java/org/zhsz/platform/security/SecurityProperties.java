package org.zhsz.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where tokens come from.
 *
 * @param issuerUri  the realm's issuer; a token's {@code iss} must equal it (env ZHSZ_ISSUER_URI)
 * @param jwkSetUri  where the realm's signing keys are fetched; defaults to the issuer's certs endpoint
 * @param audience   a token's {@code aud} must contain this (the realm's clients add it with an audience mapper)
 */
@ConfigurationProperties("zhsz.security")
public record SecurityProperties(String issuerUri, String jwkSetUri, String audience) {

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
    }
}
