package org.zhsz.health;

import org.zhsz.support.Json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.zhsz.support.DemoUsers.jwt;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.zhsz.platform.SchoolClock;
import org.zhsz.support.ZhszTest;

/**
 * Vision screening through the API: the school doctor records a screening and the answer carries categories,
 * screening myopia and advice; the family reads values and advice, a teacher of the class only whether a check-up
 * is advised; bad values are a 422 naming the field; a stale If-Match is a 409; the family is told in the app and
 * sees the doctor's read in the access log.
 */
@ZhszTest
class VisionApiTests {

    @Autowired
    WebTestClient web;

    static String year() {
        return SchoolYearSpan.of(LocalDate.now(SchoolClock.ZONE));
    }

    static Map<String, Object> screening(String left, String leftSphere, String right) {
        Map<String, Object> l = new HashMap<>();
        l.put("uncorrected", left);
        if (leftSphere != null) {
            l.put("sphere", leftSphere);
            l.put("cylinder", "-0.50");
            l.put("axis", 180);
        }
        return Map.of("glasses", "NONE", "left", l, "right", Map.of("uncorrected", right));
    }

    WebTestClient.ResponseSpec put(String user, String studentId, Object body) {
        return web.mutateWith(jwt(user)).put().uri("/api/v1/students/{id}/vision/{y}", studentId, year())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    Map<String, Object> get(String user, String studentId) {
        return Json.map(web.mutateWith(jwt(user)).get().uri("/api/v1/students/{id}/vision", studentId).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody());
    }

    @Test
    void theSchoolDoctorRecordsAndTheAnswerCarriesWhatFollows() {
        Map<String, Object> saved = Json.map(put("doctor_s1", "S1-C1-36", screening("4.7", "-1.75", "5.0"))
                .expectStatus().isOk().expectHeader().exists("ETag")
                .expectBody(Map.class).returnResult().getResponseBody());
        assertThat(Json.at(saved, "left.category")).isEqualTo("moderate");
        assertThat(Json.at(saved, "left.screeningMyopia")).isEqualTo(true);
        assertThat(Json.at(saved, "left.sphericalEquivalent")).isEqualTo(-2.0);
        assertThat(Json.at(saved, "right.category")).isEqualTo("normal");
        assertThat(saved.get("category")).isEqualTo("moderate");
        assertThat(saved.get("screeningMyopia")).isEqualTo(true);
        assertThat(saved.get("advice")).isEqualTo("SEE_DOCTOR");
        assertThat(Json.list(saved.get("reasons"))).containsExactly("screening_myopia", "moderate");
        assertThat(saved.get("grade")).isEqualTo(7);

        // the same values again change nothing (same version)
        Map<String, Object> again = Json.map(put("doctor_s1", "S1-C1-36", screening("4.7", "-1.75", "5.0"))
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody());
        assertThat(again.get("version")).isEqualTo(saved.get("version"));

        // the head teacher reads the values, the Chinese teacher only that a check-up is advised
        Map<String, Object> head = get("head_c1", "S1-C1-36");
        assertThat(head.get("detail")).isEqualTo(true);
        assertThat(Json.at(head, "years.0.left.uncorrected")).isEqualTo(4.7);
        Map<String, Object> teacher = get("teacher_c1", "S1-C1-36");
        assertThat(teacher.get("detail")).isEqualTo(false);
        Map<String, Object> year = Json.map(Json.list(teacher.get("years")).get(0));
        assertThat(year).containsEntry("checkupAdvised", true).doesNotContainKeys("left", "right", "category",
                "advice", "reasons", "examinedOn");
    }

    @Test
    void theFamilySeesResultAndAdviceAndIsToldInTheApp() {
        // student_c1a's demo screening: screening myopia, so the family is advised to see a doctor
        Map<String, Object> mine = get("parent_c1a", "S1-C1-01");
        assertThat(mine.get("detail")).isEqualTo(true);
        assertThat(Json.at(mine, "years.0.advice")).isEqualTo("SEE_DOCTOR");
        assertThat(Json.list(Json.at(mine, "years.0.reasons"))).contains("screening_myopia");

        put("admin_s1", "S1-C1-01", Map.of("examinedOn", LocalDate.now(SchoolClock.ZONE).toString(),
                "glasses", "FRAME", "left", Map.of("uncorrected", "4.8", "corrected", "5.0", "sphere", "-1.25"),
                "right", Map.of("uncorrected", "4.9", "corrected", "5.0", "sphere", "-0.75")))
                .expectStatus().isOk();
        List<Object> inbox = Json.list(web.mutateWith(jwt("parent_c1a")).get().uri("/api/v1/notifications")
                .exchange().expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody());
        assertThat(inbox).anySatisfy(n -> {
            assertThat(Json.map(n).get("kind")).isEqualTo("vision_result");
            assertThat((String) Json.map(n).get("body")).contains("视力筛查结果").doesNotContain("4.8");
        });

        // the doctor's read shows in the family's access log
        get("doctor_s1", "S1-C1-01");
        Map<String, Object> log = Json.map(web.mutateWith(jwt("parent_c1a")).get()
                .uri("/api/v1/students/S1-C1-01/access-log?size=50").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody());
        assertThat(Json.list(log.get("items"))).anySatisfy(e -> {
            assertThat(Json.map(e).get("dataClass")).isEqualTo("VISION");
            assertThat(Json.map(e).get("role")).isEqualTo("school_doctor");
            assertThat(Json.map(e).get("action")).isEqualTo("vision.read");
        });
    }

    @Test
    void badValuesAreA422NamingTheField() {
        Map<String, Object> p = Json.map(put("doctor_s1", "S1-C1-37", screening("5.4", null, "4.85"))
                .expectStatus().isEqualTo(422).expectBody(Map.class).returnResult().getResponseBody());
        assertThat(Json.list(p.get("errors"))).extracting(e -> Json.map(e).get("field"))
                .containsExactly("left.uncorrected", "right.uncorrected");
        assertThat(Json.list(p.get("errors"))).extracting(e -> Json.map(e).get("code"))
                .containsExactly("vision_out_of_range", "vision_step");
        Map<String, Object> sphere = Json.map(put("doctor_s1", "S1-C1-37", Map.of("left", Map.of("uncorrected", "4.8",
                "sphere", "-1.30"), "right", Map.of("uncorrected", "4.8", "axis", 181)))
                .expectStatus().isEqualTo(422).expectBody(Map.class).returnResult().getResponseBody());
        assertThat(Json.list(sphere.get("errors"))).extracting(e -> Json.map(e).get("field"))
                .containsExactly("left.sphere", "right.axis");
        assertThat((String) Json.map(Json.list(sphere.get("errors")).get(0)).get("message"))
                .isEqualTo("屈光度须为 0.25 的整数倍（如 -1.25）");
        put("doctor_s1", "S1-C1-37", Map.of("left", Map.of("uncorrected", "4.8"))).expectStatus().isEqualTo(422);
        web.mutateWith(jwt("doctor_s1")).put().uri("/api/v1/students/S1-C1-37/vision/2026-2028")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(screening("5.0", null, "5.0")).exchange()
                .expectStatus().isEqualTo(422);
        // nothing was stored
        assertThat(Json.list(get("doctor_s1", "S1-C1-37").get("years"))).isEmpty();
    }

    @Test
    void aStaleIfMatchIsAConflict() {
        String etag = put("doctor_s1", "S1-C1-38", screening("5.0", null, "5.0")).expectStatus().isOk()
                .returnResult(Map.class).getResponseHeaders().getETag();
        web.mutateWith(jwt("doctor_s1")).put().uri("/api/v1/students/S1-C1-38/vision/{y}", year())
                .header("If-Match", etag).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(screening("4.9", null, "5.0")).exchange().expectStatus().isOk();
        web.mutateWith(jwt("doctor_s1")).put().uri("/api/v1/students/S1-C1-38/vision/{y}", year())
                .header("If-Match", etag).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(screening("4.8", null, "5.0")).exchange().expectStatus().isEqualTo(409);
        assertThat(Json.at(get("doctor_s1", "S1-C1-38"), "years.0.left.uncorrected")).isEqualTo(4.9);
    }

    @Test
    void whoMayWriteAndRead() {
        put("head_c1", "S1-C1-39", screening("5.0", null, "5.0")).expectStatus().isForbidden();
        put("pe_c1", "S1-C1-39", screening("5.0", null, "5.0")).expectStatus().isForbidden();
        put("parent_c1a", "S1-C1-01", screening("5.0", null, "5.0")).expectStatus().isForbidden();
        put("admin_s2", "S1-C1-39", screening("5.0", null, "5.0")).expectStatus().isNotFound();
        web.mutateWith(jwt("bureau")).get().uri("/api/v1/students/S1-C1-01/vision").exchange()
                .expectStatus().isForbidden();
        web.mutateWith(jwt("teacher_c2")).get().uri("/api/v1/students/S1-C1-01/vision").exchange()
                .expectStatus().isNotFound();
        web.mutateWith(jwt("counselor_s1")).get().uri("/api/v1/students/S1-C1-01/vision").exchange()
                .expectStatus().isOk();
    }
}
