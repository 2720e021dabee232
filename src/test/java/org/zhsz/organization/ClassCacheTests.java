package org.zhsz.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhsz.support.DemoUsers.jwt;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.zhsz.support.ZhszTest;

/**
 * Classes are reused for a few seconds by class-scoped decisions and pages, but a class the school admin closes or
 * reopens shows so on the very next request, and a new class is there at once: the write drops what was kept.
 */
@ZhszTest
class ClassCacheTests {

    @Autowired
    WebTestClient web;

    private WebTestClient as(String user) {
        return web.mutate().responseTimeout(Duration.ofSeconds(30)).build().mutateWith(jwt(user));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> classAsAdmin(String id) {
        return as("admin_s1").get().uri("/api/v1/classes/{id}", id).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    private void patchActive(String id, boolean active) {
        as("admin_s1").patch().uri("/api/v1/classes/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("active", active)).exchange().expectStatus().isOk();
    }

    @Test
    void aClosedOrReopenedClassShowsSoOnTheNextRequest() {
        assertThat(classAsAdmin("S1-C2").get("active")).isEqualTo(true);
        assertThat(classAsAdmin("S1-C2").get("active")).isEqualTo(true); // now kept by the directory
        patchActive("S1-C2", false);
        try {
            assertThat(classAsAdmin("S1-C2").get("active")).isEqualTo(false);
        } finally {
            patchActive("S1-C2", true);
        }
        assertThat(classAsAdmin("S1-C2").get("active")).isEqualTo(true);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aNewClassIsListedAndReadableAtOnce() {
        assertThat(as("admin_s1").get().uri("/api/v1/classes").exchange().expectStatus().isOk()
                .expectBodyList(Map.class).returnResult().getResponseBody()).isNotEmpty(); // the school's classes kept
        Map<String, Object> created = as("admin_s1").post().uri("/api/v1/classes")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("stage", "JUNIOR", "entryYear", 2024,
                        "classNo", 47))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(classAsAdmin((String) created.get("id")).get("classNo")).isEqualTo(47);
        assertThat(as("admin_s1").get().uri("/api/v1/classes").exchange().expectStatus().isOk()
                .expectBodyList(Map.class).returnResult().getResponseBody())
                .anySatisfy(c -> assertThat(c.get("id")).isEqualTo(created.get("id")));
    }
}
