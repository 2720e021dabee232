package org.zhsz.health;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;
import org.zhsz.organization.OrganizationDirectory;
import org.zhsz.organization.TermCalendar;
import org.zhsz.organization.Views.ClassView;
import org.zhsz.student.StudentDirectory;
import org.zhsz.student.StudentView;

import reactor.core.publisher.Mono;

/** Where a student was on a date: the class (from the class history) and its grade level (1–12) in that term. */
@Component
class HealthPlacements {

    /** grade 0 when the class was not in its stage then (or is unknown). */
    record Placed(String classId, String className, int grade) {
    }

    private final OrganizationDirectory organization;

    HealthPlacements(OrganizationDirectory organization) {
        this.organization = organization;
    }

    Mono<Placed> on(StudentView s, LocalDate date) {
        return of(StudentDirectory.classOn(s, date), date);
    }

    Mono<Placed> of(String classId, LocalDate date) {
        String term = TermCalendar.codeOf(date);
        return organization.schoolClass(classId, term).map(c -> placed(c, term))
                .defaultIfEmpty(new Placed(classId, null, 0));
    }

    static Placed placed(ClassView c, String termCode) {
        boolean inStage = c.stage().inStage(c.entryYear(), TermCalendar.schoolYearStart(termCode));
        return new Placed(c.id(), c.name(), inStage ? c.gradeLevel() : 0);
    }

    /** A per-request cache for imports that place thousands of students in a few classes. */
    Cache cache() {
        return new Cache();
    }

    final class Cache {
        private final Map<String, Mono<Placed>> byKey = new ConcurrentHashMap<>();

        Mono<Placed> on(StudentView s, LocalDate date) {
            String classId = StudentDirectory.classOn(s, date);
            return byKey.computeIfAbsent(classId + "@" + TermCalendar.codeOf(date), k -> of(classId, date).cache());
        }
    }
}
