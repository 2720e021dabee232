package org.zhsz.family;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.zhsz.organization.OrganizationDirectory;
import org.zhsz.platform.Action;
import org.zhsz.platform.Actor;
import org.zhsz.platform.ETags;
import org.zhsz.platform.Problems;

import reactor.core.publisher.Mono;

/** 五项管理: forms and targets, the family's weekly check-in, declared homework, class/school/county views. */
@RestController
@RequestMapping("/api/v1")
class FiveController {

    private final FiveManagement five;
    private final FiveForms forms;
    private final FiveExport export;
    private final OrganizationDirectory organization;

    FiveController(FiveManagement five, FiveForms forms, FiveExport export, OrganizationDirectory organization) {
        this.five = five;
        this.forms = forms;
        this.export = export;
        this.organization = organization;
    }

    /** The forms and targets with their sources: public knowledge, for everyone signed in. */
    @GetMapping("/five-management/forms")
    FiveForms.Catalogue catalogue(Actor actor) {
        return forms.catalogue();
    }

    @GetMapping("/students/{id}/five-management")
    Mono<FiveManagement.StudentFive> ofStudent(Actor actor, @PathVariable String id,
                                               @RequestParam(defaultValue = "8") int weeks) {
        return five.ofStudent(actor, id, weeks);
    }

    record CheckInBody(@Nullable Map<String, Object> values) {
    }

    @PutMapping("/students/{id}/five-management/checkins/{weekStart}")
    Mono<FiveManagement.WeekEntry> checkIn(Actor actor, @PathVariable String id, @PathVariable LocalDate weekStart,
                                           @RequestBody CheckInBody body,
                                           @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return five.checkIn(actor, id, weekStart, body.values(), ETags.parse(ifMatch));
    }

    record HomeworkBody(@Nullable List<FiveManagement.DeclarationInput> entries) {
    }

    @PutMapping("/classes/{classId}/homework/{date}")
    Mono<FiveManagement.HomeworkDay> declare(Actor actor, @PathVariable String classId, @PathVariable LocalDate date,
                                             @RequestBody HomeworkBody body) {
        return five.declare(actor, classId, date, body.entries());
    }

    @GetMapping("/classes/{classId}/homework")
    Mono<FiveManagement.ClassHomework> homework(Actor actor, @PathVariable String classId,
                                                @RequestParam(required = false) LocalDate from,
                                                @RequestParam(required = false) LocalDate to) {
        return five.homework(actor, classId, from, to);
    }

    @GetMapping("/classes/{classId}/five-management")
    Mono<FiveManagement.ClassWeek> classWeek(Actor actor, @PathVariable String classId,
                                             @RequestParam(required = false) LocalDate week) {
        return five.classWeek(actor, classId, week);
    }

    @GetMapping("/schools/{schoolId}/five-management")
    Mono<FiveManagement.SchoolStats> school(Actor actor, @PathVariable String schoolId,
                                            @RequestParam(required = false) LocalDate from,
                                            @RequestParam(required = false) LocalDate to) {
        return five.schoolStats(actor, schoolId, from, to, Action.READ);
    }

    @GetMapping("/schools/{schoolId}/five-management/export")
    Mono<ResponseEntity<byte[]>> schoolExport(Actor actor, @PathVariable String schoolId,
                                              @RequestParam(required = false) LocalDate from,
                                              @RequestParam(required = false) LocalDate to,
                                              @RequestParam(defaultValue = "xlsx") String format,
                                              ServerWebExchange exchange) {
        checkFormat(format);
        Locale locale = Language.of(exchange);
        return five.schoolStats(actor, schoolId, from, to, Action.EXPORT)
                .flatMap(s -> file(export.school(s, locale), format, "five-management-" + schoolId + "-"
                        + s.period().from()));
    }

    @GetMapping("/stats/five-management")
    Mono<FiveManagement.CountyStats> county(Actor actor, @RequestParam(required = false) LocalDate from,
                                            @RequestParam(required = false) LocalDate to) {
        return five.countyStats(actor, from, to, Action.READ);
    }

    @GetMapping("/stats/five-management/export")
    Mono<ResponseEntity<byte[]>> countyExport(Actor actor, @RequestParam(required = false) LocalDate from,
                                              @RequestParam(required = false) LocalDate to,
                                              @RequestParam(defaultValue = "xlsx") String format,
                                              ServerWebExchange exchange) {
        checkFormat(format);
        Locale locale = Language.of(exchange);
        return five.countyStats(actor, from, to, Action.EXPORT)
                .flatMap(s -> organization.region(s.countyId()).map(r -> r.name()).defaultIfEmpty(s.countyId())
                        .flatMap(name -> file(export.county(s, name, locale), format, "five-management-"
                                + s.countyId() + "-" + s.period().from())));
    }

    private static void checkFormat(String format) {
        if (!"xlsx".equals(format) && !"csv".equals(format)) {
            throw Problems.invalid("format", "invalid", "xlsx or csv");
        }
    }

    private Mono<ResponseEntity<byte[]>> file(FiveExport.Table table, String format, String name) {
        boolean csv = "csv".equals(format);
        return (csv ? export.csv(table) : export.xlsx(table)).map(bytes -> ResponseEntity.ok()
                .contentType(csv ? MediaType.parseMediaType("text/csv; charset=utf-8")
                        : MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name + (csv ? ".csv" : ".xlsx")).build().toString())
                .body(bytes));
    }
}
