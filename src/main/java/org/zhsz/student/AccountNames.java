package org.zhsz.student;

import java.util.Locale;

/**
 * How login names of students and guardians are made (plain rules, no I/O). They are stable — the same person gets
 * the same name on every run — and readable: a student logs in with their 学籍号, a guardian with their mobile
 * number. Keycloak keeps usernames in lower case, so these are lower case too. A name already taken by someone
 * else gets a suffix ({@code -2}, {@code -3}, …).
 */
final class AccountNames {

    private AccountNames() {
    }

    static String forStudent(String studentNo) {
        return studentNo.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * A guardian's name: the mobile number (digits only, a +86 / 0086 prefix dropped) when there is a plausible one,
     * else the child's 学籍号 with {@code -p1}, {@code -p2}, … for the first, second guardian.
     */
    static String forGuardian(String phone, String childStudentNo, int index) {
        String digits = phoneDigits(phone);
        return digits != null ? digits : forStudent(childStudentNo) + "-p" + (index + 1);
    }

    /** The phone's digits if it is a plausible number to log in with (7–15 digits), else null. */
    static String phoneDigits(String phone) {
        if (phone == null) {
            return null;
        }
        String d = phone.replaceAll("[^0-9]", "");
        if (d.startsWith("0086")) {
            d = d.substring(4);
        } else if (d.startsWith("86") && d.length() == 13) {
            d = d.substring(2);
        }
        return d.length() >= 7 && d.length() <= 15 ? d : null;
    }

    /** The n-th candidate (n ≥ 1): the name itself, then name-2, name-3, … */
    static String candidate(String base, int n) {
        return n <= 1 ? base : base + "-" + n;
    }

    /** Whether two guardian entries are the same person: same plausible phone and the same name. */
    static boolean samePerson(String name1, String phone1, String name2, String phone2) {
        String p1 = phoneDigits(phone1);
        return p1 != null && p1.equals(phoneDigits(phone2)) && name1 != null && name2 != null
                && name1.trim().equals(name2.trim());
    }
}
