package org.zhsz.wellbeing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Stored shapes. Every free text, every answer and every score is a {@code enc:v1:…} string from the platform's
 * field cipher; in the clear are only ids, dates, statuses and the risk colour the counselor sets.
 */
final class Docs {

    private Docs() {
    }

    /** A screening campaign: chosen classes, instruments, a window. */
    @Document("screening_campaigns")
    record Campaign(@Id String id, String schoolId, String name, List<String> instruments, String variant,
                    List<String> classIds, LocalDate opensOn, LocalDate closesOn, String status, String createdBy,
                    Instant createdAt, Instant closedAt) {
    }

    /**
     * One student's answers to one instrument of one campaign (once: unique on campaign, student, instrument).
     * {@code result} holds the encrypted JSON of answers, total, band and critical items.
     */
    @Document("screening_responses")
    @CompoundIndex(name = "once", def = "{'campaignId': 1, 'studentId': 1, 'instrument': 1}", unique = true)
    record Response(@Id String id, String campaignId, String schoolId, String studentId, String classId,
                    int gradeLevel, String instrument, int instrumentVersion, String source, String result,
                    String basis, int noticeVersion, String enteredBy, Instant submittedAt) {
    }

    /** Raised in the request that stored the answers; must be acknowledged by a counselor. */
    @Document("wellbeing_alerts")
    @CompoundIndex(name = "school_open", def = "{'schoolId': 1, 'acknowledgedAt': 1, 'raisedAt': -1}")
    record Alert(@Id String id, String schoolId, String studentId, String campaignId, String responseId,
                 String reason, Instant raisedAt, Instant acknowledgedAt, String acknowledgedBy, String note,
                 Instant overdueNotifiedAt, @Version Long version) {
    }

    /** 一人一案: one per student; each save keeps the previous version in {@code wellbeing_plan_history}. */
    @Document("wellbeing_plans")
    record Plan(@Id String studentId, String schoolId, String classId, String riskLevel, String status,
                String concerns, String goals, String interventions, List<Responsible> responsible,
                List<Task> tasks, List<FollowUp> followUps, LocalDate reviewOn, String updatedBy,
                String updatedByName, Instant updatedAt, @Version Long version) {
    }

    /** A person responsible for part of the plan; {@code duty} is encrypted. */
    record Responsible(String username, String name, String role, String duty) {
    }

    /**
     * A task for someone other than the counselor (e.g. the head teacher's daily check-in): the assignee sees its
     * title and schedule and a plain "needs attention" flag, never the plan's content. Title is encrypted.
     */
    record Task(String id, String assignee, String title, String schedule, LocalDate dueOn, boolean done) {
    }

    record FollowUp(LocalDate dueOn, LocalDate doneOn, String note) {
    }

    @Document("wellbeing_plan_history")
    record PlanSnapshot(@Id String id, String studentId, String schoolId, Long version, Plan plan, Instant savedAt,
                        String savedBy) {
    }

    @Document("wellbeing_sessions")
    record Session(@Id String id, String studentId, String schoolId, LocalDate date, int minutes, String kind,
                   String note, String counselor, String counselorName, Instant createdAt) {
    }

    @Document("wellbeing_referrals")
    record Referral(@Id String id, String studentId, String schoolId, String hospital, LocalDate referredOn,
                    boolean guardianInformed, LocalDate guardianInformedOn, String outcome, String status,
                    String createdBy, Instant createdAt, Instant updatedAt, @Version Long version) {
    }
}
