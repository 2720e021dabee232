package org.zhsz.wellbeing;

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
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.zhsz.support.ZhszTest;

/**
 * The most sensitive data, through the API: alerts in the same request, visible to the school's counselors and
 * nobody else; the head teacher sees a flag and a task; the school admin that an alert is overdue; ciphertext
 * only in the database; every read in the family's access log.
 */
@ZhszTest
@TestPropertySource(properties = "zhsz.wellbeing.alert-ack-minutes=0")
class WellbeingApiTests {

    @Autowired
    WebTestClient web;
    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    Alerts alerts;

    private WebTestClient as(String user) {
        return web.mutate().responseTimeout(java.time.Duration.ofSeconds(30)).build().mutateWith(jwt(user));
    }

    private WebTestClient.ResponseSpec answer(String user, String instrument, List<Integer> answers, Object student) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("instrument", instrument, "answers", answers,
                "noticeVersion", 1));
        if (student != null) {
            body.put("studentId", student);
        }
        return as(user).post().uri("/api/v1/wellbeing/campaigns/{c}/responses", DemoWellbeing.OPEN)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    @Test
    void item9RaisesAnAlertForTheSchoolsCounselorsOnly() {
        answer("student_c2a", "phq9", List.of(1, 1, 0, 1, 0, 0, 1, 0, 1), null).expectStatus().isCreated()
                .expectBody().jsonPath("$.total").doesNotExist().jsonPath("$.band").doesNotExist();
        // in the same request: the alert is already there
        as("counselor_s1").get().uri("/api/v1/wellbeing/alerts?open=true").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.studentId == 'S1-C2-01')].reason").value(r ->
                        assertThat(r.toString()).contains("患者健康问卷抑郁量表").contains("第 9 题为关键条目")
                                .contains("总分 5（轻度）"))
                .jsonPath("$[?(@.studentId == 'S1-C2-01')].reasonCode").isEqualTo(List.of("critical_item"))
                .jsonPath("$[?(@.studentId == 'S1-C2-01')].criticalItems[0]").isEqualTo(List.of(9))
                .jsonPath("$[?(@.studentId == 'S1-C2-01')].studentName").isEqualTo(List.of("杨雨桐"));
        // the same alert for a reader who asks for English
        as("counselor_s1").get().uri("/api/v1/wellbeing/alerts?open=true").header("Accept-Language", "en")
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.studentId == 'S1-C2-01')].reason").value(r ->
                        assertThat(r.toString()).contains("item 9 is a critical item").contains("total 5 (Mild)"));
        as("counselor_s2").get().uri("/api/v1/wellbeing/alerts").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.studentId == 'S1-C2-01')]").isEmpty();
        for (String user : List.of("head_c1", "admin_s1", "teacher_c2", "pe_c1", "student_c2a", "bureau")) {
            as(user).get().uri("/api/v1/wellbeing/alerts").exchange().expectStatus().isForbidden();
        }
        as("counselor_s1").get().uri("/api/v1/notifications").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.kind == 'wellbeing_alert')]").isNotEmpty();
        // once per campaign
        answer("student_c2a", "phq9", List.of(0, 0, 0, 0, 0, 0, 0, 0, 0), null).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("already_answered");

        // overdue (acknowledgement window set to 0 minutes here): the admin learns that, not who or why
        alerts.checkOverdueNow().block();
        String overdue = as("admin_s1").get().uri("/api/v1/wellbeing/alerts/overdue").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(overdue).contains("\"overdue\":").doesNotContain("S1-C2-01").doesNotContain("杨雨桐");
        String inbox = as("admin_s1").get().uri("/api/v1/notifications").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(inbox).contains("wellbeing_alert_overdue").doesNotContain("杨雨桐");
    }

    @Test
    void answersAreValidatedAndForgedIdsRefused() {
        answer("student_c1a", "phq9", List.of(0, 0, 0), null).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("wrong_count");
        answer("student_c1a", "phq9", List.of(0, 0, 0, 0, 0, 0, 0, 0, 0), "S1-C1-02").expectStatus().isForbidden()
                .expectBody().jsonPath("$.reason").isEqualTo("forged_student_id");
        as("student_c1a").post().uri("/api/v1/wellbeing/campaigns/{c}/responses", DemoWellbeing.OPEN)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("instrument", "phq9", "answers", List.of(0, 0, 0, 0, 0, 0, 0, 0, 0),
                        "noticeVersion", 0)).exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("notice_changed");
        as("student_c2a").get().uri("/api/v1/wellbeing/my-screenings").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[0].instruments[0].items.length()").isEqualTo(9);
    }

    @Test
    void aRefusedConsentStopsCollection() {
        // the guardian of S1-C2-05 has no account; a parent account cannot decide for another child
        as("parent_c1a").post().uri("/api/v1/students/S1-C1-01/consents").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("purpose", "MENTAL_HEALTH_SCREENING", "noticeVersion", 1, "decision", "REFUSED"))
                .exchange().expectStatus().isCreated();
        answer("student_c1a", "phq9", List.of(0, 0, 0, 0, 0, 0, 0, 0, 0), null).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("no_basis");
        assertThat(mongo.count(Query.query(Criteria.where("studentId").is("S1-C1-01")
                .and("campaignId").is(DemoWellbeing.OPEN)), Docs.Response.class).block()).isZero();
    }

    @Test
    void theHeadTeacherSeesAFlagAndTheirTaskNeverTheContent() {
        as("head_c1").get().uri("/api/v1/students/S1-C1-01/wellbeing/flag").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.needsAttention").isEqualTo(true)
                .jsonPath("$.myTasks[0].title").value(t -> assertThat(t.toString()).contains("晨检"))
                .jsonPath("$.concerns").doesNotExist();
        as("head_c1").get().uri("/api/v1/students/S1-C1-01/wellbeing/plan").exchange().expectStatus().isForbidden();
        as("head_c1").get().uri("/api/v1/wellbeing/my-tasks").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[0].studentName").isEqualTo("马思远");
        as("teacher_c1").get().uri("/api/v1/students/S1-C1-01/wellbeing/flag").exchange()
                .expectStatus().isForbidden();
        as("parent_c1a").get().uri("/api/v1/students/S1-C1-01/wellbeing/plan").exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void theCounselorsReadOfThePlanShowsInTheParentsAccessLog() {
        as("counselor_s1").get().uri("/api/v1/students/S1-C1-01/wellbeing/plan").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.riskLevel").isEqualTo("yellow")
                .jsonPath("$.concerns").value(c -> assertThat(c.toString()).contains("学业压力"));
        as("parent_c1a").get().uri("/api/v1/students/S1-C1-01/access-log?size=100").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.items[?(@.action == 'mental_health.plan.read')].name").value(names ->
                        assertThat(names.toString()).contains("苏静怡"));
    }

    @Test
    void planHistorySessionsReferralsAndVersionConflicts() {
        as("counselor_s1").get().uri("/api/v1/wellbeing/caseload?overdueOnly=true").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.studentId == 'S1-C1-01')].followUpOverdue").isEqualTo(List.of(true));
        String plan = as("counselor_s1").get().uri("/api/v1/students/S1-C1-01/wellbeing/plan").exchange()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(plan).contains("\"version\":0");
        Map<String, Object> body = Map.of("riskLevel", "orange", "concerns", "睡眠问题加重", "tasks",
                List.of(Map.of("assignee", "head_c1", "title", "每日晨检", "schedule", "每日")));
        as("counselor_s1").put().uri("/api/v1/students/S1-C1-01/wellbeing/plan").header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.riskLevel").isEqualTo("orange");
        as("counselor_s1").put().uri("/api/v1/students/S1-C1-01/wellbeing/plan").header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isEqualTo(409);
        as("counselor_s1").get().uri("/api/v1/students/S1-C1-01/wellbeing/plan/history").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$[0].plan.riskLevel").isEqualTo("yellow");
        as("counselor_s1").put().uri("/api/v1/students/S1-C1-01/wellbeing/plan")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("riskLevel", "purple")).exchange()
                .expectStatus().isEqualTo(422);
        as("counselor_s1").post().uri("/api/v1/students/S1-C1-01/wellbeing/sessions")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("date", "2026-11-20", "minutes", 30, "note", "谈到和父亲的矛盾")).exchange()
                .expectStatus().isCreated();
        as("counselor_s1").post().uri("/api/v1/students/S1-C1-01/wellbeing/referrals")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("hospital", "固原市人民医院心理科", "referredOn", "2026-11-21", "guardianInformed", true))
                .exchange().expectStatus().isCreated().expectBody().jsonPath("$.status").isEqualTo("OPEN");
        as("counselor_s2").get().uri("/api/v1/students/S1-C1-01/wellbeing/sessions").exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void theDatabaseAloneRevealsNothing() {
        as("counselor_s1").post().uri("/api/v1/students/S1-C1-03/wellbeing/sessions")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("date", "2026-11-20", "minutes", 30, "note", "独特的会谈内容甲乙丙")).exchange()
                .expectStatus().isCreated();
        answer("counselor_s1", "phq9", List.of(3, 3, 3, 3, 3, 3, 3, 3, 0), "S1-C2-07").expectStatus().isCreated()
                .expectBody().jsonPath("$.band").isEqualTo("severe").jsonPath("$.alertRaised").isEqualTo(true);
        for (String collection : List.of("screening_responses", "wellbeing_plans", "wellbeing_sessions",
                "wellbeing_alerts", "wellbeing_referrals", "wellbeing_plan_history")) {
            for (Document d : mongo.findAll(Document.class, collection).collectList().block()) {
                String raw = d.toJson();
                assertThat(raw).as(collection).doesNotContain("独特的会谈内容").doesNotContain("学业压力")
                        .doesNotContain("severe").doesNotContain("\"answers\"").doesNotContain("晨检")
                        .doesNotContain("固原市人民医院");
            }
        }
        Document response = mongo.findOne(Query.query(Criteria.where("studentId").is("S1-C2-07")),
                Document.class, "screening_responses").block();
        assertThat(response.getString("result")).startsWith("enc:v1:");
    }

    @Test
    void theScoringToolStoresNothing() {
        long before = mongo.count(new Query(), Docs.Response.class).block();
        as("counselor_s1").post().uri("/api/v1/wellbeing/instruments/gad7/score")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("answers", List.of(3, 3, 3, 3, 3, 0, 0)))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(15).jsonPath("$.band").isEqualTo("severe")
                .jsonPath("$.critical").isEqualTo(false);
        as("counselor_s1").post().uri("/api/v1/wellbeing/instruments/phq9/score")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("answers", List.of(0, 0, 0, 0, 0, 0, 0, 0, 4)))
                .exchange().expectStatus().isEqualTo(422);
        as("counselor_s1").post().uri("/api/v1/wellbeing/instruments/scl90/score")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("answers", List.of(0)))
                .exchange().expectStatus().isNotFound();
        assertThat(mongo.count(new Query(), Docs.Response.class).block()).isEqualTo(before);
    }

    @Test
    void statisticsAreAggregatesWithSmallCellsSuppressed() {
        as("counselor_s1").get().uri("/api/v1/wellbeing/stats/campaigns/{c}", DemoWellbeing.PAST).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.invited").isEqualTo(40)
                .jsonPath("$.responded.phq9").isEqualTo(38)
                .jsonPath("$.bandsByGrade[0].rows[0]").isEqualTo("七年级");
        String county = as("bureau").get().uri("/api/v1/wellbeing/stats/county").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(county).doesNotContain("S1-C1-").doesNotContain("马思远");
        as("admin_s1").get().uri("/api/v1/wellbeing/stats/school").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.studentId").doesNotExist();
        as("admin_s1").get().uri("/api/v1/wellbeing/stats/campaigns/{c}", DemoWellbeing.PAST).exchange()
                .expectStatus().isForbidden();
    }
}
