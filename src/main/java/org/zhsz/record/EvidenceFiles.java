package org.zhsz.record;

import java.time.Instant;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The evidence upload rules as a service for other modules (notice attachments, home-task photos): the type is
 * sniffed from the bytes (JPEG, PNG, WebP, PDF; anything else 415), at most 10 MB (413), an empty file 422,
 * metadata removed from JPEG photos, a SHA-256 kept; the work runs off the event loop. Access is checked by the
 * caller, which also decides who may later read the file.
 */
@Service
public class EvidenceFiles {

    private final Evidence evidence;

    EvidenceFiles(Evidence evidence) {
        this.evidence = evidence;
    }

    /** A stored file; {@code studentId} is null for files that are about no student (e.g. a notice's attachment). */
    public record StoredFile(String id, String filename, String contentType, long size, String sha256,
                             String studentId, String schoolId, String uploadedBy, Instant uploadedAt) {
    }

    public Mono<StoredFile> store(FilePart part, String studentId, String schoolId, String uploadedBy, Instant now) {
        return evidence.store(part, studentId, schoolId, uploadedBy, now).map(EvidenceFiles::of);
    }

    public Mono<StoredFile> find(String id) {
        return evidence.find(id).map(EvidenceFiles::of);
    }

    public Flux<DataBuffer> content(String id) {
        return evidence.content(id);
    }

    public Mono<Void> delete(String id) {
        return evidence.find(id).flatMap(f -> evidence.delete(f.id()));
    }

    private static StoredFile of(Evidence.Stored s) {
        return new StoredFile(s.id(), s.filename(), s.contentType(), s.size(), s.sha256(), s.studentId(),
                s.schoolId(), s.uploadedBy(), s.uploadedAt());
    }
}
