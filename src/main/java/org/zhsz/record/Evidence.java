package org.zhsz.record;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.mongodb.gridfs.ReactiveGridFsTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.stereotype.Component;
import org.zhsz.platform.ApiException;
import org.zhsz.platform.UploadedFiles;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Evidence files (佐证材料) in GridFS: images and PDFs up to 10 MB under the platform's upload rules
 * ({@link UploadedFiles}: the type sniffed from the bytes, so a renamed .exe is refused with 415; image metadata
 * such as location removed everywhere in the file; a SHA-256 kept), off the event loop. All of a student's
 * evidence together stays under a quota (413 past it). A file is <em>claimed</em> when a record is saved with it,
 * and once seen in a record it is <em>attached</em>; files neither attached nor recently uploaded or claimed are
 * removed by {@link EvidenceCleanup}.
 */
@Component
class Evidence {

    static final long MAX_BYTES = 10L * 1024 * 1024;
    static final int MAX_PER_RECORD = 5;

    static final String FILES = "fs.files";
    static final String KIND = "evidence";

    private final ReactiveGridFsTemplate gridFs;
    private final ReactiveMongoTemplate mongo;
    private final EvidenceProperties props;

    Evidence(ReactiveGridFsTemplate gridFs, ReactiveMongoTemplate mongo, EvidenceProperties props) {
        this.gridFs = gridFs;
        this.mongo = mongo;
        this.props = props;
    }

    /** The evidence files of the platform: those marked as such, and older ones stored before the mark existed. */
    static Criteria isEvidence() {
        return new Criteria().orOperator(Criteria.where("metadata.kind").is(KIND),
                Criteria.where("metadata.kind").exists(false).and("metadata.purpose").exists(false)
                        .and("metadata.studentId").exists(true));
    }

    /** Bytes of evidence a student has stored (attached or not). */
    Mono<Long> usedBytes(String studentId) {
        Query q = Query.query(new Criteria().andOperator(Criteria.where("metadata.studentId").is(studentId),
                isEvidence()));
        q.fields().include("length");
        return mongo.find(q, Document.class, FILES)
                .map(d -> d.get("length") instanceof Number n ? n.longValue() : 0L)
                .reduce(0L, Long::sum);
    }

    private Mono<UploadedFiles.Clean> withinQuota(String studentId, UploadedFiles.Clean clean) {
        long quota = props.quotaPerStudent().toBytes();
        return usedBytes(studentId).flatMap(used -> used + clean.size() <= quota ? Mono.just(clean)
                : Mono.error(new ApiException(HttpStatus.CONTENT_TOO_LARGE, "evidence_quota_exceeded",
                        "This student's evidence files would exceed " + mb(quota) + " MB (" + mb(used)
                                + " MB used); make the file smaller or ask the school administrator", List.of(), Map.of("quotaBytes", quota,
                        "usedBytes", used), mb(quota), mb(used))));
    }

    private static String mb(long bytes) {
        return java.math.BigDecimal.valueOf(bytes).divide(java.math.BigDecimal.valueOf(1024 * 1024), 1,
                java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /**
     * Marks the file as about to be saved in a record (so the cleanup leaves it alone) and answers it; empty when
     * it does not exist (any more).
     */
    Mono<Stored> claim(String id, Instant at) {
        if (!ObjectId.isValid(id)) {
            return Mono.empty();
        }
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(new ObjectId(id))),
                        new Update().set("metadata.claimedAt", Date.from(at)), FILES)
                .then(find(id));
    }

    record Stored(String id, String filename, String contentType, long size, String sha256, String studentId,
                  String schoolId, String uploadedBy, @Nullable Instant uploadedAt) {
    }

    /** Streams the upload in (at most 10 MB), checks its real type, strips image metadata; then stores it. */
    Mono<Stored> store(FilePart part, String studentId, String schoolId, String uploadedBy, Instant now) {
        return UploadedFiles.receive(part, UploadedFiles.IMAGES_AND_PDF, MAX_BYTES)
                .flatMap(clean -> withinQuota(studentId, clean))
                .flatMap(clean -> {
                    Document meta = new Document("kind", KIND).append("studentId", studentId)
                            .append("schoolId", schoolId)
                            .append("uploadedBy", uploadedBy).append("contentType", clean.contentType())
                            .append("sha256", clean.sha256()).append("size", clean.size())
                            .append("uploadedAt", java.util.Date.from(now));
                    Flux<DataBuffer> content = Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(clean.bytes()));
                    return gridFs.store(content, clean.filename(), clean.contentType(), meta)
                            .map(id -> new Stored(id.toHexString(), clean.filename(), clean.contentType(),
                                    clean.size(), clean.sha256(), studentId, schoolId, uploadedBy, now));
                });
    }

    Mono<Stored> find(String id) {
        if (!ObjectId.isValid(id)) {
            return Mono.empty();
        }
        return gridFs.findOne(Query.query(Criteria.where("_id").is(new ObjectId(id)))).map(f -> {
            Document m = f.getMetadata() == null ? new Document() : f.getMetadata();
            java.util.Date up = m.getDate("uploadedAt");
            return new Stored(id, f.getFilename(), m.getString("contentType"), f.getLength(), m.getString("sha256"),
                    m.getString("studentId"), m.getString("schoolId"), m.getString("uploadedBy"),
                    up == null ? null : up.toInstant());
        });
    }

    Flux<Stored> findAll(List<String> ids) {
        return Flux.fromIterable(ids).concatMap(this::find);
    }

    Flux<DataBuffer> content(String id) {
        return gridFs.findOne(Query.query(Criteria.where("_id").is(new ObjectId(id))))
                .flatMap(gridFs::getResource)
                .flatMapMany(r -> r.getDownloadStream());
    }

    Mono<Void> delete(String id) {
        return gridFs.delete(Query.query(Criteria.where("_id").is(new ObjectId(id))));
    }
}
