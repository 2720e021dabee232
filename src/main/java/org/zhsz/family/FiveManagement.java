package org.zhsz.family;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.zhsz.audit.AuditEvent;
import org.zhsz.audit.AuditTrail;
import org.zhsz.organization.OrganizationDirectory;
import org.zhsz.organization.SchoolStage;
import org.zhsz.organization.Views.ClassView;
import org.zhsz.organization.Views.SchoolView;
import org.zhsz.platform.AccessPolicy;
import org.zhsz.platform.Action;
import org.zhsz.platform.Actor;
import org.zhsz.platform.DataClass;
import org.zhsz.platform.FieldError;
import org.zhsz.platform.Problems;
import org.zhsz.platform.Relationship;
import org.zhsz.platform.SchoolClock;
import org.zhsz.platform.StudentScope;
import org.zhsz.platform.Suppression;
import org.zhsz.student.StudentDirectory;
import org.zhsz.student.StudentView;

import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * 五项管理: the weekly family check-in (a family sees and writes only its own child's), the homework a class's
 * teachers declare per day, the head teacher's class view comparing declared and reported homework and the share
 * meeting each target, and k-suppressed statistics for the school and the county. Every read of a child's entries by
 * someone outside the family is audited and shows in the family's access log.
 */
@Service
class FiveManagement {

    static final int MAX_RANGE_DAYS = 200;

    private final ReactiveMongoTemplate mongo;
    private final AccessPolicy access;
    private final StudentDirectory students;
    private final OrganizationDirectory organization;
    private final FiveForms forms;
    private final AuditTrail audit;
    private final SchoolClock clock;
    private final MeterRegistry meters;

    FiveManagement(ReactiveMongoTemplate mongo, AccessPolicy access, StudentDirectory students,
                   OrganizationDirectory organization, FiveForms forms, AuditTrail audit, SchoolClock clock,
                   MeterRegistry meters) {
        this.mongo = mongo;
        this.access = access;
        this.students = students;
        this.organization = organization;
        this.forms = forms;
        this.audit = audit;
        this.clock = clock;
        this.meters = meters;
    }

    // ---------------------------------------------------------------- targets for a grade

    /** A target as it applies to one grade: the limit (null: reported only) and where it comes from. */
    record TargetView(String code, Map<String, String> name, String measure, FiveForms.Compare compare,
                      @Nullable Object limit,
                      Map<String, String> label, FiveForms.@Nullable Source source) {
    }

    List<TargetView> targets(int grade, String stage) {
        return forms.targets().stream().map(t -> new TargetView(t.code(), t.name(), t.measure(), t.compare(),
                FiveRules.limit(t, grade, stage), t.label(), forms.catalogue().sources().stream()
                .filter(s -> s.code().equals(t.source())).findFirst().orElse(null))).toList();
    }

    // ---------------------------------------------------------------- the family's check-ins

    record Evaluation(String target, @Nullable Object value, @Nullable Object limit, @Nullable Boolean met) {
    }

    record WeekEntry(LocalDate weekStart, boolean open, @Nullable Map<String, Object> values,
                     @Nullable Integer sleepMinutes,
                     Docs.@Nullable Person by, @Nullable Instant updatedAt, List<Evaluation> evaluation,
                     @Nullable Long version) {
    }

    record StudentFive(String studentId, String name, String className, int grade, String stage,
                       String relation, List<TargetView> targets, List<WeekEntry> weeks) {
    }

    /** The student's last {@code weeks} weeks (this one first), filled or not. */
    Mono<StudentFive> ofStudent(Actor actor, String studentId, int weeks) {
        if (weeks < 1 || weeks > 26) {
            return Mono.error(Problems.invalid("weeks", "out_of_range", "1 to 26 weeks"));
        }
        return access.require(actor, studentId, DataClass.FIVE_MANAGEMENT, Action.READ)
                .flatMap(scope -> Mono.zip(students.find(studentId), organization.schoolClass(scope.classId(),
                        scope.termCode())).flatMap(t -> {
                    ClassView c = t.getT2();
                    String stage = c.stage().name();
                    LocalDate thisWeek = FiveRules.monday(clock.today());
                    LocalDate first = thisWeek.minusWeeks(weeks - 1L);
                    return mongo.find(Query.query(Criteria.where("studentId").is(studentId).and("weekStart")
                                    .gte(first).lte(thisWeek)), Docs.CheckIn.class)
                            .collectMap(Docs.CheckIn::weekStart)
                            .flatMap(byWeek -> {
                                List<WeekEntry> list = new ArrayList<>();
                                for (LocalDate w = thisWeek; !w.isBefore(first); w = w.minusWeeks(1)) {
                                    Docs.CheckIn ci = byWeek.get(w);
                                    list.add(entry(w, ci, c.gradeLevel(), stage));
                                }
                                StudentFive view = new StudentFive(studentId, t.getT1().name(), c.name(),
                                        c.gradeLevel(), stage, relation(scope), targets(c.gradeLevel(), stage), list);
                                return auditRead(actor, scope, "five_management.read").thenReturn(view);
                            });
                }));
    }

    private WeekEntry entry(LocalDate week, Docs.CheckIn ci, int grade, String stage) {
        boolean open = FiveRules.weekProblem(week, clock.today()) == null;
        if (ci == null) {
            return new WeekEntry(week, open, null, null, null, null, List.of(), null);
        }
        return new WeekEntry(week, open, ci.values(), ci.sleepMinutes(), ci.by(), ci.updatedAt(),
                evaluate(ci, grade, stage), ci.version());
    }

    private List<Evaluation> evaluate(Docs.CheckIn ci, int grade, String stage) {
        List<Evaluation> out = new ArrayList<>();
        for (FiveForms.Target t : forms.targets()) {
            Object v = FiveRules.measure(t, ci.values(), ci.sleepMinutes());
            out.add(new Evaluation(t.code(), v, FiveRules.limit(t, grade, stage), FiveRules.meets(t, v, grade, stage)));
        }
        return out;
    }

    private static String relation(StudentScope scope) {
        return scope.is(Relationship.GUARDIAN) ? "guardian" : scope.is(Relationship.SELF) ? "student" : "staff";
    }

    /** A read by someone outside the family is a sensitive read of the child's data (the family's access log). */
    private Mono<Void> auditRead(Actor actor, StudentScope scope, String action) {
        if (scope.isAny(Relationship.SELF, Relationship.GUARDIAN)) {
            return Mono.empty();
        }
        return audit.record(new AuditEvent(actor, action, "student", scope.studentId(), scope.studentId(),
                scope.schoolId(), AuditEvent.Outcome.ALLOWED, null, DataClass.FIVE_MANAGEMENT));
    }

    Mono<WeekEntry> checkIn(Actor actor, String studentId, LocalDate weekStart, Map<String, Object> values,
                            Long expectedVersion) {
        String problem = FiveRules.weekProblem(weekStart, clock.today());
        if (problem != null) {
            return Mono.error(Problems.invalid("weekStart", problem, "a Monday of this week or the "
                    + FiveRules.WEEKS_OPEN + " before it"));
        }
        FiveForms.Form form = forms.form(FiveForms.CHECK_IN);
        FiveRules.Checked checked = FiveRules.check(form, values, "values.");
        List<FieldError> errors = new ArrayList<>(checked.errors());
        Integer sleep = null;
        if (errors.isEmpty()) {
            sleep = FiveRules.sleepMinutes((String) checked.values().get("bedtime"),
                    (String) checked.values().get("wakeTime"));
            if (!FiveRules.plausibleSleep(sleep)) {
                errors.add(new FieldError("values.wakeTime", "implausible_sleep",
                        "bedtime and wake-up time give less than 3 or more than 16 hours of sleep"));
            }
        }
        if (!errors.isEmpty()) {
            return Mono.error(Problems.invalid(errors));
        }
        Integer sleepMinutes = sleep;
        return access.require(actor, studentId, DataClass.FIVE_MANAGEMENT, Action.WRITE)
                .flatMap(scope -> organization.schoolClass(scope.classId(), scope.termCode()).flatMap(c ->
                        mongo.findById(Docs.CheckIn.id(studentId, weekStart), Docs.CheckIn.class)
                                .map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                                .flatMap(existing -> {
                                    org.zhsz.platform.ETags.check(expectedVersion,
                                            existing.map(Docs.CheckIn::version).orElse(null));
                                    Instant now = clock.now();
                                    Docs.CheckIn ci = new Docs.CheckIn(Docs.CheckIn.id(studentId, weekStart),
                                            scope.schoolId(), c.id(), studentId, c.gradeLevel(), c.stage().name(),
                                            weekStart, checked.values(), sleepMinutes, forms.version(),
                                            new Docs.Person(actor.username(), actor.displayName(),
                                                    scope.is(Relationship.GUARDIAN) ? "parent" : "student"),
                                            existing.map(Docs.CheckIn::createdAt).orElse(now), now,
                                            existing.map(Docs.CheckIn::version).orElse(null));
                                    return mongo.save(ci);
                                })
                                .flatMap(saved -> audit.record(new AuditEvent(actor, "five_management.write",
                                                "student", studentId, studentId, scope.schoolId(),
                                                AuditEvent.Outcome.ALLOWED, null, DataClass.FIVE_MANAGEMENT))
                                        .doOnSuccess(v -> meters.counter("zhsz.family.checkins").increment())
                                        .thenReturn(entry(weekStart, saved, c.gradeLevel(), c.stage().name())))));
    }

    // ---------------------------------------------------------------- declared homework

    record DeclarationInput(@Nullable String subject, @Nullable Integer minutes, @Nullable String note) {
    }

    record HomeworkDay(LocalDate date, int totalMinutes, @Nullable Object limit, List<Docs.HomeworkEntry> entries) {
    }

    record ClassHomework(String classId, String className, int grade, @Nullable Object limit, LocalDate from,
                         LocalDate to, List<HomeworkDay> days) {
    }

    /** Replaces what this teacher declared for the class on that day (an empty list withdraws it). */
    Mono<HomeworkDay> declare(Actor actor, String classId, LocalDate date, List<DeclarationInput> entries) {
        LocalDate today = clock.today();
        if (date.isBefore(today.minusDays(14)) || date.isAfter(today.plusDays(7))) {
            return Mono.error(Problems.invalid("date", "out_of_range", "from two weeks ago to a week ahead"));
        }
        if (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return Mono.error(Problems.invalid("date", "weekend", "homework is declared for school days"));
        }
        List<DeclarationInput> in = entries == null ? List.of() : entries;
        if (in.size() > 10) {
            return Mono.error(Problems.invalid("entries", "too_many", "at most 10 subjects a day"));
        }
        FiveForms.Form form = forms.form(FiveForms.HOMEWORK);
        List<FieldError> errors = new ArrayList<>();
        List<Map<String, Object>> checked = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            Map<String, Object> raw = new HashMap<>();
            raw.put("subject", in.get(i).subject());
            raw.put("minutes", in.get(i).minutes());
            raw.put("note", in.get(i).note());
            FiveRules.Checked c = FiveRules.check(form, raw, "entries[" + i + "].");
            errors.addAll(c.errors());
            checked.add(c.values());
        }
        if (in.stream().map(DeclarationInput::subject).distinct().count() != in.size()) {
            errors.add(new FieldError("entries", "duplicate", "one entry per subject"));
        }
        if (!errors.isEmpty()) {
            return Mono.error(Problems.invalid(errors));
        }
        return access.requireClass(actor, classId, DataClass.HOMEWORK, Action.WRITE).flatMap(scope ->
                organization.schoolClass(classId, scope.termCode()).flatMap(c -> mongo.findById(
                                Docs.Homework.id(classId, date), Docs.Homework.class)
                        .defaultIfEmpty(new Docs.Homework(Docs.Homework.id(classId, date), scope.schoolId(), classId,
                                date, List.of(), null))
                        .flatMap(h -> {
                            Instant now = clock.now();
                            Docs.Person by = new Docs.Person(actor.username(), actor.displayName(), "teacher");
                            List<Docs.HomeworkEntry> kept = new ArrayList<>(h.entries().stream()
                                    .filter(e -> !actor.username().equals(e.by().username())).toList());
                            for (Map<String, Object> v : checked) {
                                String subject = (String) v.get("subject");
                                if (kept.stream().anyMatch(e -> e.subject().equals(subject))) {
                                    return Mono.error(Problems.conflict("subject_declared",
                                            "Another teacher has declared this subject for the day", subject));
                                }
                                kept.add(new Docs.HomeworkEntry(subject, (Integer) v.get("minutes"),
                                        (String) v.get("note"), by, now));
                            }
                            return mongo.save(new Docs.Homework(h.id(), h.schoolId(), classId, date, kept,
                                    h.version()));
                        })
                        .flatMap(saved -> audit.record(AuditEvent.allowed(actor, "homework.declare", "class", classId,
                                null, scope.schoolId())).thenReturn(new HomeworkDay(date, saved.totalMinutes(),
                                homeworkLimit(c.gradeLevel(), c.stage().name()), saved.entries())))));
    }

    @Nullable Object homeworkLimit(int grade, String stage) {
        return forms.targets().stream().filter(t -> "homeworkMinutes".equals(t.measure())).findFirst()
                .map(t -> FiveRules.limit(t, grade, stage)).orElse(null);
    }

    Mono<ClassHomework> homework(Actor actor, String classId, LocalDate from, LocalDate to) {
        LocalDate f = from == null ? FiveRules.monday(clock.today()) : from;
        LocalDate t = to == null ? f.plusDays(4) : to;
        if (t.isBefore(f) || t.isAfter(f.plusDays(62))) {
            return Mono.error(Problems.invalid("to", "out_of_range", "from ≤ to, at most 62 days"));
        }
        return access.requireClass(actor, classId, DataClass.HOMEWORK, Action.READ).flatMap(scope ->
                organization.schoolClass(classId, scope.termCode()).flatMap(c -> declarations(classId, f, t)
                        .map(list -> {
                            Object limit = homeworkLimit(c.gradeLevel(), c.stage().name());
                            return new ClassHomework(classId, c.name(), c.gradeLevel(), limit, f, t, list.stream()
                                    .map(h -> new HomeworkDay(h.date(), h.totalMinutes(), limit, h.entries()))
                                    .toList());
                        })));
    }

    private Mono<List<Docs.Homework>> declarations(String classId, LocalDate from, LocalDate to) {
        return mongo.find(Query.query(Criteria.where("classId").is(classId).and("date").gte(from).lte(to))
                .with(Sort.by("date")), Docs.Homework.class).filter(h -> !h.entries().isEmpty()).collectList();
    }

    // ---------------------------------------------------------------- the class view

    record StudentWeek(String studentId, String name, boolean checkedIn, @Nullable Integer sleepMinutes,
                       @Nullable String bedtime,
                       @Nullable Integer homeworkMinutes, @Nullable Boolean phoneAtSchool, @Nullable Integer booksRead,
                       @Nullable Integer exerciseMinutes,
                       List<String> notMet) {
    }

    record TargetShare(String code, Map<String, String> label, @Nullable Object limit, int met, int of, Double share) {
    }

    record HomeworkComparison(@Nullable Double declaredDailyAverage, int declaredDays,
                              @Nullable Double reportedDailyAverage,
                              int reporting, @Nullable Object limit, List<HomeworkDay> days) {
    }

    record ClassWeek(String classId, String className, int grade, String stage, LocalDate weekStart, int students,
                     int checkedIn, List<TargetView> targets, List<TargetShare> shares, HomeworkComparison homework,
                     @Nullable Double averageBooks, List<StudentWeek> rows) {
    }

    Mono<ClassWeek> classWeek(Actor actor, String classId, LocalDate week) {
        LocalDate w = week == null ? FiveRules.monday(clock.today()) : week;
        if (w.getDayOfWeek() != DayOfWeek.MONDAY) {
            return Mono.error(Problems.invalid("week", "not_monday", "the week's Monday"));
        }
        return access.requireClass(actor, classId, DataClass.FIVE_MANAGEMENT, Action.REVIEW).flatMap(scope ->
                organization.schoolClass(classId, scope.termCode()).flatMap(c -> Mono.zip(
                                students.inClass(classId).collectList(),
                                mongo.find(Query.query(Criteria.where("classId").is(classId).and("weekStart").is(w)),
                                        Docs.CheckIn.class).collectMap(Docs.CheckIn::studentId),
                                declarations(classId, w, w.plusDays(4)))
                        .flatMap(t -> {
                            ClassWeek view = classWeek(c, w, t.getT1(), t.getT2(), t.getT3());
                            // the head teacher sees each child's answers: a sensitive read of each one shown
                            return Flux.fromIterable(t.getT2().values())
                                    .concatMap(ci -> audit.record(new AuditEvent(actor, "five_management.read",
                                            "class", classId, ci.studentId(), scope.schoolId(),
                                            AuditEvent.Outcome.ALLOWED, null, DataClass.FIVE_MANAGEMENT)))
                                    .then(Mono.just(view));
                        })));
    }

    ClassWeek classWeek(ClassView c, LocalDate week, List<StudentView> roster, Map<String, Docs.CheckIn> byStudent,
                        List<Docs.Homework> declared) {
        String stage = c.stage().name();
        int grade = c.gradeLevel();
        List<StudentWeek> rows = new ArrayList<>();
        Map<String, int[]> counts = new LinkedHashMap<>();
        forms.targets().stream().filter(t -> t.compare() != FiveForms.Compare.REPORTED)
                .forEach(t -> counts.put(t.code(), new int[2]));
        double homeworkSum = 0;
        int homeworkN = 0;
        double booksSum = 0;
        int booksN = 0;
        for (StudentView s : roster) {
            Docs.CheckIn ci = byStudent.get(s.id());
            if (ci == null) {
                rows.add(new StudentWeek(s.id(), s.name(), false, null, null, null, null, null, null, List.of()));
                continue;
            }
            List<String> notMet = new ArrayList<>();
            for (FiveForms.Target t : forms.targets()) {
                Boolean ok = FiveRules.meets(t, FiveRules.measure(t, ci.values(), ci.sleepMinutes()), grade, stage);
                if (ok != null) {
                    int[] k = counts.get(t.code());
                    k[1]++;
                    if (ok) {
                        k[0]++;
                    } else {
                        notMet.add(t.code());
                    }
                }
            }
            Map<String, Object> v = ci.values();
            if (v.get("homeworkMinutes") instanceof Number n) {
                homeworkSum += n.doubleValue();
                homeworkN++;
            }
            if (v.get("booksRead") instanceof Number n) {
                booksSum += n.doubleValue();
                booksN++;
            }
            rows.add(new StudentWeek(s.id(), s.name(), true, ci.sleepMinutes(), (String) v.get("bedtime"),
                    intOf(v.get("homeworkMinutes")), (Boolean) v.get("phoneAtSchool"), intOf(v.get("booksRead")),
                    intOf(v.get("exerciseMinutes")), notMet));
        }
        List<TargetShare> shares = new ArrayList<>();
        for (FiveForms.Target t : forms.targets()) {
            int[] k = counts.get(t.code());
            if (k == null || k[1] == 0) {
                continue;
            }
            shares.add(new TargetShare(t.code(), t.label(), FiveRules.limit(t, grade, stage), k[0], k[1],
                    Math.round(1000.0 * k[0] / k[1]) / 10.0));
        }
        Object limit = homeworkLimit(grade, stage);
        List<HomeworkDay> days = declared.stream().map(h -> new HomeworkDay(h.date(), h.totalMinutes(), limit,
                h.entries())).toList();
        Double declaredAvg = days.isEmpty() ? null
                : Math.round(10.0 * days.stream().mapToInt(HomeworkDay::totalMinutes).average().orElse(0)) / 10.0;
        HomeworkComparison hw = new HomeworkComparison(declaredAvg, days.size(),
                homeworkN == 0 ? null : Math.round(10.0 * homeworkSum / homeworkN) / 10.0, homeworkN, limit, days);
        int checkedIn = (int) rows.stream().filter(StudentWeek::checkedIn).count();
        return new ClassWeek(c.id(), c.name(), grade, stage, week, roster.size(), checkedIn, targets(grade, stage),
                shares, hw, booksN == 0 ? null : Math.round(10.0 * booksSum / booksN) / 10.0, rows);
    }

    private static Integer intOf(Object o) {
        return o instanceof Number n ? n.intValue() : null;
    }

    // ---------------------------------------------------------------- school and county statistics

    record Period(LocalDate from, LocalDate to, int weeks) {
    }

    record SchoolStats(String schoolId, String name, Period period, List<TargetView> targets, FiveStats.Row school,
                       List<FiveStats.Row> grades, List<FiveStats.Row> classes, int k) {
    }

    record CountyStats(String countyId, Period period, FiveStats.Row county, List<FiveStats.Row> schools,
                       List<FiveStats.Row> grades, int k) {
    }

    Period period(LocalDate from, LocalDate to) {
        LocalDate thisWeek = FiveRules.monday(clock.today());
        LocalDate f = FiveRules.monday(from == null ? thisWeek.minusWeeks(3) : from);
        LocalDate t = FiveRules.monday(to == null ? thisWeek : to);
        if (t.isBefore(f) || t.isAfter(f.plusDays(MAX_RANGE_DAYS))) {
            throw Problems.invalid("to", "out_of_range", "from ≤ to, at most " + MAX_RANGE_DAYS + " days");
        }
        return new Period(f, t, (int) (java.time.temporal.ChronoUnit.WEEKS.between(f, t) + 1));
    }

    Mono<SchoolStats> schoolStats(Actor actor, String schoolId, LocalDate from, LocalDate to, Action action) {
        Period p = period(from, to);
        return access.requireSchool(actor, schoolId, DataClass.FIVE_MANAGEMENT, action)
                .flatMap(scope -> organization.school(schoolId).flatMap(school -> schoolStats(school,
                                scope.termCode(), p))
                        .flatMap(s -> audit.record(new AuditEvent(actor, "five_management.stats."
                                        + action.name().toLowerCase(java.util.Locale.ROOT), "school", schoolId, null,
                                        schoolId, AuditEvent.Outcome.ALLOWED, null, null)).thenReturn(s)));
    }

    private Mono<SchoolStats> schoolStats(SchoolView school, String term, Period p) {
        return Mono.zip(organization.classesOfSchool(school.id(), term)
                                .filter(c -> c.active() && c.gradeLevel() >= 1 && c.gradeLevel() <= 12).collectList(),
                        students.inSchool(school.id()).filter(s -> s.classId() != null).collectList(),
                        checkIns(Criteria.where("schoolId").is(school.id()), p))
                .map(t -> {
                    List<ClassView> classes = t.getT1();
                    Map<String, Integer> roster = new HashMap<>();
                    t.getT2().forEach(s -> roster.merge(s.classId(), 1, Integer::sum));
                    Map<String, List<FiveStats.StudentPeriod>> byClass = periodsByClass(t.getT3());
                    List<FiveStats.Row> classRows = new ArrayList<>();
                    Map<Integer, List<FiveStats.StudentPeriod>> byGrade = new TreeMap<>();
                    Map<Integer, Integer> gradeRoster = new TreeMap<>();
                    List<FiveStats.StudentPeriod> all = new ArrayList<>();
                    List<Suppression.Line<String>> lines = new ArrayList<>();
                    Map<Integer, List<String>> classKeysByGrade = new TreeMap<>();
                    for (ClassView c : classes.stream().sorted(java.util.Comparator.comparing(ClassView::gradeLevel)
                            .thenComparing(ClassView::classNo)).toList()) {
                        List<FiveStats.StudentPeriod> ps = byClass.getOrDefault(c.id(), List.of());
                        FiveStats.Row row = FiveStats.row("class", c.id(), c.name(), c.gradeLevel(),
                                roster.getOrDefault(c.id(), 0), ps, forms.targets());
                        classRows.add(row);
                        byGrade.computeIfAbsent(c.gradeLevel(), g -> new ArrayList<>()).addAll(ps);
                        gradeRoster.merge(c.gradeLevel(), roster.getOrDefault(c.id(), 0), Integer::sum);
                        classKeysByGrade.computeIfAbsent(c.gradeLevel(), g -> new ArrayList<>())
                                .add(FiveStats.key(row));
                        all.addAll(ps);
                    }
                    List<FiveStats.Row> gradeRows = new ArrayList<>();
                    byGrade.forEach((g, ps) -> gradeRows.add(FiveStats.row("grade", String.valueOf(g),
                            SchoolStage.gradeName(g), g, gradeRoster.get(g), ps, forms.targets())));
                    FiveStats.Row total = FiveStats.row("school", school.id(), school.name(), null,
                            t.getT2().size(), all, forms.targets());
                    classKeysByGrade.forEach((g, keys) -> lines.add(new Suppression.Line<>(keys, "grade:" + g)));
                    lines.add(new Suppression.Line<>(gradeRows.stream().map(FiveStats::key).toList(),
                            FiveStats.key(total)));
                    List<FiveStats.Row> everything = new ArrayList<>(classRows);
                    everything.addAll(gradeRows);
                    everything.add(total);
                    List<FiveStats.Row> shown = FiveStats.suppress(everything, lines);
                    int nc = classRows.size();
                    int ng = gradeRows.size();
                    return new SchoolStats(school.id(), school.name(), p, targets(0, school.stage().name()),
                            shown.get(nc + ng), shown.subList(nc, nc + ng), shown.subList(0, nc), Suppression.K);
                });
    }

    /** Each student's averaged period, grouped by the class of their latest check-in. */
    private Map<String, List<FiveStats.StudentPeriod>> periodsByClass(List<Docs.CheckIn> checkIns) {
        Map<String, List<Docs.CheckIn>> byStudent = new LinkedHashMap<>();
        checkIns.forEach(c -> byStudent.computeIfAbsent(c.studentId(), k -> new ArrayList<>()).add(c));
        Map<String, List<FiveStats.StudentPeriod>> out = new HashMap<>();
        byStudent.forEach((id, list) -> {
            Docs.CheckIn last = list.stream().max(java.util.Comparator.comparing(Docs.CheckIn::weekStart))
                    .orElseThrow();
            out.computeIfAbsent(last.classId(), k -> new ArrayList<>()).add(FiveStats.period(id, last.grade(),
                    last.stage(), list, forms.targets()));
        });
        return out;
    }

    private Mono<List<Docs.CheckIn>> checkIns(Criteria scope, Period p) {
        Query q = Query.query(scope).addCriteria(Criteria.where("weekStart").gte(p.from()).lte(p.to()));
        q.fields().include("studentId", "classId", "schoolId", "grade", "stage", "weekStart", "values",
                "sleepMinutes", "formVersion");
        return mongo.find(q, Docs.CheckIn.class).collectList();
    }

    Mono<CountyStats> countyStats(Actor actor, LocalDate from, LocalDate to, Action action) {
        Period p = period(from, to);
        return access.requireOwnCounty(actor, DataClass.COUNTY_STATS, action).flatMap(scope ->
                organization.schoolsOfCounty(scope.countyId()).concatMap(school -> organization.currentTerm(school.id())
                                .flatMap(term -> schoolStats(school, term.code(), p))
                                .zipWith(checkIns(Criteria.where("schoolId").is(school.id()), p)))
                        .collectList()
                        .map(list -> {
                            List<FiveStats.Row> schoolRows = new ArrayList<>();
                            List<FiveStats.StudentPeriod> all = new ArrayList<>();
                            Map<Integer, List<FiveStats.StudentPeriod>> byGrade = new TreeMap<>();
                            Map<Integer, Integer> gradeRoster = new TreeMap<>();
                            int roster = 0;
                            for (var t : list) {
                                SchoolStats s = t.getT1();
                                List<FiveStats.StudentPeriod> ps = periodsByClass(t.getT2()).values().stream()
                                        .flatMap(List::stream).toList();
                                schoolRows.add(FiveStats.row("school", s.schoolId(), s.name(), null,
                                        s.school().students(), ps, forms.targets()));
                                roster += s.school().students();
                                all.addAll(ps);
                                ps.forEach(x -> byGrade.computeIfAbsent(x.grade(), g -> new ArrayList<>()).add(x));
                                s.grades().forEach(g -> gradeRoster.merge(g.grade(), g.students(), Integer::sum));
                            }
                            List<FiveStats.Row> gradeRows = new ArrayList<>();
                            byGrade.forEach((g, ps) -> gradeRows.add(FiveStats.row("grade", String.valueOf(g),
                                    SchoolStage.gradeName(g), g, gradeRoster.getOrDefault(g, 0), ps,
                                    forms.targets())));
                            FiveStats.Row county = FiveStats.row("county", scope.countyId(), null, null, roster, all,
                                    forms.targets());
                            List<Suppression.Line<String>> lines = List.of(
                                    new Suppression.Line<>(schoolRows.stream().map(FiveStats::key).toList(),
                                            FiveStats.key(county)),
                                    new Suppression.Line<>(gradeRows.stream().map(FiveStats::key).toList(),
                                            FiveStats.key(county)));
                            List<FiveStats.Row> everything = new ArrayList<>(schoolRows);
                            everything.addAll(gradeRows);
                            everything.add(county);
                            List<FiveStats.Row> shown = FiveStats.suppress(everything, lines);
                            int ns = schoolRows.size();
                            int ng = gradeRows.size();
                            return new CountyStats(scope.countyId(), p, shown.get(ns + ng), shown.subList(0, ns),
                                    shown.subList(ns, ns + ng), Suppression.K);
                        })
                        .flatMap(s -> audit.record(new AuditEvent(actor, "five_management.stats."
                                + action.name().toLowerCase(java.util.Locale.ROOT), "county", scope.countyId(), null,
                                null, AuditEvent.Outcome.ALLOWED, null, null)).thenReturn(s)));
    }
}
