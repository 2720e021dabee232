package org.zhsz.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.zhsz.platform.Actor;
import org.zhsz.platform.Role;
import org.zhsz.platform.SchoolClock;
import org.zhsz.support.ZhszTest;

import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * Many requests of one school appending at once, and two instances (two trails with their own streams, as two app
 * instances on one database) appending to the same school at the same time: every event is stored exactly once
 * before its request goes on, each instance numbers its own stream without gaps, nothing is retried, everything
 * is sealed and verifies; an instance that dies without closing its streams is sealed and closed by another.
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
    @Autowired
    AuditKeys keys;
    @Autowired
    AuditCheckpoints checkpoints;
    @Autowired
    AuditProperties props;

    private static final Actor TEACHER = new Actor("u1", "teacher_x", "教师", Set.of(Role.TEACHER), null, "640424");

    private static AuditEvent event(String school, String resource) {
        return AuditEvent.allowed(TEACHER, "record.create", "record", resource, null, school);
    }

    private List<StoredEvent> chain(String chain) {
        return mongo.find(Query.query(Criteria.where("chain").is(chain)).with(Sort.by("stream", "seq")),
                StoredEvent.class).collectList().block();
    }

    /** Another app instance on the same database: its own id, streams and sealer. */
    private AuditTrail otherInstance() {
        AuditTrail other = new AuditTrail(mongo, clock, props, keys, checkpoints, false);
        other.start();
        return other;
    }

    @Test
    void concurrentAppendsOfOneSchoolAreStoredOnceNumberedWithoutGapsAndSealed() {
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
        assertThat(events.stream().map(StoredEvent::stream).distinct().toList())
                .containsExactly(school + "/" + trail.instance());
        assertThat(events.stream().map(StoredEvent::seq).toList())
                .isEqualTo(IntStream.rangeClosed(1, n).mapToObj(i -> (long) i).toList());
        assertThat(events.stream().map(StoredEvent::resourceId).collect(Collectors.toSet())).hasSize(n);
        AuditQueries.Verification v = queries.verify(Set.of(school)).block();
        assertThat(v.firstBreak()).isNull();
        assertThat(v.intact()).isTrue();
        assertThat(v.eventsChecked()).isEqualTo(n);
        assertThat(v.sealed()).isEqualTo(n);
        assertThat(v.pending()).isZero();
    }

    @Test
    void twoInstancesAppendToOneSchoolConcurrentlyWithoutCollisionsOrLoss() {
        int n = 200;
        String school = "T-TWO";
        AuditTrail other = otherInstance();
        String otherStream = school + "/" + other.instance();
        try {

            Flux.merge(
                            Flux.range(0, n).flatMap(i -> trail.record(event(school, "a" + i))
                                    .subscribeOn(Schedulers.parallel()), 32),
                            Flux.range(0, n).flatMap(i -> other.record(event(school, "b" + i))
                                    .subscribeOn(Schedulers.parallel()), 32))
                    .then().block(Duration.ofMinutes(2));

            List<StoredEvent> events = chain(school);
            assertThat(events).hasSize(2 * n);
            assertThat(events.stream().map(StoredEvent::resourceId).collect(Collectors.toSet())).hasSize(2 * n);
            // each instance numbered its own stream 1..n: no number was contended, so none was retried
            Map<String, List<Long>> byStream = events.stream().collect(Collectors.groupingBy(StoredEvent::stream,
                    Collectors.mapping(StoredEvent::seq, Collectors.toList())));
            List<Long> oneToN = IntStream.rangeClosed(1, n).mapToObj(i -> (long) i).toList();
            assertThat(byStream).containsOnlyKeys(school + "/" + trail.instance(), school + "/" + other.instance());
            assertThat(byStream.values()).allSatisfy(seqs -> assertThat(seqs).isEqualTo(oneToN));
            assertThat(events.stream().filter(e -> e.stream().endsWith(other.instance()))
                    .map(StoredEvent::resourceId)).allMatch(r -> r.startsWith("b"));

            other.flush().block(Duration.ofSeconds(30));
            AuditQueries.Verification v = queries.verify(Set.of(school)).block();
            assertThat(v.firstBreak()).isNull();
            assertThat(v.sealed()).isEqualTo(2 * n);
            // and both keep appending afterwards
            trail.record(event(school, "after-a")).block(Duration.ofSeconds(30));
            other.record(event(school, "after-b")).block(Duration.ofSeconds(30));
            assertThat(chain(school)).hasSize(2 * n + 2);
        } finally {
            other.stop();
        }
        // the other instance stopped: its stream is closed by a last seal; the whole school still verifies
        AuditQueries.Verification after = queries.verify(Set.of(school)).block();
        assertThat(after.firstBreak()).isNull();
        assertThat(after.eventsChecked()).isEqualTo(2 * n + 2);
        assertThat(after.pending()).isZero();
        AuditSeal last = mongo.findOne(Query.query(Criteria.where("chain").is(school).and("last").is(true)),
                AuditSeal.class).block();
        assertThat(last).isNotNull();
        assertThat(last.stream()).isEqualTo(otherStream);
        assertThat(last.to()).isEqualTo(n + 1);
    }

    @Test
    void anInstanceThatDiesIsSealedAndClosedByAnotherAndNothingCanBeAddedToItsStreamsAfterwards() {
        String school = "T-DEAD";
        AuditTrail doomed = otherInstance();
        for (int i = 0; i < 20; i++) {
            doomed.record(event(school, "d" + i)).block(Duration.ofSeconds(30));
        }
        String stream = school + "/" + doomed.instance();
        // the process is killed: no last seal, no closing; it is last seen long ago
        killWithoutClosing(doomed);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(doomed.instance())),
                Update.update("lastSeen", clock.now().minus(props.instanceTimeout()).minusSeconds(60)),
                AuditInstance.class).block();

        AuditTrail survivor = otherInstance(); // its first round finds the dead instance
        try {
            AuditInstance closed = null;
            for (int i = 0; i < 300 && (closed == null || closed.closedAt() == null); i++) {
                survivor.flush().block(Duration.ofSeconds(30));
                closed = mongo.findById(doomed.instance(), AuditInstance.class).block();
            }
            assertThat(closed.closedAt()).isNotNull();
            // the survivor, or this context's own instance (which also looks for dead ones), closed it
            assertThat(closed.closedBy()).isIn(survivor.instance(), trail.instance());
            AuditSeal last = mongo.findOne(Query.query(Criteria.where("chain").is(school).and("stream").is(stream)
                    .and("last").is(true)), AuditSeal.class).block();
            assertThat(last.sealedBy()).isEqualTo(closed.closedBy());
            assertThat(last.to()).isEqualTo(20);
            AuditQueries.Verification v = queries.verify(Set.of(school)).block();
            assertThat(v.firstBreak()).isNull();
            assertThat(v.sealed()).isEqualTo(20);

            // an event slipped into the closed stream afterwards is a break
            StoredEvent forged = AuditTrail.withHash(new StoredEvent(org.zhsz.platform.Ids.newId(), school, stream, 21,
                    clock.now(), "intruder", null, null, "student.read", "student", "x", null, school, "ALLOWED",
                    null, null, null, null), null);
            mongo.insert(AuditTrail.withHash(forged, AuditHasher.leaf(forged))).block();
            AuditQueries.Verification broken = queries.verify(Set.of(school)).block();
            assertThat(broken.intact()).isFalse();
            assertThat(broken.firstBreak().problemCode()).isEqualTo("inserted");
            assertThat(broken.firstBreak().seq()).isEqualTo(21);
        } finally {
            survivor.stop();
        }
    }

    /**
     * An instance that was closed by another (taken for dead) goes on under a new id, registered and open, and keeps
     * that id through later heartbeats even when it records nothing.
     */
    @Test
    void anInstanceClosedByAnotherGoesOnUnderOneNewIdEvenWhenQuiet() {
        java.util.concurrent.atomic.AtomicReference<java.time.Instant> now =
                new java.util.concurrent.atomic.AtomicReference<>(clock.now());
        java.time.Clock moving = new java.time.Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return SchoolClock.ZONE;
            }

            @Override
            public java.time.Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public java.time.Instant instant() {
                return now.get();
            }
        };
        AuditTrail quiet = new AuditTrail(mongo, new SchoolClock(moving), props, keys, checkpoints, false);
        quiet.start();
        try {
            quiet.record(event("T-QUIET", "q1")).block(Duration.ofSeconds(30));
            String first = quiet.instance();
            // another instance takes it for dead and closes it
            mongo.updateFirst(Query.query(Criteria.where("_id").is(first)),
                    new Update().set("closedAt", now.get()).set("closedBy", "someone"), AuditInstance.class).block();
            now.set(now.get().plus(props.heartbeat()).plusSeconds(1));
            quiet.flush().block(Duration.ofSeconds(30));
            String second = quiet.instance();
            assertThat(second).as("a closed instance goes on under a new id").isNotEqualTo(first);
            // quiet from now on: later heartbeats keep the new id
            for (int i = 0; i < 3; i++) {
                now.set(now.get().plus(props.heartbeat()).plusSeconds(1));
                quiet.flush().block(Duration.ofSeconds(30));
            }
            assertThat(quiet.instance()).isEqualTo(second);
            AuditInstance registered = mongo.findById(second, AuditInstance.class).block();
            assertThat(registered).isNotNull();
            assertThat(registered.closedAt()).isNull();
        } finally {
            quiet.stop();
        }
    }

    /**
     * Spring stops an idle cached context and starts it again (and so stops and starts this trail): the stop sealed
     * and closed the instance's streams, so after the restart it writes under a new id, and the trail still
     * verifies. (Before, it wrote on into its closed streams: every later event was reported as inserted.)
     */
    @Test
    void aTrailStoppedAndStartedAgainWritesUnderANewIdAndStillVerifies() {
        String school = "T-RESTART";
        AuditTrail restarted = otherInstance();
        try {
            restarted.record(event(school, "before")).block(Duration.ofSeconds(30));
            String first = restarted.instance();
            restarted.stop();
            restarted.start();
            restarted.record(event(school, "after")).block(Duration.ofSeconds(30));
            restarted.flush().block(Duration.ofSeconds(30));
            assertThat(restarted.instance()).isNotEqualTo(first);
            AuditQueries.Verification v = queries.verify(Set.of(school)).block();
            assertThat(v.firstBreak()).isNull();
            assertThat(v.intact()).isTrue();
            assertThat(v.eventsChecked()).isEqualTo(2);
        } finally {
            restarted.stop();
        }
    }

    /** Stops a trail's sealer the way a killed process would: no final seals, the registry left open. */
    private static void killWithoutClosing(AuditTrail t) {
        t.killForTests();
    }

    @Test
    void checkpointsAreWrittenOutsideTheStore() throws Exception {
        trail.record(event("T-CP", "c1")).block(Duration.ofSeconds(30));
        trail.checkpointNow().block(Duration.ofSeconds(30));
        Path dir = checkpoints.dir();
        assertThat(Files.list(dir).map(p -> p.getFileName().toString()))
                .anyMatch(f -> f.startsWith(AuditCheckpoints.PREFIX) && f.endsWith(trail.instance() + ".json"));
        assertThat(checkpoints.readAll()).allSatisfy(l -> assertThat(l.problem()).isNull())
                .anySatisfy(l -> assertThat(l.checkpoint().heads())
                        .anySatisfy(h -> assertThat(h.stream()).isEqualTo("T-CP/" + trail.instance())));
    }
}
