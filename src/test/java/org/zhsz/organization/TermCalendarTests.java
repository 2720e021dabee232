package org.zhsz.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TermCalendarTests {

    @ParameterizedTest
    @CsvSource({"2026-09-01, 2026-2027-1", "2026-11-29, 2026-2027-1", "2027-01-31, 2026-2027-1",
            "2027-02-01, 2026-2027-2", "2027-08-31, 2026-2027-2", "2026-08-31, 2025-2026-2"})
    void everyDateBelongsToOneTerm(LocalDate date, String code) {
        assertThat(TermCalendar.codeOf(date)).isEqualTo(code);
    }

    @Test
    void namesAndNeighbours() {
        assertThat(TermCalendar.displayName("2026-2027-1")).isEqualTo("2026–2027学年第一学期");
        assertThat(TermCalendar.previous("2026-2027-1")).isEqualTo("2025-2026-2");
        assertThat(TermCalendar.previous("2026-2027-2")).isEqualTo("2026-2027-1");
        assertThat(TermCalendar.isValidCode("2026-2027-1")).isTrue();
        assertThat(TermCalendar.isValidCode("2026-2028-1")).isFalse();
        assertThat(TermCalendar.isValidCode("2026-2027-3")).isFalse();
    }

    @Test
    void classNamesFollowTheTerm() {
        assertThat(SchoolStage.JUNIOR.className(2026, 2026, 1)).isEqualTo("七年级(1)班");
        assertThat(SchoolStage.JUNIOR.className(2026, 2027, 1)).isEqualTo("八年级(1)班");
        assertThat(SchoolStage.JUNIOR.gradeLevel(2026, 2028)).isEqualTo(9);
        assertThat(SchoolStage.JUNIOR.className(2026, 2029, 2)).isEqualTo("2029届(2)班");
        assertThat(SchoolStage.PRIMARY.className(2022, 2026, 1)).isEqualTo("五年级(1)班");
        assertThat(SchoolStage.SENIOR.className(2026, 2026, 3)).isEqualTo("高一(3)班");
        assertThat(SchoolStage.PRIMARY.graduationYear(2022)).isEqualTo(2028);
    }
}
