package org.zhsz.fitness;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * 标准分 weights per grade group: a student at 100 everywhere except one item at 0 (BMI: 肥胖, 60) loses exactly
 * that item's weight (BMI: 40 % of it). Expectations from weights.csv and from the README's table.
 */
class WeightsTests {

    private static final FitnessScorer SCORER = new FitnessScorer();

    static Stream<Arguments> gradeSexItem() {
        List<Arguments> out = new ArrayList<>();
        for (int grade = 1; grade <= 16; grade++) {
            for (String sex : List.of("M", "F")) {
                for (Map.Entry<String, Integer> w : ReferenceTables.weights(grade, sex).entrySet()) {
                    out.add(Arguments.of(grade, sex, w.getKey(), w.getValue()));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "grade {0}{1} {2} weighs {3}%")
    @MethodSource("gradeSexItem")
    void oneItemAtTheBottomCostsItsWeight(int grade, String sex, String item, int weight) {
        Map<String, Object> items = new LinkedHashMap<>(AllItems.atScore(grade, sex, 100));
        BigDecimal expected;
        if (item.equals("bmi")) {
            items.put("bmi", AllItems.obeseBmi(grade, sex));
            expected = BigDecimal.valueOf(100).subtract(BigDecimal.valueOf(weight * 40L, 2));
        } else {
            items.put(item, ReferenceTables.cell(item, grade, sex).belowLastRow());
            expected = BigDecimal.valueOf(100 - weight);
        }
        ScoreResult r = SCORER.score(grade, sex, items);
        assertThat(r.errors()).isEmpty();
        assertThat(r.missingItems()).isEmpty();
        assertThat(r.standardScore()).isEqualByComparingTo(expected);
        assertThat(r.item(item).weightPercent()).isEqualTo(weight);
    }

    static Stream<Arguments> gradeSex() {
        return Stream.iterate(1, g -> g <= 16, g -> g + 1)
                .flatMap(g -> Stream.of(Arguments.of(g, "M"), Arguments.of(g, "F")));
    }

    @ParameterizedTest(name = "grade {0}{1}")
    @MethodSource("gradeSex")
    void requiredItemsAreTheWeightedOnes(int grade, String sex) {
        List<String> expected = new ArrayList<>();
        for (String item : ReferenceTables.weights(grade, sex).keySet()) {
            if (item.equals("bmi")) {
                expected.add("height_cm");
                expected.add("weight_kg");
            } else {
                expected.add(item);
            }
        }
        assertThat(SCORER.requiredItems(grade, sex)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(SCORER.score(grade, sex, Map.of()).missingItems()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void theGroupsOfTheReadme() {
        // README §2, typed from the prose, not from the CSV
        assertThat(weightsOf(1, "M")).isEqualTo(Map.of("bmi", 15, "vital_capacity", 15, "run_50m", 20,
                "sit_and_reach", 30, "rope_skipping_1min", 20));
        assertThat(weightsOf(2, "F")).isEqualTo(weightsOf(1, "M"));
        assertThat(weightsOf(3, "M")).isEqualTo(Map.of("bmi", 15, "vital_capacity", 15, "run_50m", 20,
                "sit_and_reach", 20, "rope_skipping_1min", 20, "sit_ups_1min", 10));
        assertThat(weightsOf(4, "F")).isEqualTo(weightsOf(3, "M"));
        assertThat(weightsOf(5, "M")).isEqualTo(Map.of("bmi", 15, "vital_capacity", 15, "run_50m", 20,
                "sit_and_reach", 10, "rope_skipping_1min", 10, "sit_ups_1min", 20, "shuttle_50x8", 10));
        assertThat(weightsOf(6, "F")).isEqualTo(weightsOf(5, "M"));
        for (int grade = 7; grade <= 16; grade++) {
            assertThat(weightsOf(grade, "M")).isEqualTo(Map.of("bmi", 15, "vital_capacity", 15, "run_50m", 20,
                    "sit_and_reach", 10, "standing_long_jump", 10, "pull_ups", 10, "run_1000m", 20));
            assertThat(weightsOf(grade, "F")).isEqualTo(Map.of("bmi", 15, "vital_capacity", 15, "run_50m", 20,
                    "sit_and_reach", 10, "standing_long_jump", 10, "sit_ups_1min", 10, "run_800m", 20));
        }
    }

    /** Weights as the scorer applies them, read from a complete student's result. */
    private static Map<String, Integer> weightsOf(int grade, String sex) {
        ScoreResult r = SCORER.score(grade, sex, AllItems.atScore(grade, sex, 100));
        assertThat(r.complete()).isTrue();
        Map<String, Integer> w = new LinkedHashMap<>();
        r.items().forEach(i -> w.put(i.item(), i.weightPercent()));
        return w;
    }

    @Test
    void aStudentAtTheTopOfEveryTableScores100WithoutBonus() {
        for (int grade = 1; grade <= 16; grade++) {
            for (String sex : List.of("M", "F")) {
                ScoreResult r = SCORER.score(grade, sex, AllItems.atScore(grade, sex, 100));
                assertThat(r.standardScore()).isEqualByComparingTo("100.00");
                assertThat(r.bonus()).isZero();
                assertThat(r.totalScore()).isEqualByComparingTo("100.00");
                assertThat(r.rating()).isEqualTo("优秀");
            }
        }
    }

    @Test
    void standardScoreKeepsTwoDecimals() {
        // 一年级男 with every item at its 95 row: BMI 100×15% + 95×(15+20+30+20)% = 15 + 80.75 = 95.75
        Map<String, Object> items = new LinkedHashMap<>(AllItems.atScore(1, "M", 95));
        ScoreResult r = SCORER.score(1, "M", items);
        assertThat(r.standardScore()).isEqualByComparingTo("95.75");
        assertThat(r.standardScore().scale()).isEqualTo(2);
        assertThat(r.item("vital_capacity").weightedScore()).isEqualByComparingTo("14.25");
        assertThat(r.totalScoreRounded()).isEqualByComparingTo("95.8");
    }
}
