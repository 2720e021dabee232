package org.zhsz.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.codec.multipart.FilePart;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The rules every uploaded photo or document follows, in one place (evidence files, medical documents, and any
 * module that takes a file from a person): the size is limited while the upload streams in (413), the type is
 * recognised from the bytes themselves — the declared type and the file name are not trusted — and must be one
 * the caller allows (415), images lose their metadata ({@link ImageMetadata}: location, camera, comments …; a
 * damaged image is a 415), the SHA-256 of the cleaned bytes is computed and the file name is made safe.
 *
 * <pre>{@code
 * UploadedFiles.receive(part, UploadedFiles.IMAGES_AND_PDF, 10L * 1024 * 1024)
 *         .flatMap(clean -> gridFs.store(..., clean.filename(), clean.contentType(), ...));
 * }</pre>
 * Hashing and stripping run on {@code Schedulers.boundedElastic()}, never on the event loop.
 */
public final class UploadedFiles {

    /** What a file really is, from its first bytes. */
    public enum Type {
        JPEG("image/jpeg", ".jpg", "JPEG"),
        PNG("image/png", ".png", "PNG"),
        WEBP("image/webp", ".webp", "WebP"),
        PDF("application/pdf", ".pdf", "PDF");

        private final String contentType;
        private final String extension;
        private final String label;

        Type(String contentType, String extension, String label) {
            this.contentType = contentType;
            this.extension = extension;
            this.label = label;
        }

        public String contentType() {
            return contentType;
        }

        public String extension() {
            return extension;
        }
    }

    public static final Set<Type> IMAGES_AND_PDF = EnumSet.allOf(Type.class);

    /** A file ready to store: cleaned bytes, its real type, their SHA-256 (hex) and a safe file name. */
    public record Clean(byte[] bytes, Type type, String sha256, String filename) {
        public String contentType() {
            return type.contentType();
        }

        public long size() {
            return bytes.length;
        }
    }

    private UploadedFiles() {
    }

    public static Type sniff(byte[] b) {
        if (ImageMetadata.isJpeg(b)) {
            return Type.JPEG;
        }
        if (ImageMetadata.isPng(b)) {
            return Type.PNG;
        }
        if (ImageMetadata.isWebp(b)) {
            return Type.WEBP;
        }
        if (b.length > 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-') {
            return Type.PDF;
        }
        return null;
    }

    /**
     * Streams {@code part} into a temporary file, stopping with 413 as soon as it passes {@code maxBytes}, then
     * {@link #clean}s it off the event loop. The temporary file is always deleted.
     */
    public static Mono<Clean> receive(FilePart part, Set<Type> allowed, long maxBytes) {
        return Mono.fromCallable(() -> Files.createTempFile("zhsz-upload-", ".part"))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(tmp -> {
                    AtomicLong seen = new AtomicLong();
                    Flux<DataBuffer> limited = part.content().handle((buf, sink) -> {
                        if (seen.addAndGet(buf.readableByteCount()) > maxBytes) {
                            DataBufferUtils.release(buf);
                            sink.error(tooLarge(maxBytes));
                        } else {
                            sink.next(buf);
                        }
                    });
                    return DataBufferUtils.write(limited, tmp)
                            .then(Mono.fromCallable(() -> clean(Files.readAllBytes(tmp), part.filename(), allowed,
                                    maxBytes)).subscribeOn(Schedulers.boundedElastic()))
                            .doFinally(s -> deleteQuietly(tmp));
                });
    }

    /** Checks and cleans bytes already in memory (blocking: call it off the event loop for large files). */
    public static Clean clean(byte[] bytes, String originalName, Set<Type> allowed, long maxBytes) {
        if (bytes.length > maxBytes) {
            throw tooLarge(maxBytes);
        }
        if (bytes.length == 0) {
            throw Problems.invalid("file", "empty", "the file is empty");
        }
        Type type = sniff(bytes);
        if (type == null || !allowed.contains(type)) {
            String labels = allowed.stream().map(t -> t.label).collect(Collectors.joining(", "));
            throw Problems.unsupportedMediaType("Only these file types are accepted: " + labels);
        }
        byte[] clean;
        try {
            clean = ImageMetadata.strip(bytes, type.contentType());
        } catch (IllegalArgumentException e) {
            throw Problems.unsupportedMediaType("The " + type.label + " file is damaged");
        }
        return new Clean(clean, type, sha256(clean), safeName(originalName, type));
    }

    public static ApiException tooLarge(long maxBytes) {
        return Problems.tooLarge("Files may be at most " + (maxBytes / (1024 * 1024)) + " MB");
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The uploaded name without path, control or reserved characters and bidi controls, at most 80 characters
     * before the extension, which is always the one of the real type.
     */
    public static String safeName(String original, Type type) {
        String base = original == null ? "" : original.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}\\u202A-\\u202E\\u2066-\\u2069]",
                "_").strip();
        int dot = base.lastIndexOf('.');
        if (dot > 0) {
            base = base.substring(0, dot);
        }
        if (base.length() > 80) {
            base = base.substring(0, 80);
        }
        if (base.isBlank() || SafeText.check(base, false) != null) {
            base = "file";
        }
        return base + type.extension();
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a temporary file; the OS cleans up
        }
    }
}
