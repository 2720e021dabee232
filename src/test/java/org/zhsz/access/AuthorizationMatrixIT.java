package org.zhsz.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.zhsz.support.KeycloakServer;

/** The same matrix with real password-grant tokens from Keycloak against the running server. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@ActiveProfiles("test")
class AuthorizationMatrixIT {

    @DynamicPropertySource
    static void keycloak(DynamicPropertyRegistry registry) {
        registry.add("zhsz.security.issuer-uri", KeycloakServer::issuer);
    }

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @Test
    void everyEndpointForEveryDemoUserWithRealTokens() {
        Map<String, String> tokens = new HashMap<>();
        // the test client's pooled keep-alive connections, as a browser or a script would use them
        WebTestClient web = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(java.time.Duration.ofSeconds(30)).build();
        List<String> wrong = AccessMatrix.wrongCells(web, user -> c -> c.mutate().defaultHeader("Authorization", "Bearer "
                + tokens.computeIfAbsent(user, KeycloakServer::token)).build());
        assertThat(wrong).as("wrong cells:\n" + String.join("\n", wrong)).isEmpty();
    }
}
