package org.zhsz.fitness;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.stereotype.Service;
import org.zhsz.audit.AuditEvent;
import org.zhsz.audit.AuditTrail;
import org.zhsz.platform.AccessPolicy;
import org.zhsz.platform.Action;
import org.zhsz.platform.Actor;
import org.zhsz.platform.DataClass;
import org.zhsz.platform.ETags;
import org.zhsz.platform.FieldError;
import org.zhsz.platform.Problems;
import org.zhsz.platform.SchoolClock;
import org.zhsz.platform.StudentScope;
import org.zhsz.student.StudentDirectory;
import org.zhsz.student.StudentView;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Fitness results: the score preview, the PE teacher's class grid, one student's years, 补测 and 免测. Reads are
 * shaped by the access policy (health detail or the score only) and audited per student; every write is scored on
 * save, version-checked and audited.
 */
@Service
class FitnessService {

    private final AccessPolicy access;
    private final AuditTrail audit;
    private final StudentDirectory students;
    private final Placements placements;
    private final ResultStore store;
    private final ResultScoring scoring;
    private final MedicalDocuments documents;
    private final SchoolClock clock;

    FitnessService(AccessPolicy access, AuditTrail audit, StudentDirectory students, Placements placements,
                   ResultStore store, ResultScoring scoring, MedicalDocuments documents, SchoolClock clock) {
        this.access = access;
        this.audit = audit;
        this.students = students;
        this.placements = placements;
        this.store = store;
        this.scoring = scoring;
        this.documents = documents;
        this.clock = clock;
    }

    // ------------------------------------------------------------------------------------------------- preview

    record ScoreRequest(@Nullable Integer grade, @Nullable String sex, @Nullable Map<String, Object> items) {
    }

    record ScoreResponse(int grade, String sex, Map<String, Views.ItemView> items, List<String> missingItems,
                         java.math.@Nullable BigDecimal standardScore, @Nullable Integer bonus,
                         java.math.@Nullable BigDecimal totalScore,
                         java.math.@Nullable BigDecimal totalScoreRounded, @Nullable String rating) {
    }

    /** Scores without storing anything; for any teacher or administrator. Bad input is a 422 naming the item. */
    Mono<ScoreResponse> preview(Actor actor, ScoreRequest req) {
        Mono<Object> allowed = actor.schoolId() != null
                ? access.requireOwnSchool(actor, DataClass.FITNESS_CALCULATOR, Action.READ).cast(Object.class)
                : access.requireOwnCounty(actor, DataClass.FITNESS_CALCULATOR, Action.READ).cast(Object.class);
        return allowed.map(ok -> score(req));
    }

    private ScoreResponse score(ScoreRequest req) {
        int grade = req.grade() == null ? 0 : req.grade();
        ScoreResult r = scoring.scorer().score(grade, req.sex(), req.items());
        if (!r.errors().isEmpty()) {
            throw Problems.invalid(r.errors());
        }
        scoring.count("preview", 1);
        List<String> bonusItems = scoring.scorer().bonusItems(grade, req.sex());
        Map<String, Views.ItemView> items = new LinkedHashMap<>();
        for (ItemScore s : r.items()) {
            items.put(s.item(), new Views.ItemView(s.value(), s.score(), s.level(),
                    bonusItems.contains(s.item()) ? s.bonus() : null));
        }
        return new ScoreResponse(grade, r.sex(), items, r.missingItems(), r.standardScore(), r.bonus(),
                r.totalScore(), r.totalScoreRounded(), r.rating());
    }

    // ---------------------------------------------------------------------------------------------------- grid

    Mono<Views.ClassGrid> grid(Actor actor, String classId, String yearParam) {
        String year = SchoolYears.parseOrCurrent(yearParam, clock.today());
        return access.requireClass(actor, classId, DataClass.FITNESS_SCORE, Action.READ).flatMap(scope -> {
            boolean detail = access.permits(scope.relationships(), DataClass.HEALTH_FITNESS, Action.READ);
            return placement(classId, year).flatMap(p -> students.inClass(classId).collectList()
                    .flatMap(members -> store.findAll(members.stream()
                                    .map(s -> SchoolYears.resultId(s.id(), year)).toList())
                            .collectMap(FitnessResult::studentId)
                            .flatMap(results -> Flux.fromIterable(members)
                                    .filter(s -> results.containsKey(s.id()))
                                    .concatMap(s -> audit.record(readEvent(actor, results.get(s.id()), detail)))
                                    .then(Mono.fromSupplier(() -> {
                                        List<Views.GridRowView> rows = new ArrayList<>();
                                        for (StudentView s : members) {
                                            FitnessResult r = results.get(s.id());
                                            rows.add(new Views.GridRowView(s.id(), s.name(), s.sex().name(),
                                                    r == null ? null : detail ? Views.ResultView.full(r)
                                                            : Views.ResultView.scoreOnly(r)));
                                        }
                                        FitnessScorer scorer = scoring.scorer();
                                        return new Views.ClassGrid(classId, p.className(), year, p.grade(),
                                                org.zhsz.organization.SchoolStage.gradeName(p.grade()), detail,
                                                Map.of("M", scorer.requiredItems(p.grade(), "M"),
                                                        "F", scorer.requiredItems(p.grade(), "F")),
                                                Map.of("M", scorer.bonusItems(p.grade(), "M"),
                                                        "F", scorer.bonusItems(p.grade(), "F")),
                                                rows);
                                    })))));
        });
    }

    private Mono<Placements.Placement> placement(String classId, String year) {
        return placements.of(classId, year)
                .switchIfEmpty(Mono.error(() -> Problems.notFound("class", classId)))
                .flatMap(p -> p.valid() ? Mono.just(p) : Mono.error(Problems.rule("class_not_in_stage",
                        "This class has no grade in school year " + year)));
    }

    private AuditEvent readEvent(Actor actor, FitnessResult r, boolean detail) {
        return AuditEvent.allowed(actor, "fitness.read", "fitness_result", r.id(), r.studentId(), r.schoolId())
                .withDataClass(detail ? DataClass.HEALTH_FITNESS : DataClass.FITNESS_SCORE);
    }

    /** One row of the class grid as the PE teacher sends it: the first attempt's measurements. */
    record GridRow(@Nullable String studentId, @Nullable Long version, @Nullable LocalDate testDate,
                   Map<String, Object> items) {
    }

    enum RowOutcome { SAVED, UNCHANGED, EMPTY, INVALID, CONFLICT }

    record RowResult(String studentId, RowOutcome outcome, List<FieldError> errors, Views.@Nullable ResultView result) {
    }

    record GridReport(String classId, String schoolYear, int saved, int unchanged, int invalid, int conflicts,
                      List<RowResult> rows) {
        /** The per-row messages in the caller's language. */
        GridReport localized(org.zhsz.platform.Messages messages, java.util.Locale locale) {
            return new GridReport(classId, schoolYear, saved, unchanged, invalid, conflicts, rows.stream()
                    .map(r -> new RowResult(r.studentId(), r.outcome(), messages.localize(locale, r.errors()),
                            r.result()))
                    .toList());
        }
    }

    /**
     * Saves the class's rows in one request. Each row stands alone: an invalid row or one edited meanwhile by someone
     * else (stale {@code version}) changes nothing and is reported; the good rows are saved in one bulk write.
     */
    Mono<GridReport> saveGrid(Actor actor, String classId, String yearParam, List<GridRow> rows) {
        String year = SchoolYears.parseOrCurrent(yearParam, clock.today());
        if (rows == null) {
            return Mono.error(Problems.invalid("rows", "required", "rows are required"));
        }
        if (rows.size() > 200) {
            return Mono.error(Problems.invalid("rows", "too_many", "at most 200 rows per request"));
        }
        return access.requireClass(actor, classId, DataClass.HEALTH_FITNESS, Action.WRITE)
                .flatMap(scope -> placement(classId, year))
                .flatMap(p -> students.inClass(classId).collectMap(StudentView::id)
                        .flatMap(members -> store.findAll(rows.stream().filter(r -> r != null && r.studentId() != null
                                                && members.containsKey(r.studentId()))
                                        .map(r -> SchoolYears.resultId(r.studentId(), year)).distinct().toList())
                                .collectMap(FitnessResult::studentId)
                                .flatMap(existing -> applyGrid(actor, p, year, rows, members, existing))));
    }

    private Mono<GridReport> applyGrid(Actor actor, Placements.Placement p, String year, List<GridRow> rows,
                                       Map<String, StudentView> members, Map<String, FitnessResult> existing) {
        Instant now = clock.now();
        LocalDate today = clock.today();
        RowResult[] out = new RowResult[rows.size()];
        List<FitnessResult> writes = new ArrayList<>();
        List<Integer> writeRows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int scored = 0;
        for (int i = 0; i < rows.size(); i++) {
            GridRow row = rows.get(i);
            String sid = row == null ? null : row.studentId();
            if (sid == null || sid.isBlank()) {
                out[i] = invalid(sid, "studentId", "required", "field.required");
                continue;
            }
            StudentView s = members.get(sid);
            if (s == null) {
                out[i] = invalid(sid, "studentId", "not_in_class", "field.not_in_class");
                continue;
            }
            if (!seen.add(sid)) {
                out[i] = invalid(sid, "studentId", "duplicate", "field.duplicate");
                continue;
            }
            FitnessResult current = existing.get(sid);
            Map<String, Object> items = row.items() == null ? Map.of() : row.items();
            if (items.values().stream().allMatch(v -> v == null || v instanceof CharSequence cs && cs.toString()
                    .isBlank())) {
                out[i] = new RowResult(sid, RowOutcome.EMPTY, List.of(), null);
                continue;
            }
            if (current != null && !Objects.equals(row.version(), current.version())) {
                out[i] = new RowResult(sid, RowOutcome.CONFLICT, List.of(FieldError.of("version", "stale_version",
                        "field.stale_version")), null);
                continue;
            }
            if (current == null && row.version() != null && row.version() != 0) {
                out[i] = new RowResult(sid, RowOutcome.CONFLICT, List.of(FieldError.of("version", "stale_version",
                        "field.stale_version")), null);
                continue;
            }
            if (current != null && current.exemption() != null) {
                out[i] = invalid(sid, "items", "exempt", "field.exempted_this_year");
                continue;
            }
            LocalDate testDate = row.testDate() != null ? row.testDate()
                    : current != null && current.first() != null && current.first().testDate() != null
                    ? current.first().testDate() : SchoolYears.contains(year, today) ? today : null;
            FieldError dateError = checkTestDate("testDate", testDate, year, today);
            if (dateError != null) {
                out[i] = new RowResult(sid, RowOutcome.INVALID, List.of(dateError), null);
                continue;
            }
            ResultScoring.Scored sc = scoring.score(p.grade(), s.sex().name(), items, testDate, actor.username(),
                    actor.displayName(), "grid", now);
            scored++;
            if (!sc.valid()) {
                out[i] = new RowResult(sid, RowOutcome.INVALID, sc.errors(), null);
                continue;
            }
            if (current != null && current.first() != null && current.first().sameValues(sc.attempt().values())
                    && Objects.equals(current.first().testDate(), testDate)) {
                out[i] = new RowResult(sid, RowOutcome.UNCHANGED, List.of(), Views.ResultView.full(current));
                continue;
            }
            if (current != null && current.makeup() != null && !sc.attempt().failed()) {
                out[i] = invalid(sid, "items", "makeup_requires_fail", "field.makeup_requires_fail");
                continue;
            }
            FitnessResult base = current != null ? current
                    : FitnessResult.empty(s.schoolId(), sid, p.classId(), year, p.grade(), s.sex().name(), now,
                    actor.username());
            writes.add(base.withFirst(sc.attempt(), p.classId(), p.grade(), s.sex().name(), now, actor.username()));
            writeRows.add(i);
        }
        scoring.count("grid", scored);
        return store.write(writes).flatMap(conflicts -> {
            List<FitnessResult> saved = new ArrayList<>();
            for (int k = 0; k < writes.size(); k++) {
                FitnessResult w = writes.get(k);
                int i = writeRows.get(k);
                if (conflicts.contains(k)) {
                    out[i] = new RowResult(w.studentId(), RowOutcome.CONFLICT, List.of(FieldError.of("version",
                            "stale_version", "field.stale_version")), null);
                } else {
                    FitnessResult stored = bumped(w);
                    saved.add(stored);
                    out[i] = new RowResult(w.studentId(), RowOutcome.SAVED, List.of(), Views.ResultView.full(stored));
                }
            }
            return Flux.fromIterable(saved).concatMap(r -> audit.record(writeEvent(actor, "fitness.save", r)))
                    .then(Mono.fromSupplier(() -> report(p.classId(), year, out)));
        });
    }

    private static GridReport report(String classId, String year, RowResult[] out) {
        int saved = 0;
        int unchanged = 0;
        int invalid = 0;
        int conflicts = 0;
        for (RowResult r : out) {
            switch (r.outcome()) {
                case SAVED -> saved++;
                case UNCHANGED, EMPTY -> unchanged++;
                case INVALID -> invalid++;
                case CONFLICT -> conflicts++;
            }
        }
        return new GridReport(classId, year, saved, unchanged, invalid, conflicts, List.of(out));
    }

    private static RowResult invalid(String studentId, String field, String code, String messageKey) {
        return new RowResult(studentId, RowOutcome.INVALID, List.of(FieldError.of(field, code, messageKey)), null);
    }

    static FieldError checkTestDate(String field, LocalDate date, String year, LocalDate today) {
        if (date == null) {
            return null;
        }
        if (!SchoolYears.contains(year, date)) {
            return FieldError.of(field, "out_of_range", "field.test_date_in_year", year);
        }
        if (date.isAfter(today)) {
            return FieldError.of(field, "in_future", "field.in_future");
        }
        return null;
    }

    private static FitnessResult bumped(FitnessResult r) {
        return new FitnessResult(r.id(), r.schoolId(), r.studentId(), r.classId(), r.schoolYear(), r.grade(), r.sex(),
                r.first(), r.makeup(), r.exemption(), r.version() + 1, r.createdAt(), r.createdBy(), r.updatedAt(),
                r.updatedBy());
    }

    private static AuditEvent writeEvent(Actor actor, String action, FitnessResult r) {
        return AuditEvent.allowed(actor, action, "fitness_result", r.id(), r.studentId(), r.schoolId())
                .withDataClass(DataClass.HEALTH_FITNESS);
    }

    // ------------------------------------------------------------------------------------------------ student

    Mono<Views.StudentFitness> student(Actor actor, String studentId) {
        return access.require(actor, studentId, DataClass.FITNESS_SCORE, Action.READ).flatMap(scope -> {
            boolean detail = access.permits(scope.relationships(), DataClass.HEALTH_FITNESS, Action.READ);
            int now = SchoolYears.start(SchoolYears.of(clock.today()));
            return store.ofStudent(studentId, now - 16, now + 1).collectList().flatMap(years -> {
                Views.GraduationView graduation = years.isEmpty() ? null
                        : Graduations.compute(scoring.scorer(), years, years.get(years.size() - 1).schoolYear());
                Views.StudentFitness view = new Views.StudentFitness(studentId, detail, years.stream()
                        .map(r -> detail ? Views.ResultView.full(r) : Views.ResultView.scoreOnly(r)).toList(),
                        graduation);
                return audit.record(AuditEvent.allowed(actor, "fitness.read", "student_fitness", studentId, studentId,
                                scope.schoolId())
                        .withDataClass(detail ? DataClass.HEALTH_FITNESS : DataClass.FITNESS_SCORE)).thenReturn(view);
            });
        });
    }

    /** The measurements of one sitting, as a form or an app sends them. */
    record AttemptInput(@Nullable LocalDate testDate, @Nullable Map<String, Object> items) {
    }

    /** Records (or corrects) the first attempt of a student's year; If-Match guards against lost updates. */
    Mono<Views.ResultView> saveFirst(Actor actor, String studentId, String yearParam, AttemptInput input,
                                     Long ifMatch) {
        String year = validYear(yearParam);
        return writable(actor, studentId, year, input == null ? null : input.testDate()).flatMap(ctx -> {
            FitnessResult current = ctx.current();
            ETags.check(ifMatch, current == null ? null : current.version());
            if (current != null && current.exemption() != null) {
                return Mono.error(Problems.rule("exempt", "This student is exempted (免测) this school year; "
                        + "revoke the exemption first"));
            }
            LocalDate today = clock.today();
            LocalDate testDate = input.testDate() != null ? input.testDate()
                    : SchoolYears.contains(year, today) ? today : null;
            ResultScoring.Scored sc = scoreOrFail(ctx, input, testDate, actor, "api", year, today);
            if (current != null && current.first() != null && current.first().sameValues(sc.attempt().values())
                    && Objects.equals(current.first().testDate(), testDate)) {
                return Mono.just(Views.ResultView.full(current));
            }
            if (current != null && current.makeup() != null && !sc.attempt().failed()) {
                return Mono.error(Problems.rule("makeup_requires_fail",
                        "This year has a 补测, which requires a 不及格 first attempt"));
            }
            FitnessResult base = current != null ? current : FitnessResult.empty(ctx.student().schoolId(), studentId,
                    ctx.placement().classId(), year, ctx.placement().grade(), ctx.sex(), clock.now(),
                    actor.username());
            return writeOne(actor, "fitness.save", base.withFirst(sc.attempt(), ctx.placement().classId(),
                    ctx.placement().grade(), ctx.sex(), clock.now(), actor.username()));
        });
    }

    /**
     * Records (or corrects) the year's one 补测. Only a year whose first attempt is complete and rated 不及格 may
     * have one; the better 学年总分 of the two counts.
     */
    Mono<Views.ResultView> saveMakeup(Actor actor, String studentId, String yearParam, AttemptInput input,
                                      Long ifMatch) {
        String year = validYear(yearParam);
        return writable(actor, studentId, year, input == null ? null : input.testDate()).flatMap(ctx -> {
            FitnessResult current = ctx.current();
            ETags.check(ifMatch, current == null ? null : current.version());
            if (current == null || current.first() == null || !current.first().failed()) {
                return Mono.error(Problems.rule("makeup_not_allowed",
                        "A 补测 is only for a year whose first attempt is complete and rated 不及格"));
            }
            if (current.exemption() != null) {
                return Mono.error(Problems.rule("exempt", "This student is exempted (免测) this school year"));
            }
            LocalDate today = clock.today();
            LocalDate testDate = input.testDate() != null ? input.testDate()
                    : SchoolYears.contains(year, today) ? today : null;
            if (testDate != null && current.first().testDate() != null
                    && testDate.isBefore(current.first().testDate())) {
                return Mono.error(Problems.invalid("testDate", "before_first_attempt",
                        "a 补测 cannot take place before the first attempt"));
            }
            ResultScoring.Scored sc = scoreOrFail(ctx, input, testDate, actor, "api", year, today);
            if (current.makeup() != null && current.makeup().sameValues(sc.attempt().values())
                    && Objects.equals(current.makeup().testDate(), testDate)) {
                return Mono.just(Views.ResultView.full(current));
            }
            return writeOne(actor, "fitness.makeup", current.withMakeup(sc.attempt(), clock.now(), actor.username()));
        });
    }

    private ResultScoring.Scored scoreOrFail(WriteContext ctx, AttemptInput input, LocalDate testDate, Actor actor,
                                             String source, String year, LocalDate today) {
        FieldError dateError = checkTestDate("testDate", testDate, year, today);
        if (dateError != null) {
            throw Problems.invalid(List.of(dateError));
        }
        if (input.items() == null || input.items().values().stream().allMatch(v -> v == null
                || v instanceof CharSequence cs && cs.toString().isBlank())) {
            throw Problems.invalid("items", "required", "at least one measurement is required");
        }
        ResultScoring.Scored sc = scoring.score(ctx.placement().grade(), ctx.sex(),
                input.items() == null ? Map.of() : input.items(), testDate, actor.username(), actor.displayName(),
                source, clock.now());
        scoring.count(source, 1);
        if (!sc.valid()) {
            throw Problems.invalid(sc.errors());
        }
        return sc;
    }

    /** 免测: a reason and the medical document behind it; replaces an earlier exemption of the year. */
    Mono<Views.ResultView> exempt(Actor actor, String studentId, String yearParam, String reason, FilePart file,
                                  Long ifMatch) {
        String year = validYear(yearParam);
        return writable(actor, studentId, year, null).flatMap(ctx -> {
            List<FieldError> errors = new ArrayList<>();
            if (reason == null || reason.isBlank()) {
                errors.add(new FieldError("reason", "required", "a reason is required"));
            } else if (reason.length() > 500) {
                errors.add(FieldError.of("reason", "too_long", "field.max_length", 500));
            }
            if (file == null) {
                errors.add(FieldError.of("file", "required", "field.medical_document_required"));
            }
            if (!errors.isEmpty()) {
                return Mono.error(Problems.invalid(errors));
            }
            FitnessResult current = ctx.current();
            ETags.check(ifMatch, current == null ? null : current.version());
            Instant now = clock.now();
            return documents.store(file, ctx.student().schoolId(), studentId, "fitness_exemption", actor.username(),
                    now).flatMap(doc -> {
                        FitnessResult base = current != null ? current : FitnessResult.empty(ctx.student().schoolId(),
                                studentId, ctx.placement().classId(), year, ctx.placement().grade(), ctx.sex(), now,
                                actor.username());
                        String previousDoc = current == null || current.exemption() == null ? null
                                : current.exemption().documentId();
                        return writeOne(actor, "fitness.exempt", base.withExemption(new FitnessResult.Exemption(
                                        reason.trim(), doc.id(), doc.filename(), doc.contentType(), doc.size(), now,
                                        actor.username()), now, actor.username()))
                                .onErrorResume(e -> documents.delete(doc.id()).then(Mono.error(e)))
                                .flatMap(v -> documents.delete(previousDoc).thenReturn(v));
                    });
        });
    }

    Mono<Views.ResultView> revokeExemption(Actor actor, String studentId, String yearParam, Long ifMatch) {
        String year = validYear(yearParam);
        return writable(actor, studentId, year, null).flatMap(ctx -> {
            FitnessResult current = ctx.current();
            if (current == null || current.exemption() == null) {
                return Mono.error(Problems.rule("not_exempt", "This student has no exemption in school year " + year));
            }
            ETags.check(ifMatch, current.version());
            String doc = current.exemption().documentId();
            return writeOne(actor, "fitness.exemption_revoke", current.withExemption(null, clock.now(),
                    actor.username())).flatMap(v -> documents.delete(doc).thenReturn(v));
        });
    }

    Mono<MedicalDocuments.Download> exemptionDocument(Actor actor, String studentId, String yearParam) {
        String year = validYear(yearParam);
        return access.require(actor, studentId, DataClass.HEALTH_FITNESS, Action.READ)
                .flatMap(scope -> store.find(studentId, year)
                        .filter(r -> r.exemption() != null)
                        .switchIfEmpty(Mono.error(() -> Problems.notFound("exemption", studentId + " " + year)))
                        .flatMap(r -> documents.open(r.exemption().documentId())
                                .switchIfEmpty(Mono.error(() -> Problems.notFound("document",
                                        r.exemption().documentId())))
                                .flatMap(d -> audit.record(AuditEvent.allowed(actor,
                                                "fitness.exemption_document.download", "fitness_result", r.id(),
                                                studentId, scope.schoolId()).withDataClass(DataClass.HEALTH_FITNESS))
                                        .thenReturn(d))));
    }

    private record WriteContext(StudentScope scope, StudentView student, String sex, Placements.Placement placement,
                                FitnessResult current) {
    }

    private Mono<WriteContext> writable(Actor actor, String studentId, String year, LocalDate testDate) {
        return access.require(actor, studentId, DataClass.HEALTH_FITNESS, Action.WRITE)
                .flatMap(scope -> students.find(studentId).flatMap(s -> {
                    String classId = Placements.classIn(s, year, testDate, clock.today());
                    return placements.of(classId, year).defaultIfEmpty(new Placements.Placement(classId, null, 0))
                            .flatMap(p -> p.valid() ? Mono.just(p) : Mono.error(Problems.rule("no_grade",
                                    "The student's class has no grade in school year " + year)))
                            .flatMap(p -> store.find(studentId, year)
                                    .map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                                    .map(cur -> new WriteContext(scope, s, s.sex().name(), p, cur.orElse(null))));
                }));
    }

    private Mono<Views.ResultView> writeOne(Actor actor, String action, FitnessResult next) {
        return store.write(List.of(next)).flatMap(conflicts -> {
            if (!conflicts.isEmpty()) {
                return Mono.error(Problems.staleVersion());
            }
            FitnessResult stored = bumped(next);
            return audit.record(writeEvent(actor, action, stored)).thenReturn(Views.ResultView.full(stored));
        });
    }

    private static String validYear(String year) {
        if (!SchoolYears.isValid(year)) {
            throw Problems.invalid("year", "invalid", "school year must look like 2026-2027");
        }
        return year;
    }
}
