package org.zhsz.fitness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.zhsz.platform.Actor;
import org.zhsz.platform.Messages;
import org.zhsz.platform.ETags;
import org.zhsz.platform.Problems;
import org.zhsz.platform.SafeText;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Fitness endpoints: score preview, class grid, student years, 补测/免测, import, export, statistics. */
@RestController
@RequestMapping("/api/v1")
class FitnessController {

    private static final String XLSX_VALUE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final MediaType XLSX = MediaType.parseMediaType(XLSX_VALUE);

    private final FitnessService service;
    private final FitnessImport fitnessImport;
    private final FitnessExport export;
    private final FitnessStats stats;
    private final NationalExport national;
    private final FitnessTemplate template;
    private final Messages messages;

    FitnessController(FitnessService service, FitnessImport fitnessImport, FitnessExport export, FitnessStats stats,
                      NationalExport national, FitnessTemplate template, Messages messages) {
        this.service = service;
        this.fitnessImport = fitnessImport;
        this.export = export;
        this.stats = stats;
        this.national = national;
        this.template = template;
        this.messages = messages;
    }

    @PostMapping("/fitness/score")
    Mono<FitnessService.ScoreResponse> score(Actor actor, @RequestBody FitnessService.ScoreRequest body) {
        return service.preview(actor, body);
    }

    // ---- the PE teacher's class grid

    @GetMapping("/classes/{classId}/fitness")
    Mono<Views.ClassGrid> grid(Actor actor, @PathVariable String classId,
                               @RequestParam(required = false) String year) {
        return service.grid(actor, classId, year);
    }

    record GridBody(@Nullable List<FitnessService.GridRow> rows) {
    }

    @PutMapping("/classes/{classId}/fitness")
    Mono<FitnessService.GridReport> saveGrid(Actor actor, @PathVariable String classId,
                                             @RequestParam(required = false) String year,
                                             @RequestBody GridBody body, Locale locale) {
        return service.saveGrid(actor, classId, year, body.rows()).map(r -> r.localized(messages, locale));
    }

    // ---- one student

    @GetMapping("/students/{id}/fitness")
    Mono<Views.StudentFitness> student(Actor actor, @PathVariable String id) {
        return service.student(actor, id);
    }

    @PutMapping("/students/{id}/fitness/{year}")
    Mono<ResponseEntity<Views.ResultView>> saveFirst(Actor actor, @PathVariable String id, @PathVariable String year,
                                                     @RequestBody FitnessService.AttemptInput body,
                                                     @RequestHeader(name = "If-Match", required = false)
                                                     String ifMatch) {
        return service.saveFirst(actor, id, year, body, ETags.parse(ifMatch)).map(FitnessController::tagged);
    }

    @PutMapping("/students/{id}/fitness/{year}/makeup")
    Mono<ResponseEntity<Views.ResultView>> saveMakeup(Actor actor, @PathVariable String id,
                                                      @PathVariable String year,
                                                      @RequestBody FitnessService.AttemptInput body,
                                                      @RequestHeader(name = "If-Match", required = false)
                                                      String ifMatch) {
        return service.saveMakeup(actor, id, year, body, ETags.parse(ifMatch)).map(FitnessController::tagged);
    }

    /** 免测: multipart with a {@code reason} field and the medical document as {@code file}. */
    @PutMapping(path = "/students/{id}/fitness/{year}/exemption", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<ResponseEntity<Views.ResultView>> exempt(Actor actor, @PathVariable String id, @PathVariable String year,
                                                  @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                  ServerWebExchange exchange) {
        Long expected = ETags.parse(ifMatch);
        return exchange.getMultipartData().flatMap(parts -> {
            Part reason = parts.getFirst("reason");
            Part file = parts.getFirst("file");
            String text = reason instanceof FormFieldPart f ? f.value() : null;
            SafeText.require("reason", text, true); // a form field, so not checked by the JSON decoder
            return service.exempt(actor, id, year, text, file instanceof FilePart fp ? fp : null, expected);
        }).map(FitnessController::tagged);
    }

    @DeleteMapping("/students/{id}/fitness/{year}/exemption")
    Mono<ResponseEntity<Views.ResultView>> revokeExemption(Actor actor, @PathVariable String id,
                                                           @PathVariable String year,
                                                           @RequestHeader(name = "If-Match", required = false)
                                                           String ifMatch) {
        return service.revokeExemption(actor, id, year, ETags.parse(ifMatch)).map(FitnessController::tagged);
    }

    @GetMapping("/students/{id}/fitness/{year}/exemption/document")
    Mono<ResponseEntity<Flux<DataBuffer>>> exemptionDocument(Actor actor, @PathVariable String id,
                                                             @PathVariable String year) {
        return service.exemptionDocument(actor, id, year).map(FitnessController::download);
    }

    static ResponseEntity<Flux<DataBuffer>> download(MedicalDocuments.Download d) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(d.contentType()))
                .contentLength(d.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(d.filename(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(d.content());
    }

    private static ResponseEntity<Views.ResultView> tagged(Views.ResultView v) {
        return ResponseEntity.ok().eTag("\"" + v.version() + "\"").body(v);
    }

    // ---- import and export

    /** Sheets larger than this are refused with 413 (100,000 rows of XLSX are about 5 MB). */
    static final long MAX_IMPORT_BYTES = 12L * 1024 * 1024;

    /**
     * A fitness sheet (XLSX, legacy XLS or CSV). {@code job}: an id the client chose, to follow the import's
     * progress at {@code GET /api/v1/imports/{job}} while it runs; the report names the job either way.
     */
    @PostMapping(path = "/fitness/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<FitnessImport.Report> importFile(Actor actor, @RequestParam(required = false) String year,
                                          @RequestPart("file") Mono<FilePart> file,
                                          @RequestParam(required = false) String job, Locale locale) {
        return fitnessImport.scope(actor).then(file)
                .switchIfEmpty(Mono.error(() -> Problems.invalid("file", "required", "a file is required")))
                .flatMap(part -> Mono.fromCallable(() -> Files.createTempFile("fitness-", ".upload"))
                        .subscribeOn(Schedulers.boundedElastic())
                        .flatMap(tmp -> part.transferTo(tmp)
                                .then(Mono.fromCallable(() -> checkSize(tmp)).subscribeOn(Schedulers.boundedElastic()))
                                .then(fitnessImport.importFile(actor, tmp, year, job))
                                .doFinally(s -> deleteQuietly(tmp))))
                .map(report -> report.localized(messages, locale));
    }

    /**
     * The import template: the national column layout, an example row, the students the caller may import for
     * ({@code classId}: one class) already listed, and checks of each item's range.
     */
    @GetMapping("/fitness/import/template")
    Mono<ResponseEntity<byte[]>> importTemplate(Actor actor, @RequestParam(required = false) String classId,
                                                @RequestParam(required = false) String year) {
        return template.template(actor, classId, year).map(t -> ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(t.filename(), StandardCharsets.UTF_8).build().toString())
                .body(t.bytes()));
    }

    private static Path checkSize(Path tmp) throws IOException {
        if (Files.size(tmp) > MAX_IMPORT_BYTES) {
            throw Problems.tooLarge("Fitness sheets may be at most 12 MB");
        }
        return tmp;
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a temp file; the OS cleans up
        }
    }

    /** {@code layout=national}: the 学生体质健康网 upload file (with vision); otherwise the school's sheet. */
    @GetMapping("/fitness/export")
    Mono<ResponseEntity<Flux<DataBuffer>>> export(Actor actor, @RequestParam(required = false) String year,
                                                  @RequestParam(required = false) Integer grade,
                                                  @RequestParam(required = false) String layout) {
        if (layout != null && !layout.isBlank() && !List.of("school", "national").contains(layout.trim())) {
            return Mono.error(Problems.invalid("layout", "unknown_value", "layout must be school or national"));
        }
        Mono<FitnessExport.Export> file = "national".equals(layout == null ? null : layout.trim())
                ? national.export(actor, year, grade) : export.export(actor, year, grade);
        return file.map(e -> ResponseEntity.ok()
                .contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(e.filename(), StandardCharsets.UTF_8).build().toString())
                .body(e.body()));
    }

    // ---- statistics

    @GetMapping("/fitness/stats")
    @ApiResponse(responseCode = "200", description = "the statistics (JSON), or their CSV or XLSX file", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = FitnessStats.Stats.class)),
            @Content(mediaType = "text/csv"),
            @Content(mediaType = XLSX_VALUE)})
    Mono<ResponseEntity<Object>> stats(Actor actor, @RequestParam(required = false) String year,
                                       @RequestParam(required = false) String classId,
                                       @RequestParam(required = false) String format) {
        return respond(actor, stats.school(actor, year, classId), format);
    }

    @GetMapping("/fitness/stats/county")
    @ApiResponse(responseCode = "200", description = "the statistics (JSON), or their CSV or XLSX file", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = FitnessStats.Stats.class)),
            @Content(mediaType = "text/csv"),
            @Content(mediaType = XLSX_VALUE)})
    Mono<ResponseEntity<Object>> county(Actor actor, @RequestParam(required = false) String year,
                                        @RequestParam(required = false) String format) {
        return respond(actor, stats.county(actor, year), format);
    }

    private Mono<ResponseEntity<Object>> respond(Actor actor, Mono<FitnessStats.Stats> result, String format) {
        String f = format == null || format.isBlank() ? "json" : format.trim().toLowerCase(java.util.Locale.ROOT);
        return result.flatMap(s -> {
            if (!List.of("json", "csv", "xlsx").contains(f)) {
                return Mono.error(Problems.invalid("format", "invalid", "format must be json, csv or xlsx"));
            }
            if (f.equals("json")) {
                return Mono.just(ResponseEntity.ok().<Object>body(s));
            }
            String name = "体测统计_" + s.scopeName() + "_" + s.schoolYear() + "." + f;
            return Mono.fromCallable(() -> f.equals("csv") ? FitnessStats.csv(s) : FitnessStats.xlsx(s))
                    .subscribeOn(Schedulers.boundedElastic())
                    .flatMap(bytes -> stats.auditDownload(actor, s, f).thenReturn(ResponseEntity.ok()
                            .contentType(f.equals("csv") ? new MediaType("text", "csv", StandardCharsets.UTF_8) : XLSX)
                            .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                                    .filename(name, StandardCharsets.UTF_8).build().toString())
                            .<Object>body(bytes)));
        });
    }
}
