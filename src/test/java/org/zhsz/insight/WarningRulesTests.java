package org.zhsz.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zhsz.platform.DataClass;

import tools.jackson.databind.json.JsonMapper;

/** The early-warning criteria file and the rules, without Spring. */
class WarningRulesTests {

    static final WarningRules RULES = new WarningRules(WarningCriteria.load());
    // a term of 2026-09-01 .. 2027-01-20, looked at on 2026-12-07 (a Monday)
    static final StudentFacts.Term TERM = new StudentFacts.Term("2026-2027-1", LocalDate.of(2026, 9, 1),
            LocalDate.of(2027, 1, 20), LocalDate.of(2026, 12, 7));

    /** School days Mon–Fri from the term's start to today. */
    static List<LocalDate> schoolDays() {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = TERM.start(); !d.isAfter(TERM.today()); d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() <= 5) {
                days.add(d);
            }
        }
        return days;
    }

    /** A student who meets no criterion: tested, no vision advice, records in every dimension, labour on track. */
    static StudentFacts good(Map<LocalDate, String> absences, StudentFacts.Fitness fitness,
                             StudentFacts.Vision vision, List<StudentFacts.RecordFact> extra, LocalDate attention) {
        List<StudentFacts.RecordFact> recs = new ArrayList<>(List.of(
                rec("MORAL", "commendation", null), rec("PHYSICAL", "sports_skill", null),
                rec("ARTS", "arts_skill", null), rec("LABOUR", "school_labour", new BigDecimal("12"))));
        recs.addAll(extra);
        return new StudentFacts("S1-C1-05", "张三", "S1-C1", schoolDays(), absences,
                fitness == null ? new StudentFacts.Fitness("TESTED", "良好") : fitness,
                vision == null ? new StudentFacts.Vision(LocalDate.of(2026, 9, 20), "NONE", "NONE") : vision,
                recs, attention);
    }

    static StudentFacts.RecordFact rec(String dimension, String category, BigDecimal hours) {
        return new StudentFacts.RecordFact(dimension, category, LocalDate.of(2026, 10, 10), hours);
    }

    static List<String> codes(StudentFacts f) {
        return RULES.evaluate(f, TERM).stream().map(WarningRules.Reason::code).toList();
    }

    @Test
    void aStudentOnTrackIsNotWarned() {
        StudentFacts f = good(Map.of(), null, null, List.of(), null);
        assertThat(codes(f)).isEmpty();
        assertThat(RULES.view(f, RULES.evaluate(f, TERM), r -> true)).isNull();
        // one missing dimension (weight 1) is below the lowest level (3): noted nowhere
        StudentFacts noArts = new StudentFacts(f.studentId(), f.name(), f.classId(), f.registeredDays(), Map.of(),
                f.fitness(), f.vision(), f.records().stream().filter(r -> !r.dimension().equals("ARTS")).toList(),
                null);
        assertThat(codes(noArts)).containsExactly("no_record_in_dimension");
        assertThat(RULES.view(noArts, RULES.evaluate(noArts, TERM), r -> true)).isNull();
    }

    @Test
    void absencesInARowCountRegisteredDaysAndTheWeekendDoesNotBreakTheRow() {
        // Thu 3, Fri 4, Mon 7 December: three registered days in a row across the weekend
        Map<LocalDate, String> absent = Map.of(LocalDate.of(2026, 12, 3), "PERSONAL",
                LocalDate.of(2026, 12, 4), "OTHER", LocalDate.of(2026, 12, 7), "PERSONAL");
        List<WarningRules.Reason> reasons = RULES.evaluate(good(absent, null, null, List.of(), null), TERM);
        assertThat(reasons).extracting(WarningRules.Reason::code).containsExactly("absent_in_a_row");
        assertThat(reasons.get(0).since()).isEqualTo(LocalDate.of(2026, 12, 3));
        assertThat(reasons.get(0).args()).containsExactly(3);
        assertThat(reasons.get(0).dataClass()).isEqualTo(DataClass.ATTENDANCE);

        // back at school today: the row is over
        Map<LocalDate, String> earlier = Map.of(LocalDate.of(2026, 12, 2), "PERSONAL",
                LocalDate.of(2026, 12, 3), "PERSONAL", LocalDate.of(2026, 12, 4), "PERSONAL");
        assertThat(codes(good(earlier, null, null, List.of(), null))).doesNotContain("absent_in_a_row");
    }

    @Test
    void sickDaysCountPerCalendarMonth() {
        Map<LocalDate, String> split = Map.of(LocalDate.of(2026, 10, 29), "SICK", LocalDate.of(2026, 10, 30), "SICK",
                LocalDate.of(2026, 11, 2), "SICK");
        assertThat(codes(good(split, null, null, List.of(), null))).doesNotContain("sick_days_in_month");
        Map<LocalDate, String> november = new HashMap<>(split);
        november.put(LocalDate.of(2026, 11, 10), "SICK");
        november.put(LocalDate.of(2026, 11, 12), "SICK");
        List<WarningRules.Reason> reasons = RULES.evaluate(good(november, null, null, List.of(), null), TERM);
        assertThat(reasons).extracting(WarningRules.Reason::code).containsExactly("sick_days_in_month");
        assertThat(reasons.get(0).args()).containsExactly(3, 11);
        assertThat(reasons.get(0).since()).isEqualTo(LocalDate.of(2026, 11, 2));
    }

    @Test
    void fitnessFailedOrMissingAfterTheGracePeriod() {
        assertThat(codes(good(Map.of(), new StudentFacts.Fitness("TESTED", "不及格"), null, List.of(), null)))
                .containsExactly("fitness_failed");
        assertThat(codes(good(Map.of(), new StudentFacts.Fitness("EXEMPT", null), null, List.of(), null))).isEmpty();
        StudentFacts untested = new StudentFacts("S", "n", "C", schoolDays(), Map.of(), null,
                good(Map.of(), null, null, List.of(), null).vision(), good(Map.of(), null, null, List.of(), null)
                .records(), null);
        assertThat(codes(untested)).containsExactly("fitness_not_tested");
        // in the first weeks of the term nobody is expected to be tested yet
        StudentFacts.Term early = new StudentFacts.Term(TERM.code(), TERM.start(), TERM.end(),
                LocalDate.of(2026, 9, 20));
        assertThat(RULES.evaluate(untested, early)).extracting(WarningRules.Reason::code)
                .doesNotContain("fitness_not_tested");
    }

    @Test
    void poorVisionWithoutCorrectionAfterTheGracePeriod() {
        StudentFacts.Vision advised = new StudentFacts.Vision(LocalDate.of(2026, 10, 1), "SEE_DOCTOR", "NONE");
        assertThat(codes(good(Map.of(), null, advised, List.of(), null))).containsExactly("vision_not_followed_up");
        // glasses since: followed up
        assertThat(codes(good(Map.of(), null, new StudentFacts.Vision(LocalDate.of(2026, 10, 1), "SEE_DOCTOR",
                "FRAME"), List.of(), null))).isEmpty();
        // screened last week: still within the grace period
        assertThat(codes(good(Map.of(), null, new StudentFacts.Vision(LocalDate.of(2026, 12, 1), "SEE_DOCTOR",
                "NONE"), List.of(), null))).isEmpty();
    }

    @Test
    void aDimensionWithoutRecordsViolationsAndLabourHours() {
        StudentFacts f = new StudentFacts("S", "n", "C", schoolDays(), Map.of(),
                new StudentFacts.Fitness("TESTED", "及格"), null,
                List.of(rec("MORAL", "violation", null), rec("LABOUR", "home_labour", new BigDecimal("1.5"))), null);
        List<WarningRules.Reason> reasons = RULES.evaluate(f, TERM);
        assertThat(reasons).extracting(WarningRules.Reason::code).containsExactly("no_record_in_dimension",
                "no_record_in_dimension", "violation", "labour_hours_low");
        assertThat(reasons.get(0).args()).containsExactly("PHYSICAL");
        assertThat(reasons.get(1).args()).containsExactly("ARTS");
        // 16 h a term: by 7 Dec (98 of 142 days) 11 h are expected, half of that is the floor; 1.5 h is below
        assertThat(reasons.get(3).args()).containsExactly("1.5", "11");
    }

    @Test
    void theViewerSeesOnlyReasonsTheyMayReadAndTheLevelOfThoseAlone() {
        StudentFacts f = good(Map.of(), null, null, List.of(rec("MORAL", "violation", null)), LocalDate.of(2026, 11,
                20));
        List<WarningRules.Reason> reasons = RULES.evaluate(f, TERM);
        assertThat(reasons).extracting(WarningRules.Reason::code).containsExactly("violation", "wellbeing_attention");
        WarningRules.Warning counselor = RULES.view(f, reasons, r -> true);
        assertThat(counselor.level()).isEqualTo("HIGH");
        assertThat(counselor.score()).isEqualTo(6);
        WarningRules.Warning head = RULES.view(f, reasons, r -> r.dataClass() != DataClass.MENTAL_HEALTH);
        assertThat(head.level()).isEqualTo("LOW");
        assertThat(head.reasons()).extracting(WarningRules.Reason::code).containsExactly("violation");
        // with the wellbeing flag alone, a head teacher does not see the student at all
        StudentFacts onlyFlag = good(Map.of(), null, null, List.of(), LocalDate.of(2026, 11, 20));
        assertThat(RULES.view(onlyFlag, RULES.evaluate(onlyFlag, TERM), r -> r.dataClass() != DataClass.MENTAL_HEALTH))
                .isNull();
        // and the flag never counts in a school's counts
        assertThat(RULES.view(onlyFlag, RULES.evaluate(onlyFlag, TERM), WarningRules.Reason::aggregate)).isNull();
    }

    @Test
    void oneRoutineSignalAloneListsNobodyASeriousOneOrTwoSourcesDo() {
        StudentFacts.Vision advised = new StudentFacts.Vision(LocalDate.of(2026, 10, 1), "SEE_DOCTOR", "NONE");
        // an uncorrected screening result alone: the school doctor's vision list follows it up, not this list
        StudentFacts vision = good(Map.of(), null, advised, List.of(), null);
        assertThat(codes(vision)).containsExactly("vision_not_followed_up");
        assertThat(RULES.view(vision, RULES.evaluate(vision, TERM), r -> true)).isNull();
        // nor a failed fitness test alone (weight 2)
        StudentFacts failed = good(Map.of(), new StudentFacts.Fitness("TESTED", "不及格"), null, List.of(), null);
        assertThat(RULES.view(failed, RULES.evaluate(failed, TERM), r -> true)).isNull();
        // together they list the student at the lowest level
        StudentFacts both = good(Map.of(), new StudentFacts.Fitness("TESTED", "不及格"), advised, List.of(), null);
        WarningRules.Warning w = RULES.view(both, RULES.evaluate(both, TERM), r -> true);
        assertThat(w.level()).isEqualTo("LOW");
        assertThat(w.reasons()).extracting(WarningRules.Reason::code).containsExactly("fitness_failed",
                "vision_not_followed_up");
        // three days absent in a row is serious on its own
        Map<LocalDate, String> absent = Map.of(LocalDate.of(2026, 12, 3), "PERSONAL",
                LocalDate.of(2026, 12, 4), "OTHER", LocalDate.of(2026, 12, 7), "PERSONAL");
        StudentFacts away = good(absent, null, null, List.of(), null);
        assertThat(RULES.view(away, RULES.evaluate(away, TERM), r -> true).level()).isEqualTo("LOW");
    }

    @Test
    void theCriteriaFileIsCheckedWhenLoaded() {
        String bad = """
                {"version":"x","levels":[{"code":"LOW","minScore":1}],
                 "criteria":[{"code":"a","kind":"ABSENT_IN_A_ROW","dataClass":"ATTENDANCE","weight":1,"params":{}}]}
                """;
        assertThatThrownBy(() -> WarningCriteria.parse(JsonMapper.builder().build().readTree(bad)))
                .hasMessageContaining("days");
        String zero = """
                {"version":"x","levels":[{"code":"LOW","minScore":0}],"criteria":[]}
                """;
        assertThatThrownBy(() -> WarningCriteria.parse(JsonMapper.builder().build().readTree(zero)))
                .hasMessageContaining("levels");
        // every criterion of the shipped file says which data class it reads, and the wellbeing one is counselors'
        assertThat(RULES.criteria().byCode().get("wellbeing_attention").dataClass()).isEqualTo(DataClass.MENTAL_HEALTH);
        assertThat(RULES.criteria().byCode().get("wellbeing_attention").aggregate()).isFalse();
    }
}
