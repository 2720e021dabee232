package org.zhsz.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PublicityCalendarTests {

    private final PublicityCalendar cal = new PublicityCalendar(
            Set.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 5),
                    LocalDate.of(2026, 10, 6), LocalDate.of(2026, 10, 7)),
            Set.of(LocalDate.of(2026, 10, 10)));

    @Test
    void fiveWorkingDaysFromMondayEndOnFriday() {
        assertThat(cal.end(LocalDate.of(2026, 11, 30), 5)).isEqualTo(LocalDate.of(2026, 12, 4));
    }

    @Test
    void aWindowOpenedOnSaturdayStartsOnMonday() {
        assertThat(cal.firstWorkingDay(LocalDate.of(2026, 11, 28))).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(cal.end(LocalDate.of(2026, 11, 28), 5)).isEqualTo(LocalDate.of(2026, 12, 4));
    }

    @Test
    void weekendsAndHolidaysAreSkippedAndMakeUpDaysCount() {
        // Wed 30 Sep counts; 1–7 Oct holidays (3/4 Oct a weekend); Thu 8, Fri 9, Sat 10 (调休) count
        assertThat(cal.end(LocalDate.of(2026, 9, 30), 4)).isEqualTo(LocalDate.of(2026, 10, 10));
        assertThat(cal.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();
        assertThat(cal.isWorkingDay(LocalDate.of(2026, 10, 11))).isFalse();
        assertThat(cal.isWorkingDay(LocalDate.of(2026, 10, 1))).isFalse();
    }

    @Test
    void oneDayWindowIsTheFirstWorkingDay() {
        assertThat(cal.end(LocalDate.of(2026, 10, 1), 1)).isEqualTo(LocalDate.of(2026, 10, 8));
    }
}
