package org.zhsz.fitness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input comes back as per-field errors (field, code, message), never as an exception. */
class ValidationTests {

    private static final FitnessScorer SCORER = new FitnessScorer();

    private static List<org.zhsz.platform.FieldError> errors(int grade, String sex, Map<String, ?> items) {
        return SCORER.score(grade, sex, items).errors();
    }

    @Test
    void gradeAndSex() {
        assertThat(errors(0, "M", Map.of())).extracting("field", "code")
                .containsExactly(tuple("grade", "out_of_range"));
        assertThat(errors(17, "M", Map.of())).extracting("field", "code")
                .containsExactly(tuple("grade", "out_of_range"));
        assertThat(errors(1, "X", Map.of())).extracting("field", "code").containsExactly(tuple("sex", "invalid"));
        assertThat(errors(1, null, Map.of())).extracting("field", "code").containsExactly(tuple("sex", "invalid"));
        assertThat(errors(-5, "", null)).extracting("field").containsExactly("grade", "sex");
        assertThat(SCORER.score(1, "男", Map.of()).sex()).isEqualTo("M");
        assertThat(SCORER.score(1, "女", Map.of()).sex()).isEqualTo("F");
        assertThat(SCORER.requiredItems(0, "M")).isEmpty();
        assertThat(SCORER.requiredItems(1, "?")).isEmpty();
    }

    @Test
    void unknownItemKeys() {
        Map<String, Object> items = new HashMap<>();
        items.put("run_100m", 13.2);
        items.put("Run_50m", 9.1);
        items.put("run_50m", 9.1);
        var r = SCORER.score(1, "M", items);
        assertThat(r.errors()).extracting("field", "code")
                .containsExactly(tuple("Run_50m", "unknown_item"), tuple("run_100m", "unknown_item"));
        assertThat(r.item("run_50m").score()).as("valid items are still scored").isEqualTo(100);
        assertThat(r.complete()).isFalse();
    }

    @ParameterizedTest(name = "{2} is not tested for grade {0}{1}")
    @CsvSource({
            "7, F, pull_ups", "16, F, pull_ups", "3, M, pull_ups", "6, M, pull_ups",
            "3, M, run_1000m", "9, F, run_1000m", "9, M, run_800m", "4, F, run_800m",
            "7, M, rope_skipping_1min", "16, F, rope_skipping_1min",
            "1, M, sit_ups_1min", "2, F, sit_ups_1min", "7, M, sit_ups_1min", "13, M, sit_ups_1min",
            "4, M, shuttle_50x8", "7, F, shuttle_50x8", "6, M, standing_long_jump",
    })
    void itemsOutsideTheGradesStandard(int grade, String sex, String item) {
        var r = SCORER.score(grade, sex, Map.of(item, 10));
        assertThat(r.errors()).extracting("field", "code").containsExactly(tuple(item, "not_in_standard"));
        assertThat(r.errors().get(0).key()).isEqualTo("field.not_in_standard_for");
        assertThat(r.item(item)).isNull();
    }

    /** Every weighted item of every grade is accepted; every other scored key is rejected (from weights.csv). */
    static Stream<Arguments> everyKeyForEveryGrade() {
        List<String> scored = List.of("vital_capacity", "run_50m", "sit_and_reach", "rope_skipping_1min",
                "sit_ups_1min", "shuttle_50x8", "standing_long_jump",
                "pull_ups", "run_1000m", "run_800m");
        List<Arguments> out = new ArrayList<>();
        for (int grade = 1; grade <= 16; grade++) {
            for (String sex : List.of("M", "F")) {
                Map<String, Integer> weights = ReferenceTables.weights(grade, sex);
                for (String item : scored) {
                    out.add(Arguments.of(grade, sex, item, weights.containsKey(item)));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "grade {0}{1} {2} accepted: {3}")
    @MethodSource("everyKeyForEveryGrade")
    void acceptanceFollowsTheWeightsTable(int grade, String sex, String item, boolean accepted) {
        // a value inside every plausibility bound
        Object value = switch (item) {
            case "run_50m" -> "10.0";
            case "shuttle_50x8", "run_1000m", "run_800m" -> 200;
            case "standing_long_jump" -> 150;
            case "vital_capacity" -> 2000;
            default -> 10;
        };
        var r = SCORER.score(grade, sex, Map.of(item, value));
        if (accepted) {
            assertThat(r.errors()).isEmpty();
            assertThat(r.item(item)).isNotNull();
        } else {
            assertThat(r.errors()).extracting("code").containsExactly("not_in_standard");
        }
    }

    @ParameterizedTest(name = "{0} = {1} → {2}")
    @CsvSource(delimiter = '|', value = {
            "run_50m            | 3          | out_of_range",
            "run_50m            | 4.9        | out_of_range",
            "run_50m            | 60.1       | out_of_range",
            "run_50m            | -8         | out_of_range",
            "height_cm          | 400        | out_of_range",
            "height_cm          | 69.9       | out_of_range",
            "height_cm          | 250.04     | ok",
            "height_cm          | 250.05     | out_of_range",
            "weight_kg          | 0          | out_of_range",
            "weight_kg          | 9.9        | out_of_range",
            "weight_kg          | 10         | ok",
            "bmi                | 4.9        | out_of_range",
            "bmi                | 80.1       | out_of_range",
            "vital_capacity     | 99         | out_of_range",
            "vital_capacity     | 10000      | ok",
            "vital_capacity     | 10001      | out_of_range",
            "sit_and_reach      | -30.0      | ok",
            "sit_and_reach      | -30.01     | out_of_range",
            "sit_and_reach      | 40.1       | out_of_range",
            "rope_skipping_1min | -1         | out_of_range",
            "rope_skipping_1min | 0          | ok",
            "rope_skipping_1min | 401        | out_of_range",
            "rope_skipping_1min | 12.5       | not_integer",
            "rope_skipping_1min | 99999999999999999999 | out_of_range",
            "rope_skipping_1min | ten        | not_a_number",
            "run_50m            | fast       | not_a_number",
            "run_50m            | 9'60\"     | not_a_number",
            "vital_capacity     | 1,500      | not_a_number",
    })
    void valuesForGrade1Boys(String item, String value, String code) {
        var r = SCORER.score(1, "M", Map.of(item, value));
        if (code.equals("ok")) {
            assertThat(r.errors()).isEmpty();
        } else {
            assertThat(r.errors()).extracting("field", "code").containsExactly(tuple(item, code));
            assertThat(r.errors().get(0).key()).startsWith("field.");
        }
    }

    @ParameterizedTest(name = "{0} = {1} → {2}")
    @CsvSource(delimiter = '|', value = {
            "pull_ups           | -1     | out_of_range",
            "pull_ups           | 101    | out_of_range",
            "pull_ups           | 8.5    | not_integer",
            "run_1000m          | 119    | out_of_range",
            "run_1000m          | 1:59   | out_of_range",
            "run_1000m          | 2:00   | ok",
            "run_1000m          | 20:01  | out_of_range",
            "standing_long_jump | 29     | out_of_range",
            "standing_long_jump | 401    | out_of_range",
    })
    void valuesForJuniorHighBoys(String item, String value, String code) {
        var r = SCORER.score(7, "M", Map.of(item, value));
        if (code.equals("ok")) {
            assertThat(r.errors()).isEmpty();
        } else {
            assertThat(r.errors()).extracting("field", "code").containsExactly(tuple(item, code));
        }
    }

    @Test
    void numbersOfEveryJavaTypeAndOddTypes() {
        Map<String, Object> items = new LinkedHashMap<>();
        items.put("vital_capacity", 1500L);
        items.put("run_50m", 9.5f);
        items.put("sit_and_reach", new BigDecimal("10.0"));
        items.put("rope_skipping_1min", (short) 100);
        var ok = SCORER.score(1, "M", items);
        assertThat(ok.errors()).isEmpty();
        assertThat(ok.items()).hasSize(4);

        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("vital_capacity", Double.NaN);
        bad.put("run_50m", Double.POSITIVE_INFINITY);
        bad.put("sit_and_reach", List.of(1));
        bad.put("rope_skipping_1min", true);
        assertThat(errors(1, "M", bad)).extracting("field", "code").containsExactly(
                tuple("vital_capacity", "not_a_number"), tuple("run_50m", "not_a_number"),
                tuple("sit_and_reach", "not_a_number"), tuple("rope_skipping_1min", "not_a_number"));
    }

    @Test
    void nullAndBlankValuesCountAsNotSent() {
        Map<String, Object> items = new HashMap<>();
        items.put("vital_capacity", null);
        items.put("run_50m", "  ");
        var r = SCORER.score(1, "M", items);
        assertThat(r.errors()).isEmpty();
        assertThat(r.missingItems()).contains("vital_capacity", "run_50m");
    }

    @Test
    void errorsSuppressTotalsButKeepTheValidItems() {
        Map<String, Object> items = new LinkedHashMap<>(AllItems.atScore(1, "M", 100));
        items.put("run_50m", "3");
        var r = SCORER.score(1, "M", items);
        assertThat(r.errors()).extracting("field").containsExactly("run_50m");
        assertThat(r.missingItems()).as("sent, so not missing").isEmpty();
        assertThat(r.items()).extracting("item").containsExactly("bmi", "vital_capacity", "sit_and_reach",
                "rope_skipping_1min");
        assertThat(r.totalScore()).isNull();
        assertThat(r.rating()).isNull();
    }
}
