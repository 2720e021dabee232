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
import org.zhsz.platform.Ids;
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

    RosterImport(StudentRepository students, OrganizationDirectory organization, AuditTrail audit,
                 SchoolClock clock, MeterRegistry meters, AccessPolicy access) {
        this.access = access;
        this.students = students;
        this.organization = organization;
        this.audit = audit;
        this.clock = clock;
        this.meters = meters;
    }

    record RowError(int row, String field, String reason) {
    }

    record Report(int total, int created, int updated, int unchanged, int rejected, List<RowError> errors) {
    }

    private record Row(int number, Map<String, String> values) {
    }

    /** The school's admin imports the whole school's roster (private fields included). */
    Mono<Report> importFile(Actor actor, Path file) {
        return access.requireOwnSchool(actor, DataClass.PROFILE_PRIVATE, Action.WRITE)
                .flatMap(scope -> importFile(actor, scope.schoolId(), file));
    }

    private Mono<Report> importFile(Actor actor, String school, Path file) {
        return Mono.fromCallable(() -> parse(file))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(rows -> Mono.zip(
                        organization.currentTerm(school).flatMapMany(t -> organization.classesOfSchool(school,
                                t.code())).collectList(),
                        students.findBySchoolId(school).collectMap(Student::studentNo))
                        .flatMap(t -> apply(actor, school, rows, t.getT1(), t.getT2())));
    }

    private List<Row> parse(Path file) throws IOException {
        List<Row> rows = new ArrayList<>();
        String[][] header = new String[1][];
        TabularReader.read(file, (n, cells) -> {
            if (header[0] == null) {
                header[0] = cells.stream().map(c -> HEADERS.get(c.replace("\uFEFF", "").trim()
                        .toLowerCase(Locale.ROOT).replace(" ", ""))).toArray(String[]::new);
                return;
            }
            if (rows.size() >= MAX_ROWS) {
                throw Problems.tooLarge("At most " + MAX_ROWS + " rows per import");
            }
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < cells.size() && i < header[0].length; i++) {
                if (header[0][i] != null) {
                    values.put(header[0][i], cells.get(i).trim());
                }
            }
            rows.add(new Row(n, values));
        });
        if (header[0] == null) {
            throw Problems.rule("empty_file", "The file has no header row");
        }
        Set<String> known = new HashSet<>(java.util.Arrays.asList(header[0]));
        for (String required : List.of("studentNo", "name", "sex", "birthDate", "class")) {
            if (!known.contains(required)) {
                throw Problems.invalid(required, "missing_column", "missing column: " + required);
            }
        }
        return rows;
    }

    private enum Outcome { CREATED, UPDATED, UNCHANGED, REJECTED }

    private record Result(Outcome outcome, List<RowError> errors) {
        static Result of(Outcome o) {
            return new Result(o, List.of());
        }
    }

    private Mono<Report> apply(Actor actor, String school, List<Row> rows, List<ClassView> classes,
                               Map<String, Student> existing) {
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
                work.add(Mono.just(new Result(Outcome.REJECTED, List.of(new RowError(row.number(), "studentNo",
                        "duplicate 学籍号 in this file")))));
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
                    meters.counter("zhsz.import.rows", "kind", "roster", "result", "accepted")
                            .increment(created + updated + unchanged);
                    meters.counter("zhsz.import.rows", "kind", "roster", "result", "rejected").increment(rejected);
                    Report report = new Report(results.size(), created, updated, unchanged, rejected, errors);
                    return audit.record(AuditEvent.allowed(actor, "roster.import", "school", school, null, school)
                                    .withReason("created=" + created + " updated=" + updated + " rejected=" + rejected))
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
            out.errors.add(new RowError(row.number(), e.field(), e.message()));
        }
        if (v.get("birthDate") != null && !v.get("birthDate").isBlank() && out.birthDate == null) {
            out.errors.removeIf(e -> e.field().equals("birthDate"));
            out.errors.add(new RowError(row.number(), "birthDate", "unreadable date: " + v.get("birthDate")));
        }
        if (out.classId == null) {
            out.errors.add(new RowError(row.number(), "class", "no such class in your school this term: " + cls));
        }
        String gName = StudentService.blankToNull(v.get("guardianName"));
        if (gName != null) {
            String phone = StudentService.blankToNull(v.get("guardianPhone"));
            if (phone != null && !phone.matches("[0-9+\\- ]{5,20}")) {
                out.errors.add(new RowError(row.number(), "guardianPhone", "invalid phone number"));
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
                            .onErrorResume(DuplicateKeyException.class, e -> Mono.just(new Result(Outcome.REJECTED,
                                    List.of(new RowError(rows.get(i), "studentNo",
                                            "this 学籍号 or account is registered elsewhere"))))));
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
                .onErrorResume(DuplicateKeyException.class, e -> Mono.just(new Result(Outcome.REJECTED,
                        List.of(new RowError(rowNo, "username", "this account is linked to another student")))))
                .onErrorResume(org.springframework.dao.OptimisticLockingFailureException.class,
                        e -> Mono.just(new Result(Outcome.REJECTED, List.of(new RowError(rowNo, "studentNo",
                                "changed by someone else during the import; import again")))));
    }
}
