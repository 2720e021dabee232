package org.zhsz.archive;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.zhsz.platform.Actor;
import org.zhsz.platform.Problems;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1")
class DossierController {

    static final int MAX_UPLOAD = 20 * 1024 * 1024;

    private final Dossiers dossiers;
    private final RateLimiter limiter;
    private final org.zhsz.platform.Messages messages;

    DossierController(Dossiers dossiers, Clock clock,
                      @Value("${zhsz.archive.verify-per-minute:30}") int perMinute,
                      org.zhsz.platform.Messages messages) {
        this.dossiers = dossiers;
        this.messages = messages;
        this.limiter = new RateLimiter(perMinute, clock);
    }

    /** The signed dossier PDF: the student, a guardian, the school admin, or an admissions officer holding a release. */
    @GetMapping(path = "/students/{id}/dossier.pdf", produces = {MediaType.APPLICATION_PDF_VALUE,
            MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    Mono<ResponseEntity<byte[]>> dossier(Actor actor, @PathVariable String id) {
        return dossiers.dossier(actor, id).map(r -> ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("综合素质评价档案-" + r.issued().code() + ".pdf", StandardCharsets.UTF_8).build()
                        .toString())
                .header("X-Verification-Code", new VerificationCode(r.issued().code()).formatted())
                .body(r.pdf()));
    }

    private void limit(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        String key = remote == null ? "unknown" : remote.getAddress().getHostAddress();
        if (!limiter.tryAcquire(key)) {
            throw Problems.tooManyRequests("Too many verification requests; try again in a minute");
        }
    }

    /** Public, no login: what the QR code on a dossier points to. */
    @GetMapping("/verify/{code}")
    Mono<Dossiers.Status> verify(@PathVariable String code, ServerWebExchange exchange) {
        limit(exchange);
        return dossiers.status(code);
    }

    /** Public, no login: upload a dossier PDF to check its signature, its hash and whether it is current. */
    @PostMapping(path = "/verify", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<Dossiers.FileCheck> verifyFile(@RequestPart("file") Mono<FilePart> file, ServerWebExchange exchange,
                                        java.util.Locale locale) {
        limit(exchange);
        return file.switchIfEmpty(Mono.error(() -> Problems.invalid("file", "required", "upload the dossier PDF")))
                .flatMap(part -> DataBufferUtils.join(part.content(), MAX_UPLOAD)
                        .onErrorMap(org.springframework.core.io.buffer.DataBufferLimitException.class,
                                e -> Problems.tooLarge("A dossier is at most 20 MB")))
                .map(buf -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream(buf.readableByteCount());
                    byte[] b = new byte[buf.readableByteCount()];
                    buf.read(b);
                    DataBufferUtils.release(buf);
                    out.writeBytes(b);
                    return out.toByteArray();
                })
                .flatMap(bytes -> {
                    if (bytes.length < 5 || bytes[0] != '%' || bytes[1] != 'P' || bytes[2] != 'D' || bytes[3] != 'F') {
                        return Mono.error(new org.zhsz.platform.ApiException(org.springframework.http.HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                                "not_a_pdf", "Upload the dossier as a PDF file", java.util.List.of(), java.util.Map.of()));
                    }
                    return dossiers.check(bytes).map(c -> c.localized(messages, locale));
                });
    }

    record Revoke(@NotBlank @Size(max = 300) String reason) {
    }

    @PostMapping("/dossiers/{code}/revoke")
    Mono<Dossiers.Status> revoke(Actor actor, @PathVariable String code, @Valid @RequestBody Revoke body) {
        return dossiers.revoke(actor, code, body.reason());
    }
}
