package org.zhsz.student;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A student and everything that belongs only to them: guardians and the class history are embedded so that
 * every change is one atomic document update.
 */
@Document("students")
// a parent's children (every request of a parent resolves them)
@org.springframework.data.mongodb.core.index.CompoundIndex(name = "guardian_username",
        def = "{'guardians.username': 1}")
record Student(@Id String id, @Indexed String schoolId, @Indexed(unique = true) String studentNo, String name,
               Sex sex, LocalDate birthDate, String ethnicity, @Indexed String classId, StudentStatus status,
               @Indexed(unique = true, sparse = true) String username, List<Guardian> guardians,
               List<Enrollment> enrollments, @Version Long version, Instant createdAt, String createdBy,
               Instant updatedAt, String updatedBy) {

    Student {
        guardians = guardians == null ? List.of() : List.copyOf(guardians);
        enrollments = enrollments == null ? List.of() : List.copyOf(enrollments);
    }

    /** A guardian (监护人); {@code username} links a parent account, when they have one. */
    record Guardian(String username, String name, String relation, String phone) {
    }

    /** One stay in one class; {@code to} is null for the current class. */
    record Enrollment(String classId, LocalDate from, LocalDate to, String reason) {
    }

    Student with(String name, Sex sex, LocalDate birthDate, String ethnicity, StudentStatus status, String username,
                 Instant at, String by) {
        return new Student(id, schoolId, studentNo, name, sex, birthDate, ethnicity, classId, status, username,
                guardians, enrollments, version, createdAt, createdBy, at, by);
    }

    Student withGuardians(List<Guardian> g, Instant at, String by) {
        return new Student(id, schoolId, studentNo, name, sex, birthDate, ethnicity, classId, status, username, g,
                enrollments, version, createdAt, createdBy, at, by);
    }

    Student transferred(String newClassId, List<Enrollment> history, Instant at, String by) {
        return new Student(id, schoolId, studentNo, name, sex, birthDate, ethnicity, newClassId, status, username,
                guardians, history, version, createdAt, createdBy, at, by);
    }
}
