package org.zhsz.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.zhsz.support.JwksServer;
import org.zhsz.support.PausableProxy;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * When Keycloak's keys cannot be fetched or the store does not answer, requests get a 503 problem (in Chinese by
 * default) instead of hanging, {@code /actuator/health} says which dependency is down, and everything works again
 * by itself when it is back. Keycloak is a key endpoint this test stops, hangs and restarts; the store is a MongoDB
 * (mongo-java-server) behind a proxy this test pauses and stops. The client waits at most 30 s for any answer:
 * without the bounds an answer never comes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@AutoConfigureWebTestClient
@ActiveProfiles("test")
class DependenciesDownTests {

    static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    static final PausableProxy PROXY;
    static final JwksServer KEYCLOAK;

    static {
        try {
            MONGO.bind("127.0.0.1", 0);
            PROXY = new PausableProxy(MONGO.getLocalAddress().getPort());
            KEYCLOAK = new JwksServer();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void dependencies(DynamicPropertyRegistry r) {
        r.add("zhsz.security.issuer-uri", KEYCLOAK::issuer);
        r.add("zhsz.security.jwk-set-uri", KEYCLOAK::jwkSetUri);
        r.add("zhsz.security.keys-timeout", () -> "2s");
        r.add("management.health.keycloak.enabled", () -> "true");
        r.add("spring.mongodb.uri", () -> "mongodb://127.0.0.1:" + PROXY.port() + "/zhsz");
        r.add("zhsz.store.timeout", () -> "2s");
        r.add("zhsz.store.read-timeout", () -> "4s");
        r.add("zhsz.encryption.keys", () -> "t1:" + Base64.getEncoder().encodeToString(new byte[32]));
    }

    @AfterAll
    static void stopAll() throws IOException {
        PROXY.close();
        KEYCLOAK.close();
        MONGO.shutdownNow();
    }

    @Autowired
    WebTestClient web;
    @org.springframework.boot.test.web.server.LocalManagementPort
    int managementPort;

    private WebTestClient client() {
        return web.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    private EntityExchangeResult<String> withToken(String token) {
        return client().get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                .expectBody(String.class).returnResult();
    }

    private EntityExchangeResult<String> students() {
        return client().get().uri("/api/v1/students?size=5")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + KEYCLOAK.token("admin_s1")).exchange()
                .expectBody(String.class).returnResult();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> health() {
        // health with its components is served on the management port
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort)
                .responseTimeout(Duration.ofSeconds(30)).build().get().uri("/actuator/health").exchange()
                .expectBody(Map.class).returnResult()
                .getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static String status(Map<String, Object> health, String component) {
        return (String) ((Map<String, Object>) ((Map<String, Object>) health.get("components")).get(component))
                .get("status");
    }

    /** Asks until the answer has the status, for at most 30 s (the dependency's own heartbeat finds it back). */
    private static void eventually(Supplier<Integer> status, int expected) throws InterruptedException {
        Instant end = Instant.now().plusSeconds(30);
        int last = -1;
        while (Instant.now().isBefore(end)) {
            last = status.get();
            if (last == expected) {
                return;
            }
            Thread.sleep(500);
        }
        assertThat(last).as("status after the dependency came back").isEqualTo(expected);
    }

    private static void assert503(EntityExchangeResult<String> r, String code, String chinese) {
        assertThat(r.getStatus().value()).as(r.getResponseBody()).isEqualTo(503);
        assertThat(r.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(r.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
        assertThat(r.getResponseBody()).contains("\"code\":\"" + code + "\"").contains(chinese);
    }

    @Test
    void keycloakDownHangingAndBack() throws Exception {
        KEYCLOAK.rotate(); // a key the app has not fetched yet, whichever test ran first
        KEYCLOAK.down();
        String token = KEYCLOAK.token("admin_s1");
        assert503(withToken(token), "auth_unavailable", "登录服务");
        assertThat(status(health(), "keycloak")).isEqualTo("DOWN");

        KEYCLOAK.hang(); // accepts the connection, never answers
        assert503(withToken(token), "auth_unavailable", "登录服务");

        KEYCLOAK.up();
        eventually(() -> withToken(token).getStatus().value(), 200);
        assertThat(status(health(), "keycloak")).isEqualTo("UP");

        // down again: the keys already fetched still check tokens signed with them
        KEYCLOAK.down();
        assertThat(withToken(KEYCLOAK.token("head_c1")).getStatus().value()).isEqualTo(200);
        assertThat(status(health(), "keycloak")).isEqualTo("DOWN");
        // a token signed with a new key needs the key endpoint
        KEYCLOAK.rotate();
        String rotated = KEYCLOAK.token("admin_s1");
        assert503(withToken(rotated), "auth_unavailable", "登录服务");
        KEYCLOAK.up();
        eventually(() -> withToken(rotated).getStatus().value(), 200);
        // a forged token is still a 401, not a 503
        assertThat(withToken(token.substring(0, token.lastIndexOf('.') + 1) + "AAAA").getStatus().value())
                .isEqualTo(401);
    }

    @Test
    void storeHangingStoppedAndBack() throws Exception {
        KEYCLOAK.up(); // real tokens on a real port: the keys must be there
        EntityExchangeResult<String> first = students();
        assertThat(first.getStatus().value()).as(first.getResponseBody()).isEqualTo(200);

        PROXY.pause(); // the store stops answering: connections stay open, nothing comes back
        try {
            assert503(students(), "store_unavailable", "数据服务");
            assertThat(status(health(), "mongo")).isEqualTo("DOWN");
            assert503(students(), "store_unavailable", "数据服务");
        } finally {
            PROXY.resume();
        }
        eventually(() -> students().getStatus().value(), 200);
        assertThat(status(health(), "mongo")).isEqualTo("UP");

        PROXY.stop(); // the store is stopped: connections refused
        try {
            assert503(students(), "store_unavailable", "数据服务");
            assertThat(status(health(), "mongo")).isEqualTo("DOWN");
        } finally {
            PROXY.start();
        }
        eventually(() -> students().getStatus().value(), 200);
    }
}
