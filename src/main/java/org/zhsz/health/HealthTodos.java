package org.zhsz.health;

import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.zhsz.platform.AccessPolicy;
import org.zhsz.platform.Action;
import org.zhsz.platform.Actor;
import org.zhsz.platform.DataClass;
import org.zhsz.platform.Relationship;
import org.zhsz.platform.SchoolClock;
import org.zhsz.platform.SchoolScope;
import org.zhsz.platform.TodoSource;
import org.zhsz.student.StudentDirectory;
import org.zhsz.student.StudentStatus;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The school doctor's to-dos: enrolled students without a vision screening this school year, and sick-absence
 * follow-ups still waiting for 复课. Counting reads no one's data, so nothing lands in a family's access log (opening
 * the grid or the follow-ups does).
 */
@Component
class HealthTodos implements TodoSource {

    private final AccessPolicy access;
    private final StudentDirectory students;
    private final VisionScreening.Repository screenings;
    private final FollowUp.Repository followUps;
    private final SchoolClock clock;

    HealthTodos(AccessPolicy access, StudentDirectory students, VisionScreening.Repository screenings,
                FollowUp.Repository followUps, SchoolClock clock) {
        this.access = access;
        this.students = students;
        this.screenings = screenings;
        this.followUps = followUps;
        this.clock = clock;
    }

    @Override
    public Flux<Todo> todos(Actor actor) {
        // the doctor's home page only (the school admin may record screenings too, but these are not their to-dos)
        return access.reachInOwnSchool(actor, DataClass.VISION, Action.WRITE)
                .filter(scope -> scope.relationships().contains(Relationship.SCHOOL_DOCTOR))
                .flatMapMany(scope -> Flux.merge(unscreened(scope), openFollowUps(actor)));
    }

    private Mono<Todo> unscreened(SchoolScope scope) {
        if (!scope.wholeSchool()) {
            return Mono.empty();
        }
        String year = SchoolYearSpan.of(clock.today());
        return screenings.findBySchoolIdAndSchoolYear(scope.schoolId(), year).map(VisionScreening::studentId)
                .collect(Collectors.toSet())
                .flatMap(screened -> students.inSchool(scope.schoolId())
                        .filter(s -> s.status() == StudentStatus.ENROLLED && s.classId() != null)
                        .filter(s -> !screened.contains(s.id())).count())
                .map(n -> Todo.of("vision_not_screened", n, "health-vision", Map.of(), 30, year));
    }

    private Mono<Todo> openFollowUps(Actor actor) {
        return access.reachInOwnSchool(actor, DataClass.ATTENDANCE_OVERVIEW, Action.READ)
                .filter(SchoolScope::wholeSchool)
                .flatMap(scope -> followUps.findBySchoolIdAndStatus(scope.schoolId(), FollowUp.Status.OPEN).count())
                .map(n -> Todo.of("sick_absence_follow_ups_open", n, "health-follow-ups", Map.of(), 31));
    }
}
