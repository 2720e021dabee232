package org.zhsz.wellbeing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.zhsz.platform.SchoolClock;

import reactor.core.publisher.Flux;

/**
 * The only read of wellbeing another module may use (the early warning in insight): which of these students have
 * an open "needs attention" flag — an active 一人一案 whose risk is not green, or an alert not yet acknowledged —
 * and since when. Yes or no and a date: no risk colour, no instrument, no score, no text. It decides nothing about
 * access and audits nothing: the caller has asked the access policy first and audits what it shows.
 */
@Service
public class AttentionFlags {

    /** An open flag: the student needs attention since {@code since} (school-local date). */
    public record Flag(String studentId, LocalDate since) {
    }

    private final ReactiveMongoTemplate mongo;

    AttentionFlags(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The open flags among these students, in no particular order (students without one are left out). */
    public Flux<Flag> open(Collection<String> studentIds) {
        List<String> ids = List.copyOf(studentIds);
        if (ids.isEmpty()) {
            return Flux.empty();
        }
        Flux<Flag> plans = mongo.find(Query.query(Criteria.where("_id").in(ids).and("status").is("ACTIVE")),
                        Docs.Plan.class)
                .filter(p -> !"green".equals(p.riskLevel()))
                .map(p -> new Flag(p.studentId(), date(p.updatedAt())));
        Flux<Flag> alerts = mongo.find(Query.query(Criteria.where("studentId").in(ids).and("acknowledgedAt")
                        .is(null)), Docs.Alert.class)
                .map(a -> new Flag(a.studentId(), date(a.raisedAt())));
        // one flag per student, the earliest date
        return plans.concatWith(alerts).collect(HashMap<String, LocalDate>::new, (Map<String, LocalDate> m, Flag f) ->
                        m.merge(f.studentId(), f.since() == null ? LocalDate.MAX : f.since(),
                                (a, b) -> a.isBefore(b) ? a : b))
                .flatMapIterable(m -> m.entrySet().stream().map(e -> new Flag(e.getKey(),
                        LocalDate.MAX.equals(e.getValue()) ? null : e.getValue())).toList());
    }

    private static LocalDate date(Instant at) {
        return at == null ? null : LocalDate.ofInstant(at, SchoolClock.ZONE);
    }
}
