package org.zhsz.fitness;

import java.math.BigDecimal;

/**
 * One scored item of a {@link ScoreResult}.
 *
 * @param item          the item key, e.g. {@code run_50m} or {@code bmi}
 * @param value         the value as recorded and looked up, at the printed precision (e.g. 8.8 for a raw 8.76 s;
 *                      the BMI rounded to 0.1)
 * @param score         单项得分 0–100 (BMI: 100, 80 or 60)
 * @param level         优秀/良好/及格/不及格 for items; 正常/低体重/超重/肥胖 for {@code bmi}
 * @param bonus         附加分 earned by this item (0 unless it is a bonus item of the grade and beats its 100 row)
 * @param weightPercent the item's weight in the 标准分, in percent
 * @param weightedScore score × weight, to 2 decimals (its share of the 标准分)
 */
public record ItemScore(String item, BigDecimal value, int score, String level, int bonus, int weightPercent,
                        BigDecimal weightedScore) {
}
