package org.zhsz.family;

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

/** Stored shapes of the family module. Every document carries its {@code schoolId} (the shard key). */
final class Docs {

    private Docs() {
    }

    /** Someone as the family module shows them: account, name, and the role they acted in. */
    record Person(@Nullable String username, String name, @Nullable String role) {
    }

    // ---------------------------------------------------------------- class notices

    enum Scope { CLASS, SCHOOL }

    enum Audience { GUARDIANS, GUARDIANS_AND_STUDENTS }

    /** A notice to one class, or to every class of the school. Never about one student. */
    @Document("class_notices")
    @CompoundIndexes({
            @CompoundIndex(name = "class_sent", def = "{'classIds': 1, 'sentAt': -1}"),
            @CompoundIndex(name = "school_sent", def = "{'schoolId': 1, 'sentAt': -1}")})
    record Notice(@Id String id, String schoolId, String countyId, Scope scope, List<String> classIds, String term,
                  String title, String body, boolean requiresConfirmation, LocalDate dueOn, Audience audience,
                  List<Attachment> attachments, Person sentBy, Instant sentAt, List<Reminder> reminders,
                  @Version Long version) {

        Notice {
            classIds = classIds == null ? List.of() : List.copyOf(classIds);
            attachments = attachments == null ? List.of() : List.copyOf(attachments);
            reminders = reminders == null ? List.of() : List.copyOf(reminders);
        }

        Instant lastReminderAt() {
            return reminders.isEmpty() ? null : reminders.get(reminders.size() - 1).at();
        }
    }

    record Attachment(String id, String filename, String contentType, long size) {
    }

    record Reminder(Person by, Instant at, int recipients) {
    }

    /**
     * One reader's receipt of a notice for one child: {@code readerKey} is the guardian's account, or "student" for
     * the student's own reading. Created when the notice is first opened; {@code confirmedAt} when confirmed.
     */
    @Document("class_notice_receipts")
    @CompoundIndex(name = "notice", def = "{'noticeId': 1, 'classId': 1}")
    record Receipt(@Id String id, String noticeId, String schoolId, String classId, String studentId,
                   String readerKey, String username, String readerRole, Instant readAt, Instant confirmedAt) {

        static String id(String noticeId, String studentId, String readerKey) {
            return noticeId + "|" + studentId + "|" + readerKey;
        }
    }

    /** A file uploaded for a notice before it is sent (then {@code noticeId} is set). */
    @Document("notice_attachments")
    record Upload(@Id String id, String schoolId, String classId, String uploadedBy, Instant uploadedAt,
                  String filename, String contentType, long size, @Nullable String noticeId) {
    }

    // ---------------------------------------------------------------- delivery outbox

    enum Kind { NOTICE, REMINDER }

    /**
     * One message to one guardian on one channel. The address is looked up again when it is sent, so the outbox holds
     * no phone number; {@code nextAttemptAt} orders the work and doubles as a lease while an attempt is running.
     */
    @Document("notice_deliveries")
    @CompoundIndexes({
            @CompoundIndex(name = "due", def = "{'status': 1, 'nextAttemptAt': 1}"),
            @CompoundIndex(name = "notice", def = "{'noticeId': 1}")})
    record Delivery(@Id String id, String countyId, String schoolId, String noticeId, Kind kind, String channel,
                    String studentId, String guardianKey, String status, int attempts, Instant nextAttemptAt,
                    String lastError, String providerId, Instant createdAt, Instant sentAt) {
    }

    // ---------------------------------------------------------------- home tasks

    enum Frequency { DAILY, WEEKLY, ONCE }

    /** One task of a checklist. {@code hours} per completion; holiday tasks may have a window. */
    record Task(String code, String title, @Nullable String description, Frequency frequency, BigDecimal hours,
                boolean holiday, @Nullable LocalDate availableFrom, @Nullable LocalDate availableTo) {
    }

    /** A school's checklist for one grade (1–12), replacing the default one. */
    @Document("home_task_checklists")
    record Checklist(@Id String id, String schoolId, int grade, List<Task> items, Person updatedBy,
                     Instant updatedAt, @Version Long version) {

        Checklist {
            items = items == null ? List.of() : List.copyOf(items);
        }

        static String id(String schoolId, int grade) {
            return schoolId + ":" + grade;
        }
    }

    enum CompletionStatus { AWAITING_GUARDIAN, CONFIRMED, WITHDRAWN }

    /**
     * A home task ticked done. Ticked by a guardian it is confirmed at once and becomes a labour record
     * ({@code recordId}); ticked by the student it waits for a guardian's confirmation.
     */
    @Document("home_task_completions")
    @CompoundIndexes({
            @CompoundIndex(name = "student_term", def = "{'studentId': 1, 'term': 1}"),
            @CompoundIndex(name = "class_term", def = "{'classId': 1, 'term': 1}")})
    record Completion(@Id String id, String schoolId, String studentId, String classId, String term, int grade,
                      String taskCode, String title, LocalDate doneOn, BigDecimal hours, String note,
                      List<String> photos, Person doneBy, CompletionStatus status, Person confirmedBy,
                      Instant confirmedAt, String recordId, Instant createdAt, @Version Long version) {

        Completion {
            photos = photos == null ? List.of() : List.copyOf(photos);
        }
    }

    /** A photo uploaded for home tasks (the file is evidence in the record module; this counts the quota). */
    @Document("home_task_photos")
    @CompoundIndex(name = "student_term", def = "{'studentId': 1, 'term': 1}")
    record Photo(@Id String id, String schoolId, String studentId, String term, String uploadedBy, long size,
                 Instant uploadedAt, String completionId) {
    }

    // ---------------------------------------------------------------- 五项管理

    /**
     * A family's check-in for one week (Monday {@code weekStart}), one per student and week. {@code values} keyed
     * by the form's field codes; {@code sleepMinutes} derived from bedtime and wake time.
     */
    @Document("five_checkins")
    @CompoundIndexes({
            @CompoundIndex(name = "class_week", def = "{'classId': 1, 'weekStart': 1}"),
            @CompoundIndex(name = "school_week", def = "{'schoolId': 1, 'weekStart': 1}")})
    record CheckIn(@Id String id, String schoolId, String classId, String studentId, int grade, String stage,
                   LocalDate weekStart, Map<String, Object> values, Integer sleepMinutes, int formVersion,
                   Person by, Instant createdAt, Instant updatedAt, @Version Long version) {

        static String id(String studentId, LocalDate weekStart) {
            return studentId + ":" + weekStart;
        }
    }

    /** The homework a class's teachers declared for one school day (作业公示): one entry per teacher and subject. */
    @Document("homework_declarations")
    @CompoundIndex(name = "class_date", def = "{'classId': 1, 'date': 1}")
    record Homework(@Id String id, String schoolId, String classId, LocalDate date, List<HomeworkEntry> entries,
                    @Version Long version) {

        Homework {
            entries = entries == null ? List.of() : List.copyOf(entries);
        }

        static String id(String classId, LocalDate date) {
            return classId + ":" + date;
        }

        int totalMinutes() {
            return entries.stream().mapToInt(HomeworkEntry::minutes).sum();
        }
    }

    record HomeworkEntry(String subject, int minutes, @Nullable String note, Person by, Instant at) {
    }
}
