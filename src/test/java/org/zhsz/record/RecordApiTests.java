package org.zhsz.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhsz.support.DemoUsers.jwt;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.zhsz.support.ZhszTest;

/** 写实记录 through the API, as teachers, students, head teachers and parents use it. */
@ZhszTest
class RecordApiTests {

    @Autowired
    WebTestClient web;
    @Autowired
    ReactiveMongoTemplate mongo;

    private WebTestClient as(String user) {
        return web.mutate().responseTimeout(java.time.Duration.ofSeconds(30)).build().mutateWith(jwt(user));
    }

    private static Map<String, Object> body(String dimension, String category, String title, String date) {
        Map<String, Object> m = new HashMap<>();
        m.put("dimension", dimension);
        m.put("category", category);
        m.put("title", title);
        m.put("occurredOn", date);
        return m;
    }

    private long count(String studentId) {
        return mongo.count(Query.query(Criteria.where("studentId").is(studentId)), StudentRecord.class).block();
    }

    private long evidenceCount() {
        return mongo.getCollection("fs.files").flatMap(c -> reactor.core.publisher.Mono.from(c.countDocuments()))
                .block();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> post(String user, String student, Map<String, Object> b, String key, int status) {
        WebTestClient.RequestBodySpec spec = as(user).post().uri("/api/v1/students/{id}/records", student)
                .contentType(MediaType.APPLICATION_JSON);
        if (key != null) {
            spec.header("Idempotency-Key", key);
        }
        return spec.bodyValue(b).exchange().expectStatus().isEqualTo(status).expectBody(Map.class).returnResult()
                .getResponseBody();
    }

    @Test
    void aTeacherRecordsOnceEvenWhenTheRequestIsRetried() {
        long before = count("S1-C1-04");
        Map<String, Object> b = body("MORAL", "commendation", "拾金不昧", "2026-10-15");
        b.put("description", "在操场拾到钱包并交给老师");
        Map<String, Object> first = post("teacher_c1", "S1-C1-04", b, "retry-123", 201);
        assertThat(first.get("id")).isNotNull();
        assertThat(first.get("status")).isEqualTo("APPROVED");
        assertThat(first.get("term")).isEqualTo("2026-2027-1");
        Map<String, Object> again = post("teacher_c1", "S1-C1-04", b, "retry-123", 201);
        assertThat(again.get("id")).isEqualTo(first.get("id"));
        assertThat(count("S1-C1-04")).isEqualTo(before + 1);
        // the same key with another body is refused rather than silently ignored
        b.put("title", "另一件事");
        post("teacher_c1", "S1-C1-04", b, "retry-123", 422);

        post("teacher_c2", "S1-C1-04", body("MORAL", "commendation", "x", "2026-10-15"), null, 404);
        post("teacher_c1", "S1-C1-04", body("ARTS", "arts_skill", "二胡", "2026-10-15"), null, 403);
        assertThat(count("S1-C1-04")).isEqualTo(before + 1);
    }

    @Test
    void badInputIsRefusedAndStoresNothing() {
        long before = count("S1-C1-05");
        as("head_c1").post().uri("/api/v1/students/S1-C1-05/records").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"dimension\":\"COOKING\",\"category\":\"x\",\"title\":\"t\",\"occurredOn\":\"2026-10-01\"}")
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field")
                .isEqualTo("dimension");
        Map<String, Object> noTitle = body("MORAL", "commendation", null, "2026-10-01");
        as("head_c1").post().uri("/api/v1/students/S1-C1-05/records").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(noTitle).exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("title");
        as("head_c1").post().uri("/api/v1/students/S1-C1-05/records").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body("MORAL", "commendation", "明天的事", "2099-01-01")).exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.errors[0].code").isEqualTo("in_future");
        as("head_c1").post().uri("/api/v1/students/S1-C1-05/records").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body("MORAL", "no_such_category", "x", "2026-10-01")).exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.errors[0].field").isEqualTo("category");
        assertThat(count("S1-C1-05")).isEqualTo(before);
    }

    private WebTestClient.ResponseSpec upload(String user, String student, byte[] bytes, String name) {
        MultipartBodyBuilder mb = new MultipartBodyBuilder();
        mb.part("file", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        return as(user).post().uri("/api/v1/students/{id}/evidence", student)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(mb.build()))
                .exchange();
    }

    @Test
    void evidenceIsSniffedLimitedCleanedAndOnlyForTheFamilyAndTeachers() throws IOException {
        long before = evidenceCount();
        byte[] exe = new byte[4096];
        exe[0] = 'M';
        exe[1] = 'Z';
        upload("head_c1", "S1-C1-01", exe, "photo.jpg").expectStatus().isEqualTo(415)
                .expectBody().jsonPath("$.code").isEqualTo("unsupported_media_type");
        byte[] big = new byte[11 * 1024 * 1024];
        big[0] = '%';
        big[1] = 'P';
        big[2] = 'D';
        big[3] = 'F';
        big[4] = '-';
        upload("head_c1", "S1-C1-01", big, "big.pdf").expectStatus().isEqualTo(413);
        assertThat(evidenceCount()).isEqualTo(before);

        byte[] photo = org.zhsz.support.TestImages.withExif(org.zhsz.support.TestImages.plainJpeg(),
                org.zhsz.support.TestImages.exifWithGps());
        @SuppressWarnings("unchecked")
        Map<String, Object> stored = upload("head_c1", "S1-C1-01", photo, "volunteer.jpg").expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        String id = (String) stored.get("id");
        assertThat(stored.get("contentType")).isEqualTo("image/jpeg");

        Map<String, Object> b = body("MORAL", "volunteer_service", "义务植树", "2026-11-01");
        b.put("hours", 2);
        b.put("evidence", List.of(id));
        post("head_c1", "S1-C1-01", b, null, 201);

        byte[] downloaded = as("parent_c1a").get().uri("/api/v1/students/S1-C1-01/evidence/{e}", id).exchange()
                .expectStatus().isOk().expectHeader().contentType("image/jpeg")
                // shown in the page, never sniffed into something else, sandboxed when opened on its own
                .expectHeader().valueMatches("Content-Disposition", "inline;.*")
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("Content-Security-Policy", "sandbox")
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(new String(downloaded, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("\u0025\u0088");
        assertThat(downloaded.length).isLessThan(photo.length);
        as("teacher_c2").get().uri("/api/v1/students/S1-C1-01/evidence/{e}", id).exchange()
                .expectStatus().isNotFound();
        // another child's family cannot reach it through their own child's path either
        as("student_c2a").get().uri("/api/v1/students/S1-C2-01/evidence/{e}", id).exchange()
                .expectStatus().isNotFound();
        // evidence of another student cannot be attached
        Map<String, Object> other = body("MORAL", "volunteer_service", "义务植树", "2026-11-01");
        other.put("evidence", List.of(id));
        post("head_c1", "S1-C1-02", other, null, 422);
    }

    @Test
    void aStudentsSelfReportIsReviewedByTheHeadTeacher() {
        Map<String, Object> b = body("ARTS", "performance_competition", "县青少年书法比赛", "2026-11-10");
        b.put("level", "COUNTY");
        b.put("award", "三等奖");
        @SuppressWarnings("unchecked")
        Map<String, Object> draft = post("student_c1a", "S1-C1-01", b, null, 201);
        String id = (String) draft.get("id");
        assertThat(draft.get("status")).isEqualTo("DRAFT");
        as("head_c1").get().uri("/api/v1/students/S1-C1-01/records/{r}", id).exchange().expectStatus().isNotFound();

        as("student_c1a").post().uri("/api/v1/students/S1-C1-01/records/{r}/submit", id).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("SUBMITTED");
        as("head_c1").get().uri("/api/v1/records/review-queue").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.id == '" + id + "')].title").isEqualTo(List.of("县青少年书法比赛"));
        as("teacher_c1").post().uri("/api/v1/students/S1-C1-01/records/{r}/review", id)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("decision", "APPROVE")).exchange()
                .expectStatus().isForbidden();
        as("head_c1").post().uri("/api/v1/students/S1-C1-01/records/{r}/review", id)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("decision", "REJECT")).exchange()
                .expectStatus().isEqualTo(422);
        as("head_c1").post().uri("/api/v1/students/S1-C1-01/records/{r}/review", id)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("decision", "REJECT", "reason", "请上传获奖证书照片")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("REJECTED")
                .jsonPath("$.review.reason").isEqualTo("请上传获奖证书照片");
        // the student fixes it (back to draft) and submits again; then it is approved
        as("student_c1a").patch().uri("/api/v1/students/S1-C1-01/records/{r}", id)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("award", "二等奖")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("DRAFT");
        as("student_c1a").post().uri("/api/v1/students/S1-C1-01/records/{r}/submit", id).exchange()
                .expectStatus().isOk();
        as("head_c1").post().uri("/api/v1/students/S1-C1-01/records/{r}/review", id)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("decision", "APPROVE")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("APPROVED");
        as("parent_c1a").get().uri("/api/v1/students/S1-C1-01/records/{r}", id).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.record.award").isEqualTo("二等奖")
                .jsonPath("$.history[?(@.action == 'edit')].fields.award[1]").isEqualTo(List.of("二等奖"))
                .jsonPath("$.history.length()").isEqualTo(6); // create, submit, reject, edit, submit, approve
        // students cannot record violations, not even about themselves
        Map<String, Object> v = body("MORAL", "violation", "迟到", "2026-11-10");
        v.put("severity", "MINOR");
        post("student_c1a", "S1-C1-01", v, null, 403);
        // parents read but do not write
        post("parent_c1a", "S1-C1-01", body("MORAL", "commendation", "x", "2026-11-10"), null, 403);
    }

    @Test
    void onlyDraftsAreDeletedEverythingElseIsVoidedWithAReason() {
        @SuppressWarnings("unchecked")
        Map<String, Object> r = post("head_c1", "S1-C1-06", body("MORAL", "class_duty", "担任劳动委员", "2026-09-10"),
                null, 201);
        String id = (String) r.get("id");
        as("head_c1").delete().uri("/api/v1/students/S1-C1-06/records/{r}", id).exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.code").isEqualTo("not_a_draft");
        as("head_c1").patch().uri("/api/v1/students/S1-C1-06/records/{r}", id).header("If-Match", "\"7\"")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("title", "担任体育委员")).exchange()
                .expectStatus().isEqualTo(409);
        as("head_c1").post().uri("/api/v1/students/S1-C1-06/records/{r}/void", id).header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "录入学生错误")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("VOIDED")
                .jsonPath("$.voided.reason").isEqualTo("录入学生错误");
        as("head_c1").get().uri("/api/v1/students/S1-C1-06/records?size=200").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items[?(@.id == '" + id + "')]").isEmpty();
        as("head_c1").get().uri("/api/v1/students/S1-C1-06/records?includeVoided=true&size=200").exchange()
                .expectBody().jsonPath("$.items[?(@.id == '" + id + "')].status").isEqualTo(List.of("VOIDED"));

        @SuppressWarnings("unchecked")
        Map<String, Object> draft = post("student_c1a", "S1-C1-01", body("LABOUR", "household", "洗碗", "2026-11-02"),
                null, 201);
        as("head_c1").delete().uri("/api/v1/students/S1-C1-01/records/{r}", draft.get("id")).exchange()
                .expectStatus().isNotFound();
        as("student_c1a").delete().uri("/api/v1/students/S1-C1-01/records/{r}", draft.get("id")).exchange()
                .expectStatus().isNoContent();
    }

    @Test
    void aClassVolunteerDayInOneRequest() {
        Map<String, Object> rec = body("MORAL", "volunteer_service", "班级清扫香水河", "2026-11-20");
        rec.put("hours", 2);
        as("head_c1").post().uri("/api/v1/classes/S1-C1/records/batch").header("Idempotency-Key", "batch-1")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("studentIds", List.of("S1-C1-07", "S1-C1-08", "S1-C2-05"), "record", rec))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.created").isEqualTo(2).jsonPath("$.failed").isEqualTo(1)
                .jsonPath("$.items[2].status").isEqualTo("NOT_IN_CLASS");
        Map<String, Object> bad = new HashMap<>(rec);
        bad.put("title", "");
        as("head_c1").post().uri("/api/v1/classes/S1-C1/records/batch").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("record", bad)).exchange().expectStatus().isEqualTo(422);
        as("teacher_c2").post().uri("/api/v1/classes/S1-C1/records/batch").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("record", rec)).exchange().expectStatus().isNotFound();
        as("head_c1").post().uri("/api/v1/classes/S1-C1/records/batch").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("record", rec)).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.created").isEqualTo(40);
    }

    @Test
    void overviewSkillsAndCoverage() {
        as("head_c1").get().uri("/api/v1/classes/S1-C1/records/overview").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.className").isEqualTo("七年级(1)班")
                .jsonPath("$.students.length()").isEqualTo(40)
                .jsonPath("$.students[0].todo").isArray();
        as("parent_c1a").get().uri("/api/v1/students/S1-C1-01/skills").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.labourHoursRequired").isEqualTo(16)
                .jsonPath("$.labourHoursByTerm['2026-2027-1']").isNumber();
        as("admin_s1").get().uri("/api/v1/schools/S1/coverage").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.school.students").isEqualTo(80)
                .jsonPath("$.classes.length()").isEqualTo(2);
        as("bureau").get().uri("/api/v1/stats/coverage").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.schools.length()").isEqualTo(2)
                .jsonPath("$.county.students").isEqualTo(118);
        as("admin_s1").get().uri("/api/v1/stats/coverage").exchange().expectStatus().isForbidden();
    }

    /** The school's coverage agrees with counts made here from every approved record of the school. */
    @Test
    @SuppressWarnings("unchecked")
    void schoolCoverageCountsWhatTheRecordsSay() {
        Map<String, Object> cov = as("admin_s1").get().uri("/api/v1/schools/S1/coverage").exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        Map<String, Object> school = (Map<String, Object>) cov.get("school");
        String term = (String) school.get("term");
        java.util.Set<String> sports = new java.util.HashSet<>();
        java.util.Set<String> arts = new java.util.HashSet<>();
        Map<String, java.math.BigDecimal> labour = new HashMap<>();
        for (StudentRecord r : mongo.find(Query.query(Criteria.where("schoolId").is("S1")
                .and("status").is(RecordStatus.APPROVED)), StudentRecord.class).toIterable()) {
            if ("sports_skill".equals(r.category()) && r.skill() != null) {
                sports.add(r.studentId());
            }
            if ("arts_skill".equals(r.category()) && r.skill() != null) {
                arts.add(r.studentId());
            }
            if (r.dimension() == Dimension.LABOUR && r.hours() != null && term.equals(r.term())) {
                labour.merge(r.studentId(), r.hours(), java.math.BigDecimal::add);
            }
        }
        long labourMet = labour.values().stream().filter(h -> h.compareTo(java.math.BigDecimal.valueOf(16)) >= 0)
                .count();
        assertThat(sports).as("the demo data has sports skills").isNotEmpty();
        assertThat(((Number) school.get("withSportsSkill")).intValue()).isEqualTo(sports.size());
        assertThat(((Number) school.get("withArtsSkill")).intValue()).isEqualTo(arts.size());
        assertThat(((Number) school.get("labourHoursMet")).longValue()).isEqualTo(labourMet);
    }

    @Test
    void violationsAreVisibleToTheFamily() {
        as("parent_c1a").get().uri("/api/v1/students/S1-C1-01/records?dimension=MORAL&size=100").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.items[?(@.category == 'violation')].privateToFamily").isEqualTo(List.of(true));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theHeadTeacherApprovesAndReturnsManyAtOnceWithAnOutcomePerRecord() {
        java.util.List<Map<String, Object>> mine = new java.util.ArrayList<>();
        for (String title : List.of("周末社区清扫", "校运会志愿者", "家务劳动周")) {
            Map<String, Object> b = body("MORAL", "volunteer_service", title, "2026-11-12");
            b.put("submit", true);
            mine.add(post("student_c1a", "S1-C1-01", b, null, 201));
        }
        Map<String, Object> other = body("MORAL", "volunteer_service", "二班的志愿服务", "2026-11-12");
        other.put("submit", true);
        Map<String, Object> c2 = post("student_c2a", "S1-C2-01", other, null, 201);
        // the queue names the students and classes (no roster read per class)
        as("head_c1").get().uri("/api/v1/records/review-queue").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.id == '" + mine.get(0).get("id") + "')].studentName").isEqualTo(List.of("马思远"))
                .jsonPath("$[?(@.id == '" + mine.get(0).get("id") + "')].className").isEqualTo(List.of("七年级(1)班"));

        List<Map<String, Object>> items = List.of(
                Map.of("studentId", "S1-C1-01", "recordId", mine.get(0).get("id"), "version", mine.get(0).get("version")),
                Map.of("studentId", "S1-C1-01", "recordId", mine.get(1).get("id"), "version", mine.get(1).get("version")),
                Map.of("studentId", "S1-C1-01", "recordId", mine.get(2).get("id"),
                        "version", ((Number) mine.get(2).get("version")).longValue() + 5),
                Map.of("studentId", "S1-C2-01", "recordId", c2.get("id"), "version", c2.get("version")));
        Map<String, Object> result = as("head_c1").post().uri("/api/v1/records/review-batch")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("decision", "APPROVE", "items", items))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(result).containsEntry("approved", 2).containsEntry("failed", 2);
        List<Map<String, Object>> outcomes = (List<Map<String, Object>>) result.get("items");
        assertThat(outcomes).extracting(o -> o.get("status")).containsExactly("APPROVED", "APPROVED", "FAILED",
                "FAILED");
        assertThat(outcomes.get(2)).containsEntry("errorCode", "stale_version");
        assertThat((String) outcomes.get(2).get("error")).contains("已被他人修改");
        assertThat(outcomes.get(3).get("errorCode")).isIn("not_found", "forbidden");
        assertThat(((Map<String, Object>) outcomes.get(0).get("record")).get("status")).isEqualTo("APPROVED");

        // returning needs a reason; the one left is returned with a preset reason of the school
        as("head_c1").post().uri("/api/v1/records/review-batch").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("decision", "REJECT", "items", items.subList(2, 3))).exchange()
                .expectStatus().isEqualTo(422);
        List<String> reasons = as("head_c1").get().uri("/api/v1/record-return-reasons").exchange().expectStatus()
                .isOk().expectBody(List.class).returnResult().getResponseBody();
        assertThat(reasons).isNotEmpty();
        Map<String, Object> returned = as("head_c1").post().uri("/api/v1/records/review-batch")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("decision", "REJECT", "reason",
                        reasons.get(0), "items", List.of(Map.of("studentId", "S1-C1-01", "recordId",
                                mine.get(2).get("id"))))).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(returned).containsEntry("rejected", 1);
        as("student_c1a").get().uri("/api/v1/students/S1-C1-01/records/{r}", mine.get(2).get("id")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.record.status").isEqualTo("REJECTED")
                .jsonPath("$.record.review.reason").isEqualTo(reasons.get(0));
    }

    @Test
    void theSchoolKeepsItsOwnListOfReturnReasons() {
        List<String> mine = List.of("请补充活动照片", "请写清楚自己承担的任务");
        as("head_c1").put().uri("/api/v1/record-return-reasons").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(mine).exchange().expectStatus().isForbidden();
        as("admin_s1").put().uri("/api/v1/record-return-reasons").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(List.of("好", "好")).exchange().expectStatus().isEqualTo(422);
        as("admin_s1").put().uri("/api/v1/record-return-reasons").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(mine).exchange().expectStatus().isOk();
        as("head_c1").get().uri("/api/v1/record-return-reasons").exchange().expectStatus().isOk()
                .expectBody(List.class).isEqualTo(mine);
        as("head_c1").get().uri("/api/v1/record-return-reasons").exchange().expectStatus().isOk();
        // another school still has the defaults
        as("admin_s2").get().uri("/api/v1/record-return-reasons").exchange().expectStatus().isOk()
                .expectBody(List.class).value(l -> assertThat(l).isNotEqualTo(mine));
        as("admin_s1").put().uri("/api/v1/record-return-reasons").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(ReturnReasons.DEFAULTS).exchange().expectStatus().isOk();
    }
}
