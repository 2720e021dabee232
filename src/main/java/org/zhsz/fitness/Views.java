package org.zhsz.fitness;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.zhsz.organization.SchoolStage;

/** What the fitness API returns. Null fields are left out of the JSON. */
final class Views {

    private Views() {
    }

    record ItemView(BigDecimal value, int score, String level, @Nullable Integer bonus) {
        static ItemView of(FitnessResult.ItemOutcome o) {
            return new ItemView(o.value(), o.score(), o.level(), o.bonus());
        }
    }

    record AttemptView(@Nullable LocalDate testDate, @Nullable String tester, @Nullable String testerName,
                       Map<String, BigDecimal> values,
                       Map<String, ItemView> items, List<String> missingItems, @Nullable BigDecimal standardScore,
                       @Nullable Integer bonus, @Nullable BigDecimal totalScore,
                       @Nullable BigDecimal totalScoreRounded, @Nullable String rating) {
        static AttemptView of(FitnessResult.Attempt a) {
            if (a == null) {
                return null;
            }
            Map<String, ItemView> items = new LinkedHashMap<>();
            a.items().forEach((k, v) -> items.put(k, ItemView.of(v)));
            return new AttemptView(a.testDate(), a.tester(), a.testerName(), a.values(), items, a.missingItems(),
                    a.standardScore(), a.bonus(), a.totalScore(), a.totalScoreRounded(), a.rating());
        }
    }

    /** 免测 as readers of health data see it; the document is fetched separately. */
    record ExemptionView(String reason, String documentName, String contentType, long size, Instant at, String by) {
        static ExemptionView of(FitnessResult.Exemption e) {
            return e == null ? null : new ExemptionView(e.reason(), e.documentName(), e.contentType(), e.size(),
                    e.at(), e.by());
        }
    }

    /**
     * One student's school year. Readers of health data (HEALTH_FITNESS) get everything; readers of the fitness
     * score only (FITNESS_SCORE: every teacher of the class) get the status, the totals and the rating.
     */
    record ResultView(String studentId, String schoolYear, Integer grade, String gradeName, @Nullable String sex,
                      @Nullable String classId, String status, @Nullable String official,
                      @Nullable BigDecimal standardScore, @Nullable Integer bonus,
                      @Nullable BigDecimal totalScore, @Nullable BigDecimal totalScoreRounded, @Nullable String rating,
                      @Nullable String bmiCategory,
                      @Nullable AttemptView first, @Nullable AttemptView makeup, @Nullable ExemptionView exemption,
                      @Nullable Long version) {

        static ResultView full(FitnessResult r) {
            FitnessResult.Attempt o = r.officialAttempt();
            FitnessResult.Official off = r.official();
            return new ResultView(r.studentId(), r.schoolYear(), r.grade(), SchoolStage.gradeName(r.grade()), r.sex(),
                    r.classId(), r.status().name(), off == null ? null : off.name(),
                    o == null ? null : o.standardScore(), o == null ? null : o.bonus(), r.totalScore(),
                    r.totalScoreRounded(), r.rating(), o == null ? null : o.bmiCategory(), AttemptView.of(r.first()),
                    AttemptView.of(r.makeup()), ExemptionView.of(r.exemption()), r.version());
        }

        static ResultView scoreOnly(FitnessResult r) {
            return new ResultView(r.studentId(), r.schoolYear(), r.grade(), SchoolStage.gradeName(r.grade()), null,
                    null, r.status().name(), null, null, null, r.totalScore(), r.totalScoreRounded(), r.rating(), null,
                    null, null, null, null);
        }
    }

    /** 毕业成绩 over the years of one school stage. */
    record GraduationView(String graduationYear, int graduationGrade, @Nullable BigDecimal score,
                          @Nullable BigDecimal scoreRounded,
                         @Nullable String rating, boolean exempt, boolean belowGraduationThreshold, int yearsCounted) {
    }

    record StudentFitness(String studentId, boolean detail, List<ResultView> years,
                          @Nullable GraduationView graduation) {
    }

    record GridRowView(String studentId, String name, String sex, @Nullable ResultView result) {
    }

    record ClassGrid(String classId, String className, String schoolYear, int grade, String gradeName,
                     boolean detail, Map<String, List<String>> requiredItems, Map<String, List<String>> bonusItems,
                     List<GridRowView> rows) {
    }
}
