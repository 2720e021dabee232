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
 * A teacher's assignments are reused for a few seconds between requests, but an assignment the school admin adds or
 * removes takes effect on the very next request: the write invalidates what was kept.
 */
@ZhszTest
class AssignmentCacheTests {

    @Autowired
    WebTestClient web;

    private WebTestClient as(String user) {
        return web.mutate().responseTimeout(Duration.ofSeconds(30)).build().mutateWith(jwt(user));
    }

    private int readRecordsOfClass1Student(String user) {
        return as(user).get().uri("/api/v1/students/S1-C1-05/records").exchange().returnResult(String.class)
                .getStatus().value();
    }

    @Test
    void anAssignmentTakesEffectOnTheNextRequestAndSoDoesItsRemoval() {
        // teacher_c2 teaches only class 2: class 1's students are out of scope (and that answer is now cached)
        assertThat(readRecordsOfClass1Student("teacher_c2")).isEqualTo(404);
        assertThat(readRecordsOfClass1Student("teacher_c2")).isEqualTo(404);

        @SuppressWarnings("unchecked")
        Map<String, Object> created = as("admin_s1").post().uri("/api/v1/assignments")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "teacher_c2", "role", "SUBJECT", "classId", "S1-C1", "subject", "数学"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(readRecordsOfClass1Student("teacher_c2")).isEqualTo(200);

        as("admin_s1").delete().uri("/api/v1/assignments/{id}", created.get("id")).exchange()
                .expectStatus().is2xxSuccessful();
        assertThat(readRecordsOfClass1Student("teacher_c2")).isEqualTo(404);
    }
}
