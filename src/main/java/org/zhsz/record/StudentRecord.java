package org.zhsz.record;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One 写实记录. Everything about it, including its edit history and evidence ids, is in this one document so
 * every change is a single atomic, version-checked update.
 */
@Document("records")
@CompoundIndexes({
        @CompoundIndex(name = "student_term", def = "{'studentId': 1, 'term': 1, 'occurredOn': -1}"),
        @CompoundIndex(name = "class_term", def = "{'classId': 1, 'term': 1}"),
        @CompoundIndex(name = "school_term", def = "{'schoolId': 1, 'term': 1}"),
        // the review queues: only the records waiting for review, however many a class or school ever had
        @CompoundIndex(name = "status_class_updated", def = "{'status': 1, 'classId': 1, 'updatedAt': 1}"),
        @CompoundIndex(name = "status_school_updated", def = "{'status': 1, 'schoolId': 1, 'updatedAt': 1}")})
record StudentRecord(@Id String id, String schoolId, String studentId, String classId, String term,
                     Dimension dimension, String category, String title, String description, LocalDate occurredOn,
                     BigDecimal hours, Level level, String award, String severity, String skill, List<String> evidence,
                     Source source, RecordStatus status, Person recordedBy, Review review, Void voided,
                     String batchId, List<Change> history, @Version Long version, Instant createdAt,
                     Instant updatedAt, Family family) {

    StudentRecord {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** FAMILY: a home task ticked done at home and confirmed by a guardian (the family module), reviewed like a self-report */
    enum Source { TEACHER, STUDENT, IMPORT, FAMILY }

    record Person(@Nullable String username, String name, String role) {
    }

    record Review(String decision, @Nullable String reason, Person by, Instant at) {
    }

    record Void(String reason, Person by, Instant at) {
    }

    /**
     * How the family vouched for a home-task record: who did it ({@code doneBy}: the student or the guardian who
     * ticked it for the child), which guardian confirmed it and when, and the family module's completion id.
     */
    record Family(String completionId, String taskCode, Person doneBy, @Nullable Person confirmedBy,
                  @Nullable Instant confirmedAt) {
    }

    /** One edit: who, when, which fields from what to what. */
    record Change(Instant at, Person by, String action, Map<String, List<Object>> fields, @Nullable String note) {
    }
}
