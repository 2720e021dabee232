package org.zhsz.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;

/**
 * Imports as jobs the uploader can watch: while a roster or fitness sheet is being checked and written, its
 * progress (rows read, accepted, rejected) is kept in the store, so the page shows it during the run (also through
 * another replica) and not only the upload's progress; afterwards the rejected rows, exactly as uploaded, stay
 * available for a week as a sheet with a reason column to correct and upload again. A job is its uploader's only:
 * anyone else is told it does not exist. The client may name the job ({@code ?job=}) so it can ask for progress while
 * its upload is still running.
 */
@Service
public class ImportJobs {

    /** Rejected rows kept for the download; the report counts them all. */
    public static final int MAX_REJECTED_KEPT = 5000;
    static final Duration KEEP = Duration.ofDays(7);
    private static final Duration FLUSH_EVERY = Duration.ofMillis(300);
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{8,64}");

    private final ReactiveMongoTemplate mongo;
    private final SchoolClock clock;

    ImportJobs(ReactiveMongoTemplate mongo, SchoolClock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Document("import_jobs")
    record JobDoc(@Id String id, String kind, String owner, String schoolId, String status, int read, int accepted,
                  int rejected, Map<String, Integer> summary, List<String> header, List<StoredRow> rejectedRows,
                  boolean rejectedTruncated, Instant startedAt, Instant updatedAt, Instant finishedAt) {
    }

    /** A rejected row as uploaded, and why: each reason's bundle key and arguments, localized when read. */
    record StoredRow(int row, List<String> cells, List<StoredReason> reasons) {
    }

    record StoredReason(String field, String code, String key, List<String> args) {
    }

    /** What the uploader sees of a job. {@code status}: RUNNING, DONE or FAILED. */
    public record JobView(String id, String kind, String status, int read, int accepted, int rejected,
                          Map<String, Integer> summary, int rejectedRowsKept, boolean rejectedTruncated,
                          Instant startedAt, @Nullable Instant finishedAt) {
    }

    /** The rejected rows of a job, ready for a sheet: the original header, and each row with its reason. */
    public record Rejected(String kind, List<String> header, List<RejectedRow> rows) {
    }

    public record RejectedRow(int row, List<String> cells, List<FieldError> errors) {
    }

    /**
     * Starts a job for the actor: under {@code requestedId} when given (409 when that id is taken), else a new id.
     * Jobs older than a week are removed on the way.
     */
    public Mono<Tracker> start(Actor actor, String requestedId, String kind, String schoolId) {
        if (requestedId != null && !ID.matcher(requestedId).matches()) {
            return Mono.error(Problems.invalid("job", "invalid", "an import id has 8–64 letters, digits or dashes"));
        }
        String id = requestedId != null ? requestedId : Ids.newId();
        Instant now = clock.now();
        JobDoc doc = new JobDoc(id, kind, actor.username(), schoolId, "RUNNING", 0, 0, 0, Map.of(), List.of(),
                List.of(), false, now, now, null);
        return mongo.remove(Query.query(Criteria.where("startedAt").lt(now.minus(KEEP))), JobDoc.class)
                .then(mongo.insert(doc))
                .onErrorMap(DuplicateKeyException.class, e -> Problems.conflict("import_job_taken",
                        "This import id is already in use; upload again"))
                .map(saved -> new Tracker(saved.id()));
    }

    public Mono<JobView> view(Actor actor, String id) {
        return own(actor, id).map(d -> new JobView(d.id(), d.kind(), d.status(), d.read(), d.accepted(),
                d.rejected(), d.summary(), d.rejectedRows() == null ? 0 : d.rejectedRows().size(),
                d.rejectedTruncated(), d.startedAt(), d.finishedAt()));
    }

    public Mono<Rejected> rejected(Actor actor, String id) {
        return own(actor, id).map(d -> new Rejected(d.kind(), d.header() == null ? List.of() : d.header(),
                (d.rejectedRows() == null ? List.<StoredRow>of() : d.rejectedRows()).stream()
                        .map(r -> new RejectedRow(r.row(), r.cells(), (r.reasons() == null
                                ? List.<StoredReason>of() : r.reasons()).stream()
                                .map(x -> new FieldError(x.field(), x.code(), null, null, x.key(),
                                        x.args() == null ? List.of() : restore(x.args())))
                                .toList()))
                        .toList()));
    }

    /** The actor's finished imports of the last week that left rows out, newest first. */
    public reactor.core.publisher.Flux<JobView> recentWithRejections(Actor actor) {
        return mongo.find(Query.query(Criteria.where("owner").is(actor.username()).and("status").is("DONE")
                                .and("rejected").gt(0).and("startedAt").gte(clock.now().minus(KEEP)))
                        .with(org.springframework.data.domain.Sort.by(org.springframework.data.domain.Sort.Direction.DESC,
                                "startedAt")), JobDoc.class)
                .map(d -> new JobView(d.id(), d.kind(), d.status(), d.read(), d.accepted(), d.rejected(), d.summary(),
                        d.rejectedRows() == null ? 0 : d.rejectedRows().size(), d.rejectedTruncated(), d.startedAt(),
                        d.finishedAt()));
    }

    private Mono<JobDoc> own(Actor actor, String id) {
        return mongo.findById(id, JobDoc.class)
                .filter(d -> d.owner() != null && d.owner().equals(actor.username()))
                .switchIfEmpty(Mono.error(() -> Problems.notFound("import", id)));
    }

    // message arguments are stored as text; a term to be localized (a unit, a label) as "@key"
    private static List<String> store(List<Object> args) {
        List<String> out = new ArrayList<>(args.size());
        for (Object a : args) {
            if (a instanceof MessageSourceResolvable r && r.getCodes() != null && r.getCodes().length > 0) {
                out.add("@" + r.getCodes()[0]);
            } else {
                out.add(a == null ? "" : a.toString());
            }
        }
        return out;
    }

    private static List<Object> restore(List<String> args) {
        List<Object> out = new ArrayList<>(args.size());
        for (String a : args) {
            out.add(a != null && a.startsWith("@") && a.length() > 1 ? Messages.term(a.substring(1)) : a);
        }
        return out;
    }

    /**
     * One running import: counters the importer moves as it goes, and the rejected rows it reports. Thread-safe;
     * {@link #flush()} writes the counters at most every 300 ms (call it where the importer may wait, e.g. between
     * batches), {@link #finish} writes everything once.
     */
    public final class Tracker {
        private final String id;
        private final AtomicInteger read = new AtomicInteger();
        private final AtomicInteger accepted = new AtomicInteger();
        private final AtomicInteger rejected = new AtomicInteger();
        private final List<StoredRow> rows = Collections.synchronizedList(new ArrayList<>());
        private volatile List<String> header = List.of();
        private volatile boolean truncated;
        private volatile Instant lastFlush = Instant.EPOCH;

        Tracker(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public void header(List<String> cells) {
            header = List.copyOf(cells.stream().map(c -> c == null ? "" : c.replace("\uFEFF", "").trim()).toList());
        }

        public void read(int n) {
            read.addAndGet(n);
        }

        public void accepted(int n) {
            accepted.addAndGet(n);
        }

        /** A rejected row with its cells as uploaded and why (kept up to {@value #MAX_REJECTED_KEPT}). */
        public void reject(int row, List<String> cells, FieldError error) {
            reject(row, cells, List.of(error));
        }

        public void reject(int row, List<String> cells, List<FieldError> errors) {
            rejected.incrementAndGet();
            if (rows.size() < MAX_REJECTED_KEPT) {
                rows.add(new StoredRow(row, cells == null ? List.of() : List.copyOf(cells.stream()
                        .map(c -> c == null ? "" : c).toList()), errors.stream()
                        .map(e -> new StoredReason(e.field(), e.code(), e.key(), store(e.args()))).toList()));
            } else {
                truncated = true;
            }
        }

        /** Writes the counters if the last write is older than 300 ms. */
        public Mono<Void> flush() {
            Instant now = clock.now();
            if (Duration.between(lastFlush, now).compareTo(FLUSH_EVERY) < 0) {
                return Mono.empty();
            }
            lastFlush = now;
            return mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update()
                    .set("read", read.get()).set("accepted", accepted.get()).set("rejected", rejected.get())
                    .set("updatedAt", now), JobDoc.class).then();
        }

        /** The import is over: final counters, the report's figures and the rejected rows. */
        public Mono<Void> finish(Map<String, Integer> summary) {
            List<StoredRow> kept;
            synchronized (rows) {
                kept = new ArrayList<>(rows);
            }
            kept.sort(java.util.Comparator.comparingInt(StoredRow::row));
            Instant now = clock.now();
            return mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("status", "DONE")
                    .set("read", read.get()).set("accepted", accepted.get()).set("rejected", rejected.get())
                    .set("summary", new LinkedHashMap<>(summary)).set("header", header).set("rejectedRows", kept)
                    .set("rejectedTruncated", truncated).set("updatedAt", now).set("finishedAt", now),
                    JobDoc.class).then();
        }

        /** The import stopped on a problem for the whole file (its answer says which). */
        public Mono<Void> fail() {
            Instant now = clock.now();
            return mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("status", "FAILED")
                    .set("read", read.get()).set("updatedAt", now).set("finishedAt", now), JobDoc.class).then();
        }

        public int rejectedCount() {
            return rejected.get();
        }

        public int acceptedSoFar() {
            return accepted.get();
        }
    }
}
