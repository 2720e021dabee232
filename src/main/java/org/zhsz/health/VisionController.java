package org.zhsz.health;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
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
import org.zhsz.platform.ETags;
import org.zhsz.platform.Problems;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Vision screening: a student's file, the class grid, import, export and statistics. */
@RestController
@RequestMapping("/api/v1")
class VisionController {

    /** Sheets larger than this are refused with 413 (a county school's screening is well under 1 MB). */
    static final long MAX_IMPORT_BYTES = 5L * 1024 * 1024;

    private final VisionService service;
    private final VisionImport visionImport;
    private final VisionExport export;
    private final VisionStats stats;

    VisionController(VisionService service, VisionImport visionImport, VisionExport export, VisionStats stats) {
        this.service = service;
        this.visionImport = visionImport;
        this.export = export;
        this.stats = stats;
    }

    @GetMapping("/students/{id}/vision")
    Mono<VisionViews.StudentVision> student(Actor actor, @PathVariable String id) {
        return service.student(actor, id);
    }

    @PutMapping("/students/{id}/vision/{schoolYear}")
    Mono<ResponseEntity<VisionViews.ScreeningView>> save(Actor actor, @PathVariable String id,
                                                         @PathVariable String schoolYear,
                                                         @RequestBody VisionRules.VisionInput body,
                                                         @RequestHeader(name = "If-Match", required = false)
                                                         String ifMatch) {
        return service.save(actor, id, schoolYear, body, ETags.parse(ifMatch))
                .map(v -> ResponseEntity.ok().eTag("\"" + v.version() + "\"").body(v));
    }

    @GetMapping("/classes/{classId}/vision")
    Mono<VisionViews.ClassVision> grid(Actor actor, @PathVariable String classId,
                                       @RequestParam(required = false) String year) {
        return service.grid(actor, classId, year);
    }

    record GridBody(@Nullable List<VisionService.GridRowInput> rows) {
    }

    @PutMapping("/classes/{classId}/vision")
    Mono<VisionService.GridReport> saveGrid(Actor actor, @PathVariable String classId,
                                            @RequestParam(required = false) String year,
                                            @RequestBody GridBody body) {
        return service.saveGrid(actor, classId, year, body.rows());
    }

    @PostMapping(path = "/vision/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<VisionImport.Report> importFile(Actor actor, @RequestParam(required = false) String year,
                                         @RequestPart("file") Mono<FilePart> file, ServerWebExchange exchange) {
        return visionImport.scope(actor).then(file)
                .switchIfEmpty(Mono.error(() -> Problems.invalid("file", "required", "a file is required")))
                .flatMap(part -> Mono.fromCallable(() -> Files.createTempFile("vision-", ".upload"))
                        .subscribeOn(Schedulers.boundedElastic())
                        .flatMap(tmp -> part.transferTo(tmp)
                                .then(Mono.fromCallable(() -> checkSize(tmp)).subscribeOn(Schedulers.boundedElastic()))
                                .then(visionImport.importFile(actor, tmp, year, HealthMessages.locale(exchange)))
                                .doFinally(s -> deleteQuietly(tmp))));
    }

    private static Path checkSize(Path tmp) throws IOException {
        if (Files.size(tmp) > MAX_IMPORT_BYTES) {
            throw Problems.tooLarge("Vision sheets may be at most 5 MB");
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

    @GetMapping("/vision/export")
    Mono<ResponseEntity<byte[]>> export(Actor actor, @RequestParam(required = false) String year,
                                        @RequestParam(required = false) Integer grade,
                                        @RequestParam(required = false) String format) {
        return export.export(actor, year, grade, format).map(e -> ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(e.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(e.filename(), StandardCharsets.UTF_8).build().toString())
                .body(e.body()));
    }

    @GetMapping("/schools/{id}/vision/stats")
    Mono<VisionStats.Stats> schoolStats(Actor actor, @PathVariable String id,
                                        @RequestParam(required = false) String year) {
        return stats.school(actor, id, year);
    }

    @GetMapping("/vision/stats/county")
    Mono<VisionStats.Stats> countyStats(Actor actor, @RequestParam(required = false) String year) {
        return stats.county(actor, year);
    }
}
