package org.zhsz.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhsz.support.DemoUsers.jwt;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.zhsz.support.ZhszTest;

/**
 * Reads of a private profile (full 学籍号, birth date, guardians' names and phones) and evidence downloads are
 * sensitive reads: audited, and shown to the family in the access log with who (name and role) read what.
 */
@ZhszTest
class SensitiveReadsInAccessLogTests {

    private static final String C1A = AccessMatrix.C1A; // 马思远, guardian parent_c1a
    private static final String C1B = AccessMatrix.C1B;

    @Autowired
    WebTestClient web;

    private List<Map<String, Object>> accessLog(String user, String studentId) {
        Map<String, Object> page = web.mutateWith(jwt(user)).get()
                .uri("/api/v1/students/{id}/access-log?size=100", studentId).exchange()
                .expectStatus().isOk().expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
        return items;
    }

    /** How many such reads the log shows (it folds repeated reads of a kind by one person into a line with a count). */
    private static long count(List<Map<String, Object>> log, String action, String role, String dataClass) {
        return log.stream().filter(e -> action.equals(e.get("action")) && role.equals(e.get("role"))
                && dataClass.equals(e.get("dataClass"))).mapToLong(e -> ((Number) e.get("count")).longValue()).sum();
    }

    @Test
    void theHeadTeacherReadingThePrivateProfileShowsInTheParentsAccessLog() {
        long before = count(accessLog("parent_c1a", C1A), "student.profile.read", "head_teacher", "PROFILE_PRIVATE");

        web.mutateWith(jwt("head_c1")).get().uri("/api/v1/students/{id}", C1A).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.birthDate").isNotEmpty().jsonPath("$.guardians[0].phone").isNotEmpty();

        List<Map<String, Object>> log = accessLog("parent_c1a", C1A);
        assertThat(count(log, "student.profile.read", "head_teacher", "PROFILE_PRIVATE")).isEqualTo(before + 1);
        assertThat(log).anySatisfy(e -> {
            assertThat(e).containsEntry("action", "student.profile.read").containsEntry("role", "head_teacher")
                    .containsEntry("name", "马晓梅");
        });
        // the student sees the same entry in their own log
        assertThat(count(accessLog("student_c1a", C1A), "student.profile.read", "head_teacher", "PROFILE_PRIVATE"))
                .isEqualTo(before + 1);
    }

    @Test
    void aTeacherWithoutThePrivateFieldsLeavesNoPrivateRead() {
        long before = count(accessLog("parent_c1a", C1A), "student.profile.read", "teacher", "PROFILE_PRIVATE");
        web.mutateWith(jwt("teacher_c1")).get().uri("/api/v1/students/{id}", C1A).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.birthDate").doesNotExist().jsonPath("$.guardians").doesNotExist();
        assertThat(count(accessLog("parent_c1a", C1A), "student.profile.read", "teacher", "PROFILE_PRIVATE"))
                .isEqualTo(before);
    }

    @Test
    void aClassListWithPrivateFieldsIsOneAuditedReadPerStudentShown() {
        long before = count(accessLog("admin_s1", C1B), "student.profile.read", "head_teacher", "PROFILE_PRIVATE");
        web.mutateWith(jwt("head_c1")).get().uri("/api/v1/students?classId=S1-C1&size=100").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.items[?(@.id == '" + C1B + "')].birthDate")
                .isNotEmpty();
        assertThat(count(accessLog("admin_s1", C1B), "student.profile.read", "head_teacher", "PROFILE_PRIVATE"))
                .isEqualTo(before + 1);
    }

    @Test
    void anEvidenceDownloadShowsInTheAccessLog() {
        long before = count(accessLog("parent_c1a", C1A), "evidence.download", "teacher", "GENERAL_RECORDS");
        web.mutateWith(jwt("teacher_c1")).get().uri("/api/v1/students/{id}/evidence/{e}", C1A,
                MatrixExtensions.DEMO_EVIDENCE).exchange().expectStatus().isOk();
        List<Map<String, Object>> log = accessLog("parent_c1a", C1A);
        assertThat(count(log, "evidence.download", "teacher", "GENERAL_RECORDS")).isEqualTo(before + 1);
        assertThat(log).anySatisfy(e -> assertThat(e).containsEntry("action", "evidence.download")
                .containsEntry("name", "李文华"));
    }
}
