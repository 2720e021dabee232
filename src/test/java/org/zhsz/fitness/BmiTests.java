package org.zhsz.fitness;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** BMI bands for all 16 grades × 2 sexes, at both edges of every band, with half-up rounding to 0.1. */
class BmiTests {

    private static final FitnessScorer SCORER = new FitnessScorer();

    /** (grade, sex, category, score, previous category, next category, min, max) per bmi.csv row. */
    static Stream<Arguments> bands() {
        List<Map<String, String>> rows = ReferenceTables.read("bmi.csv");
        List<Arguments> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> r = rows.get(i);
            boolean sameGroupBefore = i > 0 && rows.get(i - 1).get("grade").equals(r.get("grade"))
                    && rows.get(i - 1).get("sex").equals(r.get("sex"));
            boolean sameGroupAfter = i + 1 < rows.size() && rows.get(i + 1).get("grade").equals(r.get("grade"))
                    && rows.get(i + 1).get("sex").equals(r.get("sex"));
            out.add(Arguments.of(ReferenceTables.grade(r.get("grade")), ReferenceTables.sex(r.get("sex")),
                    r.get("category"), Integer.parseInt(r.get("score")),
                    sameGroupBefore ? rows.get(i - 1).get("category") : null,
                    sameGroupAfter ? rows.get(i + 1).get("category") : null,
                    r.get("bmi_min").isEmpty() ? null : new BigDecimal(r.get("bmi_min")),
                    r.get("bmi_max").isEmpty() ? null : new BigDecimal(r.get("bmi_max"))));
        }
        return out.stream();
    }

    private static ItemScore bmi(int grade, String sex, Object value) {
        ScoreResult r = SCORER.score(grade, sex, Map.of("bmi", value));
        assertThat(r.errors()).as("bmi %s", value).isEmpty();
        return r.item("bmi");
    }

    @ParameterizedTest(name = "grade {0}{1} {2}: {6}–{7}")
    @MethodSource("bands")
    void bandEdgesWithRounding(int grade, String sex, String category, int score, String previous, String next,
                               BigDecimal min, BigDecimal max) {
        if (min != null) {
            assertThat(bmi(grade, sex, min).level()).isEqualTo(category);
            assertThat(bmi(grade, sex, min).score()).isEqualTo(score);
            // x.x5 below the edge rounds up onto it; x.x6 below rounds down into the band before
            assertThat(bmi(grade, sex, min.subtract(new BigDecimal("0.05"))).level()).isEqualTo(category);
            assertThat(bmi(grade, sex, min.subtract(new BigDecimal("0.06")).toPlainString()).level())
                    .isEqualTo(previous);
        }
        if (max != null) {
            assertThat(bmi(grade, sex, max).level()).isEqualTo(category);
            assertThat(bmi(grade, sex, max.add(new BigDecimal("0.04")).doubleValue()).level()).isEqualTo(category);
            assertThat(bmi(grade, sex, max.add(new BigDecimal("0.05")).doubleValue()).level()).isEqualTo(next);
        }
        // the value shown is the rounded BMI
        BigDecimal inside = min != null ? min : max;
        assertThat(bmi(grade, sex, inside.add(new BigDecimal("0.04"))).value()).isEqualByComparingTo(inside);
    }

    @ParameterizedTest(name = "{0} cm, {1} kg → BMI {2} {3}")
    @CsvSource({
            // 大一男: ≤17.8 低体重, 17.9–23.9 正常. 71.4/2.0² = 17.85 exactly: half-up gives 17.9
            "200.0, 71.4, 17.9, 正常",
            "200.0, 71.3, 17.8, 低体重",      // 17.825
            "170.0, 69.1, 23.9, 正常",        // 23.910…
            "170.0, 69.2, 23.9, 正常",        // 23.944…
            "170.0, 69.3, 24.0, 超重",        // 23.979…
            "180.0, 90.7, 28.0, 肥胖",        // 27.993…
            "180.0, 90.6, 28.0, 肥胖",        // 27.962… → 28.0
            "180.0, 90.4, 27.9, 超重",        // 27.901…
            "175.0, 65.0, 21.2, 正常",        // 21.224…
            "175.04, 65.04, 21.2, 正常",      // height and weight recorded half-up to 0.1 first
    })
    void bmiFromHeightAndWeightIsExactThenRoundedHalfUp(String height, String weight, String bmi, String level) {
        ScoreResult r = SCORER.score(13, "M", Map.of("height_cm", height, "weight_kg", weight));
        assertThat(r.errors()).isEmpty();
        assertThat(r.item("bmi").value()).isEqualByComparingTo(bmi);
        assertThat(r.item("bmi").level()).isEqualTo(level);
    }

    @Test
    void anExactHalfThatFloatingPointMisses() {
        // 高二男: 正常 16.8–23.7, 超重 from 23.8. 60.8 kg at 160.0 cm is exactly 23.75 → 23.8 超重;
        // 60.8 / 1.6² in doubles is 23.749999… and would round to 23.7 正常
        ScoreResult r = SCORER.score(11, "M", Map.of("height_cm", "160.0", "weight_kg", "60.8"));
        assertThat(r.item("bmi").value()).isEqualByComparingTo("23.8");
        assertThat(r.item("bmi").level()).isEqualTo("超重");
        assertThat(r.item("bmi").score()).isEqualTo(80);
        assertThat(FitnessScorer.bmiTenths(1600, 480)).as("48.0 kg at 160.0 cm = 18.75").isEqualTo(188);
    }

    @Test
    void heightAndWeightAreRecordedHalfUpToATenth() {
        ScoreResult r = SCORER.score(13, "M", Map.of("height_cm", 175.05, "weight_kg", "65.04"));
        assertThat(r.heightCm()).isEqualByComparingTo("175.1");
        assertThat(r.weightKg()).isEqualByComparingTo("65.0");
    }

    @Test
    void scoresAreThoseOfTheStandard() {
        // 一年级男: ≤13.4 低体重 80, 13.5–18.1 正常 100, 18.2–20.3 超重 80, ≥20.4 肥胖 60
        assertThat(bmi(1, "M", "13.4").score()).isEqualTo(80);
        assertThat(bmi(1, "M", "13.5").score()).isEqualTo(100);
        assertThat(bmi(1, "M", "18.1").score()).isEqualTo(100);
        assertThat(bmi(1, "M", "18.14").score()).isEqualTo(100);
        assertThat(bmi(1, "M", "18.15").score()).isEqualTo(80);
        assertThat(bmi(1, "M", "20.3").score()).isEqualTo(80);
        assertThat(bmi(1, "M", "20.4").score()).isEqualTo(60);
        assertThat(bmi(1, "M", "20.4").weightPercent()).isEqualTo(15);
        // 大学女: ≤17.1 / 17.2–23.9 / 24.0–27.9 / ≥28.0, one column for 大一 to 大四
        for (int grade = 13; grade <= 16; grade++) {
            assertThat(bmi(grade, "F", "17.1").level()).isEqualTo("低体重");
            assertThat(bmi(grade, "F", "17.2").level()).isEqualTo("正常");
            assertThat(bmi(grade, "F", "24.0").level()).isEqualTo("超重");
            assertThat(bmi(grade, "F", "28.0").level()).isEqualTo("肥胖");
        }
    }

    @Test
    void aBmiThatContradictsHeightAndWeightIsAnError() {
        ScoreResult r = SCORER.score(13, "M", Map.of("height_cm", "200", "weight_kg", "71.4", "bmi", "18.5"));
        assertThat(r.errors()).extracting("field", "code").containsExactly(
                org.assertj.core.groups.Tuple.tuple("bmi", "inconsistent"));
        assertThat(r.item("bmi")).isNull();
        ScoreResult same = SCORER.score(13, "M", Map.of("height_cm", "200", "weight_kg", "71.4", "bmi", "17.86"));
        assertThat(same.errors()).isEmpty();
        assertThat(same.item("bmi").value()).isEqualByComparingTo("17.9");
    }

    @Test
    void missingBmiInputsAreListedByTheirOwnKeys() {
        assertThat(SCORER.score(1, "M", Map.of()).missingItems()).startsWith("height_cm", "weight_kg");
        assertThat(SCORER.score(1, "M", Map.of("height_cm", 120)).missingItems()).startsWith("weight_kg")
                .doesNotContain("height_cm");
        assertThat(SCORER.score(1, "M", Map.of("bmi", 16)).missingItems())
                .doesNotContain("height_cm", "weight_kg", "bmi");
    }

    @Test
    void heightAndWeightThatGiveAnImpossibleBmiAreRejected() {
        ScoreResult r = SCORER.score(1, "M", Map.of("height_cm", "70", "weight_kg", "200"));
        assertThat(r.errors()).extracting("field", "code").containsExactly(
                org.assertj.core.groups.Tuple.tuple("bmi", "out_of_range"));
    }
}
