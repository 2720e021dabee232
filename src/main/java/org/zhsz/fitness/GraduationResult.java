package org.zhsz.fitness;

import java.math.BigDecimal;
import java.util.List;

import org.zhsz.platform.FieldError;

/**
 * 毕业成绩 = 毕业当年学年总分 × 50% + 其他学年学年总分的平均 × 50%.
 *
 * @param score                    the exact weighted result, shown to 3 decimals (half-up), e.g. 85.275
 * @param scoreRounded             the result rounded half-up to 0.1 (from the exact value): rated and printed
 * @param rating                   优秀/良好/及格/不及格 of {@code scoreRounded}, with the 学年总分 bands
 * @param belowGraduationThreshold true for 高中 and 大学 graduates (grade ≥ 10) whose {@code scoreRounded} is below
 *                                 50.0: the standard says they are handled as 结业 or 肄业; never set for 小学/初中,
 *                                 which the rule does not name
 * @param errors                   per-field validation errors; when present every other field is null/false
 */
public record GraduationResult(BigDecimal score, BigDecimal scoreRounded, String rating,
                               boolean belowGraduationThreshold, List<FieldError> errors) {

    public GraduationResult {
        errors = List.copyOf(errors);
    }
}
