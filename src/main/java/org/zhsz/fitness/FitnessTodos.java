package org.zhsz.fitness;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.zhsz.organization.OrganizationDirectory;
import org.zhsz.organization.Views.ClassView;
import org.zhsz.platform.AccessPolicy;
import org.zhsz.platform.Action;
import org.zhsz.platform.Actor;
import org.zhsz.platform.DataClass;
import org.zhsz.platform.Relationship;
import org.zhsz.platform.SchoolClock;
import org.zhsz.platform.TodoSource;
import org.zhsz.student.StudentDirectory;
import org.zhsz.student.StudentView;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * 体质测试 to-dos of a class's PE teacher, this school year: students not yet tested (no complete first attempt and
 * not exempted) and 补测 due (a 不及格 first attempt without a make-up).
 */
@Component
class FitnessTodos implements TodoSource {

    private final AccessPolicy access;
    private final StudentDirectory students;
    private final ResultStore store;
    private final OrganizationDirectory organization;
    private final SchoolClock clock;

    FitnessTodos(AccessPolicy access, StudentDirectory students, ResultStore store, OrganizationDirectory organization,
                 SchoolClock clock) {
        this.access = access;
        this.students = students;
        this.store = store;
        this.organization = organization;
        this.clock = clock;
    }

    @Override
    public Flux<Todo> todos(Actor actor) {
        String year = SchoolYears.parseOrCurrent(null, clock.today());
        return access.visibleClassIds(actor).flatMapMany(Flux::fromIterable)
                .flatMap(id -> access.classScope(actor, id))
                .filter(scope -> scope.is(Relationship.PE_TEACHER)
                        && access.permits(scope.relationships(), DataClass.HEALTH_FITNESS, Action.WRITE))
                .flatMap(scope -> Mono.zip(students.inClass(scope.classId())
                                        .filter(s -> s.status() == null || "ENROLLED".equals(s.status().name()))
                                        .map(StudentView::id).collectList(),
                                organization.schoolClassNow(scope.classId()).map(ClassView::name).defaultIfEmpty(""))
                        .flatMapMany(t -> counts(t.getT1(), year, scope.classId(), t.getT2())));
    }

    private Flux<Todo> counts(List<String> ids, String year, String classId, String className) {
        return store.findAll(ids.stream().map(id -> SchoolYears.resultId(id, year)).toList()).collectList()
                .flatMapMany(results -> {
                    long tested = results.stream().filter(r -> r.exemption() != null
                            || r.first() != null && r.first().complete()).count();
                    long makeup = results.stream().filter(r -> r.exemption() == null && r.first() != null
                            && r.first().failed() && r.makeup() == null).count();
                    Map<String, String> query = Map.of("class", classId);
                    return Flux.just(Todo.of("fitness_not_tested", ids.size() - tested, "fitness-entry", query, 20,
                                    className),
                            Todo.of("fitness_makeup_due", makeup, "fitness-entry", query, 25, className));
                });
    }
}
