package org.zhsz.fitness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** 毕业成绩 = 毕业当年学年总分 × 50% + 其他学年平均 × 50% (S0 说明8). */
class GraduationTests {

    private static final FitnessScorer SCORER = new FitnessScorer();

    @Test
    void theReadmeExample() {
        // 初中 78.5, 82.0, 90.3 (final year) → 90.3/2 + 80.25/2 = 85.275 (良好)
        GraduationResult r = SCORER.graduation(9, 90.3, List.of(78.5, 82.0));
        assertThat(r.errors()).isEmpty();
        assertThat(r.score()).isEqualByComparingTo("85.275");
        assertThat(r.scoreRounded()).isEqualByComparingTo("85.3");
        assertThat(r.rating()).isEqualTo("良好");
        assertThat(r.belowGraduationThreshold()).isFalse();
    }

    @Test
    void theFinalYearWeighsHalfHoweverManyOtherYears() {
        // 小学: five other years averaging 70, final year 100 → 85
        GraduationResult r = SCORER.graduation(6, new BigDecimal("100"),
                List.of(60, 65, 70, 75, 80));
        assertThat(r.score()).isEqualByComparingTo("85.000");
        // three other years with a repeating average: (80 + 81 + 83)/3 = 81.333…; (90 + 81.333…)/2 = 85.666…
        GraduationResult repeating = SCORER.graduation(12, 90, List.of(80, 81, 83));
        assertThat(repeating.score()).isEqualByComparingTo("85.667");
        assertThat(repeating.scoreRounded()).isEqualByComparingTo("85.7");
    }

    @Test
    void roundedHalfUpFromTheExactValueBeforeRating() {
        // (90.00 + 89.90)/2 = 89.95 → 90.0 优秀; (90.00 + 89.88)/2 = 89.94 → 89.9 良好
        assertThat(SCORER.graduation(9, 90, List.of(89.9)).rating()).isEqualTo("优秀");
        assertThat(SCORER.graduation(9, 90, List.of(89.9)).scoreRounded()).isEqualByComparingTo("90.0");
        assertThat(SCORER.graduation(9, 90, List.of(89.88)).rating()).isEqualTo("良好");
        // with three other years: (59.90 + (59.97 + 60 + 60)/3)/2 = 59.945 → 59.9 不及格 (a double would wobble)
        assertThat(SCORER.graduation(9, 59.9, List.of(59.97, 60, 60)).score()).isEqualByComparingTo("59.945");
        assertThat(SCORER.graduation(9, 59.9, List.of(59.97, 60, 60)).rating()).isEqualTo("不及格");
        assertThat(SCORER.graduation(9, 59.9, List.of(60, 60, 60)).rating()).isEqualTo("及格");
    }

    @Test
    void bonusIncludedSoTheResultMayExceed100() {
        GraduationResult r = SCORER.graduation(16, 120, List.of(110, 100, 105));
        assertThat(r.score()).isEqualByComparingTo("112.500");
        assertThat(r.rating()).isEqualTo("优秀");
    }

    @Test
    void withNoOtherYearTheFinalYearIsTheResult() {
        assertThat(SCORER.graduation(12, 72.35, List.of()).score()).isEqualByComparingTo("72.35");
        assertThat(SCORER.graduation(12, 72.35, null).scoreRounded()).isEqualByComparingTo("72.4");
    }

    @Test
    void below50IsFlaggedForHighSchoolAndUniversityOnly() {
        // (52 + 47.8)/2 = 49.9
        assertThat(SCORER.graduation(12, 52, List.of(47.8)).belowGraduationThreshold()).isTrue();
        assertThat(SCORER.graduation(16, 52, List.of(47.8)).belowGraduationThreshold()).isTrue();
        assertThat(SCORER.graduation(10, 52, List.of(47.8)).belowGraduationThreshold()).isTrue();
        assertThat(SCORER.graduation(9, 52, List.of(47.8)).belowGraduationThreshold()).isFalse();
        assertThat(SCORER.graduation(6, 52, List.of(47.8)).belowGraduationThreshold()).isFalse();
        // 49.95 rounds to 50.0: not below
        assertThat(SCORER.graduation(12, 52, List.of(47.9)).belowGraduationThreshold()).isFalse();
        assertThat(SCORER.graduation(12, 50, List.of(49.9)).belowGraduationThreshold()).isFalse();
    }

    @Test
    void badInputGivesFieldErrorsNotExceptions() {
        GraduationResult r = SCORER.graduation(17, -1, Arrays.asList(121, null, 80.123, Double.NaN));
        assertThat(r.errors()).extracting("field", "code").containsExactly(
                tuple("graduationGrade", "out_of_range"),
                tuple("graduationYearTotal", "out_of_range"),
                tuple("otherYearTotals[0]", "out_of_range"),
                tuple("otherYearTotals[1]", "required"),
                tuple("otherYearTotals[2]", "too_precise"),
                tuple("otherYearTotals[3]", "not_a_number"));
        assertThat(r.score()).isNull();
        assertThat(r.rating()).isNull();
        assertThat(SCORER.graduation(9, null, List.of()).errors()).extracting("code").containsExactly("required");
    }
}
