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
                .jsonPath("$.items[?(@.outcome == 'DENIED' && @.username == 'teacher_c2')].reasonCode")
                .isEqualTo(List.of("out_of_scope"))
                .jsonPath("$.items[?(@.outcome == 'DENIED' && @.username == 'teacher_c2')].reason")
                .isEqualTo(List.of("不在其负责范围内"))
                .jsonPath("$.items[?(@.action == 'student.update' && @.username == 'admin_s1')].actionLabel")
                .value(l -> assertThat(l.toString()).contains("修改学生信息"))
                .jsonPath("$.items[?(@.action == 'student.update' && @.username == 'admin_s1')].studentName")
                .value(n -> assertThat(n.toString()).doesNotContain("S1-C1-05").isNotEqualTo("[]"));
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
        assertThat(first).containsEntry("problemCode", "changed");
        assertThat((String) first.get("problem")).contains("内容与其哈希不符");

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
        assertThat(gap.get("problemCode")).isIn("missing", "missing_at_end");
        assertThat((String) gap.get("problem")).contains("缺失");
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

    @Test
    @SuppressWarnings("unchecked")
    void repeatedReadsAreOneLineWithHowOftenAndFirstAndLastTime() {
        for (int i = 0; i < 3; i++) {
            web.mutateWith(jwt("counselor_s1")).get().uri("/api/v1/students/S1-C1-01/wellbeing/plan").exchange()
                    .expectStatus().isOk();
        }
        Map<String, Object> page = web.mutateWith(jwt("parent_c1a")).get()
                .uri("/api/v1/students/S1-C1-01/access-log?size=100").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        List<Map<String, Object>> plan = ((List<Map<String, Object>>) page.get("items")).stream()
                .filter(e -> "mental_health.plan.read".equals(e.get("action"))).toList();
        assertThat(plan).as("one line for the counselor's reads of the plan").hasSize(1);
        Map<String, Object> line = plan.get(0);
        assertThat(((Number) line.get("count")).intValue()).isGreaterThanOrEqualTo(3);
        assertThat(line.get("name")).isEqualTo("苏静怡");
        assertThat(line.get("roleLabel")).isEqualTo("心理教师");
        assertThat(line.get("actionLabel")).isEqualTo("查看一人一案");
        assertThat(line.get("dataClassLabel")).isEqualTo("心理健康档案");
        assertThat(java.time.Instant.parse((String) line.get("firstAt")))
                .isBeforeOrEqualTo(java.time.Instant.parse((String) line.get("lastAt")));
        assertThat(line.get("at")).isEqualTo(line.get("lastAt"));
        // no two lines say the same thing
        List<Object> keys = ((List<Map<String, Object>>) page.get("items")).stream()
                .map(e -> (Object) List.of(String.valueOf(e.get("name")), String.valueOf(e.get("role")),
                        String.valueOf(e.get("action")), String.valueOf(e.get("dataClass")),
                        String.valueOf(e.get("reason"))))
                .toList();
        assertThat(keys).doesNotHaveDuplicates();
    }
}
