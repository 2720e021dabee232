package org.zhsz.fitness;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** 附加分: every step of every bonus table, and no bonus where the standard gives none. */
class BonusTests {

    private static final FitnessScorer SCORER = new FitnessScorer();

    /** (item, grade, sex, value_needed, points, points one step short of it, max points of the cell). */
    static Stream<Arguments> bonusRows() {
        List<Arguments> out = new ArrayList<>();
        for (String item : ReferenceTables.BONUS_TABLES) {
            Map<String, List<Map<String, String>>> byCell = ReferenceTables.read("bonus_" + item + ".csv").stream()
                    .collect(Collectors.groupingBy(r -> r.get("grade") + "|" + r.get("sex"), LinkedHashMap::new,
                            Collectors.toList()));
            for (List<Map<String, String>> rows : byCell.values()) {
                int max = Integer.parseInt(rows.get(0).get("bonus_points"));
                for (int i = 0; i < rows.size(); i++) {
                    Map<String, String> r = rows.get(i);
                    int below = i + 1 < rows.size() ? Integer.parseInt(rows.get(i + 1).get("bonus_points")) : 0;
                    out.add(Arguments.of(item, ReferenceTables.grade(r.get("grade")),
                            ReferenceTables.sex(r.get("sex")), new BigDecimal(r.get("value_needed")),
                            Integer.parseInt(r.get("bonus_points")), below, max,
                            new BigDecimal(r.get("threshold_100pt"))));
                }
            }
        }
        return out.stream();
    }

    private static ItemScore scored(String item, int grade, String sex, BigDecimal value) {
        ScoreResult r = SCORER.score(grade, sex, Map.of(item, value));
        assertThat(r.errors()).isEmpty();
        return r.item(item);
    }

    @ParameterizedTest(name = "{0} grade {1}{2}: {3} → +{4}, one step short → +{5}")
    @MethodSource("bonusRows")
    void eachBonusRowAndTheStepBelowIt(String item, int grade, String sex, BigDecimal needed, int points,
                                       int below, int max, BigDecimal top) {
        boolean faster = item.startsWith("run_");
        assertThat(scored(item, grade, sex, needed).bonus()).isEqualTo(points);
        assertThat(scored(item, grade, sex, needed).score()).isEqualTo(100);
        BigDecimal shortOfIt = faster ? needed.add(BigDecimal.ONE) : needed.subtract(BigDecimal.ONE);
        assertThat(scored(item, grade, sex, shortOfIt).bonus()).isEqualTo(below);
        // the 100-point row itself earns nothing extra; far beyond the last row earns only the maximum
        assertThat(scored(item, grade, sex, top).bonus()).isZero();
        if (points == max) {
            BigDecimal farBeyond = faster ? needed.subtract(BigDecimal.TEN) : needed.add(BigDecimal.TEN);
            assertThat(scored(item, grade, sex, farBeyond).bonus()).isEqualTo(max);
        }
    }

    @ParameterizedTest(name = "{0} grade {1}{2}")
    @CsvSource({
            // README §6 examples: 一年级男 跳绳 100 = 109
            "rope_skipping_1min, 1, M, 110, 0",
            "rope_skipping_1min, 1, M, 111, 1",
            "rope_skipping_1min, 1, M, 131, 11",
            "rope_skipping_1min, 1, M, 149, 20",
            "rope_skipping_1min, 1, M, 160, 20",
            // 女 仰卧起坐 初一 (100 = 50): +1 → 0, +2 → 1, +3 → 1, +5 → 2, +6 → 3, +7 → 4, +13 → 10
            "sit_ups_1min, 7, F, 51, 0",
            "sit_ups_1min, 7, F, 52, 1",
            "sit_ups_1min, 7, F, 53, 1",
            "sit_ups_1min, 7, F, 55, 2",
            "sit_ups_1min, 7, F, 56, 3",
            "sit_ups_1min, 7, F, 57, 4",
            "sit_ups_1min, 7, F, 63, 10",
            "sit_ups_1min, 7, F, 80, 10",
            // 男 1000米 初一 (100 = 235 s): −4″ → 1, −22″ → 5, −23″ → 6, −35″ → 10
            "run_1000m, 7, M, 232, 0",
            "run_1000m, 7, M, 231, 1",
            "run_1000m, 7, M, 213, 5",
            "run_1000m, 7, M, 212, 6",
            "run_1000m, 7, M, 200, 10",
            "run_1000m, 7, M, 150, 10",
            // 女 800米 初一 (100 = 215 s): 5 s per point
            "run_800m, 7, F, 211, 0",
            "run_800m, 7, F, 210, 1",
            "run_800m, 7, F, 165, 10",
            // 男 引体向上 初一 (100 = 13): +1 per rep, capped at 10
            "pull_ups, 7, M, 14, 1",
            "pull_ups, 7, M, 23, 10",
            "pull_ups, 7, M, 40, 10",
    })
    void handPickedSteps(String item, int grade, String sex, int value, int bonus) {
        assertThat(scored(item, grade, sex, BigDecimal.valueOf(value)).bonus()).isEqualTo(bonus);
    }

    @ParameterizedTest(name = "{0} grade {1}{2} earns no bonus")
    @CsvSource({
            "sit_ups_1min, 3, M", "sit_ups_1min, 6, M", "sit_ups_1min, 3, F", "sit_ups_1min, 6, F",
            "shuttle_50x8, 5, M", "shuttle_50x8, 6, F",
            "vital_capacity, 1, M", "vital_capacity, 16, F", "run_50m, 9, M", "sit_and_reach, 12, F",
            "standing_long_jump, 7, M", "standing_long_jump, 16, F",
    })
    void itemsWithoutABonusTableNeverEarnOne(String item, int grade, String sex) {
        ReferenceTables.Cell cell = ReferenceTables.cell(item, grade, sex);
        BigDecimal top = cell.thresholds().get(0);
        BigDecimal farBetter = cell.lowerIsBetter() ? top.multiply(new BigDecimal("0.8")).setScale(top.scale(),
                java.math.RoundingMode.DOWN) : top.add(BigDecimal.TEN);
        ItemScore s = scored(item, grade, sex, farBetter);
        assertThat(s.score()).isEqualTo(100);
        assertThat(s.bonus()).isZero();
    }

    @Test
    void bonusIsAddedToTheStandardScoreForTheTotal() {
        // 初三男, every item at its 100 row, pull-ups +5 and 1000 m −35″ beyond it: 100 + 5 + 10
        Map<String, Object> items = new LinkedHashMap<>(AllItems.atScore(9, "M", 100));
        BigDecimal pullTop = ReferenceTables.cell("pull_ups", 9, "M").thresholdFor(100);
        BigDecimal runTop = ReferenceTables.cell("run_1000m", 9, "M").thresholdFor(100);
        items.put("pull_ups", pullTop.add(BigDecimal.valueOf(5)));
        items.put("run_1000m", runTop.subtract(BigDecimal.valueOf(35)));
        ScoreResult r = SCORER.score(9, "M", items);
        assertThat(r.standardScore()).isEqualByComparingTo("100.00");
        assertThat(r.bonus()).isEqualTo(15);
        assertThat(r.totalScore()).isEqualByComparingTo("115.00");
        assertThat(r.rating()).isEqualTo("优秀");
    }

    @Test
    void theMaximumTotalIs120() {
        Map<String, Object> items = new LinkedHashMap<>(AllItems.atScore(3, "F", 100));
        items.put("rope_skipping_1min", 400);
        ScoreResult r = SCORER.score(3, "F", items);
        assertThat(r.bonus()).isEqualTo(20);
        assertThat(r.totalScore()).isEqualByComparingTo("120.00");
    }
}
