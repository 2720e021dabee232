package org.zhsz.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhsz.support.DemoUsers.jwt;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.zhsz.support.ZhszTest;

/**
 * The trail stopped and started again in the same process — what Spring does to a cached test context it pauses
 * and resumes, and to any lifecycle restart — keeps an intact chain: stopping closed its streams with last seals,
 * so events after the restart go to the streams of a new instance instead of being appended behind a last seal
 * (which verification reports as inserted).
 */
@ZhszTest
@DirtiesContext // it stops and restarts the trail
class AuditRestartTests {

    @Autowired
    WebTestClient web;
    @Autowired
    AuditTrail trail;

    @SuppressWarnings("unchecked")
    private Map<String, Object> verify() {
        return web.mutateWith(jwt("auditor")).get().uri("/api/v1/audit/verify").exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    private void write(int student) {
        web.mutateWith(jwt("admin_s1")).patch().uri("/api/v1/students/S1-C1-%02d".formatted(student))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of()).exchange().expectStatus().isOk();
        trail.flush().block(Duration.ofSeconds(30));
    }

    @Test
    void eventsAfterARestartGoToANewInstanceAndTheChainStaysIntact() {
        write(10);
        String before = trail.instance();
        trail.stop();
        trail.start();
        write(11);
        assertThat(trail.instance()).isNotEqualTo(before);
        assertThat(verify()).containsEntry("intact", true);
    }
}
