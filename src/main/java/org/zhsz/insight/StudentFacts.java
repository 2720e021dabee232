package org.zhsz.insight;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the early warning knows of one student this term, gathered from the other modules' public APIs. Plain values,
 * so the rules are tested without Spring. Null means "no data" (e.g. no screening this school year).
 *
 * @param registeredDays the student's class's registered school days this term up to today, oldest first
 * @param absences       absence type (SICK, PERSONAL, OTHER) per registered day the student was absent
 * @param fitness        the school year's official result, or null when there is none
 * @param vision         the school year's screening, or null when there is none
 * @param records        the approved records of the term
 * @param attentionSince the date an open wellbeing "needs attention" flag dates from, or null when there is none
 */
record StudentFacts(String studentId, String name, String classId, List<LocalDate> registeredDays,
                    Map<LocalDate, String> absences, Fitness fitness, Vision vision, List<RecordFact> records,
                    LocalDate attentionSince) {

    StudentFacts {
        registeredDays = List.copyOf(registeredDays);
        absences = Map.copyOf(absences);
        records = List.copyOf(records);
    }

    /** {@code status} TESTED|INCOMPLETE|EXEMPT; {@code rating} 优秀/良好/及格/不及格 when tested. */
    record Fitness(String status, String rating) {
    }

    /** {@code advice} NONE|RECHECK|SEE_DOCTOR; {@code glasses} NONE|FRAME|CONTACT|ORTHO_K. */
    record Vision(LocalDate examinedOn, String advice, String glasses) {
    }

    record RecordFact(String dimension, String category, LocalDate occurredOn, BigDecimal hours) {
    }

    /** The term: its first and last day, and today (the rules look no further than today). */
    record Term(String code, LocalDate start, LocalDate end, LocalDate today) {
    }
}
