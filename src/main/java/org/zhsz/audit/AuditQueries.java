package org.zhsz.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.zhsz.platform.PageResult;
import org.zhsz.platform.Paging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reading the trail: filtered event lists, chain verification and the families' access log. */
@Service
public class AuditQueries {

    /** Data classes whose reads and exports a family sees in the access log. */
    static final Set<String> SENSITIVE = Set.of("HEALTH_FITNESS", "FITNESS_SCORE", "SPECIAL_CONSTITUTION",
            "SPECIAL_CONSTITUTION_GUIDANCE", "MENTAL_HEALTH", "MENTAL_HEALTH_FLAG", "ARCHIVE", "PROFILE_PRIVATE",
            "FIVE_MANAGEMENT");

    private final ReactiveMongoTemplate mongo;
    private final AtomicInteger lastVerification = new AtomicInteger(1);

    AuditQueries(ReactiveMongoTemplate mongo, MeterRegistry meters) {
        this.mongo = mongo;
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

    /** The first broken link of a chain: a changed event (hash mismatch), a removed one (gap) or a relinked one. */
    /**
     * {@code problemCode}: {@code missing} (an event absent), {@code relinked} (the link to the previous event does not
     * match), {@code changed} (content does not match its hash), {@code missing_at_end}; {@code problem} says it for
     * logs (the API answers it in the reader's language).
     */
    public record Break(String chain, long seq, String eventId, String problemCode, String problem) {
    }

    public record Verification(boolean intact, long eventsChecked, List<String> chains, Break firstBreak) {
    }

    public Mono<Verification> verify(Set<String> chains) {
        List<String> sorted = chains.stream().sorted().toList();
        return Flux.fromIterable(sorted)
                .concatMap(chain -> verifyChain(chain))
                .collectList()
                .map(results -> {
                    long checked = 0;
                    Break first = null;
                    for (ChainResult r : results) {
                        checked += r.checked();
                        if (first == null && r.broken() != null) {
                            first = r.broken();
                        }
                    }
                    lastVerification.set(first == null ? 1 : 0);
                    return new Verification(first == null, checked, sorted, first);
                });
    }

    private record ChainResult(long checked, Break broken) {
    }

    private Mono<ChainResult> verifyChain(String chain) {
        Mono<Long> headSeq = mongo.findById(chain, org.bson.Document.class, AuditTrail.HEADS)
                .map(d -> ((Number) d.get("seq")).longValue()).defaultIfEmpty(0L);
        return Mono.zip(mongo.find(Query.query(Criteria.where("chain").is(chain)).with(Sort.by("seq")),
                        StoredEvent.class).collectList(), headSeq)
                .map(t -> {
                    List<StoredEvent> events = t.getT1();
                    long head = t.getT2();
                    String prevHash = AuditHasher.GENESIS;
                    long expectedSeq = 1;
                    for (StoredEvent e : events) {
                        if (e.seq() != expectedSeq) {
                            return new ChainResult(expectedSeq - 1, new Break(chain, expectedSeq, null, "missing",
                                    "missing event (seq " + expectedSeq + " absent: deleted?)"));
                        }
                        if (!prevHash.equals(e.prevHash())) {
                            return new ChainResult(expectedSeq - 1, new Break(chain, e.seq(), e.id(), "relinked",
                                    "link to the previous event does not match (previous event changed or replaced)"));
                        }
                        if (!AuditHasher.hash(e).equals(e.hash())) {
                            return new ChainResult(expectedSeq - 1, new Break(chain, e.seq(), e.id(), "changed",
                                    "content does not match its hash (event changed)"));
                        }
                        prevHash = e.hash();
                        expectedSeq++;
                    }
                    if (head >= expectedSeq) {
                        return new ChainResult(events.size(), new Break(chain, expectedSeq, null, "missing_at_end",
                                "missing event (seq " + expectedSeq + " to " + head + " absent at the end: deleted?)"));
                    }
                    return new ChainResult(events.size(), null);
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
        return mongo.find(q, StoredEvent.class)
                .collect(java.util.LinkedHashMap<List<String>, AccessGroup>::new, (groups, e) -> groups.merge(
                        java.util.Arrays.asList(e.username(), e.role(), e.action(), e.dataClass(), e.reason()),
                        new AccessGroup(e.username(), e.actorName(), e.role(), e.action(), e.dataClass(), e.reason(),
                                1, e.at(), e.at()), AccessGroup::plus))
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
