package org.zhsz.insight;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.zhsz.platform.Actor;

import reactor.core.publisher.Mono;

/** The early warning of a class and a school, and a student's growth portrait. */
@RestController
@RequestMapping("/api/v1")
class InsightController {

    private final EarlyWarnings warnings;
    private final Portraits portraits;
    private final CountyReport report;

    InsightController(EarlyWarnings warnings, Portraits portraits, CountyReport report) {
        this.warnings = warnings;
        this.portraits = portraits;
        this.report = report;
    }

    @GetMapping("/reports/county")
    Mono<CountyReport.Report> county(Actor actor, @RequestParam(required = false) String year,
                                     ServerWebExchange exchange) {
        return report.report(actor, year, InsightTexts.locale(exchange));
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
