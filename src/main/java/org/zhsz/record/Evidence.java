package org.zhsz.record;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
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
import org.zhsz.platform.Problems;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Evidence files (佐证材料) in GridFS: images and PDFs up to 10 MB, the type sniffed from the bytes (a renamed
 * .exe is refused with 415), JPEG location removed, a SHA-256 kept. Hashing and scrubbing run off the event loop.
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

    static String sniff(byte[] b) {
        if (JpegScrubber.isJpeg(b)) {
            return "image/jpeg";
        }
        if (b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "image/png";
        }
        if (b.length > 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E'
                && b[10] == 'B' && b[11] == 'P') {
            return "image/webp";
        }
        if (b.length > 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-') {
            return "application/pdf";
        }
        return null;
    }

    /** Reads the upload to a temp file, checks size and type, cleans JPEG metadata; emits the bytes to store. */
    Mono<Stored> store(FilePart part, String studentId, String schoolId, String uploadedBy, Instant now) {
        return Mono.fromCallable(() -> Files.createTempFile("evidence-", ".upload"))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(tmp -> part.transferTo(tmp)
                        .then(Mono.fromCallable(() -> prepare(tmp)).subscribeOn(Schedulers.boundedElastic()))
                        .doFinally(s -> {
                            try {
                                Files.deleteIfExists(tmp);
                            } catch (IOException ignored) {
                                // temp file
                            }
                        }))
                .flatMap(p -> {
                    String filename = safeName(part.filename(), p.contentType());
                    Document meta = new Document("studentId", studentId).append("schoolId", schoolId)
                            .append("uploadedBy", uploadedBy).append("contentType", p.contentType())
                            .append("sha256", p.sha256()).append("size", (long) p.bytes().length)
                            .append("uploadedAt", java.util.Date.from(now));
                    Flux<DataBuffer> content = Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(p.bytes()));
                    return gridFs.store(content, filename, p.contentType(), meta)
                            .map(id -> new Stored(id.toHexString(), filename, p.contentType(), p.bytes().length,
                                    p.sha256(), studentId, schoolId, uploadedBy, now));
                });
    }

    private record Prepared(byte[] bytes, String contentType, String sha256) {
    }

    private static Prepared prepare(Path tmp) throws IOException {
        long size = Files.size(tmp);
        if (size > MAX_BYTES) {
            throw Problems.tooLarge("Evidence files may be at most 10 MB");
        }
        if (size == 0) {
            throw Problems.invalid("file", "empty", "the file is empty");
        }
        byte[] bytes = Files.readAllBytes(tmp);
        String type = sniff(bytes);
        if (type == null) {
            throw Problems.unsupportedMediaType("Only JPEG, PNG, WebP images and PDF documents are accepted");
        }
        if ("image/jpeg".equals(type)) {
            try {
                bytes = JpegScrubber.scrub(bytes);
            } catch (IllegalArgumentException e) {
                throw Problems.unsupportedMediaType("The JPEG file is damaged");
            }
        }
        return new Prepared(bytes, type, sha256(bytes));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String safeName(String original, String type) {
        String ext = switch (type) {
            case "image/jpeg" -> ".jpg";
            case "image/png" -> ".png";
            case "image/webp" -> ".webp";
            default -> ".pdf";
        };
        String base = original == null ? "evidence" : original.replaceAll("[\\\\/:*?\"<>|\\x00-\\x1f]", "_");
        int dot = base.lastIndexOf('.');
        if (dot > 0) {
            base = base.substring(0, dot);
        }
        if (base.length() > 80) {
            base = base.substring(0, 80);
        }
        return (base.isBlank() ? "evidence" : base) + ext;
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
