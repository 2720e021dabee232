package org.zhsz.fitness;

import java.time.LocalDate;

import org.zhsz.organization.TermCalendar;
import org.zhsz.platform.Problems;

/** 学年 codes such as {@code 2026-2027}: a fitness result belongs to one school year (1 September – 31 August). */
final class SchoolYears {

    private SchoolYears() {
    }

    /** The school year of a school-local date. */
    static String of(LocalDate date) {
        return TermCalendar.schoolYear(TermCalendar.codeOf(date));
    }

    static boolean isValid(String year) {
        return year != null && year.length() == 9 && TermCalendar.isValidCode(year + "-1");
    }

    /** The year as given, or the current one when blank; a malformed year is a 422 naming {@code year}. */
    static String parseOrCurrent(String year, LocalDate today) {
        if (year == null || year.isBlank()) {
            return of(today);
        }
        String y = year.trim();
        if (!isValid(y)) {
            throw Problems.invalid("year", "invalid", "school year must look like 2026-2027");
        }
        return y;
    }

    static int start(String year) {
        return Integer.parseInt(year.substring(0, 4));
    }

    static String ofStart(int start) {
        return start + "-" + (start + 1);
    }

    /** The first term's code, in which a class's grade level for the year is read. */
    static String firstTerm(String year) {
        return year + "-1";
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

    /** The stored result's id: one result per student per school year. */
    static String resultId(String studentId, String year) {
        return studentId + ":" + year;
    }
}
