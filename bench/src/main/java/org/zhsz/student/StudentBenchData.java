package org.zhsz.student;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Student documents in the module's stored shape, for the county-scale data generator (bench sources only). */
public final class StudentBenchData {

    private StudentBenchData() {
    }

    /**
     * @param classId     the current class, or null for a student who left (graduated)
     * @param guardian    a parent account's username, or null
     * @param enrolledIn  the class the student has been in since {@code from}
     */
    public static Object student(String id, String schoolId, String studentNo, String name, boolean male,
                                 LocalDate birthDate, String classId, boolean graduated, String guardian,
                                 String guardianName, String enrolledIn, LocalDate from, LocalDate to, Instant at) {
        return new Student(id, schoolId, studentNo, name, male ? Sex.M : Sex.F, birthDate, "回族", classId,
                graduated ? StudentStatus.GRADUATED : StudentStatus.ENROLLED, null,
                List.of(new Student.Guardian(guardian, guardianName, "父亲", "13900000000")),
                List.of(new Student.Enrollment(enrolledIn, from, to, "入学")), 0L, at, "bench", at, "bench");
    }
}
