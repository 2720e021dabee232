package org.zhsz.fitness;

import org.zhsz.support.Json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.zhsz.support.DemoUsers.jwt;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.zhsz.support.ZhszTest;

/** Statistics endpoints over the demo county, and the demo data they describe. */
@ZhszTest
class FitnessStatsTests {

    @Autowired
    WebTestClient web;

    @Autowired
    DemoFitness demo;

    @Autowired
    ResultStore store;

    private final String year = FitnessGridTests.year();

    private Map<String, Object> stats(String user, String uri) {
        return Json.map(web.mutateWith(jwt(user)).get().uri(uri).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody());
    }

    private static Map<String, Object> cell(Map<String, Object> stats, Integer grade, String sex) {
        for (Object c : Json.list(stats.get("cells"))) {
            Map<String, Object> m = Json.map(c);
            if (java.util.Objects.equals(m.get("grade"), grade) && sex.equals(m.get("sex"))) {
                return m;
            }
        }
        throw new AssertionError("no cell " + grade + sex);
    }

    @Test
    void theDemoYearSpreadsOverAllFourRatings() {
        Map<String, Object> s = stats("admin_s1", "/api/v1/fitness/stats?year=" + year);
        Map<String, Object> all = cell(s, 7, "ALL");
        assertThat(((Number) all.get("tested")).intValue()).isGreaterThanOrEqualTo(70);
        assertThat(((Number) all.get("exempt")).intValue()).isGreaterThanOrEqualTo(1);
        Map<String, Object> ratings = Json.map(all.get("ratings"));
        for (String r : List.of("优秀", "良好", "及格", "不及格")) {
            assertThat(((Number) Json.map(ratings.get(r)).get("count")).intValue()).as(r).isPositive();
        }
        Map<String, Object> bmi = Json.map(all.get("bmi"));
        assertThat(((Number) Json.map(bmi.get("正常")).get("count")).intValue()).isPositive();
        assertThat(((Number) Json.map(bmi.get("超重")).get("count")).intValue()
                + ((Number) Json.map(bmi.get("肥胖")).get("count")).intValue()).isPositive();
        assertThat(Json.list(s.get("trend"))).hasSize(5);
    }

    @Test
    void theDemoDataIsInsertedOnlyOnce() throws Exception {
        long before = store.select(List.of("S1", "S2"), List.of(year), null, List.of("_id"), null).count().block();
        demo.run(new DefaultApplicationArguments());
        long after = store.select(List.of("S1", "S2"), List.of(year), null, List.of("_id"), null).count().block();
        assertThat(after).isEqualTo(before);
    }

    @Test
    void theCountyViewIsForTheBureauWithSuppression() {
        Map<String, Object> s = stats("bureau", "/api/v1/fitness/stats/county?year=" + year);
        assertThat(s.get("suppressionThreshold")).isEqualTo(5);
        assertThat(Json.list(s.get("schools"))).hasSize(2);
        Map<String, Object> all = cell(s, null, "ALL");
        assertThat(all).doesNotContainKey("exempt");
        assertThat(((Number) all.get("tested")).intValue()).isGreaterThan(100);
        for (String user : List.of("admin_s1", "pe_c1", "auditor", "student_c1a")) {
            web.mutateWith(jwt(user)).get().uri("/api/v1/fitness/stats/county").exchange().expectStatus()
                    .isForbidden();
        }
        // the previous year holds one primary class only: its trend row is published, its cells too
        Map<String, Object> trend = Json.map(Json.list(s.get("trend")).get(3));
        assertThat(trend.get("suppressed")).isEqualTo(false);
    }

    @Test
    void aClassViewForItsTeachersAndDownloads() {
        Map<String, Object> c = stats("pe_c1", "/api/v1/fitness/stats?classId=S1-C2&year=" + year);
        assertThat(c.get("scope")).isEqualTo("class");
        assertThat(c).doesNotContainKey("suppressionThreshold");
        web.mutateWith(jwt("teacher_c1")).get().uri("/api/v1/fitness/stats?classId=S1-C1").exchange()
                .expectStatus().isForbidden();
        web.mutateWith(jwt("pe_c1")).get().uri("/api/v1/fitness/stats").exchange().expectStatus().isForbidden();
        web.mutateWith(jwt("pe_c1")).get().uri("/api/v1/fitness/stats?classId=S2-C1").exchange().expectStatus()
                .isNotFound();

        byte[] csv = web.mutateWith(jwt("bureau")).get().uri("/api/v1/fitness/stats/county?format=csv&year=" + year)
                .exchange().expectStatus().isOk().expectHeader().contentType("text/csv;charset=UTF-8")
                .expectBody(byte[].class).returnResult().getResponseBody();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF范围,学年,年级,性别,受测人数").contains("七年级").contains("泾源县第一中学");
        byte[] xlsx = web.mutate().responseTimeout(java.time.Duration.ofSeconds(30)).build()
                .mutateWith(jwt("admin_s1")).get().uri("/api/v1/fitness/stats?format=xlsx").exchange()
                .expectStatus().isOk().expectHeader().contentType(FitnessController.XLSX)
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(xlsx).startsWith('P', 'K');
        web.mutateWith(jwt("admin_s1")).get().uri("/api/v1/fitness/stats?format=pdf").exchange().expectStatus()
                .isEqualTo(422);
    }
}
