package org.zhsz.student;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhsz.support.DemoUsers.jwt;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.zhsz.support.ZhszTest;

/**
 * Students are reused for a few seconds by access decisions, but a change of guardians is in force on the very
 * next request, both ways: the write drops what was kept.
 */
@ZhszTest
class StudentCacheTests {

    private static final String STUDENT = "S1-C1-37";

    @Autowired
    WebTestClient web;

    private WebTestClient as(String user) {
        return web.mutate().responseTimeout(Duration.ofSeconds(30)).build().mutateWith(jwt(user));
    }

    private int parentReads() {
        return as("parent_c1a").get().uri("/api/v1/students/{id}/records", STUDENT).exchange()
                .returnResult(String.class).getStatus().value();
    }

    @SuppressWarnings("unchecked")
    private void putGuardians(List<Map<String, Object>> guardians) {
        as("admin_s1").put().uri("/api/v1/students/{id}/guardians", STUDENT).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(guardians).exchange().expectStatus().isOk();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aGuardianAddedOrRemovedCountsOnTheNextRequest() {
        assertThat(parentReads()).isNotEqualTo(200);
        assertThat(parentReads()).isNotEqualTo(200); // and the student is now kept by the directory

        Map<String, Object> student = as("admin_s1").get().uri("/api/v1/students/{id}", STUDENT).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        List<Map<String, Object>> original = new ArrayList<>();
        for (Map<String, Object> g : (List<Map<String, Object>>) student.get("guardians")) {
            Map<String, Object> copy = new HashMap<>();
            for (String k : List.of("username", "name", "relation", "phone")) {
                if (g.get(k) != null) {
                    copy.put(k, g.get(k));
                }
            }
            original.add(copy);
        }
        List<Map<String, Object>> withParent = new ArrayList<>(original);
        withParent.add(Map.of("username", "parent_c1a", "name", "测试家长", "relation", "母亲"));
        putGuardians(withParent);
        assertThat(parentReads()).isEqualTo(200);
        // and the student's page shows the new guardian at once (it reads the directory's view too)
        Map<String, Object> after = as("admin_s1").get().uri("/api/v1/students/{id}", STUDENT).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat((List<Map<String, Object>>) after.get("guardians"))
                .anySatisfy(g -> assertThat(g.get("username")).isEqualTo("parent_c1a"));

        putGuardians(original);
        assertThat(parentReads()).isNotEqualTo(200);
    }
}
