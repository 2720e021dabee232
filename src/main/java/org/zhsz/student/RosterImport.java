package org.zhsz.student;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.zhsz.audit.AuditEvent;
import org.zhsz.audit.AuditTrail;
import org.zhsz.organization.OrganizationDirectory;
import org.zhsz.organization.Views.ClassView;
import org.zhsz.platform.AccessPolicy;
import org.zhsz.platform.Action;
import org.zhsz.platform.Actor;
import org.zhsz.platform.DataClass;
import org.zhsz.platform.FieldError;
import org.zhsz.platform.HeaderColumns;
import org.zhsz.platform.Ids;
import org.zhsz.platform.ImportJobs;
import org.zhsz.platform.Messages;
import org.zhsz.platform.Problems;
import org.zhsz.platform.SchoolClock;
import org.zhsz.platform.TabularReader;

import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Roster import (CSV or XLSX, Chinese or English headers). Each row is checked on its own: good rows are
 * written, bad rows are reported (row, field, reason) and change nothing; a row equal to what is stored is
 * "unchanged", so re-importing a file changes nothing.
 */
@Service
class RosterImport {

    static final Map<String, String> HEADERS = Map.ofEntries(
            Map.entry("学籍号", "studentNo"), Map.entry("全国学籍号", "studentNo"), Map.entry("studentno", "studentNo"),
            Map.entry("姓名", "name"), Map.entry("name", "name"),
            Map.entry("性别", "sex"), Map.entry("sex", "sex"),
            Map.entry("出生日期", "birthDate"), Map.entry("birthdate", "birthDate"),
            Map.entry("民族", "ethnicity"), Map.entry("ethnicity", "ethnicity"),
            Map.entry("班级", "class"), Map.entry("class", "class"),
            Map.entry("学生账号", "username"), Map.entry("账号", "username"), Map.entry("username", "username"),
            Map.entry("监护人姓名", "guardianName"), Map.entry("guardianname", "guardianName"),
            Map.entry("监护人关系", "guardianRelation"), Map.entry("guardianrelation", "guardianRelation"),
            Map.entry("监护人电话", "guardianPhone"), Map.entry("guardianphone", "guardianPhone"),
            Map.entry("监护人账号", "guardianUsername"), Map.entry("guardianusername", "guardianUsername"));

    private static final int MAX_ROWS = 20_000;
    private static final int BATCH = 500;

    private final StudentRepository students;
    private final OrganizationDirectory organization;
    private final AuditTrail audit;
    private final AccessPolicy access;
    private final SchoolClock clock;
    private final MeterRegistry meters;
    private final ImportJobs jobs;

    RosterImport(StudentRepository students, OrganizationDirectory organization, AuditTrail audit,
                 SchoolClock clock, MeterRegistry meters, ImportJobs jobs, AccessPolicy access) {
        this.access = access;
        this.students = students;
        this.organization = organization;
        this.audit = audit;
        this.clock = clock;
        this.meters = meters;
        this.jobs = jobs;
    }

    /**
     * A rejected row: where ({@code field} is the machine name, {@code label} its name for people), a stable
     * {@code code} and the {@code reason} in the caller's language (filled in by {@link Report#localized}).
     */
    record RowError(int row, String field, @Nullable String label, String code, @Nullable String reason,
                    @com.fasterxml.jackson.annotation.JsonIgnore FieldError error) {
        RowError(int row, FieldError error) {
            this(row, error.field(), null, error.code(), null, error);
        }
    }

    /** {@code jobId}: the import job, for its progress and the download of the rejected rows. */
    record Report(String jobId, int total, int created, int updated, int unchanged, int rejected,
                  List<RowError> errors) {
        Report localized(Messages messages, Locale locale) {
            return new Report(jobId, total, created, updated, unchanged, rejected, errors.stream().map(e -> {
                if (e.error() == null) {
                    return e;
                }
                FieldError l = messages.localize(locale, e.error());
                return new RowError(e.row(), e.field(), l.label(), e.code(), l.message(), e.error());
            }).toList());
        }
    }

    private record Row(int number, Map<String, String> values, List<String> cells) {
    }

    /** Rows whose 学籍号 cell starts with this are the template's examples: never imported. */
    static final String EXAMPLE = "示例";

    /**
     * Who may import a roster (and fetch its template): the school's admin, for the whole school's roster (private
     * fields included).
     */
    Mono<String> requireImporter(Actor actor) {
        return access.requireOwnSchool(actor, DataClass.PROFILE_PRIVATE, Action.WRITE).map(scope -> scope.schoolId());
    }

    Mono<Report> importFile(Actor actor, Path file) {
        return importFile(actor, file, null);
    }

    /** Imports under the job id the client chose ({@code null}: a new one), with progress in the job. */
    Mono<Report> importFile(Actor actor, Path file, String jobId) {
        return requireImporter(actor).flatMap(school -> jobs.start(actor, jobId, "roster", school)
                .flatMap(job -> Mono.fromCallable(() -> parse(file, job))
                        .subscribeOn(Schedulers.boundedElastic())
                        .flatMap(rows -> Mono.zip(
                                organization.currentTerm(school).flatMapMany(t -> organization.classesOfSchool(school,
                                        t.code())).collectList(),
                                students.findBySchoolId(school).collectMap(Student::studentNo))
                                .flatMap(t -> apply(actor, school, rows, t.getT1(), t.getT2(), job)))
                        .onErrorResume(e -> job.fail().then(Mono.error(e)))));
    }

    private List<Row> parse(Path file, ImportJobs.Tracker job) throws IOException {
        List<Row> rows = new ArrayList<>();
        HeaderColumns[] header = new HeaderColumns[1];
        TabularReader.read(file, (n, cells) -> {
            if (header[0] == null) {
                header[0] = HeaderColumns.of(cells, HEADERS);
                job.header(cells);
                return;
            }
            if (rows.size() >= MAX_ROWS) {
                throw new org.zhsz.platform.ApiException(org.springframework.http.HttpStatus.CONTENT_TOO_LARGE,
                        "too_many_rows", "At most " + MAX_ROWS + " rows per import", List.of(), Map.of(), MAX_ROWS);
            }
            Map<String, String> values = header[0].values(cells);
            String no = values.get("studentNo");
            if (no != null && no.startsWith(EXAMPLE)) {
                return;
            }
            rows.add(new Row(n, values, List.copyOf(cells)));
            job.read(1);
            if (rows.size() % 1000 == 0) {
                job.flush().block();
            }
        });
        if (header[0] == null) {
            throw Problems.rule("empty_file", "The file has no header row");
        }
        for (String required : List.of("studentNo", "name", "sex", "birthDate", "class")) {
            if (!header[0].has(required)) {
                throw Problems.invalid(List.of(FieldError.of(required, "missing_column", "field.missing_column")));
            }
        }
        job.flush().block();
        return rows;
    }

    private enum Outcome { CREATED, UPDATED, UNCHANGED, REJECTED }

    private record Result(Outcome outcome, List<RowError> errors) {
        static Result of(Outcome o) {
            return new Result(o, List.of());
        }

        static Result rejected(int row, FieldError error) {
            return new Result(Outcome.REJECTED, List.of(new RowError(row, error)));
        }
    }

    private Mono<Report> apply(Actor actor, String school, List<Row> rows, List<ClassView> classes,
                               Map<String, Student> existing, ImportJobs.Tracker job) {
        Map<Integer, List<String>> cellsOf = new HashMap<>();
        for (Row row : rows) {
            cellsOf.put(row.number(), row.cells());
        }
        Map<String, String> classByName = new HashMap<>();
        for (ClassView c : classes) {
            classByName.put(c.name(), c.id());
            classByName.put(c.id(), c.id());
        }
        Set<String> seen = new HashSet<>();
        List<Mono<Result>> work = new ArrayList<>();
        List<Student> creates = new ArrayList<>();
        List<Integer> createRows = new ArrayList<>();
        for (Row row : rows) {
            Validated v = validate(row, classByName);
            if (!v.errors.isEmpty()) {
                work.add(Mono.just(new Result(Outcome.REJECTED, v.errors)));
                continue;
            }
            if (!seen.add(v.studentNo)) {
                work.add(Mono.just(Result.rejected(row.number(), FieldError.of("studentNo", "duplicate",
                        "field.duplicate_in_file", v.studentNo))));
                continue;
            }
            Student current = existing.get(v.studentNo);
            if (current == null) {
                creates.add(newStudent(actor, school, v));
                createRows.add(row.number());
            } else {
                work.add(write(actor, row.number(), v, current));
            }
        }
        return Flux.fromIterable(work).flatMapSequential(m -> m, 4)
                .concatWith(insertAll(creates, createRows))
                .collectList()
                .flatMap(results -> {
                    int created = 0;
                    int updated = 0;
                    int unchanged = 0;
                    int rejected = 0;
                    List<RowError> errors = new ArrayList<>();
                    for (Result r : results) {
                        switch (r.outcome()) {
                            case CREATED -> created++;
                            case UPDATED -> updated++;
                            case UNCHANGED -> unchanged++;
                            case REJECTED -> rejected++;
                        }
                        errors.addAll(r.errors());
                    }
                    job.accepted(created + updated + unchanged);
                    errors.sort(java.util.Comparator.comparingInt(RowError::row));
                    Map<Integer, List<FieldError>> byRow = new java.util.LinkedHashMap<>();
                    for (RowError e : errors) {
                        byRow.computeIfAbsent(e.row(), k -> new ArrayList<>()).add(e.error());
                    }
                    byRow.forEach((row, why) -> job.reject(row, cellsOf.get(row), why));
                    meters.counter("zhsz.import.rows", "kind", "roster", "result", "accepted")
                            .increment(created + updated + unchanged);
                    meters.counter("zhsz.import.rows", "kind", "roster", "result", "rejected").increment(rejected);
                    Report report = new Report(job.id(), results.size(), created, updated, unchanged, rejected,
                            errors);
                    Map<String, Integer> summary = new java.util.LinkedHashMap<>();
                    summary.put("total", report.total());
                    summary.put("created", created);
                    summary.put("updated", updated);
                    summary.put("unchanged", unchanged);
                    summary.put("rejected", rejected);
                    return job.finish(summary)
                            .then(audit.record(AuditEvent.allowed(actor, "roster.import", "school", school, null, school)
                                    .withReason("created=" + created + " updated=" + updated + " rejected=" + rejected)))
                            .thenReturn(report);
                });
    }

    private static final class Validated {
        String studentNo;
        String name;
        Sex sex;
        LocalDate birthDate;
        String ethnicity;
        String classId;
        String username;
        Student.Guardian guardian;
        final List<RowError> errors = new ArrayList<>();
    }

    private Validated validate(Row row, Map<String, String> classByName) {
        Map<String, String> v = row.values();
        Validated out = new Validated();
        out.studentNo = upper(v.get("studentNo"));
        out.name = v.get("name");
        out.sex = Sex.parse(v.get("sex"));
        out.birthDate = StudentRules.parseDate(v.get("birthDate"));
        out.ethnicity = StudentRules.normalizeEthnicity(v.get("ethnicity"));
        out.username = StudentService.blankToNull(v.get("username"));
        String cls = v.get("class");
        out.classId = cls == null ? null : classByName.get(cls.trim());
        for (FieldError e : StudentRules.validate(out.studentNo, out.name, out.sex, out.birthDate, out.ethnicity,
                clock.today())) {
            out.errors.add(new RowError(row.number(), e));
        }
        if (v.get("birthDate") != null && !v.get("birthDate").isBlank() && out.birthDate == null) {
            out.errors.removeIf(e -> e.field().equals("birthDate"));
            out.errors.add(new RowError(row.number(), FieldError.of("birthDate", "invalid", "field.unreadable_date",
                    v.get("birthDate"))));
        }
        if (out.classId == null) {
            out.errors.add(new RowError(row.number(), cls == null || cls.isBlank()
                    ? FieldError.of("class", "required", "field.required")
                    : FieldError.of("class", "unknown_class", "field.unknown_class_named", cls)));
        }
        String gName = StudentService.blankToNull(v.get("guardianName"));
        if (gName != null) {
            String phone = StudentService.blankToNull(v.get("guardianPhone"));
            if (phone != null && !phone.matches("[0-9+\\- ]{5,20}")) {
                out.errors.add(new RowError(row.number(), FieldError.of("guardianPhone", "invalid",
                        "field.invalid_phone")));
            }
            out.guardian = new Student.Guardian(StudentService.blankToNull(v.get("guardianUsername")), gName,
                    StudentService.blankToNull(v.get("guardianRelation")), phone);
        }
        return out;
    }

    private static String upper(String s) {
        return s == null ? null : s.trim().toUpperCase(Locale.ROOT);
    }

    private Student newStudent(Actor actor, String school, Validated v) {
        List<Student.Guardian> guardians = v.guardian == null ? List.of() : List.of(v.guardian);
        return new Student(Ids.newId(), school, v.studentNo, v.name.trim(), v.sex, v.birthDate, v.ethnicity,
                v.classId, StudentStatus.ENROLLED, v.username, guardians,
                List.of(new Student.Enrollment(v.classId, clock.today(), null, "导入")), null, clock.now(),
                actor.username(), clock.now(), actor.username());
    }

    /**
     * New students go in batches (one insert command, one store commit per batch). If a batch hits a unique key
     * (a 学籍号 registered at another school), that batch is retried row by row so only the offending rows fail.
     */
    private Flux<Result> insertAll(List<Student> creates, List<Integer> rows) {
        List<Mono<List<Result>>> batches = new ArrayList<>();
        for (int from = 0; from < creates.size(); from += BATCH) {
            List<Student> batch = creates.subList(from, Math.min(creates.size(), from + BATCH));
            List<Integer> batchRows = rows.subList(from, Math.min(rows.size(), from + BATCH));
            batches.add(students.insert(batch).then(Mono.fromSupplier(() -> batch.stream()
                            .map(x -> Result.of(Outcome.CREATED)).toList()))
                    .onErrorResume(DuplicateKeyException.class, e -> oneByOne(batch, batchRows)));
        }
        return Flux.fromIterable(batches).concatMap(m -> m).flatMapIterable(l -> l);
    }

    private Mono<List<Result>> oneByOne(List<Student> batch, List<Integer> rows) {
        return Flux.range(0, batch.size()).concatMap(i -> {
            Student s = batch.get(i);
            return students.findById(s.id()).map(found -> Result.of(Outcome.CREATED)) // landed before the clash
                    .switchIfEmpty(students.insert(s).thenReturn(Result.of(Outcome.CREATED))
                            .onErrorResume(DuplicateKeyException.class, e -> Mono.just(Result.rejected(rows.get(i),
                                    FieldError.of("studentNo", "duplicate", "field.registered_elsewhere")))));
        }).collectList();
    }

    private Mono<Result> write(Actor actor, int rowNo, Validated v, Student current) {
        List<Student.Guardian> newGuardians = current.guardians();
        if (v.guardian != null && current.guardians().stream().noneMatch(g -> g.name().equals(v.guardian.name()))) {
            newGuardians = new ArrayList<>(current.guardians());
            newGuardians.add(v.guardian);
        }
        boolean same = Objects.equals(current.name(), v.name.trim()) && current.sex() == v.sex
                && Objects.equals(current.birthDate(), v.birthDate)
                && Objects.equals(current.ethnicity(), v.ethnicity)
                && Objects.equals(current.classId(), v.classId)
                && (v.username == null || Objects.equals(current.username(), v.username))
                && newGuardians.equals(current.guardians());
        if (same) {
            return Mono.just(Result.of(Outcome.UNCHANGED));
        }
        Student updated = current.with(v.name.trim(), v.sex, v.birthDate, v.ethnicity, current.status(),
                v.username == null ? current.username() : v.username, clock.now(), actor.username())
                .withGuardians(newGuardians, clock.now(), actor.username());
        if (!Objects.equals(current.classId(), v.classId)) {
            LocalDate today = clock.today();
            List<Student.Enrollment> history = new ArrayList<>();
            for (Student.Enrollment e : current.enrollments()) {
                history.add(e.to() == null ? new Student.Enrollment(e.classId(), e.from(), today.minusDays(1),
                        e.reason()) : e);
            }
            history.add(new Student.Enrollment(v.classId, today, null, "导入调班"));
            updated = updated.transferred(v.classId, history, clock.now(), actor.username());
        }
        return students.save(updated).thenReturn(Result.of(Outcome.UPDATED))
                .onErrorResume(DuplicateKeyException.class, e -> Mono.just(Result.rejected(rowNo,
                        FieldError.of("username", "duplicate", "field.account_taken"))))
                .onErrorResume(org.springframework.dao.OptimisticLockingFailureException.class,
                        e -> Mono.just(Result.rejected(rowNo, FieldError.of("studentNo", "stale_version",
                                "field.changed_during_import"))));
    }
}
