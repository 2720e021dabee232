package org.zhsz.fitness;

import java.math.BigDecimal;
import java.util.List;

import org.zhsz.platform.FieldError;

/**
 * The outcome of scoring one student's results for one school year. The four totals are present only when the
 * input had no errors and no required item is missing; otherwise they are null and the items that could be
 * scored are still listed.
 *
 * @param grade             1–16 as given
 * @param sex               {@code M} or {@code F}; null when the input's sex was not recognised
 * @param heightCm          recorded height (0.1 cm), null when not sent or invalid
 * @param weightKg          recorded weight (0.1 kg), null when not sent or invalid
 * @param items             every valid scored item, BMI first, in the standard's order
 * @param missingItems      input keys the grade and sex require but the input did not carry (BMI needs
 *                          {@code bmi} or both {@code height_cm} and {@code weight_kg}; the missing ones of those
 *                          two are listed)
 * @param errors            per-field validation errors; empty when the input was valid
 * @param standardScore     标准分: Σ score × weight, exact to 2 decimals
 * @param bonus             附加分 0–20
 * @param totalScore        学年总分 = standardScore + bonus, exact to 2 decimals
 * @param totalScoreRounded 学年总分 rounded half-up to 0.1: the value that is rated and printed on the 登记卡
 * @param rating            优秀/良好/及格/不及格 of {@code totalScoreRounded}
 */
public record ScoreResult(int grade, String sex, BigDecimal heightCm, BigDecimal weightKg, List<ItemScore> items,
                          List<String> missingItems, List<FieldError> errors, BigDecimal standardScore,
                          Integer bonus, BigDecimal totalScore, BigDecimal totalScoreRounded, String rating) {

    public ScoreResult {
        items = List.copyOf(items);
        missingItems = List.copyOf(missingItems);
        errors = List.copyOf(errors);
    }

    /** True when the result carries totals: valid input with every required item. */
    public boolean complete() {
        return totalScore != null;
    }

    /** The scored item with this key, or null. */
    public ItemScore item(String key) {
        for (ItemScore s : items) {
            if (s.item().equals(key)) {
                return s;
            }
        }
        return null;
    }
}
