package org.zhsz.record;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.zhsz.organization.OrganizationDirectory;
import org.zhsz.organization.Views.ClassView;
import org.zhsz.platform.AccessPolicy;
import org.zhsz.platform.Action;
import org.zhsz.platform.Actor;
import org.zhsz.platform.ApiException;
import org.zhsz.platform.DataClass;
import org.zhsz.platform.Relationship;
import org.zhsz.platform.TodoSource;
import org.zhsz.student.StudentDirectory;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * 写实记录 to-dos: self-reports waiting for review (per class), the head teacher's students with a dimension still
 * empty this term, and a student's own drafts and returned records.
 */
@Component
class RecordTodos implements TodoSource {

    private final RecordViews views;
    private final AccessPolicy access;
    private final OrganizationDirectory organization;
    private final StudentDirectory students;
    private final ReactiveMongoTemplate mongo;

    RecordTodos(RecordViews views, AccessPolicy access, OrganizationDirectory organization,
                StudentDirectory students, ReactiveMongoTemplate mongo) {
        this.views = views;
        this.access = access;
        this.organization = organization;
        this.students = students;
        this.mongo = mongo;
    }

    @Override
    public Flux<Todo> todos(Actor actor) {
        return Flux.merge(review(actor), emptyDimensions(actor), own(actor));
    }

    private Flux<Todo> review(Actor actor) {
        return views.reviewQueue(actor)
                .onErrorResume(ApiException.class, e -> Mono.empty()) // not a reviewer
                .flatMapMany(queue -> {
                    Map<String, Long> byClass = new LinkedHashMap<>();
                    queue.forEach(r -> byClass.merge(String.valueOf(r.classId()), 1L, Long::sum));
                    return Flux.fromIterable(byClass.entrySet());
                })
                .flatMap(e -> className(e.getKey()).map(name -> Todo.of("records_to_review", e.getValue(),
                        "records-review", Map.of(), 10, name)));
    }

    private Flux<Todo> emptyDimensions(Actor actor) {
        return access.visibleClassIds(actor).flatMapMany(Flux::fromIterable)
                .flatMap(id -> access.classScope(actor, id))
                .filter(scope -> scope.is(Relationship.HEAD_TEACHER)
                        && access.permits(scope.relationships(), DataClass.GENERAL_RECORDS, Action.READ))
                .flatMap(scope -> views.classOverview(actor, scope.classId(), null)
                        .map(o -> Todo.of("students_with_empty_dimension", o.students().stream()
                                .filter(s -> !s.todo().isEmpty()).count(), "records",
                                Map.of("class", scope.classId()), 30, o.className())));
    }

    /** The student's own drafts not yet submitted and records the head teacher returned. */
    private Flux<Todo> own(Actor actor) {
        return students.findByUsername(actor.username())
                .flatMap(s -> access.scope(actor, s.id()).filter(sc -> sc.is(Relationship.SELF)).map(sc -> s))
                .flatMapMany(s -> Flux.merge(
                        count(s.id(), RecordStatus.DRAFT).map(n -> Todo.of("records_draft", n, "records", Map.of(),
                                20)),
                        count(s.id(), RecordStatus.REJECTED).map(n -> Todo.of("records_returned", n, "records",
                                Map.of(), 15))));
    }

    private Mono<Long> count(String studentId, RecordStatus status) {
        return mongo.count(Query.query(Criteria.where("studentId").is(studentId).and("status").is(status)),
                StudentRecord.class);
    }

    private Mono<String> className(String classId) {
        return organization.schoolClassNow(classId).map(ClassView::name).defaultIfEmpty("");
    }
}
