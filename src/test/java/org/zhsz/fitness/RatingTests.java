package org.zhsz.fitness;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Rating of 学年总分 (bonus included), rounded half-up to 0.1: 优秀 ≥ 90.0, 良好 ≥ 80.0, 及格 ≥ 60.0. */
class RatingTests {

    private static final FitnessScorer SCORER = new FitnessScorer();

    @ParameterizedTest(name = "{0} hundredths → {1}")
    @CsvSource({
            "12000, 优秀", "9000, 优秀", "8995, 优秀", "8994, 良好", "8990, 良好",
            "8000, 良好", "7995, 良好", "7994, 及格", "6000, 及格", "5995, 及格", "5994, 不及格", "5990, 不及格",
            "0, 不及格",
    })
    void bandsAtTheirBoundaries(int hundredths, String rating) {
        assertThat(SCORER.rate(hundredths)).isEqualTo(rating);
    }

    /**
     * 初三男 students whose items sit exactly on table rows, chosen so the weighted sums land on the band edges
     * (sums worked out by hand from the weights 15/15/20/10/10/10/20):
     * 89.95 = 15 + 95×.15 + 100×.2 + 100×.1 + 95×.1 + 80×.1 + 66×.2, and so on.
     */
    @ParameterizedTest(name = "{6} → {7} {8}")
    @CsvSource({
            "95, 100, 100, 95, 80, 66, 89.95, 90.0, 优秀",
            "100, 100, 100, 95, 80, 62, 89.90, 89.9, 良好",
            "95, 100, 100, 95, 72, 20, 79.95, 80.0, 良好",
            "100, 100, 100, 95, 64, 20, 79.90, 79.9, 及格",
            "95, 80, 85, 62, 0, 0, 59.95, 60.0, 及格",
            "100, 76, 85, 62, 0, 0, 59.90, 59.9, 不及格",
    })
    void endToEndTotalsOnTheBandEdges(int vc, int run50, int sitReach, int jump, int pullUps, int run1000,
                                      String total, String rounded, String rating) {
        Map<String, Object> items = new LinkedHashMap<>();
        items.put("bmi", AllItems.normalBmi(9, "M"));
        items.put("vital_capacity", valueFor("vital_capacity", vc));
        items.put("run_50m", valueFor("run_50m", run50));
        items.put("sit_and_reach", valueFor("sit_and_reach", sitReach));
        items.put("standing_long_jump", valueFor("standing_long_jump", jump));
        items.put("pull_ups", valueFor("pull_ups", pullUps));
        items.put("run_1000m", valueFor("run_1000m", run1000));
        ScoreResult r = SCORER.score(9, "M", items);
        assertThat(r.errors()).isEmpty();
        assertThat(r.totalScore()).isEqualByComparingTo(total);
        assertThat(r.totalScoreRounded()).isEqualByComparingTo(rounded);
        assertThat(r.rating()).isEqualTo(rating);
    }

    private static BigDecimal valueFor(String item, int score) {
        ReferenceTables.Cell cell = ReferenceTables.cell(item, 9, "M");
        return score == 0 ? cell.belowLastRow() : cell.thresholdFor(score);
    }

    @Test
    void bonusCountsTowardsTheRating() {
        // 初三男 with a 78.00 标准分 (及格) whom pull-ups beyond the 100 row lift to 80.00 (良好)
        Map<String, Object> items = new LinkedHashMap<>();
        items.put("bmi", AllItems.normalBmi(9, "M"));
        items.put("vital_capacity", valueFor("vital_capacity", 100));
        items.put("run_50m", valueFor("run_50m", 100));
        items.put("sit_and_reach", valueFor("sit_and_reach", 100));
        items.put("standing_long_jump", valueFor("standing_long_jump", 0));
        items.put("pull_ups", valueFor("pull_ups", 100).add(BigDecimal.ONE));
        items.put("run_1000m", valueFor("run_1000m", 40));
        // 15 + 15 + 20 + 10 + 0 + 10 + 8 = 78.00; pull-ups +1 → 79.00 及格
        ScoreResult r = SCORER.score(9, "M", items);
        assertThat(r.standardScore()).isEqualByComparingTo("78.00");
        assertThat(r.bonus()).isEqualTo(1);
        assertThat(r.totalScore()).isEqualByComparingTo("79.00");
        assertThat(r.rating()).isEqualTo("及格");
        items.put("pull_ups", valueFor("pull_ups", 100).add(BigDecimal.valueOf(2)));
        ScoreResult lifted = SCORER.score(9, "M", items);
        assertThat(lifted.standardScore()).isEqualByComparingTo("78.00");
        assertThat(lifted.totalScore()).isEqualByComparingTo("80.00");
        assertThat(lifted.rating()).as("rated on 学年总分, bonus included").isEqualTo("良好");
    }

    @Test
    void noTotalsWhileAnItemIsMissing() {
        Map<String, Object> items = new LinkedHashMap<>(AllItems.atScore(9, "M", 100));
        items.remove("run_1000m");
        ScoreResult r = SCORER.score(9, "M", items);
        assertThat(r.missingItems()).containsExactly("run_1000m");
        assertThat(r.complete()).isFalse();
        assertThat(List.of(String.valueOf(r.standardScore()), String.valueOf(r.bonus()),
                String.valueOf(r.totalScore()), String.valueOf(r.rating()))).containsOnly("null");
        assertThat(r.items()).hasSize(6);
    }
}
