package org.zhsz.student;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;


/**
 * A student as other modules see them. Private fields (学籍号, birth date, ethnicity, guardians) are present;
 * callers decide with the access policy whether to show them.
 */
public record StudentView(String id, String schoolId, String studentNo, String name, Sex sex, LocalDate birthDate,
                          String ethnicity, String classId, StudentStatus status, String username,
                          List<GuardianView> guardians, List<EnrollmentView> enrollments, Long version) {

    public record GuardianView(@Nullable String username, String name, String relation, String phone) {
    }

    public record EnrollmentView(String classId, LocalDate from, @Nullable LocalDate to, String reason) {
    }

    /** 学籍号 with the middle hidden: G640424********123X → G6404**********23X */
    public String maskedStudentNo() {
        return mask(studentNo);
    }

    public static String mask(String no) {
        if (no == null || no.length() < 8) {
            return "****";
        }
        return no.substring(0, 5) + "*".repeat(no.length() - 8) + no.substring(no.length() - 3);
    }

    /** 张*明: family name and last character, for publicity and verification pages. */
    public static String maskName(String name) {
        if (name == null || name.isEmpty()) {
            return "";
        }
        int[] cps = name.codePoints().toArray();
        if (cps.length == 1) {
            return name;
        }
        if (cps.length == 2) {
            return new String(cps, 0, 1) + "*";
        }
        return new String(cps, 0, 1) + "*".repeat(cps.length - 2) + new String(cps, cps.length - 1, 1);
    }

    public boolean hasGuardian(String username) {
        return guardians.stream().anyMatch(g -> username != null && username.equals(g.username()));
    }

    static StudentView of(Student s) {
        return new StudentView(s.id(), s.schoolId(), s.studentNo(), s.name(), s.sex(), s.birthDate(), s.ethnicity(),
                s.classId(), s.status(), s.username(),
                s.guardians().stream().map(g -> new GuardianView(g.username(), g.name(), g.relation(), g.phone()))
                        .toList(),
                s.enrollments().stream().map(e -> new EnrollmentView(e.classId(), e.from(), e.to(), e.reason()))
                        .toList(),
                s.version());
    }
}
