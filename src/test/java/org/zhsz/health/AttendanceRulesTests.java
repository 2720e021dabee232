package org.zhsz.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.zhsz.health.AttendanceDay.Absence;
import org.zhsz.health.AttendanceDay.Type;
import org.zhsz.health.AttendanceRules.AbsenceInput;
import org.zhsz.platform.FieldError;

/** The register's rules without Spring: checking exceptions, absence streaks, the outbreak signal, county cells. */
class AttendanceRulesTests {

    static final Set<String> CLASS = Set.of("a", "b", "c", "d", "e", "f");

    @Test
    void everyExceptionIsCheckedAndNamed() {
        AttendanceRules.Checked c = AttendanceRules.check(List.of(
                new AbsenceInput("a", "SICK", List.of("COUGH", "FEVER", "FEVER"), " 家长来电 "),
                new AbsenceInput("x", "SICK", List.of(), null),
                new AbsenceInput("a", "PERSONAL", List.of(), null),
                new AbsenceInput("b", "LATE", List.of(), null),
                new AbsenceInput("c", "PERSONAL", List.of("FEVER"), null),
                new AbsenceInput("d", "SICK", List.of("SNEEZING"), null),
                new AbsenceInput("e", "OTHER", List.of(), "x".repeat(201)),
                new AbsenceInput("f", "OTHER", List.of(), "\u202Eevil")), CLASS);
        assertThat(c.errors()).extracting(FieldError::field, FieldError::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple("absences[1].studentId", "not_in_class"),
                org.assertj.core.groups.Tuple.tuple("absences[2].studentId", "duplicate"),
                org.assertj.core.groups.Tuple.tuple("absences[3].type", "unknown_value"),
                org.assertj.core.groups.Tuple.tuple("absences[4].symptoms", "symptoms_only_when_sick"),
                org.assertj.core.groups.Tuple.tuple("absences[5].symptoms", "unknown_value"),
                org.assertj.core.groups.Tuple.tuple("absences[6].note", "too_long"),
                org.assertj.core.groups.Tuple.tuple("absences[7].note", "invalid_text"));
        // symptoms in the register's order, once each; the note trimmed
        assertThat(c.absences()).containsExactly(new Absence("a", Type.SICK, List.of("FEVER", "COUGH"), "家长来电"));
        assertThat(AttendanceRules.check(null, CLASS).absences()).isEmpty();
        assertThat(AttendanceRules.check(List.of(new AbsenceInput("a", "SICK", null, null)), CLASS).errors())
                .isEmpty();
    }

    static AttendanceDay day(LocalDate date, Absence... absences) {
        return new AttendanceDay(AttendanceDay.idOf("C", date), "S", "C", date, "2026-2027-1", 40, List.of(absences),
                null, null, null, null);
    }

    static Absence sick(String student, String... symptoms) {
        return new Absence(student, Type.SICK, List.of(symptoms), null);
    }

    @Test
    void aStreakCountsRegisteredDaysInARowEndingAtTheNewest() {
        LocalDate fri = LocalDate.of(2026, 12, 4);
        List<AttendanceDay> newestFirst = List.of(
                day(fri, new Absence("a", Type.PERSONAL, List.of(), null)),
                day(fri.minusDays(1), new Absence("a", Type.OTHER, List.of(), null), sick("b", "FEVER")),
                // the weekend before is not registered and does not break the streak
                day(fri.minusDays(4), new Absence("a", Type.SICK, List.of(), null)),
                day(fri.minusDays(5)),
                day(fri.minusDays(6), new Absence("a", Type.PERSONAL, List.of(), null)));
        assertThat(AttendanceRules.streak(newestFirst, "a")).isEqualTo(3);
        assertThat(AttendanceRules.streak(newestFirst, "b")).isZero();
        assertThat(AttendanceRules.streak(newestFirst.subList(1, 5), "b")).isEqualTo(1);
    }

    @Test
    void theOutbreakSignalIsThreeOnADayOrFiveInThreeRegisteredDays() {
        LocalDate d = LocalDate.of(2026, 12, 4);
        // 2 with diarrhoea today: below 3; with 3 more in the two days before: 5 in three days
        List<AttendanceDay> five = List.of(day(d, sick("a", "DIARRHEA"), sick("b", "DIARRHEA", "VOMITING")),
                day(d.minusDays(1), sick("c", "DIARRHEA"), sick("d", "DIARRHEA")),
                day(d.minusDays(2), sick("e", "DIARRHEA")),
                day(d.minusDays(3), sick("f", "DIARRHEA")));
        assertThat(AttendanceRules.clusters(five, 3, 5)).containsExactly(
                new AttendanceRules.Cluster("DIARRHEA", 2, 5));
        // 4 within three days is not enough; the fourth day back does not count
        assertThat(AttendanceRules.clusters(five.subList(0, 2), 3, 5)).isEmpty();
        // 3 with fever on one day is
        List<AttendanceDay> three = List.of(day(d, sick("a", "FEVER"), sick("b", "FEVER"), sick("c", "FEVER", "COUGH")));
        assertThat(AttendanceRules.clusters(three, 3, 5)).containsExactly(
                new AttendanceRules.Cluster("FEVER", 3, 3));
        // personal absences never count
        assertThat(AttendanceRules.clusters(List.of(day(d, new Absence("a", Type.PERSONAL, List.of(), null))), 1, 1))
                .isEmpty();
    }

    @Test
    void countyCountsHideSmallCellsAndWhatWouldRevealThem() {
        LocalDate from = LocalDate.of(2026, 11, 30);
        List<AttendanceDay> registers = new ArrayList<>();
        // Monday: 6 with fever; Tuesday: 2 with fever, 7 with cough; Wednesday: nothing
        List<Absence> mon = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            mon.add(sick("m" + i, "FEVER"));
        }
        List<Absence> tue = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            tue.add(sick("t" + i, "FEVER"));
        }
        for (int i = 0; i < 7; i++) {
            tue.add(sick("u" + i, "COUGH"));
        }
        registers.add(day(from, mon.toArray(Absence[]::new)));
        registers.add(day(from.plusDays(1), tue.toArray(Absence[]::new)));
        AttendanceViews.County c = AttendanceService.countyCounts("640424", "泾源县", from, from.plusDays(2),
                registers);
        assertThat(c.days()).hasSize(3);
        // Tuesday's 2 with fever is hidden, and so is Monday's 6 (else 8 - 6 = 2 could be worked out)
        assertThat(c.days().get(1).bySymptom().get("FEVER")).isNull();
        assertThat(c.days().get(0).bySymptom().get("FEVER")).isNull();
        assertThat(c.days().get(1).bySymptom().get("COUGH")).isEqualTo(7);
        assertThat(c.days().get(2).bySymptom().get("FEVER")).isZero();
        assertThat(c.bySymptom().get("FEVER")).isEqualTo(8);
        assertThat(c.days().get(0).sick()).isEqualTo(6);
        assertThat(c.days().get(1).sick()).isEqualTo(9);
        assertThat(c.sick()).isEqualTo(15);
    }
}
