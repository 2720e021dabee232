package org.zhsz.fitness;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One student's fitness test for one school year ({@code fitness_results}, id {@code <studentId>:<schoolYear>},
 * unique on studentId + schoolYear): the first attempt, at most one 补测 (make-up) kept beside it, or a 免测
 * (exemption). The official totals are copied to the top level so lists, exports and statistics read them
 * without looking into the attempts. Every change is one document replacement guarded by {@code version}.
 *
 * @param grade the grade (1–12) at test time, from the student's class in that school year
 * @param sex   {@code M}/{@code F} at test time
 */
record FitnessResult(String id, String schoolId, String studentId, String classId, String schoolYear, int grade,
                     String sex, Attempt first, Attempt makeup, Exemption exemption, long version, Instant createdAt,
                     String createdBy, Instant updatedAt, String updatedBy) {

    enum Official { FIRST, MAKEUP }

    /**
     * One sitting of the test, scored on save.
     *
     * @param values            measurements as recorded (printed precision), by item key; {@code bmi} only when it was
     *                          given instead of height and weight
     * @param items             every scored item (BMI included) with its score and level
     * @param missingItems      required items not yet recorded; totals are null while any is missing
     * @param totalScoreRounded 学年总分 rounded half-up to 0.1: what is rated and printed
     */
    record Attempt(LocalDate testDate, String tester, String testerName, String source, Instant recordedAt,
                   Map<String, BigDecimal> values, Map<String, ItemOutcome> items, List<String> missingItems,
                   BigDecimal standardScore, Integer bonus, BigDecimal totalScore, BigDecimal totalScoreRounded,
                   String rating) {

        Attempt {
            values = values == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
            items = items == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(items));
            missingItems = missingItems == null ? List.of() : List.copyOf(missingItems);
        }

        boolean complete() {
            return totalScore != null;
        }

        boolean failed() {
            return complete() && "不及格".equals(rating);
        }

        String bmiCategory() {
            ItemOutcome bmi = items.get("bmi");
            return bmi == null ? null : bmi.level();
        }

        /** Same measurements (compared as numbers, so 8.80 equals 8.8). */
        boolean sameValues(Map<String, BigDecimal> other) {
            if (other.size() != values.size()) {
                return false;
            }
            for (Map.Entry<String, BigDecimal> e : values.entrySet()) {
                BigDecimal o = other.get(e.getKey());
                if (o == null || o.compareTo(e.getValue()) != 0) {
                    return false;
                }
            }
            return true;
        }
    }

    /** One scored item; {@code bonus} is null for items that never earn 附加分 in the student's grade and sex. */
    record ItemOutcome(BigDecimal value, int score, String level, Integer bonus) {
    }

    /** 免测: the reason and the medical document (GridFS) that supports it. */
    record Exemption(String reason, String documentId, String documentName, String contentType, long size,
                     Instant at, String by) {
    }

    /**
     * Which attempt counts. A 补测 exists only after a 不及格 first attempt; the better 学年总分 of the two is the
     * year's result, so a 补测 that also fails leaves the year 不及格 (S0 说明; policy in docs/fitness-scoring.md).
     */
    Official official() {
        if (exemption != null) {
            return null;
        }
        if (makeup != null && makeup.complete()
                && (first == null || !first.complete() || makeup.totalScore().compareTo(first.totalScore()) > 0)) {
            return Official.MAKEUP;
        }
        return first == null ? null : Official.FIRST;
    }

    Attempt officialAttempt() {
        Official o = official();
        return o == null ? null : o == Official.MAKEUP ? makeup : first;
    }

    ResultStatus status() {
        if (exemption != null) {
            return ResultStatus.EXEMPT;
        }
        Attempt a = officialAttempt();
        return a != null && a.complete() ? ResultStatus.TESTED : ResultStatus.INCOMPLETE;
    }

    BigDecimal totalScore() {
        Attempt a = officialAttempt();
        return a == null ? null : a.totalScore();
    }

    BigDecimal totalScoreRounded() {
        Attempt a = officialAttempt();
        return a == null ? null : a.totalScoreRounded();
    }

    String rating() {
        Attempt a = officialAttempt();
        return a == null ? null : a.rating();
    }

    FitnessResult withFirst(Attempt a, String classId, int grade, String sex, Instant at, String by) {
        return new FitnessResult(id, schoolId, studentId, classId, schoolYear, grade, sex, a, makeup, exemption,
                version, createdAt, createdBy, at, by);
    }

    FitnessResult withMakeup(Attempt a, Instant at, String by) {
        return new FitnessResult(id, schoolId, studentId, classId, schoolYear, grade, sex, first, a, exemption,
                version, createdAt, createdBy, at, by);
    }

    FitnessResult withExemption(Exemption e, Instant at, String by) {
        return new FitnessResult(id, schoolId, studentId, classId, schoolYear, grade, sex, first, makeup, e,
                version, createdAt, createdBy, at, by);
    }

    static FitnessResult empty(String schoolId, String studentId, String classId, String schoolYear, int grade,
                               String sex, Instant at, String by) {
        return new FitnessResult(SchoolYears.resultId(studentId, schoolYear), schoolId, studentId, classId, schoolYear,
                grade, sex, null, null, null, 0L, at, by, at, by);
    }

    /** True when not yet stored (version 0 is never written: stored documents start at 1). */
    boolean isNew() {
        return version == 0L;
    }
}
