package org.zhsz.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhsz.support.DemoUsers.jwt;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.zhsz.support.ZhszTest;

/**
 * The home page's to-dos per role, counted through each module's services and the access policy, each naming the
 * page (and class) where the work is: a head teacher's reviews, empty dimensions and 公示; a PE teacher's untested
 * students; a counselor's alerts; a student's drafts and screenings; a school admin's rejected import rows; a school
 * doctor's students still to screen and open sick-absence follow-ups.
 */
@ZhszTest
@TestPropertySource(properties = "zhsz.test.isolated=home")
class HomeTodosTests {

    @Autowired
    WebTestClient web;
    @Autowired
    org.springframework.data.mongodb.core.ReactiveMongoTemplate mongo;

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> todos(String user) {
        return web.mutateWith(jwt(user)).get().uri("/api/v1/me/todos").exchange().expectStatus().isOk()
                .expectBody(List.class).returnResult().getResponseBody();
    }

    private static Map<String, Object> find(List<Map<String, Object>> todos, String code) {
        return todos.stream().filter(t -> code.equals(t.get("code"))).findFirst()
                .orElseThrow(() -> new AssertionError(code + " not among " + todos));
    }

    /**
     * Opening the home page is not a refused request: the to-dos ask the policy without auditing, so an auditor's
     * trail does not fill with DENIED rows for every subject teacher, parent or bureau user who logs in.
     */
    @Test
    void theHomePageLeavesNoDeniedEventForAnyDemoUser() {
        for (String user : org.zhsz.support.DemoUsers.usernames()) {
            long before = denials(user);
            todos(user);
            assertThat(denials(user)).as("DENIED events after %s opened the home page", user).isEqualTo(before);
        }
    }

    private long denials(String user) {
        return mongo.count(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("username").is(user).and("outcome")
                        .is("DENIED")), "audit_events").block();
    }

    @Test
    void theHeadTeacherSeesReviewsEmptyDimensionsAndPublicityOfTheirClass() {
        List<Map<String, Object>> todos = todos("head_c1");
        Map<String, Object> review = find(todos, "records_to_review");
        assertThat(((Number) review.get("count")).intValue()).isPositive();
        assertThat(review.get("page")).isEqualTo("records-review");
        assertThat((String) review.get("label")).startsWith("七年级(1)班：").contains("条学生自述待审核");
        Map<String, Object> empty = find(todos, "students_with_empty_dimension");
        assertThat(empty.get("query")).isEqualTo(Map.of("class", "S1-C1"));
        Map<String, Object> publicity = find(todos, "publicity_days_left");
        assertThat((String) publicity.get("label")).contains("公示还剩").contains("个工作日");
        assertThat(publicity.get("page")).isEqualTo("publicity");
        // nothing of other roles' work
        assertThat(todos).extracting(t -> t.get("code")).doesNotContain("alerts_open", "fitness_not_tested");
    }

    @Test
    void thePeTeacherSeesUntestedStudentsPerClass() {
        List<Map<String, Object>> todos = todos("pe_c1");
        assertThat(todos).filteredOn(t -> t.get("code").toString().startsWith("fitness_")).isNotEmpty()
                .allSatisfy(t -> {
                    assertThat(t.get("page")).isEqualTo("fitness-entry");
                    assertThat(((Map<?, ?>) t.get("query")).get("class")).isIn("S1-C1", "S1-C2");
                });
        assertThat(todos("teacher_c1")).extracting(t -> t.get("code")).doesNotContain("fitness_not_tested",
                "fitness_makeup_due", "records_to_review");
    }

    @Test
    void studentsSeeTheirDraftsAndScreeningsAndCountyRolesNothingOfASchool() {
        assertThat(find(todos("student_c1a"), "records_draft").get("page")).isEqualTo("records");
        assertThat(todos("auditor")).isEmpty();
        assertThat(todos("bureau")).isEmpty();
    }

    @Test
    void aStudentSeesAScreeningToTakeAndOnceAnsweredTheCounselorAnOpenAlert() {
        assertThat(find(todos("student_c2a"), "screenings_to_take").get("page"))
                .isEqualTo("wellbeing-my-screenings");
        web.mutateWith(jwt("student_c2a")).post().uri("/api/v1/wellbeing/campaigns/demo-screening-followup/responses")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("instrument", "phq9",
                        "answers", List.of(1, 1, 0, 1, 0, 0, 1, 0, 2), "noticeVersion", 1)).exchange()
                .expectStatus().isCreated();
        Map<String, Object> alerts = find(todos("counselor_s1"), "alerts_open");
        assertThat(((Number) alerts.get("count")).intValue()).isPositive();
        assertThat(alerts.get("page")).isEqualTo("wellbeing-alerts");
        assertThat(todos("counselor_s2")).extracting(t -> t.get("code")).doesNotContain("alerts_open");
        assertThat(todos("student_c2a")).extracting(t -> t.get("code")).doesNotContain("screenings_to_take");
    }

    @Test
    void theSchoolDoctorSeesStudentsStillToScreenAndOpenFollowUps() {
        List<Map<String, Object>> todos = todos("doctor_s1");
        Map<String, Object> vision = find(todos, "vision_not_screened");
        // the demo leaves 七年级(1)班's numbers 36–40 unscreened this school year
        assertThat(vision.get("count")).isEqualTo(5);
        assertThat(vision.get("page")).isEqualTo("health-vision");
        assertThat((String) vision.get("label")).contains("5 名学生").contains("视力筛查");
        Map<String, Object> followUps = find(todos, "sick_absence_follow_ups_open");
        assertThat(((Number) followUps.get("count")).intValue()).isPositive();
        assertThat(followUps.get("page")).isEqualTo("health-follow-ups");
        assertThat((String) followUps.get("label")).contains("复课");
        // the doctor has no records, fitness or mental-health work; no one else gets the doctor's
        assertThat(todos).extracting(t -> t.get("code")).containsOnly("vision_not_screened",
                "sick_absence_follow_ups_open");
        for (String user : List.of("head_c1", "admin_s1", "teacher_c1", "bureau")) {
            assertThat(todos(user)).as(user).extracting(t -> t.get("code")).doesNotContain("vision_not_screened",
                    "sick_absence_follow_ups_open");
        }
    }

    @Test
    void anImportThatLeftRowsOutIsATodoLinkingToItsRows() {
        MultipartBodyBuilder mb = new MultipartBodyBuilder();
        mb.part("file", new ByteArrayResource("学籍号,姓名,性别,出生日期,班级\nX1,张三,男,2013-10-01,七年级(1)班\n"
                .getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "r.csv";
            }
        });
        web.mutateWith(jwt("admin_s1")).post().uri("/api/v1/students/import?job=home-import-0001")
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(mb.build()))
                .exchange().expectStatus().isOk();
        Map<String, Object> todo = find(todos("admin_s1"), "import_rejected_roster");
        assertThat(todo.get("count")).isEqualTo(1);
        assertThat(todo.get("query")).isEqualTo(Map.of("job", "home-import-0001"));
        assertThat(todos("admin_s2")).extracting(t -> t.get("code")).doesNotContain("import_rejected_roster");
    }
}
