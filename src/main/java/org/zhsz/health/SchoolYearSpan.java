package org.zhsz.health;

import java.time.LocalDate;

import org.zhsz.organization.TermCalendar;
import org.zhsz.platform.Problems;

/** 学年 codes such as {@code 2026-2027} (1 September – 31 August), as vision screenings are kept per school year. */
final class SchoolYearSpan {

    private SchoolYearSpan() {
    }

    static String of(LocalDate date) {
        return TermCalendar.schoolYear(TermCalendar.codeOf(date));
    }

    static boolean isValid(String year) {
        return year != null && year.length() == 9 && TermCalendar.isValidCode(year + "-1");
    }

    /** The year as given, or the current one when blank; a malformed year is a 422 naming {@code field}. */
    static String parseOrCurrent(String year, LocalDate today, String field) {
        if (year == null || year.isBlank()) {
            return of(today);
        }
        String y = year.trim();
        if (!isValid(y)) {
            throw Problems.invalid(field, "invalid_school_year", "school year must look like 2026-2027");
        }
        return y;
    }

    static int start(String year) {
        return Integer.parseInt(year.substring(0, 4));
    }

    static String ofStart(int start) {
        return start + "-" + (start + 1);
    }

    static LocalDate firstDay(String year) {
        return LocalDate.of(start(year), 9, 1);
    }

    static LocalDate lastDay(String year) {
        return LocalDate.of(start(year) + 1, 8, 31);
    }

    static boolean contains(String year, LocalDate date) {
        return !date.isBefore(firstDay(year)) && !date.isAfter(lastDay(year));
    }
}
