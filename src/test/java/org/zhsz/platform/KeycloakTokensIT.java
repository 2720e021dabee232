package org.zhsz.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.zhsz.support.KeycloakServer;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** Real Keycloak tokens against the running app: accepted when genuine, 401 in every other case. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@ActiveProfiles("test")
class KeycloakTokensIT {

    @DynamicPropertySource
    static void keycloak(DynamicPropertyRegistry registry) {
        registry.add("zhsz.security.issuer-uri", KeycloakServer::issuer);
    }

    @Autowired
    WebTestClient web;

    private WebTestClient.ResponseSpec me(String token) {
        return web.get().uri("/api/v1/me").header("Authorization", "Bearer " + token).exchange();
    }

    @Test
    void aPasswordGrantTokenFromTheRealmIsAccepted() {
        me(KeycloakServer.token("admin_s1")).expectStatus().isOk()
                .expectBody().jsonPath("$.username").isEqualTo("admin_s1")
                .jsonPath("$.schoolId").isEqualTo("S1")
                .jsonPath("$.name").isEqualTo("王建国");
        web.get().uri("/api/v1/classes").header("Authorization", "Bearer " + KeycloakServer.token("admin_s1"))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.length()").value(n ->
                        assertThat((Integer) n).isGreaterThanOrEqualTo(2));
        me(KeycloakServer.token("student_c1a")).expectStatus().isOk()
                .expectBody().jsonPath("$.studentId").isEqualTo("S1-C1-01");
    }

    @Test
    void aTokenForAnotherAudienceIsRejected() {
        me(KeycloakServer.token("other-app", "admin_s1")).expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("unauthorized");
    }

    @Test
    void aTamperedTokenIsRejected() {
        String token = KeycloakServer.token("teacher_c2");
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"teacher\"", "\"school_admin\"");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertThat(forged).isNotEqualTo(token);
        me(forged).expectStatus().isUnauthorized();
    }

    @Test
    void aTokenFromAnotherIssuerIsRejected() throws Exception {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(2048);
        KeyPair keys = gen.generateKeyPair();
        for (String iss : List.of("http://evil.example/realms/zhsz", KeycloakServer.issuer())) {
            JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(iss).subject("x").audience("zhsz-api")
                    .expirationTime(Date.from(Instant.now().plusSeconds(300))).issueTime(new Date())
                    .claim("preferred_username", "admin_s1").claim("school_id", "S1")
                    .claim("realm_access", Map.of("roles", List.of("school_admin"))).build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("attacker").build(), claims);
            jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
            me(jwt.serialize()).expectStatus().isUnauthorized();
        }
    }

    @Test
    void anExpiredTokenIsRejected() throws InterruptedException {
        String token = KeycloakServer.token("zhsz-cli-short", "admin_s1");
        me(token).expectStatus().isOk();
        Thread.sleep(9_500); // lifespan 3 s + 5 s allowed clock skew
        me(token).expectStatus().isUnauthorized();
    }
}
