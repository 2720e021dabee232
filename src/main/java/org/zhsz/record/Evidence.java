package org.zhsz.record;

import java.time.Instant;
import java.util.List;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.ReactiveGridFsTemplate;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.stereotype.Component;
import org.zhsz.platform.UploadedFiles;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Evidence files (佐证材料) in GridFS: images and PDFs up to 10 MB under the platform's upload rules
 * ({@link UploadedFiles}: the type sniffed from the bytes, so a renamed .exe is refused with 415; image metadata
 * such as location removed everywhere in the file; a SHA-256 kept), off the event loop.
 */
@Component
class Evidence {

    static final long MAX_BYTES = 10L * 1024 * 1024;
    static final int MAX_PER_RECORD = 5;

    private final ReactiveGridFsTemplate gridFs;

    Evidence(ReactiveGridFsTemplate gridFs) {
        this.gridFs = gridFs;
    }

    record Stored(String id, String filename, String contentType, long size, String sha256, String studentId,
                  String schoolId, String uploadedBy, Instant uploadedAt) {
    }

    /** Streams the upload in (at most 10 MB), checks its real type, strips image metadata; then stores it. */
    Mono<Stored> store(FilePart part, String studentId, String schoolId, String uploadedBy, Instant now) {
        return UploadedFiles.receive(part, UploadedFiles.IMAGES_AND_PDF, MAX_BYTES)
                .flatMap(clean -> {
                    Document meta = new Document("studentId", studentId).append("schoolId", schoolId)
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
