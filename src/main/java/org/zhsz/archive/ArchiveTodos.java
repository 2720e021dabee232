package org.zhsz.archive;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.zhsz.organization.OrganizationDirectory;
import org.zhsz.organization.Views.ClassView;
import org.zhsz.platform.AccessPolicy;
import org.zhsz.platform.Actor;
import org.zhsz.platform.ClassScope;
import org.zhsz.platform.Relationship;
import org.zhsz.platform.SchoolClock;
import org.zhsz.platform.TodoSource;
import org.zhsz.student.StudentDirectory;
import org.zhsz.student.StudentView;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * 综评档案 to-dos this term: for a head teacher, the working days left in the class's 公示 and the archives waiting for
 * their signature; for the school, the classes whose archives wait for its sign-off; for a student or a guardian,
 * an archive waiting for their signature.
 */
@Component
class ArchiveTodos implements TodoSource {

    private final ArchiveService archives;
    private final AccessPolicy access;
    private final OrganizationDirectory organization;
    private final StudentDirectory students;
    private final ReactiveMongoTemplate mongo;
    private final SchoolClock clock;

    ArchiveTodos(ArchiveService archives, AccessPolicy access, OrganizationDirectory organization,
                 StudentDirectory students, ReactiveMongoTemplate mongo, SchoolClock clock) {
        this.archives = archives;
        this.access = access;
        this.organization = organization;
        this.students = students;
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public Flux<Todo> todos(Actor actor) {
        Flux<ClassScope> classes = access.visibleClassIds(actor).flatMapMany(Flux::fromIterable)
                .flatMap(id -> access.classScope(actor, id)).cache();
        return Flux.merge(headTeacher(classes), school(actor, classes), family(actor));
    }

    private Flux<TermArchive> ofClass(ClassScope scope) {
        return mongo.find(Query.query(Criteria.where("classId").is(scope.classId()).and("term").is(scope.termCode())),
                TermArchive.class);
    }

    private static String next(TermArchive a) {
        List<String> next = ArchiveService.nextSignatures(a);
        return next.isEmpty() ? null : next.get(0);
    }

    private Flux<Todo> headTeacher(Flux<ClassScope> classes) {
        return classes.filter(s -> s.is(Relationship.HEAD_TEACHER))
                .flatMap(scope -> Mono.zip(ofClass(scope).collectList(), name(scope.classId())).flatMapMany(t -> {
                    List<TermArchive> list = t.getT1();
                    Map<String, String> query = Map.of("class", scope.classId());
                    long toSign = list.stream().filter(a -> "SIGNING".equals(archives.phase(a))
                            && "HEAD_TEACHER".equals(next(a))).count();
                    LocalDate end = list.stream().filter(a -> "IN_PUBLICITY".equals(archives.phase(a)))
                            .map(a -> a.publicity().endOn()).max(LocalDate::compareTo).orElse(null);
                    Flux<Todo> out = Flux.just(Todo.of("archives_to_sign", toSign, "archive-signoff", query, 18,
                            t.getT2()));
                    if (end != null) {
                        out = out.concatWith(Mono.just(Todo.of("publicity_days_left", workingDaysLeft(end),
                                "publicity", query, 8, t.getT2(), end.toString())));
                    }
                    return out;
                }));
    }

    /** Working days from today to the window's last day, both counted. */
    private long workingDaysLeft(LocalDate end) {
        long n = 0;
        for (LocalDate d = clock.today(); !d.isAfter(end); d = d.plusDays(1)) {
            if (archives.calendar().isWorkingDay(d)) {
                n++;
            }
        }
        return Math.max(n, 1);
    }

    private Flux<Todo> school(Actor actor, Flux<ClassScope> classes) {
        return classes.filter(s -> s.is(Relationship.SCHOOL_ADMIN))
                .filterWhen(scope -> ofClass(scope).any(a -> "SIGNING".equals(archives.phase(a))
                        && "PRINCIPAL".equals(next(a))))
                .map(ClassScope::classId).collectList()
                .filter(ids -> !ids.isEmpty())
                .map(ids -> Todo.of("classes_to_approve", ids.size(), "archive-signoff",
                        Map.of("class", ids.stream().sorted().findFirst().orElse("")), 15))
                .flux();
    }

    /** A student's or a guardian's own signature, on the current term's archive. */
    private Flux<Todo> family(Actor actor) {
        return Flux.merge(students.findByUsername(actor.username()), students.childrenOf(actor.username()))
                .distinct(StudentView::id)
                .flatMap(s -> access.scope(actor, s.id()).flatMapMany(scope -> {
                    Set<Relationship> rels = scope.relationships();
                    String mine = rels.contains(Relationship.SELF) ? "STUDENT"
                            : rels.contains(Relationship.GUARDIAN) ? "GUARDIAN" : null;
                    if (mine == null) {
                        return Flux.empty();
                    }
                    return mongo.findById(TermArchive.idOf(s.id(), scope.termCode()), TermArchive.class)
                            .filter(a -> "SIGNING".equals(archives.phase(a)) && mine.equals(next(a)))
                            .map(a -> Todo.of("archive_to_sign", 1, "archive-signoff", Map.of(), 10, s.name()));
                }));
    }

    private Mono<String> name(String classId) {
        return organization.schoolClassNow(classId).map(ClassView::name).defaultIfEmpty("");
    }
}
