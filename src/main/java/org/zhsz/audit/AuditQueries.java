package org.zhsz.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.zhsz.platform.DataClass;
import org.zhsz.platform.PageResult;
import org.zhsz.platform.Paging;
import org.zhsz.platform.SchoolClock;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Reading the trail: filtered event lists, verification of the chains and the families' access log. */
@Service
public class AuditQueries {

    /** Data classes whose reads and exports a family sees in the access log ({@link DataClass#inAccessLog()}). */
    static final Set<String> SENSITIVE = java.util.Arrays.stream(DataClass.values()).filter(DataClass::inAccessLog)
            .map(Enum::name).collect(java.util.stream.Collectors.toUnmodifiableSet());

    private final ReactiveMongoTemplate mongo;
    private final AuditTrail trail;
    private final AuditCheckpoints checkpoints;
    private final AuditKeys keys;
    private final AuditProperties props;
    private final SchoolClock clock;
    private final AtomicInteger lastVerification = new AtomicInteger(1);

    AuditQueries(ReactiveMongoTemplate mongo, AuditTrail trail, AuditCheckpoints checkpoints, AuditKeys keys,
                 AuditProperties props, SchoolClock clock, MeterRegistry meters) {
        this.mongo = mongo;
        this.trail = trail;
        this.checkpoints = checkpoints;
        this.keys = keys;
        this.props = props;
        this.clock = clock;
        Gauge.builder("zhsz.audit.chain.verified", lastVerification, AtomicInteger::get)
                .description("1 when the last audit-chain verification found every chain intact, 0 when broken")
                .register(meters);
    }

    public record Filter(Set<String> chains, String studentId, String username, String action, Instant from, Instant to) {
    }

    public Mono<PageResult<EventView>> events(Filter f, Paging paging) {
        List<Criteria> all = new ArrayList<>();
        all.add(Criteria.where("chain").in(f.chains()));
        if (f.studentId() != null) {
            all.add(Criteria.where("studentId").is(f.studentId()));
        }
        if (f.username() != null) {
            all.add(Criteria.where("username").is(f.username()));
        }
        if (f.action() != null) {
            all.add(f.action().endsWith("*")
                    ? Criteria.where("action").regex("^" + java.util.regex.Pattern.quote(
                    f.action().substring(0, f.action().length() - 1)))
                    : Criteria.where("action").is(f.action()));
        }
        if (f.from() != null) {
            all.add(Criteria.where("at").gte(f.from()));
        }
        if (f.to() != null) {
            all.add(Criteria.where("at").lt(f.to()));
        }
        Query q = Query.query(new Criteria().andOperator(all.toArray(new Criteria[0])));
        return Mono.zip(mongo.find(Query.of(q).with(Sort.by(Sort.Direction.DESC, "at", "seq"))
                                .skip(paging.offset()).limit(paging.size()), StoredEvent.class).collectList(),
                        mongo.count(q, StoredEvent.class))
                .map(t -> new PageResult<>(t.getT1(), paging.page(), paging.size(), t.getT2()).map(EventView::of));
    }

    /**
     * The first problem found: {@code problemCode} names its kind ({@code missing}, {@code changed},
     * {@code inserted}, {@code relinked}, {@code root_mismatch}, {@code unsealed}, {@code seal_missing},
     * {@code seal_relinked}, {@code seal_changed}, {@code seal_signature}, {@code checkpoint},
     * {@code checkpoint_invalid}); {@code problem} says it for logs (the API answers it in the reader's language);
     * {@code stream} is null for chains written before streams; {@code checkpoint} names the checkpoint file
     * ({@code checkpoint}, {@code checkpoint_invalid}).
     */
    public record Break(@Nullable String chain, long seq, @Nullable String eventId, String problemCode, String problem,
                        @Nullable String stream,
                        @Nullable String checkpoint) {
    }

    /**
     * @param sealed      events covered by seals (the rest of {@code eventsChecked} are pending or pre-stream)
     * @param pending     events not sealed yet by their running instance (not a break)
     * @param checkpoints checkpoint files compared; {@code lastCheckpoint} the newest one's time
     */
    public record Verification(boolean intact, long eventsChecked, List<String> chains, @Nullable Break firstBreak,
                               long sealed, long pending, long seals, int checkpoints,
                               @Nullable Instant lastCheckpoint) {
    }

    /**
     * Checks the chains against their seals and the checkpoints outside the database. This instance's unsealed
     * events are sealed first.
     */
    public Mono<Verification> verify(Set<String> chains) {
        List<String> sorted = chains.stream().sorted().toList();
        Instant now = clock.now();
        return trail.flush()
                .then(Mono.fromCallable(checkpoints::readAll).subscribeOn(Schedulers.boundedElastic()))
                .zipWith(mongo.findAll(AuditInstance.class).collectMap(AuditInstance::id, i ->
                        new ChainVerifier.InstanceState(i.streams() == null ? Set.of() : Set.copyOf(i.streams()),
                                i.lastSeen(), i.closedAt() != null)))
                .flatMap(t -> {
                    List<AuditCheckpoints.Loaded> loaded = t.getT1();
                    Map<String, ChainVerifier.InstanceState> instances = t.getT2();
                    Break invalid = null;
                    Instant newest = null;
                    Map<String, List<ChainVerifier.Anchor>> anchors = new HashMap<>();
                    for (AuditCheckpoints.Loaded l : loaded) {
                        if (l.problem() != null) {
                            if (invalid == null) {
                                invalid = new Break(null, 0, null, "checkpoint_invalid",
                                        "checkpoint " + l.file() + ": " + l.problem(), null, l.file());
                            }
                            continue;
                        }
                        newest = newest == null || l.checkpoint().at().isAfter(newest) ? l.checkpoint().at() : newest;
                        for (AuditCheckpoints.Head h : l.checkpoint().heads()) {
                            anchors.computeIfAbsent(h.chain(), k -> new ArrayList<>())
                                    .add(new ChainVerifier.Anchor(h.stream(), h.n(), h.hash(), l.file()));
                        }
                    }
                    Break checkpointProblem = invalid;
                    Instant lastCheckpoint = newest;
                    int files = loaded.size();
                    return Flux.fromIterable(sorted)
                            .concatMap(chain -> verifyChain(chain, instances, anchors.getOrDefault(chain, List.of()),
                                    lastCheckpoint != null, now))
                            .collectList()
                            .map(results -> {
                                long checked = 0;
                                long sealed = 0;
                                long pending = 0;
                                long seals = 0;
                                Break first = checkpointProblem;
                                for (ChainVerifier.Result r : results) {
                                    checked += r.eventsChecked();
                                    sealed += r.sealed();
                                    pending += r.pending();
                                    seals += r.seals();
                                    if (first == null && r.firstBreak() != null) {
                                        var f = r.firstBreak();
                                        first = new Break(f.chain(), f.seq(), f.eventId(), f.code(), f.detail(),
                                                f.stream(), f.checkpoint());
                                    }
                                }
                                lastVerification.set(first == null ? 1 : 0);
                                return new Verification(first == null, checked, sorted, first, sealed, pending,
                                        seals, files, lastCheckpoint);
                            });
                });
    }

    private Mono<ChainVerifier.Result> verifyChain(String chain, Map<String, ChainVerifier.InstanceState> instances,
                                                   List<ChainVerifier.Anchor> anchors, boolean anchorsExist,
                                                   Instant now) {
        Mono<Long> legacyHead = mongo.findById(chain, org.bson.Document.class, AuditTrail.HEADS)
                .map(d -> ((Number) d.get("seq")).longValue()).defaultIfEmpty(0L);
        Mono<List<AuditSeal>> seals = mongo.find(Query.query(Criteria.where("chain").is(chain))
                .with(Sort.by("stream", "n")), AuditSeal.class).collectList();
        return Mono.zip(seals, legacyHead).flatMap(t -> {
            ChainVerifier v = new ChainVerifier(chain, t.getT1(), instances, anchors, anchorsExist, t.getT2(), keys,
                    now,
                    props.grace(), props.instanceTimeout());
            return mongo.find(Query.query(Criteria.where("chain").is(chain)).with(Sort.by("stream", "seq")),
                            StoredEvent.class)
                    .doOnNext(v::accept)
                    .then(Mono.fromSupplier(v::finish));
        });
    }

    /** Sensitive reads and exports of one student's data by others, newest first. */
    public Mono<PageResult<EventView>> accessLog(String studentId, Set<String> excludeUsers, Paging paging) {
        Query q = Query.query(Criteria.where("studentId").is(studentId).and("outcome").is("ALLOWED")
                .and("dataClass").in(SENSITIVE).and("username").nin(excludeUsers)
                .and("action").regex("\\.(read|export|print|download|break_glass)$"));
        return Mono.zip(mongo.find(Query.of(q).with(Sort.by(Sort.Direction.DESC, "at")).skip(paging.offset())
                                .limit(paging.size()), StoredEvent.class).collectList(),
                        mongo.count(q, StoredEvent.class))
                .map(t -> new PageResult<>(t.getT1(), paging.page(), paging.size(), t.getT2()).map(EventView::of));
    }

    /**
     * Sensitive reads and exports of one student's data by others, one line per reader, role, action, data class and
     * reason: how many times and the first and last time, the most recent first. The same read recorded twice (a
     * page that reads a file and its history) is thus never shown twice.
     */
    public Mono<PageResult<AccessGroup>> accessLogGrouped(String studentId, Set<String> excludeUsers, Paging paging) {
        Query q = Query.query(Criteria.where("studentId").is(studentId).and("outcome").is("ALLOWED")
                .and("dataClass").in(SENSITIVE).and("username").nin(excludeUsers)
                .and("action").regex("\\.(read|export|print|download|break_glass)$"));
        // only the fields a group shows, read as plain documents: a student's access events are many, and their
        // hashes, ids and links are not shown here
        q.fields().include("username", "actorName", "role", "action", "dataClass", "reason", "at").exclude("_id");
        return mongo.find(q, org.bson.Document.class, AuditTrail.EVENTS)
                .collect(java.util.LinkedHashMap<List<String>, AccessGroup>::new, (groups, e) -> {
                    Instant at = e.getDate("at").toInstant();
                    String username = e.getString("username");
                    String role = e.getString("role");
                    String action = e.getString("action");
                    String dataClass = e.getString("dataClass");
                    String reason = e.getString("reason");
                    groups.merge(java.util.Arrays.asList(username, role, action, dataClass, reason),
                            new AccessGroup(username, e.getString("actorName"), role, action, dataClass, reason, 1,
                                    at, at), AccessGroup::plus);
                })
                .map(groups -> {
                    List<AccessGroup> all = new ArrayList<>(groups.values());
                    all.sort(java.util.Comparator.comparing(AccessGroup::last).reversed());
                    int from = (int) Math.min(all.size(), paging.offset());
                    int to = Math.min(all.size(), from + paging.size());
                    return new PageResult<>(List.copyOf(all.subList(from, to)), paging.page(), paging.size(),
                            all.size());
                });
    }

    /** Repeated reads of the same kind by the same person, folded: how many, first and last. */
    public record AccessGroup(String username, String actorName, String role, String action, String dataClass,
                              String reason, long count, Instant first, Instant last) {
        AccessGroup plus(AccessGroup o) {
            return new AccessGroup(username, o.last.isAfter(last) && o.actorName != null ? o.actorName : actorName,
                    role, action, dataClass, reason, count + o.count, o.first.isBefore(first) ? o.first : first,
                    o.last.isAfter(last) ? o.last : last);
        }
    }

    /** An audit event as the API shows it. */
    public record EventView(String id, String chain, long seq, Instant at, String username, String actorName,
                            String role, String action, String resourceType, String resourceId, String studentId,
                            String schoolId, String outcome, String reason, String dataClass, String hash) {
        static EventView of(StoredEvent e) {
            return new EventView(e.id(), e.chain(), e.seq(), e.at(), e.username(), e.actorName(), e.role(),
                    e.action(), e.resourceType(), e.resourceId(), e.studentId(), e.schoolId(), e.outcome(),
                    e.reason(), e.dataClass(), e.hash());
        }
    }

    /** The chain of the county-level actors (bureau, auditor, admissions). */
    public static String countyChain() {
        return AuditTrail.COUNTY_CHAIN;
    }
}
