package org.zhsz.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhsz.support.DemoUsers.jwt;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.zhsz.support.ZhszTest;

/** A retry on a poor connection with the same Idempotency-Key creates nothing new, on any create endpoint. */
@ZhszTest
class IdempotencyTests {

    @Autowired
    WebTestClient web;
    @Autowired
    ReactiveMongoTemplate mongo;

    private WebTestClient.ResponseSpec createStaff(String key, String name) {
        return web.mutateWith(jwt("admin_s1")).post().uri("/api/v1/staff").header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "retry_teacher_" + key, "name", name)).exchange();
    }

    private long staffCount() {
        return mongo.count(Query.query(Criteria.where("schoolId").is("S1")), "staff").block();
    }

    @Test
    void theSameRequestTwiceCreatesOnceAndAnswersTheSame() {
        long before = staffCount();
        String first = createStaff("k1", "王老师").expectStatus().isCreated().expectHeader()
                .doesNotExist("Idempotent-Replayed").expectBody(String.class).returnResult().getResponseBody();
        String again = createStaff("k1", "王老师").expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(again).isEqualTo(first);
        assertThat(staffCount()).isEqualTo(before + 1);
    }

    @Test
    void theSameKeyForAnotherBodyIsRefusedAndChangesNothing() {
        createStaff("k2", "李老师").expectStatus().isCreated();
        long before = staffCount();
        createStaff("k2", "张老师").expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("idempotency_key_reused");
        assertThat(staffCount()).isEqualTo(before);
    }

    @Test
    void refusalsAreReplayedToo() {
        web.mutateWith(jwt("admin_s1")).post().uri("/api/v1/classes").header("Idempotency-Key", "k3")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("stage", "JUNIOR", "entryYear", 2026,
                        "classNo", 1)).exchange().expectStatus().isEqualTo(409);
        web.mutateWith(jwt("admin_s1")).post().uri("/api/v1/classes").header("Idempotency-Key", "k3")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("stage", "JUNIOR", "entryYear", 2026,
                        "classNo", 1)).exchange().expectStatus().isEqualTo(409)
                .expectHeader().valueEquals("Idempotent-Replayed", "true");
    }

    @Test
    void keysBelongToOneUser() {
        createStaff("k4", "赵老师").expectStatus().isCreated();
        // another user sending the same key is another request (and here: not allowed to create staff)
        web.mutateWith(jwt("admin_s2")).post().uri("/api/v1/staff").header("Idempotency-Key", "k4")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "retry_teacher_k4", "name", "赵老师")).exchange()
                .expectStatus().isEqualTo(409).expectHeader().doesNotExist("Idempotent-Replayed");
    }

    @Test
    void withoutAKeyEveryRequestRuns() {
        long before = staffCount();
        web.mutateWith(jwt("admin_s1")).post().uri("/api/v1/staff").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "no_key_1", "name", "钱老师")).exchange().expectStatus().isCreated();
        web.mutateWith(jwt("admin_s1")).post().uri("/api/v1/staff").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "no_key_2", "name", "孙老师")).exchange().expectStatus().isCreated();
        assertThat(staffCount()).isEqualTo(before + 2);
    }
}
