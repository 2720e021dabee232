package org.zhsz.fitness;

import org.zhsz.support.Json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.zhsz.support.DemoUsers.jwt;

import java.time.LocalDate;
import java.util.ArrayList;
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
 * The PE teacher's class grid end to end: pe_c1 reads and saves their class S1-C1; another school's class is
 * 404; the Chinese teacher may not write (403) but sees totals and ratings only; a bad row and a stale row change
 * nothing while the good rows land; reads show up in the family's access log.
 */
@ZhszTest
class FitnessGridTests {

    @Autowired
    WebTestClient web;

    static String year() {
        return SchoolYears.of(LocalDate.now(SchoolClock.ZONE));
    }

    private Map<String, Object> grid(String user, String classId) {
        return Json.map(web.mutateWith(jwt(user)).get().uri("/api/v1/classes/{c}/fitness?year={y}", classId, year())
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody());
    }

    private Map<String, Object> row(Map<String, Object> grid, String studentId) {
        for (Object r : Json.list(grid.get("rows"))) {
            if (studentId.equals(Json.map(r).get("studentId"))) {
                return Json.map(r);
            }
        }
        throw new AssertionError("no row for " + studentId);
    }

    private WebTestClient.ResponseSpec put(String user, String classId, List<Map<String, Object>> rows) {
        return web.mutateWith(jwt(user)).put().uri("/api/v1/classes/{c}/fitness?year={y}", classId, year())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("rows", rows)).exchange();
    }

    /** 初一 items: height, weight, 肺活量, 50m, 坐位体前屈, 立定跳远, then 引体向上 + 1000m or 仰卧起坐 + 800m. */
    static Map<String, Object> juniorItems(String sex, String run50) {
        Map<String, Object> items = new HashMap<>();
        items.put("height_cm", "158.3");
        items.put("weight_kg", "47.5");
        items.put("vital_capacity", "2600");
        items.put("run_50m", run50);
        items.put("sit_and_reach", "9.5");
        items.put("standing_long_jump", "180");
        if ("M".equals(sex)) {
            items.put("pull_ups", "5");
            items.put("run_1000m", "4'20\"");
        } else {
            items.put("sit_ups_1min", "35");
            items.put("run_800m", "4'05\"");
        }
        return items;
    }

    private static Map<String, Object> gridRow(Map<String, Object> current, Map<String, Object> items) {
        Map<String, Object> r = new HashMap<>();
        r.put("studentId", current.get("studentId"));
        Object result = current.get("result");
        if (result != null) {
            r.put("version", Json.map(result).get("version"));
        }
        r.put("items", items);
        return r;
    }

    @Test
    void thePeTeacherSeesEveryStudentWithTheirDetail() {
        Map<String, Object> g = grid("pe_c1", "S1-C1");
        assertThat(g.get("detail")).isEqualTo(true);
        assertThat(g.get("grade")).isEqualTo(7);
        assertThat(Json.list(g.get("rows"))).hasSize(40);
        Map<String, Object> first = row(g, "S1-C1-03");
        Map<String, Object> result = Json.map(first.get("result"));
        assertThat(result.get("status")).isEqualTo("TESTED");
        assertThat(Json.map(Json.map(result.get("first")).get("values"))).containsKeys("height_cm", "run_50m");
        assertThat(Json.map(g.get("requiredItems")).get("F").toString()).contains("run_800m", "sit_ups_1min");
    }

    @Test
    void anotherSchoolsClassIsNotFoundForTheGridAndItsSave() {
        web.mutateWith(jwt("pe_c1")).get().uri("/api/v1/classes/S2-C1/fitness").exchange().expectStatus()
                .isNotFound();
        put("pe_c1", "S2-C1", List.of()).expectStatus().isNotFound();
    }

    @Test
    void aSubjectTeacherSeesTotalsOnlyAndCannotWrite() {
        Map<String, Object> g = grid("teacher_c1", "S1-C1");
        assertThat(g.get("detail")).isEqualTo(false);
        Map<String, Object> result = Json.map(row(g, "S1-C1-03").get("result"));
        assertThat(result).containsKeys("totalScore", "rating", "status")
                .doesNotContainKeys("first", "makeup", "bmiCategory", "version", "sex");
        Map<String, Object> current = row(grid("pe_c1", "S1-C1"), "S1-C1-13");
        put("teacher_c1", "S1-C1", List.of(gridRow(current, juniorItems(String.valueOf(current.get("sex")), "9.0"))))
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("forbidden");
        assertThat(row(grid("pe_c1", "S1-C1"), "S1-C1-13").get("result")).isEqualTo(current.get("result"));
    }

    @Test
    void badAndStaleRowsChangeNothingWhileGoodRowsAreSaved() {
        Map<String, Object> before = grid("pe_c1", "S1-C1");
        Map<String, Object> good = row(before, "S1-C1-10");
        Map<String, Object> bad = row(before, "S1-C1-11");
        Map<String, Object> stale = row(before, "S1-C1-12");
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(gridRow(good, juniorItems(String.valueOf(good.get("sex")), "8.01")));
        Map<String, Object> badItems = juniorItems(String.valueOf(bad.get("sex")), "8.4");
        badItems.put("standing_long_jump", "18O"); // a letter O typed for a zero
        rows.add(gridRow(bad, badItems));
        Map<String, Object> staleRow = gridRow(stale, juniorItems(String.valueOf(stale.get("sex")), "8.4"));
        staleRow.put("version", 999);
        rows.add(staleRow);
        rows.add(Map.of("studentId", "S1-C2-01", "items", Map.of("run_50m", "8.0")));

        Map<String, Object> report = Json.map(put("pe_c1", "S1-C1", rows).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody());
        assertThat(report).containsEntry("saved", 1).containsEntry("invalid", 2).containsEntry("conflicts", 1);
        List<Object> out = Json.list(report.get("rows"));
        assertThat(Json.at(out, "0.outcome")).isEqualTo("SAVED");
        assertThat(Json.at(out, "1.outcome")).isEqualTo("INVALID");
        assertThat(Json.at(out, "1.errors.0.field")).isEqualTo("standing_long_jump");
        assertThat(Json.at(out, "2.outcome")).isEqualTo("CONFLICT");
        assertThat(Json.at(out, "3.outcome")).isEqualTo("INVALID");
        assertThat(Json.at(out, "3.errors.0.code")).isEqualTo("not_in_class");

        Map<String, Object> after = grid("pe_c1", "S1-C1");
        Map<String, Object> saved = Json.map(row(after, "S1-C1-10").get("result"));
        // 8.01 s is recorded as 8.1 s (times round up to the printed 0.1 s)
        assertThat(Json.at(saved, "first.values.run_50m")).isEqualTo(8.1);
        assertThat(Json.at(saved, "first.tester")).isEqualTo("pe_c1");
        assertThat(((Number) saved.get("version")).longValue())
                .isEqualTo(((Number) Json.map(good.get("result")).get("version")).longValue() + 1);
        assertThat(row(after, "S1-C1-11").get("result")).isEqualTo(bad.get("result"));
        assertThat(row(after, "S1-C1-12").get("result")).isEqualTo(stale.get("result"));

        // the same row again, at the new version: unchanged, nothing written
        Map<String, Object> again = gridRow(row(after, "S1-C1-10"), juniorItems(String.valueOf(good.get("sex")),
                "8.1"));
        Map<String, Object> report2 = Json.map(put("pe_c1", "S1-C1", List.of(again)).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody());
        assertThat(Json.at(report2, "rows.0.outcome")).isEqualTo("UNCHANGED");
        assertThat(Json.at(row(grid("pe_c1", "S1-C1"), "S1-C1-10"), "result.version")).isEqualTo(saved.get("version"));
    }

    @Test
    void gridReadsAppearInTheFamilysAccessLog() {
        grid("pe_c1", "S1-C1");
        Map<String, Object> log = Json.map(web.mutateWith(jwt("parent_c1a")).get()
                .uri("/api/v1/students/S1-C1-01/access-log?size=50").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody());
        assertThat(Json.list(log.get("items"))).anySatisfy(e -> {
            assertThat(Json.map(e)).containsEntry("action", "fitness.read").containsEntry("dataClass",
                    "HEALTH_FITNESS");
        });
    }
}
