package org.zhsz.fitness;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.stereotype.Service;
import org.zhsz.platform.SchoolClock;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Read API of the fitness module for other modules (the archive's 身心健康 section, dossiers): a student's official
 * result per school year and the 毕业成绩. No access checks here: callers check the student's FITNESS_SCORE (or
 * ARCHIVE) access with the policy first, as they do for the student directory. Totals and ratings only; the
 * measurements stay in this module.
 */
@Service
public class FitnessDirectory {

    /**
     * One school year's official result.
     *
     * @param status            TESTED (totals present), INCOMPLETE (items missing, no totals) or EXEMPT (免测)
     * @param totalScore        学年总分, exact to 2 decimals (bonus included, so up to 120)
     * @param totalScoreRounded 学年总分 rounded half-up to 0.1: the value rated and printed on the 登记卡
     * @param rating            优秀/良好/及格/不及格 of totalScoreRounded
     * @param fromMakeup        the counted result is the year's 补测
     */
    public record YearResult(String schoolYear, int grade, String status, BigDecimal totalScore,
                             BigDecimal totalScoreRounded, String rating, boolean fromMakeup) {
    }

    /**
     * 毕业成绩 (S0 说明8) for a graduation year.
     *
     * @param score                    the exact weighted result (3 decimals), null when exempt
     * @param scoreRounded             rounded half-up to 0.1: rated and printed; null when exempt
     * @param exempt                   the graduation year is 免测: the graduation record is marked 免测
     * @param belowGraduationThreshold 高中 and later: below 50 means 结业 or 肄业
     * @param yearsCounted             school years in the result (the graduation year and the stage's others)
     */
    public record Graduation(String graduationYear, int graduationGrade, BigDecimal score, BigDecimal scoreRounded,
                             String rating, boolean exempt, boolean belowGraduationThreshold, int yearsCounted) {
    }

    private final ResultStore store;
    private final FitnessScorer scorer;
    private final SchoolClock clock;

    FitnessDirectory(ResultStore store, FitnessScorer scorer, SchoolClock clock) {
        this.store = store;
        this.scorer = scorer;
        this.clock = clock;
    }

    /** Every school year on record for the student (the last 17 years), oldest first. */
    public Flux<YearResult> results(String studentId) {
        return years(studentId).flatMapIterable(l -> l).map(FitnessDirectory::view);
    }

    /** The student's result for one school year ({@code 2026-2027}), or empty. */
    public Mono<YearResult> result(String studentId, String schoolYear) {
        if (!SchoolYears.isValid(schoolYear)) {
            return Mono.empty();
        }
        return store.find(studentId, schoolYear).map(FitnessDirectory::view);
    }

    /**
     * 毕业成绩 with {@code graduationYear} as the final year: empty when that year has no complete result (and is
     * not 免测).
     */
    public Mono<Graduation> graduation(String studentId, String graduationYear) {
        if (!SchoolYears.isValid(graduationYear)) {
            return Mono.empty();
        }
        return years(studentId).flatMap(list -> Mono.justOrEmpty(Graduations.compute(scorer, list, graduationYear)))
                .map(g -> new Graduation(g.graduationYear(), g.graduationGrade(), g.score(), g.scoreRounded(),
                        g.rating(), g.exempt(), g.belowGraduationThreshold(), g.yearsCounted()));
    }

    private Mono<List<FitnessResult>> years(String studentId) {
        int now = SchoolYears.start(SchoolYears.of(clock.today()));
        return store.ofStudent(studentId, now - 16, now + 1).collectList();
    }

    private static YearResult view(FitnessResult r) {
        return new YearResult(r.schoolYear(), r.grade(), r.status().name(), r.totalScore(), r.totalScoreRounded(),
                r.rating(), r.official() == FitnessResult.Official.MAKEUP);
    }
}
