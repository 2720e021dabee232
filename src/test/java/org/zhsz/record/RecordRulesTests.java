package org.zhsz.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.zhsz.platform.Relationship;

class RecordRulesTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    private static final Category VOLUNTEER = new Category(Dimension.MORAL, "volunteer_service", "志愿服务", "Volunteer",
            false, false, true, null);
    private static final Category VIOLATION = new Category(Dimension.MORAL, "violation", "违纪", "Violation", true, true,
            false, null);
    private static final Category SPORTS = new Category(Dimension.PHYSICAL, "sports_skill", "运动技能", "Sports skill",
            false, false, false, "SPORTS");

    @Test
    void teachersWriteTheirDimensionsAndMoral() {
        assertThat(RecordRules.writable(EnumSet.of(Relationship.ARTS_TEACHER)))
                .containsExactlyInAnyOrder(Dimension.ARTS, Dimension.MORAL);
        assertThat(RecordRules.writable(EnumSet.of(Relationship.LABOUR_TEACHER)))
                .containsExactlyInAnyOrder(Dimension.LABOUR, Dimension.MORAL);
        assertThat(RecordRules.writable(EnumSet.of(Relationship.SUBJECT_TEACHER)))
                .containsExactlyInAnyOrder(Dimension.ACADEMIC, Dimension.MORAL);
        assertThat(RecordRules.writable(EnumSet.of(Relationship.PE_TEACHER)))
                .containsExactlyInAnyOrder(Dimension.PHYSICAL, Dimension.MORAL);
        assertThat(RecordRules.writable(EnumSet.of(Relationship.HEAD_TEACHER))).containsExactlyInAnyOrder(
                Dimension.values());
        assertThat(RecordRules.writable(EnumSet.of(Relationship.GUARDIAN))).isEmpty();
        assertThat(RecordRules.writable(EnumSet.of(Relationship.SCHOOL_COUNSELOR))).isEmpty();
    }

    private static RecordRules.Draft draft(String title, LocalDate on, BigDecimal hours, String severity, String skill) {
        return new RecordRules.Draft(Dimension.MORAL, "x", title, null, on, hours, null, null, severity, skill,
                List.of());
    }

    @Test
    void validRecordPasses() {
        assertThat(RecordRules.validate(draft("敬老院志愿服务", TODAY, new BigDecimal("2.5"), null, null), VOLUNTEER, TODAY,
                null)).isEmpty();
    }

    @Test
    void namesEachProblem() {
        assertThat(RecordRules.validate(draft(" ", TODAY.plusDays(1), new BigDecimal("0"), "SERIOUS", null), VOLUNTEER,
                TODAY, null)).extracting(e -> e.field() + ":" + e.code())
                .containsExactlyInAnyOrder("title:required", "occurredOn:in_future", "hours:out_of_range",
                        "severity:not_applicable");
        assertThat(RecordRules.validate(draft("迟到", TODAY, null, null, null), VIOLATION, TODAY, null))
                .extracting(e -> e.field() + ":" + e.code()).containsExactly("severity:required");
        assertThat(RecordRules.validate(draft("篮球", TODAY, new BigDecimal("1"), null, null), SPORTS, TODAY, null))
                .extracting(e -> e.field() + ":" + e.code())
                .containsExactlyInAnyOrder("hours:not_applicable", "skill:required");
        assertThat(RecordRules.validate(draft("x", TODAY, null, null, null), null, TODAY, null))
                .extracting(e -> e.field()).containsExactly("category");
        assertThat(RecordRules.validate(draft("x", TODAY, new BigDecimal("1.25"), null, null), VOLUNTEER, TODAY, null))
                .extracting(e -> e.code()).containsExactly("out_of_range");
    }
}
