package org.zhsz.fitness;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds complete students from the reference tables, for tests of weights and totals. */
final class AllItems {

    private AllItems() {
    }

    /** The 正常 band's lower edge (BMI score 100) for a grade and sex, from bmi.csv. */
    static BigDecimal normalBmi(int grade, String sex) {
        return ReferenceTables.read("bmi.csv").stream()
                .filter(r -> ReferenceTables.grade(r.get("grade")) == grade
                        && ReferenceTables.sex(r.get("sex")).equals(sex) && r.get("category").equals("正常"))
                .map(r -> new BigDecimal(r.get("bmi_min"))).findFirst().orElseThrow();
    }

    /** The 肥胖 band's lower edge (BMI score 60). */
    static BigDecimal obeseBmi(int grade, String sex) {
        return ReferenceTables.read("bmi.csv").stream()
                .filter(r -> ReferenceTables.grade(r.get("grade")) == grade
                        && ReferenceTables.sex(r.get("sex")).equals(sex) && r.get("category").equals("肥胖"))
                .map(r -> new BigDecimal(r.get("bmi_min"))).findFirst().orElseThrow();
    }

    /** Every weighted item of the grade and sex exactly at its row for {@code score}, BMI 正常. */
    static Map<String, Object> atScore(int grade, String sex, int score) {
        Map<String, Object> items = new LinkedHashMap<>();
        for (String item : ReferenceTables.weights(grade, sex).keySet()) {
            if (item.equals("bmi")) {
                items.put("bmi", normalBmi(grade, sex));
            } else {
                items.put(item, ReferenceTables.cell(item, grade, sex).thresholdFor(score));
            }
        }
        return items;
    }
}
