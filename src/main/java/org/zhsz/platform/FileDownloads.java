package org.zhsz.platform;

import java.nio.charset.StandardCharsets;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import reactor.core.publisher.Flux;

/**
 * A file a person uploaded (evidence, a notice's attachment), sent back to be shown in the browser: its sniffed
 * type and size, the name as uploaded, no type guessing by the browser and, should it be opened on its own, a
 * sandbox so that nothing in it runs with the platform's origin.
 */
public final class FileDownloads {

    private FileDownloads() {
    }

    public static ResponseEntity<Flux<DataBuffer>> inline(String contentType, long size, String filename,
                                                          Flux<DataBuffer> content) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(contentType))
                .contentLength(size)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(filename, StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox")
                .body(content);
    }
}
