package org.zhsz.fitness;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads and writes {@code fitness_results}. Writes go as one unordered bulk command per batch: a new result is an
 * insert, a changed one a replacement guarded by the version it was read at. A stale version (or a result created
 * meanwhile by someone else) makes that one write fail with a duplicate key, which is reported per row; the other
 * writes of the batch land.
 */
@Component
class ResultStore {

    static final String COLLECTION = ResultDocuments.COLLECTION;

    private final ReactiveMongoTemplate mongo;

    ResultStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Indexes, created at startup. The business key "one result per student and school year" is the {@code _id}
     * itself ({@code <studentId>:<schoolYear>}, see {@link SchoolYears#resultId}), so the _id index enforces it and a
     * duplicate can never be stored, in either store. {@code student_year_version} (unique, because it extends that
     * key) serves the optimistic-locking filter of every update and a student's history: the embedded store only
     * uses an index whose keys equal the query's keys, and without it each update would scan the collection.
     * A separate unique {studentId, schoolYear} index would only repeat the _id's guarantee, and every unique index
     * costs the embedded store a serialising B-tree search per write (see bench/README.md).
     * {@code school_year_grade} serves exports and statistics on a real MongoDB (the embedded store ignores
     * non-unique indexes).
     */
    Mono<Void> ensureIndexes() {
        var ops = mongo.indexOps(COLLECTION);
        return ops.createIndex(new Index().on("studentId", Sort.Direction.ASC)
                        .on("schoolYear", Sort.Direction.ASC).on("version", Sort.Direction.ASC).unique()
                        .named("student_year_version"))
                .then(ops.createIndex(new Index().on("schoolId", Sort.Direction.ASC)
                        .on("schoolYear", Sort.Direction.ASC).on("grade", Sort.Direction.ASC)
                        .named("school_year_grade")))
                .then();
    }

    Mono<FitnessResult> find(String studentId, String year) {
        return mongo.findById(SchoolYears.resultId(studentId, year), Document.class, COLLECTION)
                .map(ResultDocuments::fromDocument);
    }

    /**
     * By id ({@code studentId:schoolYear}); served by the _id index in both stores, in queries of at most
     * {@value #IN_CHUNK} ids because the embedded store re-checks each found document against the whole {@code $in}
     * list (quadratic in its length).
     */
    Flux<FitnessResult> findAll(Collection<String> ids) {
        List<String> all = List.copyOf(new java.util.LinkedHashSet<>(ids));
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += IN_CHUNK) {
            chunks.add(all.subList(i, Math.min(all.size(), i + IN_CHUNK)));
        }
        return Flux.fromIterable(chunks)
                .flatMap(c -> mongo.find(Query.query(Criteria.where("_id").in(c)), Document.class, COLLECTION), 2)
                .map(ResultDocuments::fromDocument);
    }

    static final int IN_CHUNK = 100;

    /** A student's results over a range of school years, oldest first. */
    Flux<FitnessResult> ofStudent(String studentId, int fromStart, int toStart) {
        List<String> ids = new ArrayList<>();
        for (int y = fromStart; y <= toStart; y++) {
            ids.add(SchoolYears.resultId(studentId, SchoolYears.ofStart(y)));
        }
        return findAll(ids).sort((a, b) -> a.schoolYear().compareTo(b.schoolYear()));
    }

    /** Projected documents of the given schools and years, for statistics and exports. */
    Flux<Document> select(Collection<String> schoolIds, Collection<String> years, Integer grade, List<String> fields,
                          Sort sort) {
        Criteria c = Criteria.where("schoolId").in(schoolIds).and("schoolYear").in(years);
        if (grade != null) {
            c = c.and("grade").is(grade);
        }
        Query q = Query.query(c);
        if (fields != null) {
            fields.forEach(f -> q.fields().include(f));
        }
        if (sort != null) {
            q.with(sort);
        }
        return mongo.find(q, Document.class, COLLECTION);
    }

    /**
     * Writes the batch (each result as it was read, changes applied; its version is the one read) and emits the
     * indexes of the writes that lost a race (stale version or created meanwhile). Empty batches write nothing.
     */
    Mono<Set<Integer>> write(List<FitnessResult> batch) {
        if (batch.isEmpty()) {
            return Mono.just(Set.of());
        }
        List<WriteModel<Document>> models = new ArrayList<>(batch.size());
        for (FitnessResult r : batch) {
            Document doc = ResultDocuments.toDocument(r);
            doc.put("version", r.version() + 1);
            if (r.isNew()) {
                models.add(new InsertOneModel<>(doc));
            } else {
                Bson filter = Filters.and(Filters.eq("studentId", r.studentId()),
                        Filters.eq("schoolYear", r.schoolYear()), Filters.eq("version", r.version()));
                models.add(new ReplaceOneModel<>(filter, doc, new ReplaceOptions().upsert(true)));
            }
        }
        return mongo.getCollection(COLLECTION)
                .flatMap(c -> Mono.from(c.bulkWrite(models, new BulkWriteOptions().ordered(false))))
                .<Set<Integer>>map(r -> Set.of())
                .onErrorResume(MongoBulkWriteException.class, e -> {
                    Set<Integer> failed = new HashSet<>();
                    for (BulkWriteError err : e.getWriteErrors()) {
                        if (err.getCode() != 11000) {
                            return Mono.error(e);
                        }
                        failed.add(err.getIndex());
                    }
                    return Mono.just(failed);
                });
    }
}
