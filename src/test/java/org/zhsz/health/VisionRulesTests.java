package org.zhsz.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.zhsz.health.VisionRules.Advice;
import org.zhsz.health.VisionRules.EyeInput;
import org.zhsz.health.VisionRules.VisionInput;
import org.zhsz.platform.FieldError;

/**
 * Vision screening rules against the thresholds in {@code health/vision/standard.csv}: every category boundary and
 * the screening-myopia rule on both sides, every input range and step on both sides, and the advice a family gets.
 */
class VisionRulesTests {

    static final String YEAR = "2026-2027";
    static final LocalDate TODAY = LocalDate.of(2026, 10, 20);
    final VisionRules rules = new VisionRules(VisionStandard.get());

    static EyeInput eye(Object uncorrected) {
        return new EyeInput(uncorrected, null, null, null, null);
    }

    static EyeInput eye(Object uncorrected, Object sphere, Object cylinder) {
        return new EyeInput(uncorrected, null, sphere, cylinder, null);
    }

    VisionRules.Checked check(EyeInput left, EyeInput right) {
        return rules.check(new VisionInput("2026-10-12", null, left, right), YEAR, TODAY);
    }

    VisionRules.Evaluation evaluate(EyeInput left, EyeInput right, String glasses) {
        VisionRules.Checked c = rules.check(new VisionInput("2026-10-12", glasses, left, right), YEAR, TODAY);
        assertThat(c.errors()).isEmpty();
        return rules.evaluate(c.measured());
    }

    // ---- categories (GB/T 26343-2010): ≥5.0 normal, 4.9 mild, 4.6–4.8 moderate, ≤4.5 severe

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "3.0, severe", "4.5, severe",
            "4.6, moderate", "4.8, moderate",
            "4.9, mild",
            "5.0, normal", "5.3, normal",
    })
    void categoryOfEveryBoundaryValue(String value, String category) {
        assertThat(rules.evaluate(check(eye(value), eye("5.0")).measured().left()).category()).isEqualTo(category);
    }

    @Test
    void everyTenthFrom30To53HasExactlyOneCategory() {
        VisionStandard s = VisionStandard.get();
        for (int tenths = 30; tenths <= 53; tenths++) {
            BigDecimal v = BigDecimal.valueOf(tenths, 1);
            long bands = s.bands().stream().filter(b -> b.contains(v)).count();
            assertThat(bands).as("bands containing " + v).isEqualTo(1);
        }
    }

    @Test
    void theOverallCategoryIsTheWorseEye() {
        assertThat(evaluate(eye("5.1"), eye("4.6"), null).category()).isEqualTo("moderate");
        assertThat(evaluate(eye("4.4"), eye("4.9"), null).category()).isEqualTo("severe");
        assertThat(evaluate(eye("5.0"), eye("5.2"), null).category()).isEqualTo("normal");
    }

    // ---- screening myopia (适宜技术指南): uncorrected < 5.0 and SE = S + C/2 ≤ -0.50 D

    @ParameterizedTest(name = "uncorrected {0}, S {1}, C {2} -> SE {3}, myopia {4}")
    @CsvSource({
            "4.9, -0.50, , -0.50, true",
            "4.9, -0.25, , -0.25, false",
            "5.0, -0.50, , -0.50, false",
            "5.0, -3.00, , -3.00, false",
            "4.9, -0.25, -0.50, -0.50, true",
            "4.9, -0.25, -0.25, -0.375, false",
            "4.9, 0.00, -1.00, -0.50, true",
            "4.9, 0.00, -0.75, -0.375, false",
            "4.9, +0.25, -1.50, -0.50, true",
            "3.0, -6.00, -2.00, -7.00, true",
            "4.8, +1.00, , 1.00, false",
    })
    void screeningMyopiaOnBothSidesOfEachThreshold(String uncorrected, String sphere, String cylinder, String se,
                                                    boolean myopia) {
        VisionRules.EyeResult r = rules.evaluate(check(eye(uncorrected, sphere, cylinder), eye("5.0")).measured()
                .left());
        assertThat(r.sphericalEquivalent()).isEqualByComparingTo(se);
        assertThat(r.screeningMyopia()).isEqualTo(myopia);
    }

    @Test
    void withoutARefractionThereIsNoScreeningMyopia() {
        VisionRules.EyeResult r = rules.evaluate(check(eye("4.5"), eye("5.0")).measured().left());
        assertThat(r.sphericalEquivalent()).isNull();
        assertThat(r.screeningMyopia()).isFalse();
        assertThat(r.category()).isEqualTo("severe");
    }

    // ---- input ranges and steps, each on both sides; the field is named

    @ParameterizedTest(name = "left.uncorrected {0} -> {1}")
    @CsvSource({
            "2.9, vision_out_of_range", "3.0, ", "5.3, ", "5.4, vision_out_of_range",
            "4.95, vision_step", "4.90, ", "1.0, vision_out_of_range", "abc, not_a_number", "'', required",
    })
    void fivePointRangeAndStep(String value, String code) {
        List<FieldError> errors = check(eye(value), eye("5.0")).errors();
        if (code == null) {
            assertThat(errors).isEmpty();
        } else {
            assertThat(errors).extracting(FieldError::field, FieldError::code)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("left.uncorrected", code));
        }
    }

    @ParameterizedTest(name = "right.corrected {0} -> {1}")
    @CsvSource({"2.9, vision_out_of_range", "3.0, ", "5.3, ", "5.4, vision_out_of_range", "4.85, vision_step"})
    void correctedVisionUsesTheSameScale(String value, String code) {
        List<FieldError> errors = check(eye("5.0"), new EyeInput("4.8", value, null, null, null)).errors();
        assertThat(errors).extracting(FieldError::code).containsExactlyElementsOf(code == null ? List.of()
                : List.of(code));
        if (code != null) {
            assertThat(errors.get(0).field()).isEqualTo("right.corrected");
        }
    }

    @ParameterizedTest(name = "sphere {0} -> {1}")
    @CsvSource({
            "-30.00, ", "-30.25, sphere_out_of_range", "30.00, ", "30.25, sphere_out_of_range",
            "-1.25, ", "-1.30, dioptre_step", "-0.125, dioptre_step", "+0.75, ", "−0.50, ", "-125, sphere_out_of_range",
    })
    void sphereRangeAndStep(String value, String code) {
        List<FieldError> errors = check(eye("4.8", value, null), eye("5.0")).errors();
        assertThat(errors).extracting(FieldError::code).containsExactlyElementsOf(code == null ? List.of()
                : List.of(code));
        if (code != null) {
            assertThat(errors.get(0).field()).isEqualTo("left.sphere");
        }
    }

    @ParameterizedTest(name = "cylinder {0} -> {1}")
    @CsvSource({"-10.00, ", "-10.25, cylinder_out_of_range", "10.00, ", "10.25, cylinder_out_of_range",
            "-0.75, ", "-0.80, dioptre_step"})
    void cylinderRangeAndStep(String value, String code) {
        List<FieldError> errors = check(eye("5.0"), eye("4.8", "-1.00", value)).errors();
        assertThat(errors).extracting(FieldError::code).containsExactlyElementsOf(code == null ? List.of()
                : List.of(code));
        if (code != null) {
            assertThat(errors.get(0).field()).isEqualTo("right.cylinder");
        }
    }

    @ParameterizedTest(name = "axis {0} -> {1}")
    @CsvSource({"0, ", "-1, axis_out_of_range", "180, ", "181, axis_out_of_range", "90.5, axis_out_of_range",
            "90.0, ", "x, not_a_number"})
    void axisRange(String value, String code) {
        List<FieldError> errors = check(new EyeInput("4.8", null, "-1.00", "-0.50", value), eye("5.0")).errors();
        assertThat(errors).extracting(FieldError::code).containsExactlyElementsOf(code == null ? List.of()
                : List.of(code));
    }

    @Test
    void onlyTheUncorrectedValueIsRequired() {
        assertThat(check(eye("4.8"), eye("5.0")).errors()).isEmpty();
        assertThat(check(null, eye("5.0")).errors()).extracting(FieldError::field).containsExactly("left.uncorrected");
        assertThat(check(new EyeInput(null, "5.0", "-1.00", null, null), eye("5.0")).errors())
                .extracting(FieldError::field, FieldError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("left.uncorrected", "required"));
    }

    @Test
    void numbersArriveAsJsonNumbersOrText() {
        VisionRules.Checked c = check(new EyeInput(4.9, 5.0, -1.25, -0.5, 180), eye(new BigDecimal("5.00")));
        assertThat(c.errors()).isEmpty();
        assertThat(c.measured().left().uncorrected()).isEqualByComparingTo("4.9");
        assertThat(c.measured().left().sphere()).isEqualTo(new BigDecimal("-1.25"));
        assertThat(c.measured().left().cylinder()).isEqualTo(new BigDecimal("-0.50"));
        assertThat(c.measured().right().uncorrected()).isEqualTo(new BigDecimal("5.0"));
    }

    @Test
    void theDateLiesInTheSchoolYearAndNotInTheFuture() {
        assertThat(rules.check(new VisionInput("2026-08-31", null, eye("5.0"), eye("5.0")), YEAR, TODAY).errors())
                .extracting(FieldError::code).containsExactly("date_outside_year");
        assertThat(rules.check(new VisionInput("2026-10-21", null, eye("5.0"), eye("5.0")), YEAR, TODAY).errors())
                .extracting(FieldError::code).containsExactly("date_in_future");
        assertThat(rules.check(new VisionInput("2026-09-01", null, eye("5.0"), eye("5.0")), YEAR, TODAY).errors())
                .isEmpty();
        assertThat(rules.check(new VisionInput(null, null, eye("5.0"), eye("5.0")), YEAR, TODAY).measured()
                .examinedOn()).isEqualTo(TODAY);
        assertThat(rules.check(new VisionInput(null, null, eye("5.0"), eye("5.0")), "2025-2026", TODAY).errors())
                .extracting(FieldError::field).containsExactly("examinedOn");
        assertThat(rules.check(new VisionInput("12/10/2026", null, eye("5.0"), eye("5.0")), YEAR, TODAY).errors())
                .extracting(FieldError::code).containsExactly("invalid_date");
    }

    @Test
    void glassesAreOneOfFourKinds() {
        assertThat(rules.check(new VisionInput(null, "MONOCLE", eye("5.0"), eye("5.0")), YEAR, TODAY).errors())
                .extracting(FieldError::field, FieldError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("glasses", "unknown_value"));
        assertThat(rules.check(new VisionInput(null, "ORTHO_K", eye("5.0"), eye("5.0")), YEAR, TODAY).measured()
                .glasses()).isEqualTo(VisionRules.Glasses.ORTHO_K);
    }

    // ---- advice for the family

    @Test
    void adviceFollowsCategoryAndMyopia() {
        assertThat(evaluate(eye("5.0"), eye("5.1"), null).advice()).isEqualTo(Advice.NONE);
        VisionRules.Evaluation mild = evaluate(eye("4.9"), eye("5.0"), null);
        assertThat(mild.advice()).isEqualTo(Advice.RECHECK);
        assertThat(mild.reasons()).containsExactly("mild");
        VisionRules.Evaluation moderate = evaluate(eye("4.8"), eye("5.0"), null);
        assertThat(moderate.advice()).isEqualTo(Advice.SEE_DOCTOR);
        assertThat(moderate.reasons()).containsExactly("moderate");
        VisionRules.Evaluation myopic = evaluate(eye("4.9", "-0.75", null), eye("5.0"), null);
        assertThat(myopic.advice()).isEqualTo(Advice.SEE_DOCTOR);
        assertThat(myopic.screeningMyopia()).isTrue();
        assertThat(myopic.reasons()).containsExactly("screening_myopia", "mild");
        assertThat(evaluate(eye("4.4"), eye("4.5"), null).reasons()).containsExactly("severe");
    }

    @Test
    void aGlassesWearerWhoseCorrectedVisionIsPoorShouldSeeADoctor() {
        VisionRules.Evaluation e = evaluate(new EyeInput("4.3", "4.8", "-3.00", null, null), eye("4.4"), "FRAME");
        assertThat(e.advice()).isEqualTo(Advice.SEE_DOCTOR);
        assertThat(e.reasons()).contains("corrected_below_normal");
        VisionRules.Evaluation ok = evaluate(new EyeInput("5.0", "5.1", null, null, null), eye("5.0"), "FRAME");
        assertThat(ok.advice()).isEqualTo(Advice.NONE);
    }

    @Test
    void orthoKWearersAreToldToKeepTheirReviews() {
        VisionRules.Evaluation e = evaluate(eye("5.0"), eye("5.0"), "ORTHO_K");
        assertThat(e.advice()).isEqualTo(Advice.RECHECK);
        assertThat(e.reasons()).containsExactly("ortho_k");
    }
}
