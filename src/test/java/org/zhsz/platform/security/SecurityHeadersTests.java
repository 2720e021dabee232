package org.zhsz.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhsz.support.DemoUsers.jwt;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.zhsz.support.ZhszTest;

/**
 * The web app and the API answer with a Content-Security-Policy that allows exactly what the app needs (its own
 * scripts, inline styles, the configured Keycloak for tokens and frames), and the usual protective headers. The
 * browser end-to-end suite runs the real app under this policy and fails on any violation.
 */
@ZhszTest
class SecurityHeadersTests {

    @Autowired
    WebTestClient web;

    @Test
    void thePolicyNamesTheKeycloakOfTheIssuerAndNothingLoose() {
        String csp = SecurityHeaders.contentSecurityPolicy("https://sso.example.org:8443/realms/zhsz", null);
        assertThat(csp).contains("script-src 'self';")
                .contains("connect-src 'self' https://sso.example.org:8443;")
                .contains("frame-src 'self' blob: https://sso.example.org:8443;")
                .contains("style-src 'self' 'unsafe-inline';")
                .contains("object-src 'none'")
                .contains("frame-ancestors 'self'")
                .doesNotContain("unsafe-eval").doesNotContain("script-src 'self' 'unsafe-inline'")
                .doesNotContain("*");
        assertThat(SecurityHeaders.contentSecurityPolicy("not a url", null)).contains("connect-src 'self';");
        assertThat(SecurityHeaders.contentSecurityPolicy("http://x/realms/y", "default-src 'none'"))
                .isEqualTo("default-src 'none'");
        assertThat(SecurityHeaders.origin("http://user:pw@127.0.0.1:8180/realms/zhsz")).isEqualTo("http://127.0.0.1:8180");
    }

    @Test
    void theAppPageAndTheApiCarryTheHeaders() {
        for (WebTestClient.ResponseSpec r : new WebTestClient.ResponseSpec[]{
                web.get().uri("/index.html").accept(MediaType.TEXT_HTML).exchange(),
                web.get().uri("/config.js").exchange(),
                web.mutateWith(jwt("admin_s1")).get().uri("/api/v1/me").exchange(),
                web.get().uri("/api/v1/me").exchange()}) {
            HttpHeaders h = r.returnResult(String.class).getResponseHeaders();
            assertThat(h.getFirst("Content-Security-Policy"))
                    .contains("script-src 'self';").contains("connect-src 'self' http://127.0.0.1:8180;")
                    .contains("frame-ancestors 'self'");
            assertThat(h.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(h.getFirst("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(h.getFirst("X-Frame-Options")).isEqualTo("SAMEORIGIN");
            assertThat(h.getFirst("Permissions-Policy")).contains("geolocation=()");
        }
    }
}
