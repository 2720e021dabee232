package org.zhsz.student;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;


/**
 * A student as the API returns them. Private fields are omitted (null) unless the caller may read them; the
 * 学籍号 is then masked.
 */
record StudentResponse(String id, String schoolId, String studentNo, String name, Sex sex, String className,
                       String classId, StudentStatus status, @Nullable LocalDate birthDate, @Nullable String ethnicity,
                       @Nullable String username,
                       @Nullable List<StudentView.GuardianView> guardians,
                       @Nullable List<StudentView.EnrollmentView> enrollments,
                       Long version) {

    static StudentResponse of(StudentView s, String className, boolean privateFields) {
        if (privateFields) {
            return new StudentResponse(s.id(), s.schoolId(), s.studentNo(), s.name(), s.sex(), className,
                    s.classId(), s.status(), s.birthDate(), s.ethnicity(), s.username(), s.guardians(),
                    s.enrollments(), s.version());
        }
        return new StudentResponse(s.id(), s.schoolId(), s.maskedStudentNo(), s.name(), s.sex(), className,
                s.classId(), s.status(), null, null, null, null, null, s.version());
    }
}
