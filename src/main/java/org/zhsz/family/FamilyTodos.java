package org.zhsz.family;

import java.util.Map;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.zhsz.platform.AccessPolicy;
import org.zhsz.platform.Action;
import org.zhsz.platform.Actor;
import org.zhsz.platform.ApiException;
import org.zhsz.platform.DataClass;
import org.zhsz.platform.Relationship;
import org.zhsz.platform.SchoolClock;
import org.zhsz.platform.TodoSource;
import org.zhsz.student.StudentDirectory;
import org.zhsz.student.StudentView;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The family's to-dos on the home page: class notices not opened yet (a guardian's or an addressed student's),
 * and per child, the home tasks the child ticked that wait for a parent's confirmation and this week's 五项管理
 * check-in not filled in yet. Counted through the access policy; opening the work is what gets audited.
 */
@Component
class FamilyTodos implements TodoSource {

    private final ClassNotices notices;
    private final StudentDirectory students;
    private final AccessPolicy access;
    private final ReactiveMongoTemplate mongo;
    private final SchoolClock clock;

    FamilyTodos(ClassNotices notices, StudentDirectory students, AccessPolicy access, ReactiveMongoTemplate mongo,
                SchoolClock clock) {
        this.notices = notices;
        this.students = students;
        this.access = access;
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public Flux<Todo> todos(Actor actor) {
        return Flux.merge(unread(actor), children(actor).flatMap(this::ofChild));
    }

    private Mono<Todo> unread(Actor actor) {
        return notices.unreadCount(actor)
                .onErrorResume(ApiException.class, e -> Mono.empty())
                .map(n -> Todo.of("notices_unread", n, "notices", Map.of(), 2));
    }

    /** The actor's children for whom the actor is a guardian the policy recognises. */
    private Flux<Child> children(Actor actor) {
        return students.childrenOf(actor.username())
                .flatMap(s -> access.scope(actor, s.id())
                        .filter(sc -> sc.is(Relationship.GUARDIAN))
                        .map(sc -> new Child(s,
                                access.permits(sc.relationships(), DataClass.HOME_TASK, Action.SIGN),
                                access.permits(sc.relationships(), DataClass.FIVE_MANAGEMENT, Action.WRITE))));
    }

    private record Child(StudentView student, boolean confirmsTasks, boolean checksIn) {
    }

    private Flux<Todo> ofChild(Child c) {
        String id = c.student().id();
        String name = c.student().name();
        Mono<Todo> toConfirm = !c.confirmsTasks() ? Mono.empty()
                : mongo.count(Query.query(Criteria.where("studentId").is(id)
                                .and("status").is(Docs.CompletionStatus.AWAITING_GUARDIAN)), Docs.Completion.class)
                        .map(n -> Todo.of("home_tasks_to_confirm", n, "home-tasks", Map.of(), 4, name));
        Mono<Todo> checkIn = !c.checksIn() ? Mono.empty()
                : mongo.exists(Query.query(Criteria.where("_id")
                                .is(Docs.CheckIn.id(id, FiveRules.monday(clock.today())))), Docs.CheckIn.class)
                        .map(filled -> Todo.of("five_checkin_due", filled ? 0 : 1, "five-management", Map.of(), 40,
                                name));
        return Flux.merge(toConfirm, checkIn);
    }
}
