package org.zhsz.wellbeing;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.zhsz.platform.Actor;
import org.zhsz.platform.ETags;
import org.zhsz.platform.MultiLine;
import org.zhsz.platform.Problems;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1")
class WellbeingController {

    private final Instruments instruments;
    private final Screening screening;
    private final Alerts alerts;
    private final Plans plans;
    private final WellbeingStats stats;

    WellbeingController(Instruments instruments, Screening screening, Alerts alerts, Plans plans,
                        WellbeingStats stats) {
        this.instruments = instruments;
        this.screening = screening;
        this.alerts = alerts;
        this.plans = plans;
        this.stats = stats;
    }

    // ---- instruments ----

    record InstrumentSummary(String code, int version, Map<String, String> name, int items, @Nullable String licence) {
    }

    @GetMapping("/wellbeing/instruments")
    List<InstrumentSummary> instruments(Actor actor) {
        return instruments.all().stream().map(i -> new InstrumentSummary(i.code(), i.version(), i.name(),
                i.items().size(), i.licence())).toList();
    }

    @GetMapping("/wellbeing/instruments/{code}")
    Map<String, Object> instrument(Actor actor, @PathVariable String code,
                                   @RequestParam(required = false) String variant) {
        return instruments.find(code).orElseThrow(() -> Problems.notFound("instrument", code)).publicView(variant);
    }

    record Answers(@NotNull List<Integer> answers) {
    }

    /** Counselor tool: scores answers, stores nothing. */
    @PostMapping("/wellbeing/instruments/{code}/score")
    Mono<Screening.ScoreResult> score(Actor actor, @PathVariable String code, @Valid @RequestBody Answers body) {
        return screening.preview(actor, code, body.answers());
    }

    @GetMapping("/wellbeing/risk-levels")
    List<String> riskLevels(Actor actor) {
        return plans.riskLevels();
    }

    // ---- campaigns and answers ----

    record NewCampaign(@NotBlank @Size(max = 60) String name, @NotNull List<String> instruments,
                       @Nullable String variant,
                       @NotNull List<String> classIds, @NotNull LocalDate opensOn, @NotNull LocalDate closesOn) {
    }

    @PostMapping("/wellbeing/campaigns")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Screening.CampaignView> createCampaign(Actor actor, @Valid @RequestBody NewCampaign b) {
        return screening.createCampaign(actor, b.name(), b.instruments(), b.variant(), b.classIds(), b.opensOn(),
                b.closesOn());
    }

    @GetMapping("/wellbeing/campaigns")
    Mono<List<Screening.CampaignView>> campaigns(Actor actor) {
        return screening.campaigns(actor);
    }

    @PostMapping("/wellbeing/campaigns/{id}/close")
    Mono<Screening.CampaignView> close(Actor actor, @PathVariable String id) {
        return screening.close(actor, id);
    }

    @GetMapping("/wellbeing/my-screenings")
    Mono<List<Screening.MyScreening>> myScreenings(Actor actor) {
        return screening.myScreenings(actor);
    }

    record ResponseBody(@NotBlank String instrument, @NotNull List<Integer> answers, Integer noticeVersion,
                        @Nullable String studentId) {
    }

    @PostMapping("/wellbeing/campaigns/{id}/responses")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Screening.Submitted> respond(Actor actor, @PathVariable String id, @Valid @RequestBody ResponseBody b) {
        return screening.respond(actor, id, b.studentId(), b.instrument(), b.answers(), b.noticeVersion());
    }

    // ---- alerts ----

    @GetMapping("/wellbeing/alerts")
    Mono<List<Alerts.AlertView>> alerts(Actor actor, @RequestParam(defaultValue = "false") boolean open,
                                        Locale locale) {
        return alerts.list(actor, open, locale);
    }

    record Ack(@Size(max = 1000) @MultiLine @Nullable String note) {
    }

    @PostMapping("/wellbeing/alerts/{id}/acknowledge")
    Mono<Alerts.AlertView> acknowledge(Actor actor, @PathVariable String id, @Valid @RequestBody(required = false)
            Ack body, Locale locale) {
        return alerts.acknowledge(actor, id, body == null ? null : body.note(), locale);
    }

    @GetMapping("/wellbeing/alerts/overdue")
    Mono<Alerts.OverdueSummary> overdue(Actor actor) {
        return alerts.overdueSummary(actor);
    }

    // ---- 一人一案 ----

    @GetMapping("/students/{id}/wellbeing/plan")
    Mono<Plans.PlanView> plan(Actor actor, @PathVariable String id) {
        return plans.get(actor, id);
    }

    record PlanBody(@NotBlank String riskLevel, String status, @Size(max = 4000) @MultiLine @Nullable String concerns,
                    @Size(max = 4000) @MultiLine @Nullable String goals,
                    @Size(max = 4000) @MultiLine @Nullable String interventions,
                    @Nullable List<Plans.ResponsibleView> responsible, @Nullable List<Plans.TaskView> tasks,
                    @Nullable List<Plans.FollowUpView> followUps, @Nullable LocalDate reviewOn) {
    }

    @PutMapping("/students/{id}/wellbeing/plan")
    Mono<Plans.PlanView> putPlan(Actor actor, @PathVariable String id, @Valid @RequestBody PlanBody b,
                                 @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return plans.put(actor, id, new Plans.PlanInput(b.riskLevel(), b.status(), b.concerns(), b.goals(),
                b.interventions(), b.responsible(), b.tasks(), b.followUps(), b.reviewOn()), ETags.parse(ifMatch));
    }

    @GetMapping("/students/{id}/wellbeing/plan/history")
    Mono<List<Plans.PlanVersion>> planHistory(Actor actor, @PathVariable String id) {
        return plans.history(actor, id);
    }

    @GetMapping("/students/{id}/wellbeing/flag")
    Mono<Plans.Flag> flag(Actor actor, @PathVariable String id) {
        return plans.flag(actor, id);
    }

    @GetMapping("/wellbeing/my-tasks")
    Mono<List<Plans.AssignedTask>> myTasks(Actor actor) {
        return plans.assignedToMe(actor);
    }

    @GetMapping("/wellbeing/caseload")
    Mono<List<Plans.CaseRow>> caseload(Actor actor, @RequestParam(defaultValue = "false") boolean overdueOnly) {
        return plans.caseload(actor, overdueOnly);
    }

    record SessionBody(@NotNull LocalDate date, @NotNull Integer minutes, String kind,
                       @Size(max = 4000) @MultiLine @Nullable String note) {
    }

    @PostMapping("/students/{id}/wellbeing/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Plans.SessionView> addSession(Actor actor, @PathVariable String id, @Valid @RequestBody SessionBody b) {
        return plans.addSession(actor, id, b.date(), b.minutes(), b.kind(), b.note());
    }

    @GetMapping("/students/{id}/wellbeing/sessions")
    Mono<List<Plans.SessionView>> sessions(Actor actor, @PathVariable String id) {
        return plans.sessions(actor, id);
    }

    record ReferralBody(@NotBlank @Size(max = 200) String hospital, @NotNull LocalDate referredOn,
                        @Nullable Boolean guardianInformed, @Nullable LocalDate guardianInformedOn) {
    }

    @PostMapping("/students/{id}/wellbeing/referrals")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Plans.ReferralView> addReferral(Actor actor, @PathVariable String id, @Valid @RequestBody ReferralBody b) {
        return plans.addReferral(actor, id, b.hospital(), b.referredOn(), Boolean.TRUE.equals(b.guardianInformed()),
                b.guardianInformedOn());
    }

    @GetMapping("/students/{id}/wellbeing/referrals")
    Mono<List<Plans.ReferralView>> referrals(Actor actor, @PathVariable String id) {
        return plans.referrals(actor, id);
    }

    record ReferralPatch(@Size(max = 2000) @MultiLine @Nullable String outcome, @Nullable String status,
                         @Nullable Boolean guardianInformed,
                         @Nullable LocalDate guardianInformedOn) {
    }

    @PatchMapping("/students/{id}/wellbeing/referrals/{rid}")
    Mono<Plans.ReferralView> updateReferral(Actor actor, @PathVariable String id, @PathVariable String rid,
                                            @Valid @RequestBody ReferralPatch b,
                                            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return plans.updateReferral(actor, id, rid, b.outcome(), b.status(), b.guardianInformed(),
                b.guardianInformedOn(), ETags.parse(ifMatch));
    }

    // ---- statistics ----

    @GetMapping("/wellbeing/stats/campaigns/{id}")
    Mono<WellbeingStats.CampaignStats> campaignStats(Actor actor, @PathVariable String id) {
        return stats.campaign(actor, id);
    }

    @GetMapping("/wellbeing/stats/trend")
    Mono<List<WellbeingStats.TrendPoint>> trend(Actor actor) {
        return stats.trend(actor);
    }

    @GetMapping("/wellbeing/stats/school")
    Mono<WellbeingStats.SchoolCounts> schoolCounts(Actor actor) {
        return stats.schoolCounts(actor);
    }

    @GetMapping("/wellbeing/stats/county")
    Mono<WellbeingStats.CountyStats> county(Actor actor) {
        return stats.county(actor);
    }
}
