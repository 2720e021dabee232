package org.zhsz.fitness;

import org.zhsz.support.Json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.zhsz.support.DemoUsers.jwt;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.zhsz.support.ZhszTest;

import io.micrometer.core.instrument.MeterRegistry;

/** POST /api/v1/fitness/score: a preview that stores nothing, with 422s that name the offending item. */
@ZhszTest
class FitnessScoreEndpointTests {

    @Autowired
    WebTestClient web;

    @Autowired
    MeterRegistry meters;

    private static Map<String, Object> juniorBoy() {
        Map<String, Object> items = new LinkedHashMap<>();
        items.put("height_cm", 160.0);
        items.put("weight_kg", 50.0);
        items.put("vital_capacity", 3000);
        items.put("run_50m", "7.8");
        items.put("sit_and_reach", 17.6);
        items.put("standing_long_jump", 225);
        items.put("pull_ups", 15);
        items.put("run_1000m", "3'55\"");
        return items;
    }

    private WebTestClient.ResponseSpec score(String user, Object body) {
        return web.mutateWith(jwt(user)).post().uri("/api/v1/fitness/score").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }

    @Test
    void aCompleteJuniorBoyGetsItemScoresBonusTotalAndRating() {
        double before = meters.counter("zhsz.fitness.scored", "source", "preview").count();
        Map<String, Object> r = Json.map(score("pe_c1", Map.of("grade", 7, "sex", "M", "items", juniorBoy()))
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody());
        Map<String, Object> items = Json.map(r.get("items"));
        // BMI 50.0 / 1.6² = 19.5: 正常 for 初一男
        assertThat(Json.map(items.get("bmi"))).containsEntry("score", 100).containsEntry("level", "正常")
                .doesNotContainKey("bonus");
        assertThat(Json.map(items.get("run_1000m"))).containsEntry("score", 100).containsEntry("bonus", 0);
        // 15 pull-ups are 2 beyond the 100 row (13): +2
        assertThat(Json.map(items.get("pull_ups"))).containsEntry("score", 100).containsEntry("bonus", 2);
        assertThat(Json.map(items.get("run_50m"))).doesNotContainKey("bonus");
        assertThat(r.get("missingItems")).isEqualTo(List.of());
        assertThat(r.get("bonus")).isEqualTo(2);
        assertThat(r.get("rating")).isEqualTo("优秀");
        assertThat(((Number) r.get("totalScore")).doubleValue())
                .isEqualTo(((Number) r.get("standardScore")).doubleValue() + 2);
        assertThat(meters.counter("zhsz.fitness.scored", "source", "preview").count()).isEqualTo(before + 1);
    }

    @Test
    void missingItemsAreListedAndTheTotalsLeftOut() {
        Map<String, Object> items = juniorBoy();
        items.remove("run_1000m");
        items.remove("weight_kg");
        Map<String, Object> r = Json.map(score("head_c1", Map.of("grade", 7, "sex", "M", "items", items))
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody());
        assertThat(r.get("missingItems")).isEqualTo(List.of("weight_kg", "run_1000m"));
        assertThat(r).doesNotContainKeys("standardScore", "bonus", "totalScore", "rating");
        assertThat(Json.map(r.get("items"))).containsKey("run_50m").doesNotContainKey("bmi");
    }

    @Test
    void anUnknownItemIs422NamingIt() {
        Map<String, Object> items = juniorBoy();
        items.put("shot_put", 8);
        score("pe_c1", Map.of("grade", 7, "sex", "M", "items", items)).expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("validation_failed")
                .jsonPath("$.errors[0].field").isEqualTo("shot_put")
                .jsonPath("$.errors[0].code").isEqualTo("unknown_item");
    }

    @Test
    void anItemOutsideTheGradesStandardIs422NamingIt() {
        Map<String, Object> items = juniorBoy();
        items.put("rope_skipping_1min", 150); // 跳绳 ends in 小学
        score("pe_c1", Map.of("grade", 7, "sex", "M", "items", items)).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("rope_skipping_1min")
                .jsonPath("$.errors[0].code").isEqualTo("not_in_standard");
        // pull-ups are for boys; girls do sit-ups
        score("pe_c1", Map.of("grade", 7, "sex", "F", "items", Map.of("pull_ups", 3))).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("pull_ups");
    }

    @Test
    void anImpossibleValueIs422NamingIt() {
        Map<String, Object> items = juniorBoy();
        items.put("run_50m", 3.1);
        score("pe_c1", Map.of("grade", 7, "sex", "M", "items", items)).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("run_50m")
                .jsonPath("$.errors[0].code").isEqualTo("out_of_range");
        score("pe_c1", Map.of("grade", 7, "sex", "M", "items", Map.of("pull_ups", 2.5))).expectStatus()
                .isEqualTo(422).expectBody().jsonPath("$.errors[0].field").isEqualTo("pull_ups")
                .jsonPath("$.errors[0].code").isEqualTo("not_integer");
        score("pe_c1", Map.of("grade", 17, "sex", "M", "items", Map.of())).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("grade");
    }

    @Test
    void studentsParentsAndTheBureauCannotUseIt() {
        for (String user : List.of("student_c1a", "parent_c1a", "auditor", "admissions")) {
            score(user, Map.of("grade", 7, "sex", "M", "items", juniorBoy())).expectStatus().isForbidden();
        }
        score("admin_s2", Map.of("grade", 5, "sex", "F", "items", Map.of("rope_skipping_1min", 170)))
                .expectStatus().isOk().expectBody().jsonPath("$.items.rope_skipping_1min.bonus").isEqualTo(6);
    }
}
