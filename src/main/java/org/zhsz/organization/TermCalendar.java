package org.zhsz.organization;

import java.time.LocalDate;

/**
 * 学年学期 codes. The first term runs September to January, the second February to August, so every date
 * belongs to exactly one term. Codes look like {@code 2026-2027-1}.
 */
public final class TermCalendar {

    private TermCalendar() {
    }

    public static String codeOf(LocalDate date) {
        int y = date.getYear();
        int m = date.getMonthValue();
        if (m >= 9) {
            return y + "-" + (y + 1) + "-1";
        }
        if (m == 1) {
            return (y - 1) + "-" + y + "-1";
        }
        return (y - 1) + "-" + y + "-2";
    }

    public static boolean isValidCode(String code) {
        if (code == null || !code.matches("\\d{4}-\\d{4}-[12]")) {
            return false;
        }
        int a = Integer.parseInt(code.substring(0, 4));
        int b = Integer.parseInt(code.substring(5, 9));
        return b == a + 1;
    }

    public static int schoolYearStart(String code) {
        return Integer.parseInt(code.substring(0, 4));
    }

    public static int semester(String code) {
        return code.charAt(code.length() - 1) - '0';
    }

    public static String schoolYear(String code) {
        return code.substring(0, 9);
    }

    public static LocalDate defaultStart(String code) {
        int y = schoolYearStart(code);
        return semester(code) == 1 ? LocalDate.of(y, 9, 1) : LocalDate.of(y + 1, 2, 1);
    }

    public static LocalDate defaultEnd(String code) {
        int y = schoolYearStart(code);
        return semester(code) == 1 ? LocalDate.of(y + 1, 1, 31) : LocalDate.of(y + 1, 8, 31);
    }

    /** "2026–2027学年第一学期" */
    public static String displayName(String code) {
        int y = schoolYearStart(code);
        return y + "–" + (y + 1) + "学年第" + (semester(code) == 1 ? "一" : "二") + "学期";
    }

    public static String previous(String code) {
        int y = schoolYearStart(code);
        return semester(code) == 2 ? y + "-" + (y + 1) + "-1" : (y - 1) + "-" + y + "-2";
    }
}
