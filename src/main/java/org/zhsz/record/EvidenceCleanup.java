package org.zhsz.record;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.mongodb.gridfs.ReactiveGridFsTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.zhsz.platform.SchoolClock;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Removes evidence files that were uploaded but never attached to a record (the form was abandoned), once they are
 * older than the grace period and were not claimed by a record being saved within it. A file found in a record is
 * marked attached and is never removed here (later edits and voids keep it for the record's history). A record
 * being saved at the same moment claims its files first, and removal re-checks the claim, so a file is not pulled
 * from under a save.
 */
@Component
class EvidenceCleanup {

    private static final Logger log = LoggerFactory.getLogger(EvidenceCleanup.class);
    private static final int BATCH = 500;

    private final ReactiveMongoTemplate mongo;
    private final ReactiveGridFsTemplate gridFs;
    private final EvidenceProperties props;
    private final SchoolClock clock;

    EvidenceCleanup(ReactiveMongoTemplate mongo, ReactiveGridFsTemplate gridFs, EvidenceProperties props,
                    SchoolClock clock) {
        this.mongo = mongo;
        this.gridFs = gridFs;
        this.props = props;
        this.clock = clock;
    }

    /** For a real MongoDB: a student's files (quota), and records by evidence file (cleanup). */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void createIndexes() {
        reactor.core.publisher.Flux.concat(
                        mongo.indexOps(Evidence.FILES).createIndex(new org.springframework.data.mongodb.core.index.Index()
                                .on("metadata.studentId", org.springframework.data.domain.Sort.Direction.ASC)
                                .named("metadata.studentId_1")),
                        mongo.indexOps("records").createIndex(new org.springframework.data.mongodb.core.index.Index()
                                .on("evidence", org.springframework.data.domain.Sort.Direction.ASC).named("evidence_1")))
                .onErrorResume(e -> {
                    log.warn("Could not create the evidence indexes: {}", e.toString());
                    return Mono.empty();
                })
                .then().block(java.time.Duration.ofSeconds(60));
    }

    @Scheduled(fixedDelayString = "${zhsz.records.evidence.cleanup-every:1h}",
            initialDelayString = "${zhsz.records.evidence.cleanup-every:1h}")
    void run() {
        long removed = removeUnattached(clock.now()).block(java.time.Duration.ofMinutes(30));
        if (removed > 0) {
            log.info("Removed {} evidence files that were never attached to a record", removed);
        }
    }

    /** Not attached, and neither uploaded nor claimed since {@code now} minus the grace period. */
    private Criteria removable(Instant now) {
        Date cutoff = Date.from(now.minus(props.unattachedGrace()));
        return new Criteria().andOperator(Evidence.isEvidence(),
                Criteria.where("metadata.attached").ne(true),
                Criteria.where("metadata.uploadedAt").lt(cutoff),
                new Criteria().orOperator(Criteria.where("metadata.claimedAt").exists(false),
                        Criteria.where("metadata.claimedAt").lt(cutoff)));
    }

    /** One pass at {@code now}; answers the number of files removed. */
    Mono<Long> removeUnattached(Instant now) {
        Query candidates = Query.query(removable(now));
        candidates.fields().include("_id");
        return mongo.find(candidates, Document.class, Evidence.FILES)
                .map(d -> d.getObjectId("_id"))
                .buffer(BATCH)
                .concatMap(batch -> sweep(batch, now))
                .reduce(0L, Long::sum);
    }

    private Mono<Long> sweep(List<ObjectId> batch, Instant now) {
        List<String> hex = batch.stream().map(ObjectId::toHexString).toList();
        Query inRecords = Query.query(Criteria.where("evidence").in(hex));
        inRecords.fields().include("evidence");
        return mongo.find(inRecords, Document.class, "records")
                .flatMapIterable(r -> r.getList("evidence", String.class, List.of()))
                .collect(HashSet<String>::new, Set::add)
                .flatMap(referenced -> {
                    List<ObjectId> attached = new ArrayList<>();
                    List<ObjectId> orphans = new ArrayList<>();
                    for (ObjectId id : batch) {
                        (referenced.contains(id.toHexString()) ? attached : orphans).add(id);
                    }
                    Mono<Void> mark = attached.isEmpty() ? Mono.empty()
                            : mongo.updateMulti(Query.query(Criteria.where("_id").in(attached)),
                                    new Update().set("metadata.attached", true), Evidence.FILES).then();
                    Mono<Long> remove = orphans.isEmpty() ? Mono.just(0L)
                            : Flux.fromIterable(orphans)
                            .concatMap(id -> gridFs.delete(Query.query(new Criteria().andOperator(
                                            Criteria.where("_id").is(id), removable(now))))
                                    .then(mongo.exists(Query.query(Criteria.where("_id").is(id)), Evidence.FILES))
                                    .map(stillThere -> stillThere ? 0L : 1L))
                            .reduce(0L, Long::sum);
                    return mark.then(remove);
                });
    }
}
