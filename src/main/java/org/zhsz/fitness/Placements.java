package org.zhsz.fitness;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;
import org.zhsz.organization.OrganizationDirectory;
import org.zhsz.organization.Views.ClassView;
import org.zhsz.student.StudentDirectory;
import org.zhsz.student.StudentView;

import reactor.core.publisher.Mono;

/** Where a student sat in a school year: their class then and its grade level (1–12), which picks the standard. */
@Component
class Placements {

    /** The class and the grade it had in the school year; grade 0 when the class was not in its stage then. */
    record Placement(String classId, String className, int grade) {
        boolean valid() {
            return grade >= 1 && grade <= 12;
        }
    }

    private final OrganizationDirectory organization;

    Placements(OrganizationDirectory organization) {
        this.organization = organization;
    }

    /** The class on the test date (or, without one, today within the year, else the year's first day). */
    static String classIn(StudentView s, String year, LocalDate testDate, LocalDate today) {
        LocalDate ref = testDate != null ? testDate
                : SchoolYears.contains(year, today) ? today : SchoolYears.firstDay(year);
        return StudentDirectory.classOn(s, ref);
    }

    Mono<Placement> of(String classId, String year) {
        return organization.schoolClass(classId, SchoolYears.firstTerm(year)).map(c -> placement(c, year));
    }

    static Placement placement(ClassView c, String year) {
        boolean inStage = c.stage().inStage(c.entryYear(), SchoolYears.start(year));
        return new Placement(c.id(), c.name(), inStage ? c.gradeLevel() : 0);
    }

    /** A per-request cache, for imports that place thousands of students in a few classes. */
    final class Cache {
        private final Map<String, Mono<Placement>> byClass = new ConcurrentHashMap<>();
        private final String year;

        Cache(String year) {
            this.year = year;
        }

        Mono<Placement> of(String classId) {
            if (classId == null) {
                return Mono.just(new Placement(null, null, 0));
            }
            return byClass.computeIfAbsent(classId, id -> Placements.this.of(id, year)
                    .defaultIfEmpty(new Placement(id, null, 0)).cache());
        }
    }

    Cache cache(String year) {
        return new Cache(year);
    }
}
