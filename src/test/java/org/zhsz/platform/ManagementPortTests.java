package org.zhsz.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Actuator on its own port: health details, info (version, commit) and metrics there; on the API port — the one the
 * Ingress exposes — only a bare liveness answer, and no metrics or details without credentials.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "management.server.port=0")
@ActiveProfiles("test")
class ManagementPortTests {

    @LocalServerPort
    int apiPort;

    @LocalManagementPort
    int managementPort;

    private WebTestClient client(int port) {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
    }

    @Test
    void theApiPortSaysOnlyWhetherTheAppIsAlive() {
        assertThat(managementPort).isPositive().isNotEqualTo(apiPort);
        WebTestClient api = client(apiPort);
        String body = api.get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).isEqualTo("{\"status\":\"UP\"}");
        for (String path : new String[]{"/actuator/prometheus", "/actuator/info", "/actuator/health/readiness",
                "/actuator/health/liveness", "/actuator", "/actuator/backup"}) {
            api.get().uri(path).exchange().expectStatus().isUnauthorized();
        }
        api.post().uri("/actuator/backup").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void theManagementPortHasHealthDetailsProbesMetricsAndBuildInfo() {
        WebTestClient mgmt = client(managementPort);
        mgmt.get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.components.mongo.details.store").isEqualTo("embedded");
        mgmt.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        mgmt.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        String metrics = mgmt.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics).contains("zhsz_audit_chain_verified").contains("application=\"zhsz\"");
        mgmt.get().uri("/actuator/info").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.build.version").isEqualTo("0.1.0-SNAPSHOT")
                .jsonPath("$.build.artifact").isEqualTo("zhsz")
                .jsonPath("$.git.commit.id").value(id -> assertThat(String.valueOf(id)).matches("[0-9a-f]{7,40}"));
        // the API is not served on the management port
        mgmt.get().uri("/api/v1/me").exchange().expectStatus().isNotFound();
    }
}
