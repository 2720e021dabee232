package org.zhsz.record;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;


/** A record as the API returns it. */
record RecordView(String id, String studentId, String schoolId, String classId, String term, Dimension dimension,
                  String dimensionLabel, String category, String categoryName, String title, String description,
                  LocalDate occurredOn, @Nullable BigDecimal hours, @Nullable Level level, @Nullable String award,
                  @Nullable String severity, @Nullable String skill,
                  List<String> evidence, String source, RecordStatus status, StudentRecord.Person recordedBy,
                  StudentRecord.@Nullable Review review, StudentRecord.@Nullable Void voided, boolean privateToFamily,
                  @Nullable String batchId,
                  Long version, Instant createdAt, Instant updatedAt, StudentRecord.@Nullable Family family,
                  @Nullable String studentName, @Nullable String className) {

    static RecordView of(StudentRecord r, Category c) {
        return new RecordView(r.id(), r.studentId(), r.schoolId(), r.classId(), r.term(), r.dimension(),
                r.dimension().label(), r.category(), c == null ? r.category() : c.zh(), r.title(), r.description(),
                r.occurredOn(), r.hours(), r.level(), r.award(), r.severity(), r.skill(), r.evidence(),
                r.source().name(), r.status(), r.recordedBy(), r.review(), r.voided(), c != null && c.privateToFamily(),
                r.batchId(), r.version(), r.createdAt(), r.updatedAt(), r.family(), null, null);
    }

    /** With the student's and the class's names, for lists of several students' records (the review queue). */
    RecordView named(String student, String className) {
        return new RecordView(id, studentId, schoolId, classId, term, dimension, dimensionLabel, category,
                categoryName, title, description, occurredOn, hours, level, award, severity, skill, evidence, source,
                status, recordedBy, review, voided, privateToFamily, batchId, version, createdAt, updatedAt, family,
                student, className);
    }
}
