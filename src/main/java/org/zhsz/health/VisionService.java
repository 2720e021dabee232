package org.zhsz.health;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.zhsz.audit.AuditEvent;
import org.zhsz.audit.AuditTrail;
import org.zhsz.organization.OrganizationDirectory;
import org.zhsz.organization.SchoolStage;
import org.zhsz.platform.AccessPolicy;
import org.zhsz.platform.Action;
import org.zhsz.platform.Actor;
import org.zhsz.platform.DataClass;
import org.zhsz.platform.ETags;
import org.zhsz.platform.FieldError;
import org.zhsz.platform.Notifications;
import org.zhsz.platform.Problems;
import org.zhsz.platform.SchoolClock;
import org.zhsz.student.StudentDirectory;
import org.zhsz.student.StudentView;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Vision screenings: one student's file, the school doctor's class grid and saving one screening. Reads are shaped
 * by the access policy (values, or only whether a check-up is advised) and audited per student, so they appear in
 * the family's access log; every save is version-checked, audited, and tells the family in the app that a result is
 * there (the notification carries no values).
 */
@Service
class VisionService {

    static final int MAX_GRID_ROWS = 200;

    private final AccessPolicy access;
    private final AuditTrail audit;
    private final StudentDirectory students;
    private final OrganizationDirectory organization;
    private final HealthPlacements placements;
    private final VisionScreening.Repository screenings;
    private final Notifications notifications;
    private final HealthMessages messages;
    private final SchoolClock clock;
    private final VisionRules rules = new VisionRules(VisionStandard.get());

    VisionService(AccessPolicy access, AuditTrail audit, StudentDirectory students,
                  OrganizationDirectory organization, HealthPlacements placements, VisionScreening.Repository screenings,
                  Notifications notifications, HealthMessages messages, SchoolClock clock) {
        this.access = access;
        this.audit = audit;
        this.students = students;
        this.organization = organization;
        this.placements = placements;
        this.screenings = screenings;
        this.notifications = notifications;
        this.messages = messages;
        this.clock = clock;
    }

    VisionRules rules() {
        return rules;
    }

    // ------------------------------------------------------------------------------------------------- one student

    Mono<VisionViews.StudentVision> student(Actor actor, String studentId) {
        return access.require(actor, studentId, DataClass.VISION_ADVICE, Action.READ).flatMap(scope -> {
            boolean detail = access.permits(scope.relationships(), DataClass.VISION, Action.READ);
            return screenings.findByStudentId(studentId)
                    .sort(Comparator.comparing(VisionScreening::schoolYear).reversed())
                    .map(s -> detail ? VisionViews.ScreeningView.full(s) : VisionViews.ScreeningView.adviceOnly(s))
                    .collectList()
                    .flatMap(years -> audit.record(readEvent(actor, studentId, scope.schoolId(), detail))
                            .thenReturn(new VisionViews.StudentVision(studentId, detail, years)));
        });
    }

    private static AuditEvent readEvent(Actor actor, String studentId, String schoolId, boolean detail) {
        return AuditEvent.allowed(actor, "vision.read", "vision", studentId, studentId, schoolId)
                .withDataClass(detail ? DataClass.VISION : DataClass.VISION_ADVICE);
    }

    /** Records (or corrects) the screening of a school year; If-Match guards against lost updates. */
    Mono<VisionViews.ScreeningView> save(Actor actor, String studentId, String yearParam,
                                         VisionRules.VisionInput input, Long ifMatch) {
        String year = validYear(yearParam);
        return access.require(actor, studentId, DataClass.VISION, Action.WRITE)
                .flatMap(scope -> students.find(studentId))
                .flatMap(s -> {
                    VisionRules.Checked c = rules.check(input, year, clock.today());
                    if (!c.valid()) {
                        return Mono.error(Problems.invalid(c.errors()));
                    }
                    return screenings.findById(VisionScreening.idOf(studentId, year))
                            .map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                            .flatMap(current -> {
                                ETags.check(ifMatch, current.map(VisionScreening::version).orElse(null));
                                return apply(actor, s, year, c.measured(), current.orElse(null),
                                        placements.on(s, c.measured().examinedOn()));
                            })
                            .map(o -> {
                                if (o.outcome() == Outcome.CONFLICT) {
                                    throw Problems.staleVersion();
                                }
                                return VisionViews.ScreeningView.full(o.screening());
                            });
                });
    }

    enum Outcome { CREATED, UPDATED, UNCHANGED, CONFLICT }

    record Applied(Outcome outcome, VisionScreening screening) {
    }

    /**
     * Saves measured values over {@code current} (null: none yet). Equal values change nothing; a concurrent change
     * is a CONFLICT. On a change the family is told in the app.
     */
    Mono<Applied> apply(Actor actor, StudentView s, String year, VisionRules.Measured m, VisionScreening current,
                        Mono<HealthPlacements.Placed> placed) {
        if (current != null && current.sameAs(m)) {
            return Mono.just(new Applied(Outcome.UNCHANGED, current));
        }
        Instant now = clock.now();
        VisionRules.Evaluation e = rules.evaluate(m);
        return placed.flatMap(p -> {
            VisionScreening base = current != null ? current
                    : VisionScreening.create(s.schoolId(), s.id(), s.sex().name(), year, now, actor.username());
            VisionScreening next = base.with(m, e, p.classId(), p.grade(), now, actor.username());
            Mono<VisionScreening> write = current == null ? screenings.insert(next) : screenings.save(next);
            return write
                    .flatMap(saved -> audit.record(AuditEvent.allowed(actor, current == null ? "vision.create"
                                            : "vision.update", "vision", saved.id(), s.id(), s.schoolId())
                                    .withDataClass(DataClass.VISION))
                            .then(tellFamily(s, year))
                            .thenReturn(new Applied(current == null ? Outcome.CREATED : Outcome.UPDATED, saved)))
                    .onErrorResume(DuplicateKeyException.class, x -> Mono.just(new Applied(Outcome.CONFLICT, null)))
                    .onErrorResume(OptimisticLockingFailureException.class,
                            x -> Mono.just(new Applied(Outcome.CONFLICT, null)));
        });
    }

    /** 视力筛查结果已出: the guardians with an account and the student, in the app; no values in the text. */
    private Mono<Void> tellFamily(StudentView s, String year) {
        Set<String> to = new HashSet<>();
        s.guardians().forEach(g -> {
            if (g.username() != null) {
                to.add(g.username());
            }
        });
        if (s.username() != null) {
            to.add(s.username());
        }
        return notifications.send(to, s.schoolId(), "vision_result", messages.zh("notification.vision_result.title"),
                messages.zh("notification.vision_result.body", year), "/health/family");
    }

    // ----------------------------------------------------------------------------------------------- class grid

    Mono<VisionViews.ClassVision> grid(Actor actor, String classId, String yearParam) {
        String year = SchoolYearSpan.parseOrCurrent(yearParam, clock.today(), "year");
        return access.requireClass(actor, classId, DataClass.VISION_ADVICE, Action.READ).flatMap(scope -> {
            boolean detail = access.permits(scope.relationships(), DataClass.VISION, Action.READ);
            boolean writable = access.permits(scope.relationships(), DataClass.VISION, Action.WRITE);
            return organization.schoolClass(classId, year + "-1")
                    .switchIfEmpty(Mono.error(() -> Problems.notFound("class", classId)))
                    .flatMap(c -> students.inClass(classId).collectList().flatMap(members -> screenings
                            .findAllById(members.stream().map(m -> VisionScreening.idOf(m.id(), year)).toList())
                            .collectMap(VisionScreening::studentId)
                            .flatMap(results -> Flux.fromIterable(members).filter(m -> results.containsKey(m.id()))
                                    .concatMap(m -> audit.record(readEvent(actor, m.id(), scope.schoolId(), detail)))
                                    .then(Mono.fromSupplier(() -> {
                                        List<VisionViews.GridRow> rows = new ArrayList<>();
                                        int advised = 0;
                                        for (StudentView m : members) {
                                            VisionScreening r = results.get(m.id());
                                            if (r != null && r.checkupAdvised()) {
                                                advised++;
                                            }
                                            rows.add(new VisionViews.GridRow(m.id(), m.name(), m.sex().name(),
                                                    r == null ? null : detail ? VisionViews.ScreeningView.full(r)
                                                            : VisionViews.ScreeningView.adviceOnly(r)));
                                        }
                                        HealthPlacements.Placed p = HealthPlacements.placed(c, year + "-1");
                                        return new VisionViews.ClassVision(classId, c.name(), year, p.grade(),
                                                p.grade() == 0 ? "" : SchoolStage.gradeName(p.grade()), detail,
                                                writable, members.size(), results.size(), advised, rows);
                                    })))));
        });
    }

    /** One row of the grid as the school doctor sends it. */
    record GridRowInput(@Nullable String studentId, @Nullable Long version, @Nullable String examinedOn,
                        @Nullable String glasses,
                        VisionRules.@Nullable EyeInput left, VisionRules.@Nullable EyeInput right) {
    }

    enum RowOutcome { SAVED, UNCHANGED, EMPTY, INVALID, CONFLICT }

    record RowResult(String studentId, RowOutcome outcome, List<FieldError> errors,
                     VisionViews.@Nullable ScreeningView result) {
    }

    record GridReport(String classId, String schoolYear, int saved, int unchanged, int invalid, int conflicts,
                      List<RowResult> rows) {
    }

    /**
     * Saves a class's rows in one request. Each row stands alone: an invalid row, or one changed meanwhile by someone
     * else (stale {@code version}), changes nothing and is reported; the good rows are saved.
     */
    Mono<GridReport> saveGrid(Actor actor, String classId, String yearParam, List<GridRowInput> rows) {
        String year = SchoolYearSpan.parseOrCurrent(yearParam, clock.today(), "year");
        if (rows == null) {
            return Mono.error(Problems.invalid("rows", "required", "rows are required"));
        }
        if (rows.size() > MAX_GRID_ROWS) {
            return Mono.error(Problems.invalid("rows", "too_many", "at most " + MAX_GRID_ROWS + " rows"));
        }
        LocalDate today = clock.today();
        return access.requireClass(actor, classId, DataClass.VISION, Action.WRITE)
                .flatMap(scope -> students.inClass(classId).collectMap(StudentView::id))
                .flatMap(members -> screenings.findAllById(rows.stream()
                                .filter(r -> r != null && r.studentId() != null && members.containsKey(r.studentId()))
                                .map(r -> VisionScreening.idOf(r.studentId(), year)).distinct().toList())
                        .collectMap(VisionScreening::studentId)
                        .flatMap(existing -> {
                            Set<String> seen = new HashSet<>();
                            HealthPlacements.Cache cache = placements.cache();
                            return Flux.fromIterable(rows).concatMap(row -> gridRow(actor, row, year, today, members,
                                            existing, seen, cache))
                                    .collectList()
                                    .map(out -> report(classId, year, out));
                        }));
    }

    private Mono<RowResult> gridRow(Actor actor, GridRowInput row, String year, LocalDate today,
                                    Map<String, StudentView> members, Map<String, VisionScreening> existing,
                                    Set<String> seen, HealthPlacements.Cache cache) {
        String sid = row == null ? null : row.studentId();
        if (sid == null || sid.isBlank()) {
            return Mono.just(invalid(sid, "studentId", "required"));
        }
        StudentView s = members.get(sid);
        if (s == null) {
            return Mono.just(invalid(sid, "studentId", "not_in_class"));
        }
        if (!seen.add(sid)) {
            return Mono.just(invalid(sid, "studentId", "duplicate"));
        }
        if (blank(row.left()) && blank(row.right())) {
            return Mono.just(new RowResult(sid, RowOutcome.EMPTY, List.of(), null));
        }
        VisionScreening current = existing.get(sid);
        if (!Objects.equals(row.version(), current == null ? null : current.version())
                && !(current == null && (row.version() == null || row.version() == 0))) {
            return Mono.just(new RowResult(sid, RowOutcome.CONFLICT, List.of(new FieldError("version",
                    "stale_version", "changed by someone else; reload")), null));
        }
        String date = row.examinedOn() != null ? row.examinedOn()
                : current != null && current.examinedOn() != null ? current.examinedOn().toString() : null;
        VisionRules.Checked c = rules.check(new VisionRules.VisionInput(date, row.glasses(), row.left(),
                row.right()), year, today);
        if (!c.valid()) {
            return Mono.just(new RowResult(sid, RowOutcome.INVALID, c.errors(), null));
        }
        return apply(actor, s, year, c.measured(), current, cache.on(s, c.measured().examinedOn())).map(a -> switch (
                a.outcome()) {
            case UNCHANGED -> new RowResult(sid, RowOutcome.UNCHANGED, List.of(),
                    VisionViews.ScreeningView.full(a.screening()));
            case CREATED, UPDATED -> new RowResult(sid, RowOutcome.SAVED, List.of(),
                    VisionViews.ScreeningView.full(a.screening()));
            case CONFLICT -> new RowResult(sid, RowOutcome.CONFLICT, List.of(new FieldError("version",
                    "stale_version", "changed by someone else; reload")), null);
        });
    }

    static boolean blank(VisionRules.EyeInput e) {
        return e == null || (blankValue(e.uncorrected()) && blankValue(e.corrected()) && blankValue(e.sphere())
                && blankValue(e.cylinder()) && blankValue(e.axis()));
    }

    private static boolean blankValue(Object v) {
        return v == null || v.toString().isBlank();
    }

    private static RowResult invalid(String studentId, String field, String code) {
        return new RowResult(studentId, RowOutcome.INVALID, List.of(new FieldError(field, code, code)), null);
    }

    private static GridReport report(String classId, String year, List<RowResult> out) {
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
        return new GridReport(classId, year, saved, unchanged, invalid, conflicts, out);
    }

    static String validYear(String year) {
        if (!SchoolYearSpan.isValid(year)) {
            throw Problems.invalid("schoolYear", "invalid_school_year", "school year must look like 2026-2027");
        }
        return year;
    }
}
