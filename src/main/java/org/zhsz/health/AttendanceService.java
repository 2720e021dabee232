package org.zhsz.health;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.zhsz.audit.AuditEvent;
import org.zhsz.audit.AuditTrail;
import org.zhsz.health.AttendanceDay.Absence;
import org.zhsz.organization.OrganizationDirectory;
import org.zhsz.organization.Views.ClassView;
import org.zhsz.platform.AccessPolicy;
import org.zhsz.platform.Action;
import org.zhsz.platform.Actor;
import org.zhsz.platform.ClassScope;
import org.zhsz.platform.DataClass;
import org.zhsz.platform.FieldError;
import org.zhsz.platform.Problems;
import org.zhsz.platform.SchoolClock;
import org.zhsz.platform.Suppression;
import org.zhsz.student.StudentDirectory;
import org.zhsz.student.StudentView;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The daily register with 晨午检: a class's exceptions per day (everyone else present), follow-ups of sick absences
 * until 复课, a student's attendance, the school's day at a glance and the county's early-warning counts. Reads of
 * named attendance are audited per student (the family's access log shows them).
 */
@Service
class AttendanceService {

    /** How far back a streak or an outbreak signal looks. */
    static final int LOOK_BACK_DAYS = 45;
    static final int MAX_RANGE_DAYS = 366;
    static final int MAX_COUNTY_DAYS = 62;

    private final AccessPolicy access;
    private final AuditTrail audit;
    private final OrganizationDirectory organization;
    private final StudentDirectory students;
    private final AttendanceDay.Repository days;
    private final FollowUp.Repository followUps;
    private final HealthProperties properties;
    private final SchoolClock clock;

    AttendanceService(AccessPolicy access, AuditTrail audit, OrganizationDirectory organization,
                      StudentDirectory students, AttendanceDay.Repository days, FollowUp.Repository followUps,
                      HealthProperties properties, SchoolClock clock) {
        this.access = access;
        this.audit = audit;
        this.organization = organization;
        this.students = students;
        this.days = days;
        this.followUps = followUps;
        this.properties = properties;
        this.clock = clock;
    }

    static LocalDate date(String text, String field) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException | NullPointerException e) {
            throw Problems.invalid(field, "invalid_date", "not a date (2026-10-12)");
        }
    }

    // ---------------------------------------------------------------------------------------------- the register

    record RegisterInput(@Nullable List<AttendanceRules.AbsenceInput> absences) {
    }

    /**
     * Registers a class's day with only the exceptions; registering again replaces the day, and the same register
     * twice changes nothing. Sick absences with symptoms open (or extend) a follow-up; a sick day taken back is taken
     * out of its follow-up, and a follow-up left without days is removed.
     */
    Mono<AttendanceViews.DayView> register(Actor actor, String classId, String dateText, RegisterInput input) {
        LocalDate date = date(dateText, "date");
        return access.requireClass(actor, classId, DataClass.ATTENDANCE, Action.WRITE)
                .flatMap(scope -> organization.currentTerm(scope.schoolId()).flatMap(term -> {
                    if (date.isAfter(clock.today())) {
                        return Mono.error(Problems.invalid("date", "date_in_future", "the date is in the future"));
                    }
                    if (date.isBefore(term.startDate()) || date.isAfter(term.endDate())) {
                        return Mono.error(Problems.invalid("date", "date_outside_term",
                                "the date must lie in the current term"));
                    }
                    return students.inClass(classId).collectList().flatMap(members -> {
                        Set<String> ids = new HashSet<>();
                        members.forEach(m -> ids.add(m.id()));
                        AttendanceRules.Checked c = AttendanceRules.check(input == null ? null : input.absences(),
                                ids);
                        if (!c.errors().isEmpty()) {
                            return Mono.error(Problems.invalid(c.errors()));
                        }
                        return days.findById(AttendanceDay.idOf(classId, date))
                                .map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                                .flatMap(existing -> save(actor, scope, term.code(), date, members.size(),
                                        c.absences(), existing.orElse(null)))
                                .flatMap(saved -> dayView(classId, date, saved, members));
                    });
                }));
    }

    private Mono<AttendanceDay> save(Actor actor, ClassScope scope, String termCode, LocalDate date, int members,
                                     List<Absence> absences, AttendanceDay existing) {
        if (existing != null && new HashSet<>(existing.absences()).equals(new HashSet<>(absences))) {
            return Mono.just(existing); // the same register again: nothing changes
        }
        Instant now = clock.now().truncatedTo(ChronoUnit.MILLIS); // as the store keeps it
        AttendanceDay next = new AttendanceDay(AttendanceDay.idOf(scope.classId(), date), scope.schoolId(),
                scope.classId(), date, termCode, members, absences,
                existing == null ? now : existing.firstRegisteredAt(), now, actor.username(),
                existing == null ? null : existing.version());
        Mono<AttendanceDay> write = existing == null ? days.insert(next) : days.save(next);
        return write
                .onErrorMap(DuplicateKeyException.class, e -> Problems.staleVersion())
                .onErrorMap(OptimisticLockingFailureException.class, e -> Problems.staleVersion())
                .flatMap(saved -> syncFollowUps(scope.schoolId(), scope.classId(), date, existing, saved)
                        .then(audit.record(AuditEvent.allowed(actor, "attendance.register", "class",
                                        scope.classId(), null, scope.schoolId()).withDataClass(DataClass.ATTENDANCE)
                                .withReason("date=" + date + " absent=" + absences.size())))
                        .thenReturn(saved));
    }

    /**
     * Makes the follow-ups agree with the day's register: every student sick with symptoms that day has the day in
     * their follow-up (an open one is extended, else one is opened); every other student has it in none. Derived
     * from the register alone, so registering a day again also repairs them.
     */
    private Mono<Void> syncFollowUps(String schoolId, String classId, LocalDate date, AttendanceDay before,
                                     AttendanceDay after) {
        Set<String> involved = new TreeSet<>();
        if (before != null) {
            before.absences().stream().filter(Absence::sickWithSymptoms).forEach(a -> involved.add(a.studentId()));
        }
        after.absences().stream().filter(Absence::sickWithSymptoms).forEach(a -> involved.add(a.studentId()));
        Instant now = clock.now();
        return Flux.fromIterable(involved).concatMap(studentId -> followUps.findByStudentId(studentId).collectList()
                .flatMap(mine -> {
                    Absence now2 = after.absenceOf(studentId);
                    boolean sick = now2 != null && now2.sickWithSymptoms();
                    FollowUp holding = mine.stream().filter(f -> f.days().contains(date)).findFirst().orElse(null);
                    if (sick) {
                        if (holding != null) {
                            return merge(holding, date, now2.symptoms(), now);
                        }
                        FollowUp open = mine.stream().filter(f -> f.status() == FollowUp.Status.OPEN).findFirst()
                                .orElse(null);
                        if (open != null) {
                            return merge(open, date, now2.symptoms(), now);
                        }
                        return followUps.insert(new FollowUp(FollowUp.idOf(studentId, date), schoolId, studentId,
                                        classId, date, List.of(date), now2.symptoms(), FollowUp.Status.OPEN, null, null,
                                        null, null, null, now, now))
                                .onErrorResume(DuplicateKeyException.class, e -> Mono.empty()).then();
                    }
                    if (holding == null) {
                        return Mono.<Void>empty();
                    }
                    List<LocalDate> rest = new ArrayList<>(holding.days());
                    rest.remove(date);
                    if (rest.isEmpty()) {
                        return followUps.delete(holding);
                    }
                    return recomputeSymptoms(holding, rest, now);
                })).then();
    }

    private Mono<Void> merge(FollowUp f, LocalDate date, List<String> symptoms, Instant now) {
        TreeSet<LocalDate> all = new TreeSet<>(f.days());
        all.add(date);
        return recomputeSymptoms(f, new ArrayList<>(all), now);
    }

    /** A follow-up's symptoms are those of its days, as the class registers say. */
    private Mono<Void> recomputeSymptoms(FollowUp f, List<LocalDate> dates, Instant now) {
        List<String> ids = dates.stream().map(d -> AttendanceDay.idOf(f.classId(), d)).toList();
        return days.findAllById(ids).collectList().flatMap(list -> {
            Set<String> symptoms = new HashSet<>();
            AttendanceRules.sickDays(list, f.studentId()).values().forEach(symptoms::addAll);
            List<String> ordered = Symptoms.codes().stream().filter(symptoms::contains).toList();
            return followUps.save(f.withDays(dates.stream().sorted().toList(), ordered, now)).then();
        });
    }

    Mono<AttendanceViews.DayView> day(Actor actor, String classId, String dateText) {
        LocalDate date = date(dateText, "date");
        return access.requireClass(actor, classId, DataClass.ATTENDANCE, Action.READ)
                .flatMap(scope -> students.inClass(classId).collectList()
                        .flatMap(members -> days.findById(AttendanceDay.idOf(classId, date))
                                .map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                                .flatMap(d -> dayView(classId, date, d.orElse(null), members))
                                .flatMap(view -> Flux.fromIterable(view.absences())
                                        .concatMap(a -> audit.record(readEvent(actor, a.studentId(),
                                                scope.schoolId())))
                                        .then(Mono.just(view)))));
    }

    private static AuditEvent readEvent(Actor actor, String studentId, String schoolId) {
        return AuditEvent.allowed(actor, "attendance.read", "attendance", studentId, studentId, schoolId)
                .withDataClass(DataClass.ATTENDANCE);
    }

    private Mono<AttendanceViews.DayView> dayView(String classId, LocalDate date, AttendanceDay d,
                                                  List<StudentView> members) {
        Map<String, StudentView> byId = new HashMap<>();
        members.forEach(m -> byId.put(m.id(), m));
        return organization.schoolClassNow(classId).map(ClassView::name).defaultIfEmpty("")
                .flatMap(className -> followUps.findByStudentIdInAndStatus(byId.keySet(), FollowUp.Status.OPEN)
                        .map(f -> followUpView(f, byId.get(f.studentId()), className))
                        .collectSortedList(Comparator.comparing(AttendanceViews.FollowUpView::firstDay))
                        .map(open -> {
                            List<Absence> absences = d == null ? List.of() : d.absences();
                            Map<String, Integer> byType = new LinkedHashMap<>();
                            for (AttendanceDay.Type t : AttendanceDay.Type.values()) {
                                byType.put(t.name(), 0);
                            }
                            List<AttendanceViews.AbsenceView> views = new ArrayList<>();
                            for (Absence a : absences) {
                                byType.merge(a.type().name(), 1, Integer::sum);
                                StudentView s = byId.get(a.studentId());
                                views.add(new AttendanceViews.AbsenceView(a.studentId(), s == null ? "" : s.name(),
                                        a.type().name(), a.symptoms(), a.note()));
                            }
                            int size = d == null ? members.size() : d.members();
                            return new AttendanceViews.DayView(classId, className, date, d != null, size,
                                    size - absences.size(), absences.size(), byType,
                                    d == null ? null : d.firstRegisteredAt(), d == null ? null : d.registeredAt(),
                                    d == null ? null : d.registeredBy(), views, open);
                        }));
    }

    static AttendanceViews.FollowUpView followUpView(FollowUp f, StudentView s, String className) {
        List<LocalDate> sorted = f.days().stream().sorted().toList();
        return new AttendanceViews.FollowUpView(f.id(), f.studentId(), s == null ? "" : s.name(), f.classId(),
                className, sorted.isEmpty() ? f.openedOn() : sorted.get(0),
                sorted.isEmpty() ? f.openedOn() : sorted.get(sorted.size() - 1), sorted.size(), f.symptoms(),
                f.status().name(), f.returnedOn(), f.returnNote(), f.version());
    }

    // ---------------------------------------------------------------------------------------------- 复课

    record ReturnInput(@Nullable String returnedOn, @Nullable String note) {
    }

    /** 复课: closes the follow-up with the date the student came back (not before the last sick day, not future). */
    Mono<AttendanceViews.FollowUpView> returnToSchool(Actor actor, String studentId, String followUpId,
                                                      ReturnInput input) {
        return access.require(actor, studentId, DataClass.ATTENDANCE, Action.REVIEW)
                .flatMap(scope -> followUps.findById(followUpId)
                        .filter(f -> f.studentId().equals(studentId))
                        .switchIfEmpty(Mono.error(() -> Problems.notFound("follow_up", followUpId)))
                        .flatMap(f -> {
                            if (f.status() == FollowUp.Status.CLOSED) {
                                return Mono.error(Problems.conflict("follow_up_closed",
                                        "复课 is already recorded for this follow-up"));
                            }
                            List<FieldError> errors = new ArrayList<>();
                            LocalDate on = null;
                            if (input == null || input.returnedOn() == null || input.returnedOn().isBlank()) {
                                errors.add(new FieldError("returnedOn", "required", "the date of 复课 is required"));
                            } else {
                                on = VisionRules.parseDate(input.returnedOn());
                                LocalDate last = f.days().stream().max(Comparator.naturalOrder()).orElse(f.openedOn());
                                if (on == null) {
                                    errors.add(new FieldError("returnedOn", "invalid_date", "not a date"));
                                } else if (on.isAfter(clock.today())) {
                                    errors.add(new FieldError("returnedOn", "date_in_future", "in the future"));
                                } else if (on.isBefore(last)) {
                                    errors.add(new FieldError("returnedOn", "before_last_sick_day",
                                            "复课 cannot be before the last sick day " + last));
                                }
                            }
                            String note = input == null || input.note() == null || input.note().isBlank() ? null
                                    : input.note().strip();
                            if (note != null && (note.length() > AttendanceRules.MAX_NOTE
                                    || !AttendanceRules.plainText(note))) {
                                errors.add(new FieldError("note", note.length() > AttendanceRules.MAX_NOTE
                                        ? "too_long" : "invalid_text", "invalid note"));
                            }
                            if (!errors.isEmpty()) {
                                return Mono.error(Problems.invalid(errors));
                            }
                            return followUps.save(f.closed(on, note, actor.username(), clock.now()))
                                    .onErrorMap(OptimisticLockingFailureException.class, e -> Problems.staleVersion())
                                    .flatMap(saved -> audit.record(AuditEvent.allowed(actor, "attendance.return",
                                                    "follow_up", saved.id(), studentId, scope.schoolId())
                                                    .withDataClass(DataClass.ATTENDANCE))
                                            .then(students.find(studentId))
                                            .flatMap(s -> organization.schoolClassNow(saved.classId())
                                                    .map(ClassView::name).defaultIfEmpty("")
                                                    .map(cn -> followUpView(saved, s, cn))));
                        }));
    }

    // ------------------------------------------------------------------------------------------- one student

    Mono<AttendanceViews.StudentAttendance> student(Actor actor, String studentId, String fromText, String toText) {
        return access.require(actor, studentId, DataClass.ATTENDANCE, Action.READ)
                .flatMap(scope -> organization.currentTerm(scope.schoolId()).flatMap(term -> {
                    LocalDate to = toText == null || toText.isBlank() ? clock.today() : date(toText, "to");
                    LocalDate from = fromText == null || fromText.isBlank() ? term.startDate() : date(fromText, "from");
                    if (from.isAfter(to)) {
                        return Mono.error(Problems.invalid("from", "after_to", "from must not be after to"));
                    }
                    if (ChronoUnit.DAYS.between(from, to) > MAX_RANGE_DAYS) {
                        return Mono.error(Problems.invalid("from", "range_too_long", "at most one year"));
                    }
                    return students.find(studentId).flatMap(s -> studentPeriod(s, from, to))
                            .flatMap(v -> audit.record(readEvent(actor, studentId, scope.schoolId())).thenReturn(v));
                }));
    }

    /** The classes the student belonged to during [from, to], and the registered days they were a member. */
    Mono<AttendanceViews.StudentAttendance> studentPeriod(StudentView s, LocalDate from, LocalDate to) {
        Set<String> classes = new HashSet<>();
        if (s.classId() != null) {
            classes.add(s.classId());
        }
        s.enrollments().forEach(e -> {
            if (!e.from().isAfter(to) && (e.to() == null || !e.to().isBefore(from))) {
                classes.add(e.classId());
            }
        });
        return days.ofClasses(classes, from, to)
                .filter(d -> d.classId().equals(StudentDirectory.classOn(s, d.date())))
                .collectSortedList(Comparator.comparing(AttendanceDay::date))
                .flatMap(list -> followUps.findByStudentId(s.id())
                        .filter(f -> f.days().stream().anyMatch(d -> !d.isBefore(from) && !d.isAfter(to))
                                || f.status() == FollowUp.Status.OPEN)
                        .collectList()
                        .flatMap(fs -> Flux.fromIterable(fs).concatMap(f -> organization.schoolClassNow(f.classId())
                                        .map(ClassView::name).defaultIfEmpty("").map(cn -> followUpView(f, s, cn)))
                                .collectSortedList(Comparator.comparing(AttendanceViews.FollowUpView::firstDay)
                                        .reversed()))
                        .map(fviews -> {
                            Map<String, Integer> byType = new LinkedHashMap<>();
                            for (AttendanceDay.Type t : AttendanceDay.Type.values()) {
                                byType.put(t.name(), 0);
                            }
                            List<AttendanceViews.DateAbsence> absences = new ArrayList<>();
                            for (AttendanceDay d : list) {
                                Absence a = d.absenceOf(s.id());
                                if (a != null) {
                                    byType.merge(a.type().name(), 1, Integer::sum);
                                    absences.add(new AttendanceViews.DateAbsence(d.date(), a.type().name(),
                                            a.symptoms(), a.note()));
                                }
                            }
                            absences.sort(Comparator.comparing(AttendanceViews.DateAbsence::date).reversed());
                            int schoolDays = list.size();
                            BigDecimal rate = schoolDays == 0 ? null : BigDecimal.valueOf(
                                            (schoolDays - absences.size()) * 100L)
                                    .divide(BigDecimal.valueOf(schoolDays), 1, RoundingMode.HALF_UP);
                            return new AttendanceViews.StudentAttendance(s.id(), from, to, schoolDays,
                                    absences.size(), byType, rate, absences, fviews);
                        }));
    }

    // ------------------------------------------------------------------------------------------ the school's day

    Mono<AttendanceViews.SchoolDay> schoolDay(Actor actor, String schoolId, String dateText) {
        LocalDate date = date(dateText, "date");
        HealthProperties.Attendance cfg = properties.attendance();
        return access.requireSchool(actor, schoolId, DataClass.ATTENDANCE_OVERVIEW, Action.READ)
                .flatMap(scope -> Mono.zip(organization.school(schoolId), organization.termOn(schoolId, date)
                                .map(t -> t.code()).defaultIfEmpty(org.zhsz.organization.TermCalendar.codeOf(date)))
                        .flatMap(t -> organization.classesOfSchool(schoolId, t.getT2()).filter(ClassView::active)
                                .collectList()
                                .flatMap(classes -> {
                                    Set<String> classIds = new HashSet<>();
                                    classes.forEach(c -> classIds.add(c.id()));
                                    return Mono.zip(days.ofClasses(classIds,
                                                            date.minusDays(LOOK_BACK_DAYS), date).collectList(),
                                                    students.inSchool(schoolId).collectMap(StudentView::id),
                                                    followUps.findBySchoolIdAndStatus(schoolId, FollowUp.Status.OPEN)
                                                            .count())
                                            .map(z -> overview(t.getT1().name(), schoolId, date, classes, z.getT1(),
                                                    z.getT2(), z.getT3().intValue(), cfg));
                                })))
                .flatMap(view -> Flux.fromIterable(view.streaks())
                        .concatMap(st -> audit.record(readEvent(actor, st.studentId(), schoolId)))
                        .then(Mono.just(view)));
    }

    private AttendanceViews.SchoolDay overview(String schoolName, String schoolId, LocalDate date,
                                               List<ClassView> classes, List<AttendanceDay> recent,
                                               Map<String, StudentView> pupils, int openFollowUps,
                                               HealthProperties.Attendance cfg) {
        Map<String, List<AttendanceDay>> byClass = new HashMap<>();
        for (AttendanceDay d : recent) {
            byClass.computeIfAbsent(d.classId(), k -> new ArrayList<>()).add(d);
        }
        byClass.values().forEach(l -> l.sort(Comparator.comparing(AttendanceDay::date).reversed()));
        Map<String, Integer> members = new HashMap<>();
        pupils.values().forEach(p -> {
            if (p.classId() != null && p.status() == org.zhsz.student.StudentStatus.ENROLLED) {
                members.merge(p.classId(), 1, Integer::sum);
            }
        });
        Instant cutoff = LocalDateTime.of(date, cfg.registerBy()).atZone(SchoolClock.ZONE).toInstant();
        boolean beforeCutoff = clock.now().isBefore(cutoff);
        List<AttendanceViews.ClassStatus> statuses = new ArrayList<>();
        List<AttendanceViews.Streak> streaks = new ArrayList<>();
        List<AttendanceViews.ClusterView> clusters = new ArrayList<>();
        Map<String, Integer> byType = new LinkedHashMap<>();
        for (AttendanceDay.Type t : AttendanceDay.Type.values()) {
            byType.put(t.name(), 0);
        }
        Map<String, Integer> bySymptom = new LinkedHashMap<>();
        Symptoms.codes().forEach(c -> bySymptom.put(c, 0));
        int totalMembers = 0;
        int registered = 0;
        int absent = 0;
        List<ClassView> sorted = new ArrayList<>(classes);
        sorted.sort(Comparator.comparingInt(ClassView::gradeLevel).thenComparingInt(ClassView::classNo));
        for (ClassView c : sorted) {
            List<AttendanceDay> history = byClass.getOrDefault(c.id(), List.of());
            AttendanceDay today = history.isEmpty() || !history.get(0).date().equals(date) ? null : history.get(0);
            int size = today != null ? today.members() : members.getOrDefault(c.id(), 0);
            totalMembers += size;
            String status;
            int sick = 0;
            if (today == null) {
                status = beforeCutoff && !date.isBefore(clock.today()) ? "PENDING" : "MISSING";
            } else {
                registered++;
                status = today.firstRegisteredAt() != null && today.firstRegisteredAt().isAfter(cutoff) ? "LATE"
                        : "REGISTERED";
                for (Absence a : today.absences()) {
                    absent++;
                    byType.merge(a.type().name(), 1, Integer::sum);
                    if (a.type() == AttendanceDay.Type.SICK) {
                        sick++;
                    }
                    a.symptoms().forEach(sy -> bySymptom.merge(sy, 1, Integer::sum));
                }
                for (AttendanceRules.Cluster cl : AttendanceRules.clusters(history, cfg.clusterDay(),
                        cfg.clusterThreeDays())) {
                    clusters.add(new AttendanceViews.ClusterView(c.id(), c.name(), cl.symptom(), cl.onDay(),
                            cl.withinThreeDays()));
                }
            }
            // 控辍保学: absent on the class's latest register (today's, or the last one before it) and the days before
            if (!history.isEmpty()) {
                for (Absence a : history.get(0).absences()) {
                    int n = AttendanceRules.streak(history, a.studentId());
                    if (n >= cfg.absentStreakDays()) {
                        StudentView s = pupils.get(a.studentId());
                        streaks.add(new AttendanceViews.Streak(a.studentId(), s == null ? "" : s.name(), c.id(),
                                c.name(), n, a.type().name(), history.get(0).date()));
                    }
                }
            }
            statuses.add(new AttendanceViews.ClassStatus(c.id(), c.name(), HealthPlacements.placed(c, c.termCode())
                    .grade(), size, status, today == null ? null : today.firstRegisteredAt(),
                    today == null ? 0 : today.absences().size(), sick));
        }
        streaks.sort(Comparator.comparingInt(AttendanceViews.Streak::days).reversed()
                .thenComparing(AttendanceViews.Streak::classId));
        return new AttendanceViews.SchoolDay(schoolId, schoolName, date, cfg.registerBy(), statuses,
                new AttendanceViews.Totals(totalMembers, registered, sorted.size(), absent, byType, bySymptom),
                cfg.absentStreakDays(), streaks, clusters, openFollowUps);
    }

    Mono<List<AttendanceViews.FollowUpView>> schoolFollowUps(Actor actor, String schoolId, String status) {
        String s = status == null || status.isBlank() ? "open" : status.trim().toLowerCase(java.util.Locale.ROOT);
        if (!List.of("open", "closed", "all").contains(s)) {
            return Mono.error(Problems.invalid("status", "unknown_value", "open, closed or all"));
        }
        return access.requireSchool(actor, schoolId, DataClass.ATTENDANCE_OVERVIEW, Action.READ)
                .flatMap(scope -> (s.equals("all") ? followUps.findBySchoolId(schoolId)
                        : followUps.findBySchoolIdAndStatus(schoolId, s.equals("open") ? FollowUp.Status.OPEN
                        : FollowUp.Status.CLOSED)).collectList())
                .flatMap(list -> students.findAll(list.stream().map(FollowUp::studentId).toList())
                        .collectMap(StudentView::id)
                        .flatMap(byId -> Flux.fromIterable(list).concatMap(f -> organization
                                        .schoolClassNow(f.classId()).map(ClassView::name).defaultIfEmpty("")
                                        .map(cn -> followUpView(f, byId.get(f.studentId()), cn)))
                                .collectList()))
                .map(views -> {
                    List<AttendanceViews.FollowUpView> out = new ArrayList<>(views);
                    out.sort(Comparator.comparing(AttendanceViews.FollowUpView::status).reversed()
                            .thenComparing(AttendanceViews.FollowUpView::firstDay));
                    return out;
                })
                .flatMap(views -> Flux.fromIterable(views).map(AttendanceViews.FollowUpView::studentId).distinct()
                        .concatMap(id -> audit.record(readEvent(actor, id, schoolId))).then(Mono.just(views)));
    }

    // ------------------------------------------------------------------------------------------------ the county

    Mono<AttendanceViews.County> county(Actor actor, String fromText, String toText) {
        LocalDate to = toText == null || toText.isBlank() ? clock.today() : date(toText, "to");
        LocalDate from = fromText == null || fromText.isBlank() ? to.minusDays(13) : date(fromText, "from");
        if (from.isAfter(to)) {
            return Mono.error(Problems.invalid("from", "after_to", "from must not be after to"));
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_COUNTY_DAYS) {
            return Mono.error(Problems.invalid("from", "range_too_long", "at most " + MAX_COUNTY_DAYS + " days"));
        }
        return access.requireOwnCounty(actor, DataClass.COUNTY_STATS, Action.READ)
                .flatMap(scope -> organization.schoolsOfCounty(scope.countyId()).map(sc -> sc.id()).collectList()
                        .flatMap(schools -> organization.region(scope.countyId()).map(r -> r.name())
                                .defaultIfEmpty(scope.countyId())
                                .flatMap(name -> days.ofSchools(schools, from, to)
                                        .collectList()
                                        .map(list -> countyCounts(scope.countyId(), name, from, to, list)))));
        // suppressed counts by day and symptom, no names: not audited, like the county's fitness figures
    }

    static final int K = 5;

    /** Sick absences per day and symptom over the county's registers, small counts suppressed, no names. */
    static AttendanceViews.County countyCounts(String countyId, String countyName, LocalDate from, LocalDate to,
                                               List<AttendanceDay> registers) {
        List<String> symptoms = Symptoms.codes();
        Map<LocalDate, int[]> perDay = new LinkedHashMap<>();
        Map<LocalDate, Integer> sickPerDay = new LinkedHashMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            perDay.put(d, new int[symptoms.size()]);
            sickPerDay.put(d, 0);
        }
        for (AttendanceDay day : registers) {
            int[] counts = perDay.get(day.date());
            if (counts == null) {
                continue;
            }
            for (Absence a : day.absences()) {
                if (a.type() != AttendanceDay.Type.SICK) {
                    continue;
                }
                sickPerDay.merge(day.date(), 1, Integer::sum);
                for (String s : a.symptoms()) {
                    counts[symptoms.indexOf(s)]++;
                }
            }
        }
        // symptom cells add up, per symptom, to the period's total of that symptom; day totals to the grand total
        Map<Object, Integer> sizes = new HashMap<>();
        List<Suppression.Line<Object>> lines = new ArrayList<>();
        int[] symptomTotals = new int[symptoms.size()];
        int grand = 0;
        for (Map.Entry<LocalDate, int[]> e : perDay.entrySet()) {
            for (int i = 0; i < symptoms.size(); i++) {
                sizes.put(List.of(e.getKey(), symptoms.get(i)), e.getValue()[i]);
                symptomTotals[i] += e.getValue()[i];
            }
            sizes.put(e.getKey(), sickPerDay.get(e.getKey()));
            grand += sickPerDay.get(e.getKey());
        }
        for (int i = 0; i < symptoms.size(); i++) {
            List<Object> column = new ArrayList<>();
            for (LocalDate d : perDay.keySet()) {
                column.add(List.of(d, symptoms.get(i)));
            }
            sizes.put("total:" + symptoms.get(i), symptomTotals[i]);
            lines.add(new Suppression.Line<>(column, "total:" + symptoms.get(i)));
        }
        sizes.put("total", grand);
        lines.add(new Suppression.Line<>(new ArrayList<>(perDay.keySet()), "total"));
        Set<Object> hidden = Suppression.suppress(sizes, lines, K);
        List<AttendanceViews.CountyDay> out = new ArrayList<>();
        for (Map.Entry<LocalDate, int[]> e : perDay.entrySet()) {
            Map<String, Integer> cells = new LinkedHashMap<>();
            for (int i = 0; i < symptoms.size(); i++) {
                Object key = List.of(e.getKey(), symptoms.get(i));
                cells.put(symptoms.get(i), hidden.contains(key) ? null : e.getValue()[i]);
            }
            out.add(new AttendanceViews.CountyDay(e.getKey(), hidden.contains(e.getKey()) ? null
                    : sickPerDay.get(e.getKey()), cells));
        }
        Map<String, Integer> totals = new LinkedHashMap<>();
        for (int i = 0; i < symptoms.size(); i++) {
            totals.put(symptoms.get(i), hidden.contains("total:" + symptoms.get(i)) ? null : symptomTotals[i]);
        }
        return new AttendanceViews.County(countyId, countyName, from, to, K, symptoms, out,
                hidden.contains("total") ? null : grand, totals);
    }

    static boolean sameAbsences(List<Absence> a, List<Absence> b) {
        return Objects.equals(new HashSet<>(a), new HashSet<>(b));
    }
}
