package org.zhsz.wellbeing;

import java.time.LocalDate;
import java.util.Map;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.zhsz.platform.Actor;
import org.zhsz.platform.ApiException;
import org.zhsz.platform.SchoolClock;
import org.zhsz.platform.TodoSource;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * 心理健康 to-dos, as counts only (no content is read, so nothing is audited here; opening the work is): a school
 * counselor's unacknowledged alerts and overdue follow-ups or reviews, the care tasks assigned to a member of
 * staff, and a student's screenings still to answer.
 */
@Component
class WellbeingTodos implements TodoSource {

    private final Screening screening;
    private final ReactiveMongoTemplate mongo;
    private final SchoolClock clock;

    WellbeingTodos(Screening screening, ReactiveMongoTemplate mongo, SchoolClock clock) {
        this.screening = screening;
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public Flux<Todo> todos(Actor actor) {
        return Flux.merge(counselor(actor), tasks(actor), screenings(actor));
    }

    private Flux<Todo> counselor(Actor actor) {
        if (actor.schoolId() == null) {
            return Flux.empty();
        }
        LocalDate today = clock.today();
        return screening.isSchoolCounselor(actor, actor.schoolId()).filter(Boolean::booleanValue)
                .flatMapMany(ok -> Flux.merge(
                        mongo.count(Query.query(Criteria.where("schoolId").is(actor.schoolId())
                                        .and("acknowledgedAt").is(null)), Docs.Alert.class)
                                .map(n -> Todo.of("alerts_open", n, "wellbeing-alerts", Map.of(), 0)),
                        mongo.find(Query.query(Criteria.where("schoolId").is(actor.schoolId())), Docs.Plan.class)
                                .filter(p -> p.followUps().stream().anyMatch(f -> f.doneOn() == null
                                        && f.dueOn() != null && f.dueOn().isBefore(today))
                                        || p.reviewOn() != null && p.reviewOn().isBefore(today)
                                        && "ACTIVE".equals(p.status()))
                                .count()
                                .map(n -> Todo.of("followups_overdue", n, "wellbeing-cases",
                                        Map.of("overdue", "1"), 5))));
    }

    private Flux<Todo> tasks(Actor actor) {
        if (actor.schoolId() == null) {
            return Flux.empty();
        }
        return mongo.find(Query.query(Criteria.where("schoolId").is(actor.schoolId())
                        .and("tasks.assignee").is(actor.username()).and("status").is("ACTIVE")), Docs.Plan.class)
                .map(p -> p.tasks().stream().filter(t -> actor.username().equals(t.assignee()) && !t.done()).count())
                .reduce(0L, Long::sum)
                .map(n -> Todo.of("care_tasks", n, "wellbeing-my-tasks", Map.of(), 12)).flux();
    }

    private Flux<Todo> screenings(Actor actor) {
        return screening.myScreenings(actor)
                .onErrorResume(ApiException.class, e -> Mono.empty()) // not a student
                .map(list -> list.stream().mapToLong(s -> s.instruments().size() - s.done().size()).sum())
                .map(n -> Todo.of("screenings_to_take", n, "wellbeing-my-screenings", Map.of(), 5)).flux();
    }
}
