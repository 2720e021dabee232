package org.zhsz.archive;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One student's archive for one term. Until it is locked it refers to records by id; locking freezes a snapshot
 * of everything it shows and stores the SHA-256 of that snapshot's canonical form. After that, only an approved
 * amendment changes it, as a new version chained to the old hash.
 */
@Document("term_archives")
@CompoundIndex(name = "class_term", def = "{'classId': 1, 'term': 1}")
record TermArchive(@Id String id, String schoolId, String studentId, String classId, String term,
                   Status status, Map<String, List<String>> selection, String selfStatement, String comment,
                   Person commentBy, Publicity publicity, List<Signature> signatures, Snapshot snapshot,
                   int archiveVersion, String contentHash, String previousHash, Instant lockedAt,
                   List<Amendment> amendments, @Version Long version, Instant createdAt, Instant updatedAt) {

    TermArchive {
        selection = selection == null ? Map.of() : Map.copyOf(selection);
        signatures = signatures == null ? List.of() : List.copyOf(signatures);
        amendments = amendments == null ? List.of() : List.copyOf(amendments);
    }

    static String idOf(String studentId, String term) {
        return studentId + ":" + term;
    }

    enum Status { DRAFT, PUBLICITY, SIGNING, LOCKED }

    enum SignRole { STUDENT, GUARDIAN, HEAD_TEACHER, PRINCIPAL }

    record Person(String username, String name) {
    }

    record Publicity(LocalDate startOn, LocalDate endOn, int workingDays, Person openedBy, Instant openedAt,
                     @Nullable Instant closedEarlyAt) {
    }

    record Signature(SignRole role, String username, String name, Instant at) {
    }

    /** What the locked archive shows, frozen. */
    record Snapshot(String studentName, @Nullable String studentNoMasked, String sex, String schoolName,
                    String className,
                    String termName, List<SnapshotRecord> records, @Nullable String selfStatement,
                    @Nullable String comment,
                    @Nullable String commentBy, @Nullable FitnessLine fitness, List<Signature> signatures) {
    }

    record SnapshotRecord(String id, String dimension, String dimensionLabel, String categoryName, String title,
                          String description, LocalDate occurredOn, @Nullable String levelLabel,
                          @Nullable String award, @Nullable BigDecimal hours,
                          @Nullable String skill) {
    }

    record FitnessLine(String schoolYear, BigDecimal totalScore, String rating) {
    }

    record Amendment(String id, String reason, Person requestedBy, Instant requestedAt, @Nullable String selfStatement,
                     @Nullable String comment, @Nullable Map<String, List<String>> selection, String status,
                     @Nullable Person decidedBy,
                     @Nullable Instant decidedAt, String fromHash, @Nullable String toHash) {
    }
}
