package org.zhsz.audit;

import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.zhsz.platform.Ids;
import org.zhsz.platform.SchoolClock;

import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Appends events to per-school hash chains (one more chain for county-level actors). Appending is one insert
 * guarded by the unique (chain, seq) index, so two writers can never both extend the same link; the loser
 * re-reads the head and retries. No transactions needed, and chains shard with the school.
 */
@Service
public class AuditTrail {

    static final String COUNTY_CHAIN = "county";

    private final ReactiveMongoTemplate mongo;
    private final SchoolClock clock;
    private final Map<String, Head> heads = new ConcurrentHashMap<>();

    AuditTrail(ReactiveMongoTemplate mongo, SchoolClock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    private record Head(long seq, String hash) {
    }

    public Mono<Void> record(AuditEvent event) {
        String chain = event.schoolId() != null ? event.schoolId()
                : event.actor() != null && event.actor().schoolId() != null ? event.actor().schoolId() : COUNTY_CHAIN;
        return Mono.defer(() -> head(chain).flatMap(h -> append(chain, h, event)))
                .retryWhen(Retry.max(50).filter(DuplicateKeyException.class::isInstance)
                        .doBeforeRetry(s -> heads.remove(chain)))
                .then();
    }

    private Mono<StoredEvent> append(String chain, Head head, AuditEvent e) {
        var actor = e.actor();
        StoredEvent unhashed = new StoredEvent(Ids.newId(), chain, head.seq() + 1,
                clock.now().truncatedTo(ChronoUnit.MILLIS),
                actor == null ? "anonymous" : actor.username(),
                actor == null ? null : actor.displayName(),
                actor == null ? null : actor.primaryRole().claim(),
                e.action(), e.resourceType(), e.resourceId(), e.studentId(), e.schoolId(), e.outcome().name(),
                e.reason(), e.dataClass() == null ? null : e.dataClass().name(), head.hash(), null);
        StoredEvent hashed = withHash(unhashed, AuditHasher.hash(unhashed));
        return mongo.insert(hashed)
                .doOnNext(saved -> heads.put(chain, new Head(saved.seq(), saved.hash())))
                .flatMap(saved -> mongo.upsert(Query.query(Criteria.where("_id").is(chain).and("seq").lt(saved.seq())),
                                new org.springframework.data.mongodb.core.query.Update().set("seq", saved.seq())
                                        .set("hash", saved.hash()).set("at", saved.at()), HEADS)
                        .onErrorResume(DuplicateKeyException.class, dup -> Mono.empty()) // a newer head is already there
                        .thenReturn(saved));
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
