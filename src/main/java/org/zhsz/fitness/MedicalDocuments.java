package org.zhsz.fitness;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

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
 * Medical documents (免测 certificates, 特异体质 diagnoses) in GridFS under the platform's upload rules
 * ({@link UploadedFiles}): at most 10 MB, only JPEG, PNG or PDF as recognised from the content itself (the
 * declared type and file name are not trusted), otherwise 415; images lose their metadata before storing.
 */
@Component
class MedicalDocuments {

    static final long MAX_BYTES = 10L * 1024 * 1024;
    static final Set<UploadedFiles.Type> TYPES = EnumSet.of(UploadedFiles.Type.JPEG, UploadedFiles.Type.PNG,
            UploadedFiles.Type.PDF);

    record Stored(String id, String filename, String contentType, long size) {
    }

    record Download(String filename, String contentType, long size, Flux<DataBuffer> content) {
    }

    private final ReactiveGridFsTemplate gridFs;

    MedicalDocuments(ReactiveGridFsTemplate gridFs) {
        this.gridFs = gridFs;
    }

    Mono<Stored> store(FilePart part, String schoolId, String studentId, String purpose, String by, Instant at) {
        return UploadedFiles.receive(part, TYPES, MAX_BYTES)
                .flatMap(clean -> store(clean, schoolId, studentId, purpose, by, at));
    }

    Mono<Stored> store(byte[] bytes, String filename, String schoolId, String studentId, String purpose, String by,
                       Instant at) {
        return Mono.fromCallable(() -> UploadedFiles.clean(bytes, filename, TYPES, MAX_BYTES))
                .flatMap(clean -> store(clean, schoolId, studentId, purpose, by, at));
    }

    private Mono<Stored> store(UploadedFiles.Clean clean, String schoolId, String studentId, String purpose,
                               String by, Instant at) {
        Document meta = new Document("schoolId", schoolId).append("studentId", studentId).append("purpose", purpose)
                .append("uploadedBy", by).append("uploadedAt", java.util.Date.from(at))
                .append("_contentType", clean.contentType());
        Flux<DataBuffer> content = Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(clean.bytes()));
        return gridFs.store(content, clean.filename(), clean.contentType(), meta)
                .map(id -> new Stored(id.toHexString(), clean.filename(), clean.contentType(), clean.size()));
    }

    Mono<Download> open(String id) {
        if (id == null || !ObjectId.isValid(id)) {
            return Mono.empty();
        }
        return gridFs.findOne(Query.query(Criteria.where("_id").is(new ObjectId(id))))
                .flatMap(file -> gridFs.getResource(file).map(res -> {
                    Document meta = file.getMetadata();
                    String type = meta == null ? "application/octet-stream" : meta.getString("_contentType");
                    return new Download(file.getFilename(), type, file.getLength(), res.getDownloadStream());
                }));
    }

    Mono<Void> delete(String id) {
        if (id == null || !ObjectId.isValid(id)) {
            return Mono.empty();
        }
        return gridFs.delete(Query.query(Criteria.where("_id").is(new ObjectId(id))));
    }
}
