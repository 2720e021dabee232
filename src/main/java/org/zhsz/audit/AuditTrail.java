package org.zhsz.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.zhsz.platform.Ids;
import org.zhsz.platform.SchoolClock;

import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * Appends events to per-school hash chains (one more chain for county-level actors). Appending is an insert
 * guarded by the unique (chain, seq) index, so two writers can never both extend the same link; the loser
 * re-reads the head and retries. No transactions needed, and chains shard with the school.
 *
 * <p>Within one instance the appends of a chain go through a lane: one write in flight per chain, and the events
 * that arrive meanwhile are appended together by the next write (one ordered insert of consecutive links and one
 * head update), so concurrent requests of a school neither collide on the unique index nor pay one round trip
 * each. Every event is still stored before its request's {@code record(...)} completes. Other instances are kept
 * apart by the unique index as before.
 */
@Service
public class AuditTrail {

    static final String COUNTY_CHAIN = "county";
    /** Most events one append writes (bounds the insert command and the work lost to a collision). */
    static final int MAX_BATCH = 256;
    private static final int MAX_RETRIES = 50;

    private final ReactiveMongoTemplate mongo;
    private final SchoolClock clock;
    private final Map<String, Head> heads = new ConcurrentHashMap<>();
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();

    AuditTrail(ReactiveMongoTemplate mongo, SchoolClock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    private record Head(long seq, String hash) {
    }

    private record Pending(AuditEvent event, MonoSink<Void> sink) {
    }

    public Mono<Void> record(AuditEvent event) {
        String chain = event.schoolId() != null ? event.schoolId()
                : event.actor() != null && event.actor().schoolId() != null ? event.actor().schoolId() : COUNTY_CHAIN;
        return Mono.create(sink -> lanes.computeIfAbsent(chain, Lane::new).submit(new Pending(event, sink)));
    }

    /** One chain's queue: at most one append in flight; what queued up meanwhile goes in the next one. */
    private final class Lane {
        private final String chain;
        private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean busy = new AtomicBoolean();

        Lane(String chain) {
            this.chain = chain;
        }

        void submit(Pending p) {
            queue.add(p);
            drain();
        }

        private void drain() {
            while (busy.compareAndSet(false, true)) {
                List<Pending> batch = new ArrayList<>();
                Pending p;
                while (batch.size() < MAX_BATCH && (p = queue.poll()) != null) {
                    batch.add(p);
                }
                if (batch.isEmpty()) {
                    busy.set(false);
                    if (queue.isEmpty()) {
                        return;
                    }
                    continue; // something arrived between the poll and the release: take it
                }
                appendAll(chain, batch.stream().map(Pending::event).toList(), 0).subscribe(
                        null,
                        err -> finish(batch, err),
                        () -> finish(batch, null));
                return;
            }
        }

        private void finish(List<Pending> batch, Throwable err) {
            busy.set(false);
            for (Pending p : batch) {
                if (err == null) {
                    p.sink().success();
                } else {
                    p.sink().error(err);
                }
            }
            drain();
        }
    }

    /** Appends the events as consecutive links after the head; on a collision the rest go after the new head. */
    private Mono<Void> appendAll(String chain, List<AuditEvent> events, int attempt) {
        return Mono.defer(() -> head(chain)).flatMap(head -> {
            List<StoredEvent> links = new ArrayList<>(events.size());
            long seq = head.seq();
            String prev = head.hash();
            Instant at = clock.now().truncatedTo(ChronoUnit.MILLIS);
            for (AuditEvent e : events) {
                StoredEvent unhashed = link(chain, ++seq, at, prev, e);
                StoredEvent hashed = withHash(unhashed, AuditHasher.hash(unhashed));
                links.add(hashed);
                prev = hashed.hash();
            }
            return mongo.insertAll(links).then(Mono.fromSupplier(() -> links.get(links.size() - 1)))
                    .flatMap(last -> moveHead(chain, last))
                    .onErrorResume(AuditTrail::collision, dup -> {
                        heads.remove(chain);
                        if (attempt >= MAX_RETRIES) {
                            return Mono.error(dup);
                        }
                        // an ordered insert stops at the first collision: the links before it are stored
                        return stored(links).flatMap(done -> {
                            List<AuditEvent> rest = new ArrayList<>();
                            for (int i = 0; i < links.size(); i++) {
                                if (!done.contains(links.get(i).id())) {
                                    rest.add(events.get(i));
                                }
                            }
                            return rest.isEmpty() ? Mono.<Void>empty() : appendAll(chain, rest, attempt + 1);
                        });
                    });
        });
    }

    /** Another writer took a link we tried (Spring reports a bulk insert's duplicate key one way or the other). */
    static boolean collision(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DuplicateKeyException) {
                return true;
            }
            if (t instanceof com.mongodb.MongoBulkWriteException b) {
                return !b.getWriteErrors().isEmpty()
                        && b.getWriteErrors().stream().allMatch(w -> w.getCode() == 11000);
            }
        }
        return false;
    }

    private Mono<java.util.Set<String>> stored(List<StoredEvent> links) {
        return mongo.find(Query.query(Criteria.where("_id").in(links.stream().map(StoredEvent::id).toList())),
                        StoredEvent.class)
                .map(StoredEvent::id).collect(java.util.stream.Collectors.toSet());
    }

    private Mono<Void> moveHead(String chain, StoredEvent saved) {
        heads.put(chain, new Head(saved.seq(), saved.hash()));
        return mongo.upsert(Query.query(Criteria.where("_id").is(chain).and("seq").lt(saved.seq())),
                        new org.springframework.data.mongodb.core.query.Update().set("seq", saved.seq())
                                .set("hash", saved.hash()).set("at", saved.at()), HEADS)
                .onErrorResume(DuplicateKeyException.class, dup -> Mono.empty()) // a newer head is already there
                .then();
    }

    private static StoredEvent link(String chain, long seq, Instant at, String prevHash, AuditEvent e) {
        var actor = e.actor();
        return new StoredEvent(Ids.newId(), chain, seq, at,
                actor == null ? "anonymous" : actor.username(),
                actor == null ? null : actor.displayName(),
                actor == null ? null : actor.primaryRole().claim(),
                e.action(), e.resourceType(), e.resourceId(), e.studentId(), e.schoolId(), e.outcome().name(),
                e.reason(), e.dataClass() == null ? null : e.dataClass().name(), prevHash, null);
    }

    /**
     * Each chain's newest link is also kept in {@value #HEADS}, so that deleting events from the end of a chain
     * (which leaves the remaining links intact) is still detected.
     */
    static final String HEADS = "audit_heads";

    static StoredEvent withHash(StoredEvent e, String hash) {
        return new StoredEvent(e.id(), e.chain(), e.seq(), e.at(), e.username(), e.actorName(), e.role(), e.action(),
                e.resourceType(), e.resourceId(), e.studentId(), e.schoolId(), e.outcome(), e.reason(),
                e.dataClass(), e.prevHash(), hash);
    }

    /** The cached head, or the stored one: walk forward by seq (unique-index lookups) from the last known. */
    private Mono<Head> head(String chain) {
        Head cached = heads.get(chain);
        if (cached != null) {
            return Mono.just(cached);
        }
        return mongo.find(Query.query(Criteria.where("chain").is(chain))
                        .with(org.springframework.data.domain.Sort.by(org.springframework.data.domain.Sort.Direction.DESC,
                                "seq")).limit(1), StoredEvent.class)
                .next()
                .map(ev -> new Head(ev.seq(), ev.hash()))
                .defaultIfEmpty(new Head(0, AuditHasher.GENESIS));
    }
}
