package org.zhsz.platform.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.zhsz.platform.Actor;
import org.zhsz.platform.FieldError;
import org.zhsz.platform.ImportJobs;
import org.zhsz.platform.Messages;
import org.zhsz.platform.Problems;
import org.zhsz.platform.RejectedRowsSheet;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * An uploader's own imports: progress while one runs, and afterwards the rejected rows as a sheet with a reason
 * column. The rows are what that person uploaded, given back to them only (anyone else gets 404), so reading them
 * discloses nothing new and is not audited as a read of stored data.
 */
@RestController
@RequestMapping("/api/v1/imports")
class ImportJobController {

    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ImportJobs jobs;
    private final Messages messages;

    ImportJobController(ImportJobs jobs, Messages messages) {
        this.jobs = jobs;
        this.messages = messages;
    }

    @GetMapping("/{id}")
    Mono<ImportJobs.JobView> job(Actor actor, @PathVariable String id) {
        return jobs.view(actor, id);
    }

    @GetMapping("/{id}/rejected")
    Mono<ResponseEntity<byte[]>> rejected(Actor actor, @PathVariable String id, Locale locale) {
        return jobs.rejected(actor, id).flatMap(r -> {
            if (r.rows().isEmpty()) {
                return Mono.error(Problems.rule("no_rejected_rows", "This import has no rejected rows"));
            }
            String kind = messages.text(locale, "import.kind." + r.kind());
            return Mono.fromCallable(() -> RejectedRowsSheet.write(r, messages.text(locale, "import.rejected.sheet"),
                            messages.text(locale, "import.rejected.reasonColumn"), e -> reason(locale, e)))
                    .subscribeOn(Schedulers.boundedElastic())
                    .map(bytes -> ResponseEntity.ok().contentType(XLSX)
                            .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                                    .filename(messages.text(locale, "import.rejected.filename", kind) + ".xlsx",
                                            StandardCharsets.UTF_8).build().toString())
                            .body(bytes));
        });
    }

    /** "学籍号：…" unless a message names its field already; several reasons joined by "；". */
    private String reason(Locale locale, java.util.List<FieldError> errors) {
        return String.join(messages.text(locale, "import.rejected.joiner"), errors.stream().map(e -> {
            FieldError l = messages.localize(locale, e);
            String text = l.message() == null ? "" : l.message();
            return l.label() == null || text.contains(l.label()) ? text : l.label() + "：" + text;
        }).toList());
    }
}
