package org.zhsz.fitness;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.ReactiveGridFsTemplate;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.stereotype.Component;
import org.zhsz.platform.Problems;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Medical documents (免测 certificates, 特异体质 diagnoses) in GridFS, like any evidence file: at most 10 MB, and
 * only JPEG, PNG or PDF as recognised from the content itself (the declared type and file name are not trusted),
 * otherwise 415. JPEG and PNG lose their metadata segments (EXIF, which may hold a location) before storing.
 */
@Component
class MedicalDocuments {

    static final long MAX_BYTES = 10L * 1024 * 1024;

    record Stored(String id, String filename, String contentType, long size) {
    }

    record Download(String filename, String contentType, long size, Flux<DataBuffer> content) {
    }

    private final ReactiveGridFsTemplate gridFs;

    MedicalDocuments(ReactiveGridFsTemplate gridFs) {
        this.gridFs = gridFs;
    }

    Mono<Stored> store(FilePart part, String schoolId, String studentId, String purpose, String by, Instant at) {
        return DataBufferUtils.join(part.content(), (int) MAX_BYTES + 1)
                .onErrorMap(org.springframework.core.io.buffer.DataBufferLimitException.class,
                        e -> Problems.tooLarge("Medical documents may be at most 10 MB"))
                .map(buf -> {
                    try {
                        byte[] bytes = new byte[buf.readableByteCount()];
                        buf.read(bytes);
                        return bytes;
                    } finally {
                        DataBufferUtils.release(buf);
                    }
                })
                .switchIfEmpty(Mono.error(() -> Problems.invalid("file", "required", "the file is empty")))
                .publishOn(reactor.core.scheduler.Schedulers.boundedElastic()) // sniffing and stripping 10 MB
                .flatMap(bytes -> store(bytes, part.filename(), schoolId, studentId, purpose, by, at));
    }

    Mono<Stored> store(byte[] bytes, String filename, String schoolId, String studentId, String purpose, String by,
                       Instant at) {
        if (bytes.length == 0) {
            return Mono.error(Problems.invalid("file", "required", "the file is empty"));
        }
        if (bytes.length > MAX_BYTES) {
            return Mono.error(Problems.tooLarge("Medical documents may be at most 10 MB"));
        }
        String type = sniff(bytes);
        if (type == null) {
            return Mono.error(Problems.unsupportedMediaType("Medical documents must be JPEG, PNG or PDF"));
        }
        byte[] clean = switch (type) {
            case "image/jpeg" -> stripJpegMetadata(bytes);
            case "image/png" -> stripPngMetadata(bytes);
            default -> bytes;
        };
        String name = safeName(filename, type);
        Document meta = new Document("schoolId", schoolId).append("studentId", studentId).append("purpose", purpose)
                .append("uploadedBy", by).append("uploadedAt", java.util.Date.from(at)).append("_contentType", type);
        Flux<DataBuffer> content = Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(clean));
        return gridFs.store(content, name, type, meta)
                .map(id -> new Stored(id.toHexString(), name, type, clean.length));
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

    /** JPEG, PNG or PDF from the magic bytes; null for anything else. */
    static String sniff(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return "image/jpeg";
        }
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && b[4] == 0x0D
                && b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A) {
            return "image/png";
        }
        if (b.length >= 5 && new String(b, 0, 5, StandardCharsets.US_ASCII).equals("%PDF-")) {
            return "application/pdf";
        }
        return null;
    }

    /** Drops APP1–APP15 and COM segments (EXIF, XMP, comments) before the image data; keeps APP0 (JFIF). */
    static byte[] stripJpegMetadata(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        out.write(in, 0, 2); // SOI
        int i = 2;
        while (i + 4 <= in.length && (in[i] & 0xff) == 0xFF) {
            int marker = in[i + 1] & 0xff;
            if (marker == 0xDA || marker == 0xD9) { // start of scan / end: copy the rest as is
                break;
            }
            int len = ((in[i + 2] & 0xff) << 8) | (in[i + 3] & 0xff);
            if (len < 2 || i + 2 + len > in.length) {
                return in; // not a well-formed JPEG: keep it untouched rather than damage it
            }
            boolean metadata = (marker >= 0xE1 && marker <= 0xEF) || marker == 0xFE;
            if (!metadata) {
                out.write(in, i, 2 + len);
            }
            i += 2 + len;
        }
        out.write(in, i, in.length - i);
        return out.toByteArray();
    }

    /** Drops the eXIf, tEXt, zTXt, iTXt and tIME chunks. */
    static byte[] stripPngMetadata(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        out.write(in, 0, 8);
        int i = 8;
        while (i + 12 <= in.length) {
            long len = ((long) (in[i] & 0xff) << 24) | ((in[i + 1] & 0xff) << 16) | ((in[i + 2] & 0xff) << 8)
                    | (in[i + 3] & 0xff);
            if (len > in.length - i - 12) {
                return in;
            }
            String type = new String(in, i + 4, 4, StandardCharsets.US_ASCII);
            int total = (int) len + 12;
            if (!(type.equals("eXIf") || type.equals("tEXt") || type.equals("zTXt") || type.equals("iTXt")
                    || type.equals("tIME"))) {
                out.write(in, i, total);
            }
            i += total;
        }
        out.write(in, i, in.length - i);
        return out.toByteArray();
    }

    private static String safeName(String filename, String type) {
        String base = filename == null ? "" : filename.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").trim();
        if (base.length() > 120) {
            base = base.substring(base.length() - 120);
        }
        if (base.isEmpty()) {
            base = "document";
        }
        String ext = switch (type) {
            case "image/jpeg" -> ".jpg";
            case "image/png" -> ".png";
            default -> ".pdf";
        };
        String lower = base.toLowerCase(java.util.Locale.ROOT);
        if (!(lower.endsWith(ext) || (ext.equals(".jpg") && lower.endsWith(".jpeg")))) {
            base = base + ext;
        }
        return base;
    }
}
