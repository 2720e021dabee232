package org.zhsz.fitness;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * 毕业成绩 from stored years (S0 说明8): the graduation year's 学年总分 × 50% + the mean of the stage's other years
 * × 50%, through {@link FitnessScorer#graduation}. Only years of the graduation year's stage count (小学 1–6, 初中
 * 7–9, 高中 10–12, 大学 13–16); exempted and incomplete years are left out of the mean. An exempted graduation year
 * gives no score and is marked 免测, as the standard asks for the graduation record.
 */
final class Graduations {

    private Graduations() {
    }

    static int stageFirstGrade(int grade) {
        return grade <= 6 ? 1 : grade <= 9 ? 7 : grade <= 12 ? 10 : 13;
    }

    static boolean isFinalGrade(int grade) {
        return grade == 6 || grade == 9 || grade == 12 || grade == 16;
    }

    /** Null when the graduation year has no result or no totals yet. */
    static Views.GraduationView compute(FitnessScorer scorer, List<FitnessResult> years, String graduationYear) {
        FitnessResult last = null;
        for (FitnessResult r : years) {
            if (r.schoolYear().equals(graduationYear)) {
                last = r;
            }
        }
        if (last == null) {
            return null;
        }
        if (last.status() == ResultStatus.EXEMPT) {
            return new Views.GraduationView(graduationYear, last.grade(), null, null, null, true, false, 0);
        }
        if (last.status() != ResultStatus.TESTED) {
            return null;
        }
        int first = stageFirstGrade(last.grade());
        List<BigDecimal> others = new ArrayList<>();
        for (FitnessResult r : years) {
            if (r != last && r.status() == ResultStatus.TESTED && r.grade() >= first && r.grade() <= last.grade()
                    && r.schoolYear().compareTo(graduationYear) < 0) {
                others.add(r.totalScore());
            }
        }
        GraduationResult g = scorer.graduation(last.grade(), last.totalScore(), others);
        return new Views.GraduationView(graduationYear, last.grade(), g.score(), g.scoreRounded(), g.rating(), false,
                g.belowGraduationThreshold(), others.size() + 1);
    }
}
