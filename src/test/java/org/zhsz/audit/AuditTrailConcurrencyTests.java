package org.zhsz.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.zhsz.platform.Actor;
import org.zhsz.platform.Role;
import org.zhsz.platform.SchoolClock;
import org.zhsz.support.ZhszTest;

import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * Many requests of one school appending at once: every event is stored exactly once, as one unbroken chain,
 * before its request goes on; also when a second writer (another instance, with its own cache of the head)
 * appends to the same chain at the same time.
 */
@ZhszTest
class AuditTrailConcurrencyTests {

    @Autowired
    AuditTrail trail;
    @Autowired
    AuditQueries queries;
    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    SchoolClock clock;

    private static final Actor TEACHER = new Actor("u1", "teacher_x", "教师", Set.of(Role.TEACHER), null, "640424");

    private static AuditEvent event(String school, String resource) {
        return AuditEvent.allowed(TEACHER, "record.create", "record", resource, null, school);
    }

    private List<StoredEvent> chain(String chain) {
        return mongo.find(Query.query(Criteria.where("chain").is(chain)).with(Sort.by("seq")), StoredEvent.class)
                .collectList().block();
    }

    @Test
    void concurrentAppendsOfOneSchoolMakeOneUnbrokenChain() {
        String school = "T-CONC";
        int n = 300;
        // each append completes only once its event is stored
        List<String> done = Flux.range(0, n).flatMap(i -> trail.record(event(school, "r" + i))
                        .subscribeOn(Schedulers.parallel())
                        .then(mongo.exists(Query.query(Criteria.where("chain").is(school)
                                .and("resourceId").is("r" + i)), StoredEvent.class))
                        .map(stored -> stored ? "r" + i : "missing"), 64)
                .collectList().block(Duration.ofMinutes(2));
        assertThat(done).hasSize(n).doesNotContain("missing");

        List<StoredEvent> events = chain(school);
        assertThat(events).hasSize(n);
        assertThat(events.stream().map(StoredEvent::seq).toList())
                .isEqualTo(IntStream.rangeClosed(1, n).mapToObj(i -> (long) i).toList());
        assertThat(events.stream().map(StoredEvent::resourceId).collect(Collectors.toSet())).hasSize(n);
        AuditQueries.Verification v = queries.verify(Set.of(school)).block();
        assertThat(v.intact()).isTrue();
        assertThat(v.eventsChecked()).isEqualTo(n);
    }

    @Test
    void twoWritersOnOneChainLoseNoEventAndStoreNoneTwice() {
        String school = "T-TWO";
        AuditTrail other = new AuditTrail(mongo, clock); // another instance: its own lanes and cached head
        int n = 150;
        Flux.merge(
                        Flux.range(0, n).flatMap(i -> trail.record(event(school, "a" + i))
                                .subscribeOn(Schedulers.parallel()), 32),
                        Flux.range(0, n).flatMap(i -> other.record(event(school, "b" + i))
                                .subscribeOn(Schedulers.parallel()), 32))
                .then().block(Duration.ofMinutes(2));

        List<StoredEvent> events = chain(school);
        assertThat(events).hasSize(2 * n);
        assertThat(events.stream().map(StoredEvent::resourceId).collect(Collectors.toSet())).hasSize(2 * n);
        assertThat(queries.verify(Set.of(school)).block().intact()).isTrue();
        // and both keep appending after the collisions
        trail.record(event(school, "after-a")).block(Duration.ofSeconds(30));
        other.record(event(school, "after-b")).block(Duration.ofSeconds(30));
        assertThat(chain(school)).hasSize(2 * n + 2);
        assertThat(queries.verify(Set.of(school)).block().intact()).isTrue();
    }
}
