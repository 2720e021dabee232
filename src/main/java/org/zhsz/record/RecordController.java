package org.zhsz.record;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.zhsz.audit.AuditEvent;
import org.zhsz.audit.AuditTrail;
import org.zhsz.platform.AccessPolicy;
import org.zhsz.platform.Action;
import org.zhsz.platform.Actor;
import org.zhsz.platform.DataClass;
import org.zhsz.platform.ETags;
import org.zhsz.platform.FileDownloads;
import org.zhsz.platform.MultiLine;
import org.zhsz.platform.PageResult;
import org.zhsz.platform.Paging;
import org.zhsz.platform.Problems;
import org.zhsz.platform.SchoolClock;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1")
class RecordController {

    private final RecordService records;
    private final RecordBatch batch;
    private final RecordViews views;
    private final Evidence evidence;
    private final Categories categories;
    private final AccessPolicy access;
    private final AuditTrail audit;
    private final SchoolClock clock;
    private final org.zhsz.platform.Messages messages;
    private final ReturnReasons returnReasons;

    RecordController(RecordService records, RecordBatch batch, RecordViews views, Evidence evidence,
                     Categories categories, AccessPolicy access, AuditTrail audit,
                     SchoolClock clock, org.zhsz.platform.Messages messages, ReturnReasons returnReasons) {
        this.messages = messages;
        this.returnReasons = returnReasons;
        this.records = records;
        this.batch = batch;
        this.views = views;
        this.evidence = evidence;
        this.categories = categories;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** The body of a new record. {@code submit}: a student's report goes straight to review. */
    record RecordBody(@NotNull Dimension dimension, @NotBlank String category, @NotBlank @Size(max = 100) String title,
                      @Size(max = 2000) @MultiLine @Nullable String description, @NotNull LocalDate occurredOn,
                      @Nullable BigDecimal hours,
                      @Nullable Level level, @Size(max = 60) @Nullable String award, @Nullable String severity,
                      @Size(max = 20) @Nullable String skill,
                      @Nullable List<String> evidence, @Nullable Boolean submit) {
        RecordRules.Draft draft() {
            return new RecordRules.Draft(dimension, category, title, description, occurredOn, hours, level, award,
                    severity, skill, evidence == null ? List.of() : evidence);
        }
    }

    /** A retry with the same {@code Idempotency-Key} gets this answer again and creates nothing (see IdempotencyFilter). */
    @PostMapping("/students/{id}/records")
    Mono<ResponseEntity<RecordView>> create(Actor actor, @PathVariable String id, @Valid @RequestBody RecordBody body) {
        return records.create(actor, id, body.draft(), Boolean.TRUE.equals(body.submit()), null)
                .map(v -> ResponseEntity.status(HttpStatus.CREATED).eTag("\"" + v.version() + "\"").body(v));
    }

    @GetMapping("/students/{id}/records")
    Mono<PageResult<RecordView>> timeline(Actor actor, @PathVariable String id,
                                          @RequestParam(required = false) String term,
                                          @RequestParam(required = false) Dimension dimension,
                                          @RequestParam(required = false) RecordStatus status,
                                          @RequestParam(defaultValue = "false") boolean includeVoided,
                                          @RequestParam(required = false) String page,
                                          @RequestParam(required = false) String size) {
        return records.timeline(actor, id, term, dimension, status, includeVoided, Paging.parse(page, size));
    }

    @GetMapping("/students/{id}/records/{recordId}")
    Mono<RecordService.Detail> get(Actor actor, @PathVariable String id, @PathVariable String recordId) {
        return records.get(actor, id, recordId);
    }

    record PatchBody(@Size(max = 100) @Nullable String title,
                     @Size(max = 2000) @MultiLine @Nullable String description, @Nullable LocalDate occurredOn,
                     @Nullable BigDecimal hours, @Nullable Level level, @Size(max = 60) @Nullable String award,
                     @Nullable String severity,
                     @Size(max = 20) @Nullable String skill, @Nullable List<String> evidence,
                     @Nullable String category) {
    }

    @PatchMapping("/students/{id}/records/{recordId}")
    Mono<RecordView> patch(Actor actor, @PathVariable String id, @PathVariable String recordId,
                           @Valid @RequestBody PatchBody b,
                           @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return records.patch(actor, id, recordId, new RecordService.Patch(b.title(), b.description(), b.occurredOn(),
                b.hours(), b.level(), b.award(), b.severity(), b.skill(), b.evidence(), b.category()),
                ETags.parse(ifMatch));
    }

    @DeleteMapping("/students/{id}/records/{recordId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> delete(Actor actor, @PathVariable String id, @PathVariable String recordId,
                      @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return records.delete(actor, id, recordId, ETags.parse(ifMatch));
    }

    @PostMapping("/students/{id}/records/{recordId}/submit")
    Mono<RecordView> submit(Actor actor, @PathVariable String id, @PathVariable String recordId,
                            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return records.submit(actor, id, recordId, ETags.parse(ifMatch));
    }

    record ReviewBody(@NotBlank String decision, @Size(max = 500) @MultiLine @Nullable String reason) {
    }

    @PostMapping("/students/{id}/records/{recordId}/review")
    Mono<RecordView> review(Actor actor, @PathVariable String id, @PathVariable String recordId,
                            @Valid @RequestBody ReviewBody body,
                            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        if (!"APPROVE".equals(body.decision()) && !"REJECT".equals(body.decision())) {
            return Mono.error(Problems.invalid("decision", "invalid", "decision must be APPROVE or REJECT"));
        }
        return records.review(actor, id, recordId, "APPROVE".equals(body.decision()), body.reason(),
                ETags.parse(ifMatch));
    }

    record ReviewItem(@NotBlank String studentId, @NotBlank String recordId, @Nullable Long version) {
    }

    record BatchReviewBody(@NotBlank String decision, @Size(max = 500) @MultiLine @Nullable String reason,
                           @NotNull @Size(min = 1, max = 200) @Nullable List<@Valid ReviewItem> items) {
    }

    /**
     * One student's outcome of a batch review: {@code status} APPROVED, REJECTED or FAILED; a failure says why
     * ({@code errorCode} and {@code error} in the caller's language), the others carry the record as it is now.
     */
    record ReviewOutcome(String studentId, String recordId, String status, @Nullable String errorCode,
                         @Nullable String error,
                         @Nullable RecordView record) {
    }

    record BatchReviewResult(int approved, int rejected, int failed, List<ReviewOutcome> items) {
    }

    /**
     * 批量审核: approve or return many self-reports at once (the same reason for all those returned). Each item is
     * decided on its own, with the same checks as one review (a record another reviewer changed meanwhile fails
     * with 409's code, nothing else is held back); the answer lists every item's outcome in order.
     */
    @PostMapping("/records/review-batch")
    Mono<BatchReviewResult> reviewBatch(Actor actor, @Valid @RequestBody BatchReviewBody body,
                                        java.util.Locale locale) {
        if (!"APPROVE".equals(body.decision()) && !"REJECT".equals(body.decision())) {
            return Mono.error(Problems.invalid("decision", "invalid", "decision must be APPROVE or REJECT"));
        }
        boolean approve = "APPROVE".equals(body.decision());
        if (!approve && (body.reason() == null || body.reason().isBlank())) {
            return Mono.error(Problems.invalid("reason", "required", "a rejection needs a reason"));
        }
        return Flux.fromIterable(body.items())
                .concatMap(i -> records.review(actor, i.studentId(), i.recordId(), approve, body.reason(), i.version())
                        .map(v -> new ReviewOutcome(i.studentId(), i.recordId(), approve ? "APPROVED" : "REJECTED",
                                null, null, v))
                        .onErrorResume(org.zhsz.platform.ApiException.class, e -> Mono.just(new ReviewOutcome(
                                i.studentId(), i.recordId(), "FAILED", e.code(), messages.describe(locale, e),
                                null)))
                        .onErrorResume(org.springframework.dao.OptimisticLockingFailureException.class, e ->
                                Mono.just(new ReviewOutcome(i.studentId(), i.recordId(), "FAILED", "stale_version",
                                        messages.text(locale, "problem.stale_version"), null))))
                .collectList()
                .map(list -> new BatchReviewResult(
                        (int) list.stream().filter(o -> "APPROVED".equals(o.status())).count(),
                        (int) list.stream().filter(o -> "REJECTED".equals(o.status())).count(),
                        (int) list.stream().filter(o -> "FAILED".equals(o.status())).count(), list));
    }

    // ---- the school's preset reasons for returning self-reports

    @GetMapping("/record-return-reasons")
    Mono<List<String>> returnReasons(Actor actor) {
        return actor.schoolId() == null ? Mono.just(ReturnReasons.DEFAULTS) : returnReasons.of(actor.schoolId());
    }

    @PutMapping("/record-return-reasons")
    Mono<List<String>> replaceReturnReasons(Actor actor, @RequestBody List<String> body) {
        return returnReasons.replace(actor, body);
    }

    record VoidBody(@NotBlank @Size(max = 500) @MultiLine String reason) {
    }

    @PostMapping("/students/{id}/records/{recordId}/void")
    Mono<RecordView> voidRecord(Actor actor, @PathVariable String id, @PathVariable String recordId,
                                @Valid @RequestBody VoidBody body,
                                @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return records.voidRecord(actor, id, recordId, body.reason(), ETags.parse(ifMatch));
    }

    // ---- evidence ----

    @PostMapping(path = "/students/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Evidence.Stored> upload(Actor actor, @PathVariable String id, @RequestPart("file") Mono<FilePart> file) {
        return access.require(actor, id, DataClass.GENERAL_RECORDS, Action.WRITE)
                .flatMap(scope -> file.switchIfEmpty(Mono.error(() -> Problems.invalid("file", "required",
                                "a file is required")))
                        .flatMap(part -> evidence.store(part, id, scope.schoolId(), actor.username(), clock.now()))
                        .flatMap(stored -> audit.record(AuditEvent.allowed(actor, "evidence.upload", "evidence",
                                stored.id(), id, scope.schoolId())).thenReturn(stored)));
    }

    @GetMapping("/students/{id}/evidence/{evidenceId}")
    Mono<ResponseEntity<Flux<DataBuffer>>> download(Actor actor, @PathVariable String id,
                                                    @PathVariable String evidenceId) {
        return access.require(actor, id, DataClass.GENERAL_RECORDS, Action.READ)
                .flatMap(scope -> evidence.find(evidenceId).filter(e -> id.equals(e.studentId()))
                        .switchIfEmpty(Mono.error(() -> Problems.notFound("evidence", evidenceId)))
                        .flatMap(e -> audit.record(new AuditEvent(actor, "evidence.download", "evidence", e.id(), id,
                                        scope.schoolId(), AuditEvent.Outcome.ALLOWED, null, DataClass.GENERAL_RECORDS))
                                .thenReturn(FileDownloads.inline(e.contentType(), e.size(), e.filename(),
                                        evidence.content(e.id())))));
    }

    // ---- batch and views ----

    record BatchBody(@Nullable List<String> studentIds, @NotNull @Valid RecordBody record) {
    }

    @PostMapping("/classes/{classId}/records/batch")
    Mono<RecordBatch.Result> batch(Actor actor, @PathVariable String classId, @Valid @RequestBody BatchBody body,
                                   java.util.Locale locale) {
        return batch.create(actor, classId, body.studentIds(), body.record().draft())
                .map(r -> r.localized(messages, locale));
    }

    @GetMapping("/classes/{classId}/records/overview")
    Mono<RecordViews.ClassOverview> overview(Actor actor, @PathVariable String classId,
                                             @RequestParam(required = false) String term) {
        return views.classOverview(actor, classId, term);
    }

    /** What the reader may record for this class (the web app offers only these dimensions). */
    @GetMapping("/classes/{classId}/records/writable")
    Mono<RecordViews.Writable> writable(Actor actor, @PathVariable String classId) {
        return views.writable(actor, classId);
    }

    @GetMapping("/records/review-queue")
    Mono<List<RecordView>> reviewQueue(Actor actor) {
        return views.reviewQueue(actor);
    }

    @GetMapping("/students/{id}/skills")
    Mono<RecordViews.Skills> skills(Actor actor, @PathVariable String id) {
        return views.skills(actor, id);
    }

    @GetMapping("/classes/{classId}/coverage")
    Mono<RecordViews.Coverage> classCoverage(Actor actor, @PathVariable String classId,
                                             @RequestParam(required = false) String term) {
        return views.classCoverage(actor, classId, term);
    }

    @GetMapping("/schools/{schoolId}/coverage")
    Mono<RecordViews.SchoolCoverage> schoolCoverage(Actor actor, @PathVariable String schoolId,
                                                    @RequestParam(required = false) String term) {
        return views.schoolCoverage(actor, schoolId, term);
    }

    @GetMapping("/stats/coverage")
    Mono<RecordViews.CountyCoverage> countyCoverage(Actor actor, @RequestParam(required = false) String term) {
        return views.countyCoverage(actor, term);
    }

    // ---- categories ----

    @GetMapping("/record-categories")
    Mono<List<Category>> categories(Actor actor) {
        return actor.schoolId() == null ? Mono.just(categories.defaults()) : categories.of(actor.schoolId());
    }

    @PutMapping("/record-categories")
    Mono<List<Category>> replaceCategories(Actor actor, @RequestBody List<@Valid Category> body) {
        return categories.replace(actor, body);
    }
}
