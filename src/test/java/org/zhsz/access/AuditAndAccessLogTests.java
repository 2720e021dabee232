package org.zhsz.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhsz.support.DemoUsers.jwt;

import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.zhsz.support.ZhszTest;

/**
 * The audit trail as an auditor and a family experience it: writes and denials are recorded, an edited or a
 * deleted event is named by verification, and sensitive reads appear in the family's access log.
 */
@ZhszTest
@DirtiesContext // it tampers with the trail
class AuditAndAccessLogTests {

    @Autowired
    WebTestClient web;
    @Autowired
    ReactiveMongoTemplate mongo;

    @SuppressWarnings("unchecked")
    private Map<String, Object> verify() {
        return web.mutateWith(jwt("auditor")).get().uri("/api/v1/audit/verify").exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    @Test
    void writesAndDenialsAreRecordedAndFilterable() {
        web.mutateWith(jwt("admin_s1")).patch().uri("/api/v1/students/S1-C1-05")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of()).exchange().expectStatus().isOk();
        web.mutateWith(jwt("teacher_c2")).get().uri("/api/v1/students/S1-C1-05").exchange()
                .expectStatus().isNotFound();
        web.mutateWith(jwt("auditor")).get().uri("/api/v1/audit/events?studentId=S1-C1-05").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.items[?(@.action == 'student.update' && @.username == 'admin_s1')]").exists()
                .jsonPath("$.items[?(@.outcome == 'DENIED' && @.username == 'teacher_c2')].reason")
                .isEqualTo(List.of("out_of_scope"));
        web.mutateWith(jwt("auditor")).get().uri("/api/v1/audit/events?actorUsername=teacher_c2&action=access.*")
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.items[0].outcome").isEqualTo("DENIED");
    }

    @Test
    void anEditedOrDeletedEventIsNamedByVerification() {
        web.mutateWith(jwt("admin_s1")).patch().uri("/api/v1/students/S1-C1-06")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of()).exchange().expectStatus().isOk();
        web.mutateWith(jwt("admin_s1")).patch().uri("/api/v1/students/S1-C1-07")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of()).exchange().expectStatus().isOk();
        assertThat(verify()).containsEntry("intact", true);

        Document victim = mongo.findOne(Query.query(Criteria.where("resourceId").is("S1-C1-06")
                .and("action").is("student.update")), Document.class, "audit_events").block();
        assertThat(victim).as(String.valueOf(mongo.findAll(Document.class, "audit_events").collectList().block()))
                .isNotNull();
        // someone edits an event directly in the database to hide who did it
        mongo.updateFirst(Query.query(Criteria.where("_id").is(victim.get("_id"))),
                Update.update("username", "someone_else"), "audit_events").block();
        Map<String, Object> v = verify();
        assertThat(v).containsEntry("intact", false);
        @SuppressWarnings("unchecked")
        Map<String, Object> first = (Map<String, Object>) v.get("firstBreak");
        assertThat(first).containsEntry("eventId", victim.get("_id").toString())
                .containsEntry("chain", "S1");
        assertThat((String) first.get("problem")).contains("changed");

        // restore it, then delete a later event instead
        mongo.updateFirst(Query.query(Criteria.where("_id").is(victim.get("_id"))),
                Update.update("username", victim.getString("username")), "audit_events").block();
        assertThat(verify()).containsEntry("intact", true);
        Document later = mongo.findOne(Query.query(Criteria.where("resourceId").is("S1-C1-07")
                .and("action").is("student.update")), Document.class, "audit_events").block();
        mongo.remove(Query.query(Criteria.where("_id").is(later.get("_id"))), "audit_events").block();
        @SuppressWarnings("unchecked")
        Map<String, Object> gap = (Map<String, Object>) verify().get("firstBreak");
        assertThat(gap).containsEntry("seq", ((Number) later.get("seq")).intValue());
        assertThat((String) gap.get("problem")).contains("missing");
    }

    @Test
    void breakGlassNeedsAReasonNotifiesCounselorsAndShowsInTheAccessLog() {
        web.mutateWith(jwt("admin_s1")).post().uri("/api/v1/students/S1-C1-01/break-glass")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "急")).exchange()
                .expectStatus().isEqualTo(422);
        web.mutateWith(jwt("admin_s1")).post().uri("/api/v1/students/S1-C1-01/break-glass")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", "学生在校内出现自伤迹象，需立即了解既往干预记录", "minutes", 30)).exchange()
                .expectStatus().isCreated().expectBody().jsonPath("$.active").isEqualTo(true);
        web.mutateWith(jwt("counselor_s1")).get().uri("/api/v1/notifications").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.kind == 'break_glass')].body").value(bodies ->
                        assertThat(bodies.toString()).contains("王建国").contains("自伤迹象"));
        web.mutateWith(jwt("counselor_s2")).get().uri("/api/v1/notifications").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.kind == 'break_glass')]").isEmpty();
        web.mutateWith(jwt("parent_c1a")).get().uri("/api/v1/students/S1-C1-01/access-log").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.items[?(@.action == 'mental_health.break_glass')].name").isEqualTo(List.of("王建国"))
                .jsonPath("$.items[?(@.action == 'mental_health.break_glass')].role")
                .isEqualTo(List.of("school_admin"));
    }
}
