package org.zhsz.audit;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import org.zhsz.platform.Ids;
import org.zhsz.platform.SchoolClock;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.InsertManyOptions;

import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * Appends audit events without making requests wait for each other, and seals them.
 *
 * <p>Every instance writes its own <em>streams</em>, one per chain (a school, or the county for county-level
 * actors): stream = chain + "/" + this instance's id. The instance owns its streams, so it numbers their events
 * itself, in memory, with no read of a head and no contention with other instances or other requests: an event is
 * numbered and hashed ({@link AuditHasher#leaf}) when it is recorded and inserted at once, grouped with whatever
 * other events are being recorded at that moment (at most {@value #MAX_IN_FLIGHT} inserts in flight per instance,
 * up to {@value #MAX_BATCH} events each). {@code record(...)} completes once its event is stored.
 *
 * <p>Sealing binds a stream's events together: at the latest {@code zhsz.audit.seal-interval} after an event was
 * stored (or once {@code seal-batch} events wait), the stream's next run of stored numbers is sealed —
 * {@link AuditSeal}: the Merkle root of their leaf hashes, linked to the stream's previous seal and signed. A
 * number whose insert failed is listed as never stored. Seals are what verification checks events against, and
 * their heads go into signed checkpoints outside the database ({@link AuditCheckpoints}) every
 * {@code checkpoint-interval} and at shutdown.
 *
 * <p>At shutdown the instance seals everything, closes its streams (last seals) and marks itself closed. An
 * instance that died instead is found through the registry ({@link AuditInstance}): another instance (with the
 * embedded store, the next start) seals what it left and closes its streams.
 */
@Service
public class AuditTrail implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

    static final String COUNTY_CHAIN = "county";
    /** Most events one insert writes. */
    static final int MAX_BATCH = 256;
    /** Inserts of audit events in flight at once per instance. */
    static final int MAX_IN_FLIGHT = 4;
    /** The newest link of each chain written before streams (read only, by verification). */
    static final String HEADS = "audit_heads";
    static final String EVENTS = "audit_events";
    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(30);

    private final ReactiveMongoTemplate mongo;
    private final SchoolClock clock;
    private final AuditProperties props;
    private final AuditKeys keys;
    private final AuditCheckpoints checkpoints;
    private final boolean exclusiveStore;
    private final Instant startedAt;
    private volatile String instance;
    private volatile Mono<Void> ready;
    private final Map<String, Stream> streams = new ConcurrentHashMap<>();
    private final Writer writer = new Writer();
    /** The newest seal this instance wrote of each stream (its own, and the ones it closed for dead instances). */
    private final Map<String, AuditCheckpoints.Head> heads = new ConcurrentHashMap<>();
    private final List<AuditCheckpoints.Head> legacyHeads = new ArrayList<>();
    private volatile boolean closing;
    private volatile boolean running;
    private ScheduledExecutorService sealer;
    // sealer thread only
    private Instant lastHeartbeat = Instant.EPOCH;
    private Instant lastRecovery = Instant.EPOCH;
    private Instant lastCheckpoint;

    @org.springframework.beans.factory.annotation.Autowired
    AuditTrail(ReactiveMongoTemplate mongo, SchoolClock clock, AuditProperties props, AuditKeys keys,
               AuditCheckpoints checkpoints, Environment env) {
        this(mongo, clock, props, keys, checkpoints, isBlank(env.getProperty("spring.mongodb.uri"))
                && isBlank(env.getProperty("zhsz.store.mongodb-uri")));
    }

    /** {@code exclusiveStore}: only one process can use the store (embedded), so earlier instances are dead. */
    AuditTrail(ReactiveMongoTemplate mongo, SchoolClock clock, AuditProperties props, AuditKeys keys,
               AuditCheckpoints checkpoints, boolean exclusiveStore) {
        this.mongo = mongo;
        this.clock = clock;
        this.props = props;
        this.keys = keys;
        this.checkpoints = checkpoints;
        this.exclusiveStore = exclusiveStore;
        this.startedAt = clock.now().truncatedTo(ChronoUnit.MILLIS);
        this.lastCheckpoint = startedAt;
        becomeInstance(newInstanceId());
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String newInstanceId() {
        return Ids.newId();
    }

    String instance() {
        return instance;
    }

    /** Starts writing under a (new) instance id: registers it, and drops the index of the pre-stream trail. */
    private void becomeInstance(String id) {
        this.instance = id;
        Instant now = clock.now().truncatedTo(ChronoUnit.MILLIS);
        this.ready = dropLegacyIndex()
                .then(mongo.insert(new AuditInstance(id, now, now, List.of(), null, null)))
                .then()
                .cache(v -> Duration.ofDays(36500), err -> Duration.ZERO, () -> Duration.ofDays(36500));
    }

    private Mono<Void> dropLegacyIndex() {
        var ops = mongo.indexOps(StoredEvent.class);
        return ops.getIndexInfo().filter(i -> StoredEvent.LEGACY_INDEX.equals(i.getName())).next()
                .flatMap(i -> ops.dropIndex(StoredEvent.LEGACY_INDEX))
                .onErrorResume(e -> Mono.empty()) // another instance dropped it first
                .then();
    }

    // ------------------------------------------------------------------ appending

    public Mono<Void> record(AuditEvent event) {
        String chain = event.schoolId() != null ? event.schoolId()
                : event.actor() != null && event.actor().schoolId() != null ? event.actor().schoolId() : COUNTY_CHAIN;
        return Mono.defer(() -> {
            if (closing) {
                return Mono.error(new IllegalStateException("the audit trail is shut down"));
            }
            String me = instance;
            Stream s = streams.computeIfAbsent(chain + "/" + me, id -> new Stream(chain, id, me));
            return s.registered.then(Mono.defer(() -> {
                Slot slot = s.append(event);
                return writer.submit(slot.event)
                        .doOnSuccess(v -> s.resolve(slot, Slot.STORED))
                        .doOnError(err -> s.resolve(slot, Slot.UNCERTAIN));
            }));
        });
    }

    /** One event of a stream until it is sealed. */
    private static final class Slot {
        static final int PENDING = 0;
        static final int STORED = 1;
        /** Its insert failed: stored or not, the seal decides by looking. */
        static final int UNCERTAIN = 2;
        final StoredEvent event;
        volatile int state = PENDING;

        Slot(StoredEvent event) {
            this.event = event;
        }
    }

    /** A stream this instance owns: numbering, and what waits to be sealed. Guarded by its monitor. */
    private final class Stream {
        final String chain;
        final String id;
        final Mono<Void> registered;
        private long next;
        private final TreeMap<Long, Slot> slots = new TreeMap<>();
        private long sealedTo;
        private long n;
        private String lastHash = AuditHasher.GENESIS;
        private boolean closed;

        Stream(String chain, String id, String owner) {
            this.chain = chain;
            this.id = id;
            this.registered = ready.then(mongo.updateFirst(Query.query(Criteria.where("_id").is(owner)),
                            new Update().addToSet("streams", id), AuditInstance.class))
                    .then()
                    .cache(v -> Duration.ofDays(36500), err -> Duration.ZERO, () -> Duration.ofDays(36500));
        }

        synchronized Slot append(AuditEvent e) {
            var actor = e.actor();
            StoredEvent unhashed = new StoredEvent(Ids.newId(), chain, id, ++next,
                    clock.now().truncatedTo(ChronoUnit.MILLIS),
                    actor == null ? "anonymous" : actor.username(),
                    actor == null ? null : actor.displayName(),
                    actor == null ? null : actor.primaryRole().claim(),
                    e.action(), e.resourceType(), e.resourceId(), e.studentId(), e.schoolId(), e.outcome().name(),
                    e.reason(), e.dataClass() == null ? null : e.dataClass().name(), null, null);
            Slot slot = new Slot(withHash(unhashed, AuditHasher.leaf(unhashed)));
            slots.put(slot.event.seq(), slot);
            return slot;
        }

        void resolve(Slot slot, int state) {
            slot.state = state;
        }
    }

    static StoredEvent withHash(StoredEvent e, String hash) {
        return new StoredEvent(e.id(), e.chain(), e.stream(), e.seq(), e.at(), e.username(), e.actorName(), e.role(),
                e.action(), e.resourceType(), e.resourceId(), e.studentId(), e.schoolId(), e.outcome(), e.reason(),
                e.dataClass(), e.prevHash(), hash);
    }

    /** Inserts events in groups: whatever is recorded while inserts are in flight goes into the next one. */
    private final class Writer {
        private record Pending(StoredEvent event, MonoSink<Void> sink) {
        }

        private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
        private final AtomicInteger inFlight = new AtomicInteger();

        Mono<Void> submit(StoredEvent e) {
            return Mono.create(sink -> {
                queue.add(new Pending(e, sink));
                drain();
            });
        }

        int inFlight() {
            return inFlight.get() + queue.size();
        }

        private void drain() {
            while (!queue.isEmpty()) {
                int n = inFlight.get();
                if (n >= MAX_IN_FLIGHT) {
                    return;
                }
                if (!inFlight.compareAndSet(n, n + 1)) {
                    continue;
                }
                List<Pending> batch = new ArrayList<>();
                Pending p;
                while (batch.size() < MAX_BATCH && (p = queue.poll()) != null) {
                    batch.add(p);
                }
                if (batch.isEmpty()) {
                    inFlight.decrementAndGet();
                    continue;
                }
                insert(batch.stream().map(Pending::event).toList()).subscribe(failed -> {
                    inFlight.decrementAndGet();
                    for (int i = 0; i < batch.size(); i++) {
                        Throwable err = failed.get(i);
                        if (err == null) {
                            batch.get(i).sink().success();
                        } else {
                            batch.get(i).sink().error(err);
                        }
                    }
                    drain();
                });
            }
        }
    }

    /** One unordered insert; per event, null when stored or the error that kept it out. */
    private Mono<List<Throwable>> insert(List<StoredEvent> events) {
        List<org.bson.Document> docs = new ArrayList<>(events.size());
        for (StoredEvent e : events) {
            org.bson.Document d = new org.bson.Document();
            mongo.getConverter().write(e, d);
            docs.add(d);
        }
        return mongo.getCollection(EVENTS)
                .flatMap(c -> Mono.from(c.insertMany(docs, new InsertManyOptions().ordered(false))))
                .map(r -> {
                    List<Throwable> none = new ArrayList<>(events.size());
                    events.forEach(e -> none.add(null));
                    return none;
                })
                .onErrorResume(err -> {
                    List<Throwable> out = new ArrayList<>(events.size());
                    events.forEach(e -> out.add(err instanceof MongoBulkWriteException ? null : err));
                    if (err instanceof MongoBulkWriteException b) {
                        b.getWriteErrors().forEach(w -> out.set(w.getIndex(), new IllegalStateException(
                                "audit event not stored: " + w.getMessage(), err)));
                    }
                    return Mono.just(out);
                });
    }

    // ------------------------------------------------------------------ sealing

    /** Seals everything this instance has stored so far (verification calls it first). */
    public Mono<Void> flush() {
        ScheduledExecutorService s = sealer;
        if (s == null || s.isShutdown()) {
            return Mono.empty();
        }
        return Mono.fromFuture(() -> CompletableFuture.runAsync(() -> round(true, false), s));
    }

    /** One sealing round (sealer thread): heartbeat, recovery of dead instances, due seals, due checkpoint. */
    private void round(boolean force, boolean close) {
        Instant now = clock.now().truncatedTo(ChronoUnit.MILLIS);
        try {
            ready.block(STORE_TIMEOUT);
            if (!now.isBefore(lastHeartbeat.plus(props.heartbeat())) && !close) {
                heartbeat(now);
            }
            if (!now.isBefore(lastRecovery.plus(props.heartbeat()))) {
                lastRecovery = now;
                recoverDeadInstances(now);
            }
        } catch (RuntimeException e) {
            log.warn("Audit: heartbeat or recovery failed (retried next round): {}", e.toString());
        }
        for (Stream s : streams.values()) {
            try {
                seal(s, now, force, close);
            } catch (RuntimeException e) {
                log.warn("Audit: sealing stream {} failed (retried next round): {}", s.id, e.toString());
            }
        }
        if (!now.isBefore(lastCheckpoint.plus(props.checkpointInterval())) && !close) {
            checkpoint(now);
        }
    }

    private void heartbeat(Instant now) {
        lastHeartbeat = now;
        String me = instance;
        long matched = mongo.updateFirst(Query.query(Criteria.where("_id").is(me).and("closedAt").is(null)),
                Update.update("lastSeen", now), AuditInstance.class).block(STORE_TIMEOUT).getMatchedCount();
        if (matched == 0) {
            // another instance took us for dead and closed our streams: go on under a new id
            log.error("Audit: instance {} was closed by another instance (not seen for {}); continuing as a new "
                    + "instance. Events recorded after it was closed may show as breaks.", me,
                    props.instanceTimeout());
            streams.values().removeIf(s -> s.id.endsWith("/" + me));
            becomeInstance(newInstanceId());
        }
    }

    private void seal(Stream s, Instant now, boolean force, boolean close) {
        long from;
        long to;
        long n;
        String prev;
        List<Slot> run = new ArrayList<>();
        synchronized (s) {
            if (s.closed) {
                return;
            }
            from = s.sealedTo + 1;
            to = s.sealedTo;
            for (Map.Entry<Long, Slot> en : s.slots.tailMap(from).entrySet()) {
                if (en.getKey() != to + 1 || en.getValue().state == Slot.PENDING) {
                    break;
                }
                run.add(en.getValue());
                to++;
            }
            boolean hasPending = s.slots.size() > run.size();
            if (close && hasPending) {
                log.warn("Audit: stream {} still has events being stored; it is left for recovery", s.id);
                close = false;
            }
            if (run.isEmpty() && !(close && s.n > 0)) {
                return;
            }
            boolean due = force || close || run.size() >= props.sealBatch()
                    || !run.isEmpty() && !run.get(0).event.at().isAfter(now.minus(props.sealInterval()));
            if (!due) {
                return;
            }
            n = s.n + 1;
            prev = s.lastHash;
        }
        Set<String> uncertain = run.stream().filter(x -> x.state == Slot.UNCERTAIN).map(x -> x.event.id())
                .collect(Collectors.toSet());
        Set<String> present = uncertain.isEmpty() ? Set.of()
                : mongo.find(Query.query(Criteria.where("_id").in(uncertain)), StoredEvent.class)
                .map(StoredEvent::id).collect(Collectors.toSet()).block(STORE_TIMEOUT);
        List<String> leaves = new ArrayList<>(run.size());
        List<Long> absent = new ArrayList<>();
        for (Slot x : run) {
            if (x.state == Slot.STORED || present.contains(x.event.id())) {
                leaves.add(x.event.hash());
            } else {
                absent.add(x.event.seq());
            }
        }
        AuditSeal seal = AuditSeal.create(s.chain, s.id, n, from, to, leaves, absent, prev, now,
                ChainVerifier.instanceOf(s.id), instance, close, keys);
        store(seal);
        synchronized (s) {
            s.sealedTo = to;
            s.n = n;
            s.lastHash = seal.hash();
            s.slots.headMap(to, true).clear();
            s.closed = close;
        }
        heads.put(s.id, new AuditCheckpoints.Head(s.chain, s.id, n, seal.hash()));
        if (!absent.isEmpty()) {
            log.warn("Audit: seal {} of stream {} records {} event(s) whose writes failed as never stored: {}", n,
                    s.id, absent.size(), absent);
        }
    }

    private void store(AuditSeal seal) {
        try {
            mongo.insert(seal).block(STORE_TIMEOUT);
        } catch (DuplicateKeyException dup) {
            AuditSeal stored = mongo.findById(seal.id(), AuditSeal.class).block(STORE_TIMEOUT);
            if (stored == null || !stored.root().equals(seal.root()) || stored.to() != seal.to()) {
                throw new IllegalStateException("seal " + seal.id() + " exists with other content", dup);
            }
            // our own earlier attempt got through: keep it
        }
    }

    /** Closes the streams of instances that stopped without closing them, sealing what they left. */
    private void recoverDeadInstances(Instant now) {
        Criteria dead = Criteria.where("closedAt").is(null).and("_id").ne(instance)
                .and("lastSeen").lt(exclusiveStore ? startedAt : now.minus(props.instanceTimeout()));
        List<AuditInstance> found = mongo.find(Query.query(dead), AuditInstance.class).collectList()
                .block(STORE_TIMEOUT);
        for (AuditInstance d : found) {
            long taken = mongo.updateFirst(Query.query(Criteria.where("_id").is(d.id()).and("closedAt").is(null)
                            .and("lastSeen").is(d.lastSeen())),
                    new Update().set("closedAt", now).set("closedBy", instance), AuditInstance.class)
                    .block(STORE_TIMEOUT).getModifiedCount();
            if (taken == 0) {
                continue; // it came back, or another instance took it
            }
            long events = 0;
            for (String stream : d.streams() == null ? List.<String>of() : d.streams()) {
                events += recoverStream(stream, d.id(), now);
            }
            log.warn("Audit: instance {} (last seen {}) stopped without closing its streams; sealed the {} event(s) "
                    + "it left unsealed and closed its {} stream(s)", d.id(), d.lastSeen(), events,
                    d.streams() == null ? 0 : d.streams().size());
        }
    }

    private long recoverStream(String stream, String owner, Instant now) {
        String chain = stream.substring(0, stream.lastIndexOf('/'));
        AuditSeal last = mongo.findOne(Query.query(Criteria.where("chain").is(chain).and("stream").is(stream))
                .with(Sort.by(Sort.Direction.DESC, "n")).limit(1), AuditSeal.class).block(STORE_TIMEOUT);
        if (last != null && last.last()) {
            return 0;
        }
        long from = last == null ? 1 : last.to() + 1;
        List<StoredEvent> tail = mongo.find(Query.query(Criteria.where("chain").is(chain).and("stream").is(stream)
                .and("seq").gte(from)).with(Sort.by("seq")), StoredEvent.class).collectList().block(STORE_TIMEOUT);
        if (tail.isEmpty() && last == null) {
            return 0; // registered, never used
        }
        List<String> leaves = new ArrayList<>();
        List<Long> absent = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        long to = from - 1;
        for (StoredEvent e : tail) {
            if (!seen.add(e.seq())) {
                continue;
            }
            for (long gap = to + 1; gap < e.seq(); gap++) {
                absent.add(gap);
            }
            leaves.add(AuditHasher.leaf(e));
            to = e.seq();
        }
        AuditSeal seal = AuditSeal.create(chain, stream, last == null ? 1 : last.n() + 1, from, to, leaves, absent,
                last == null ? AuditHasher.GENESIS : last.hash(), now, owner, instance, true, keys);
        store(seal);
        heads.put(stream, new AuditCheckpoints.Head(chain, stream, seal.n(), seal.hash()));
        return leaves.size();
    }

    /** Seals what is stored and writes a checkpoint now (tests; operators use the interval). */
    Mono<Void> checkpointNow() {
        ScheduledExecutorService s = sealer;
        return Mono.fromFuture(() -> CompletableFuture.runAsync(() -> {
            round(true, false);
            checkpoint(clock.now().truncatedTo(ChronoUnit.MILLIS));
        }, s));
    }

    private void checkpoint(Instant now) {
        lastCheckpoint = now;
        List<AuditCheckpoints.Head> all = new ArrayList<>(legacyHeads);
        all.addAll(heads.values());
        if (all.isEmpty()) {
            return;
        }
        try {
            checkpoints.write(instance, now, all);
        } catch (IOException | RuntimeException e) {
            log.error("Audit: could not write the checkpoint to {}: {}", checkpoints.dir(), e.toString());
        }
    }

    /** Heads of the chains written before streams: anchored in this instance's checkpoints from now on. */
    private void readLegacyHeads() {
        try {
            List<org.bson.Document> docs = mongo.findAll(org.bson.Document.class, HEADS).collectList()
                    .block(STORE_TIMEOUT);
            for (org.bson.Document d : docs) {
                legacyHeads.add(new AuditCheckpoints.Head(d.getString("_id"), null,
                        ((Number) d.get("seq")).longValue(), d.getString("hash")));
            }
            if (!legacyHeads.isEmpty()) {
                checkpoint(clock.now().truncatedTo(ChronoUnit.MILLIS)); // anchor the pre-stream chains at once
            }
        } catch (RuntimeException e) {
            log.warn("Audit: could not read the heads of the chains written before streams: {}", e.toString());
        }
    }

    // ------------------------------------------------------------------ lifecycle

    @Override
    public void start() {
        if (running) {
            return;
        }
        if (closing) {
            // started again after a stop (Spring pauses an idle context and starts it again; a test harness may
            // too): stop() sealed and closed this id's streams and marked the id closed, so events from now on go
            // to the streams of a new id (writing on into a closed stream would show as inserted events)
            streams.clear();
            becomeInstance(newInstanceId());
            lastHeartbeat = Instant.EPOCH;
            lastRecovery = Instant.EPOCH;
        }
        closing = false;
        sealer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "audit-sealer");
            t.setDaemon(true);
            return t;
        });
        sealer.execute(this::readLegacyHeads);
        sealer.scheduleWithFixedDelay(() -> round(false, false), 0, 1, TimeUnit.SECONDS);
        running = true;
    }

    /** Seals and closes this instance's streams, marks it closed and writes a last checkpoint. */
    @Override
    public void stop() {
        if (!running) {
            return;
        }
        closing = true;
        long until = System.nanoTime() + STORE_TIMEOUT.toNanos();
        while (writer.inFlight() > 0 && System.nanoTime() < until) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        try {
            sealer.submit(() -> {
                Instant now = clock.now().truncatedTo(ChronoUnit.MILLIS);
                round(true, true);
                boolean allClosed = streams.values().stream().allMatch(s -> {
                    synchronized (s) {
                        return s.closed || s.n == 0 && s.slots.isEmpty();
                    }
                });
                if (allClosed) {
                    mongo.updateFirst(Query.query(Criteria.where("_id").is(instance)),
                            new Update().set("closedAt", now).set("closedBy", instance), AuditInstance.class)
                            .block(STORE_TIMEOUT);
                }
                checkpoint(now);
            }).get(2 * STORE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            log.error("Audit: closing the streams at shutdown failed; another instance (or the next start) seals "
                    + "them", e);
        } finally {
            sealer.shutdownNow();
            running = false;
        }
    }

    /** Stops as a killed process would: no last seals, the registry left open (tests of recovery). */
    void killForTests() {
        closing = true;
        sealer.shutdownNow();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before and stops after the web server, so no request records an event into a closed stream. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
