package org.zhsz.insight;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.zhsz.platform.Actor;
import org.zhsz.platform.Problems;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The early warning of a class and a school, and a student's growth portrait. */
@RestController
@RequestMapping("/api/v1")
class InsightController {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final EarlyWarnings warnings;
    private final Portraits portraits;
    private final CountyReport report;

    InsightController(EarlyWarnings warnings, Portraits portraits, CountyReport report) {
        this.warnings = warnings;
        this.portraits = portraits;
        this.report = report;
    }

    /** JSON by default; {@code format=pdf} the printable report, {@code format=xlsx} the sheet (Chinese). */
    @GetMapping("/reports/county")
    @ApiResponse(responseCode = "200", description = "the report (JSON), or its PDF or XLSX file", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = CountyReport.Report.class)),
            @Content(mediaType = MediaType.APPLICATION_PDF_VALUE),
            @Content(mediaType = XLSX)})
    Mono<ResponseEntity<?>> county(Actor actor, @RequestParam(required = false) String year,
                                   @RequestParam(required = false) String format, ServerWebExchange exchange) {
        if (format == null || format.isBlank() || format.equals("json")) {
            return report.report(actor, year, InsightTexts.locale(exchange)).map(r -> ResponseEntity.ok().body(r));
        }
        boolean pdf = format.equals("pdf");
        if (!pdf && !format.equals("xlsx")) {
            return Mono.error(Problems.invalid("format", "unknown_value", "format is json, pdf or xlsx"));
        }
        MediaType type = pdf ? MediaType.APPLICATION_PDF
                : MediaType.parseMediaType(XLSX);
        return report.report(actor, year, java.util.Locale.SIMPLIFIED_CHINESE)
                .flatMap(r -> report.countyName(r.countyId()).flatMap(name -> Mono.fromCallable(
                                () -> pdf ? CountyReportPdf.render(r, name) : CountyReportXlsx.render(r, name))
                                .subscribeOn(Schedulers.boundedElastic()))
                        .map(bytes -> ResponseEntity.ok().contentType(type)
                                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                                        .filename("county-report-" + r.year() + (pdf ? ".pdf" : ".xlsx"),
                                                StandardCharsets.UTF_8)
                                        .build().toString())
                                .body(bytes)));
    }

    @GetMapping("/students/{id}/portrait")
    Mono<Portraits.Portrait> portrait(Actor actor, @PathVariable String id, ServerWebExchange exchange) {
        return portraits.of(actor, id, InsightTexts.locale(exchange));
    }

    @GetMapping("/classes/{classId}/early-warnings")
    Mono<EarlyWarnings.ClassWarnings> ofClass(Actor actor, @PathVariable String classId,
                                              ServerWebExchange exchange) {
        return warnings.ofClass(actor, classId, InsightTexts.locale(exchange));
    }

    @GetMapping("/schools/{schoolId}/early-warnings")
    Mono<EarlyWarnings.SchoolWarnings> ofSchool(Actor actor, @PathVariable String schoolId,
                                                ServerWebExchange exchange) {
        return warnings.ofSchool(actor, schoolId, InsightTexts.locale(exchange));
    }

    @GetMapping("/stats/early-warnings")
    Mono<EarlyWarnings.CountyWarnings> ofCounty(Actor actor) {
        return warnings.ofCounty(actor);
    }
}
