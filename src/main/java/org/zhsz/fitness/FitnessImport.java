package org.zhsz.fitness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.zhsz.audit.AuditEvent;
import org.zhsz.audit.AuditTrail;
import org.zhsz.organization.OrganizationDirectory;
import org.zhsz.platform.AccessPolicy;
import org.zhsz.platform.Action;
import org.zhsz.platform.Actor;
import org.zhsz.platform.DataClass;
import org.zhsz.platform.FieldError;
import org.zhsz.platform.ImportJobs;
import org.zhsz.platform.Messages;
import org.zhsz.platform.Problems;
import org.zhsz.platform.SchoolClock;
import org.zhsz.platform.TabularReader;
import org.zhsz.student.Sex;
import org.zhsz.student.StudentDirectory;
import org.zhsz.student.StudentView;

import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Fitness results from a school's sheet (XLSX or CSV in UTF-8/GB18030; columns as {@link SheetColumns}). The sheet
 * is streamed: rows are gathered into batches of {@value #BATCH}; each batch resolves its students with one query,
 * reads their stored results with one query, scores every row and writes with one bulk command, while the reader
 * already parses the next batch. Memory stays bounded by a batch, whatever the file's size.
 *
 * <p>Each row stands alone: a bad row is reported (row, column, reason) and changes nothing. A row equal to what is
 * stored is "unchanged", so importing the same file twice changes nothing. School admins import for their school;
 * a PE teacher for the students of the classes they teach PE this term (other rows are rejected).
 */
@Service
class FitnessImport {

    static final int BATCH = 2000;
    static final int MAX_ROWS = 200_000;
    static final int MAX_REPORTED_ERRORS = 2000;

    /**
     * A rejected row: {@code field} the machine name of the first cell at fault, {@code column} its header in the
     * file, {@code label} its name for people, a stable {@code code} and the {@code reason} in the caller's
     * language (every reason of the row, filled in by {@link Report#localized}).
     */
    record RowError(int row, String field, String column, @Nullable String label, String code, @Nullable String reason,
                    @com.fasterxml.jackson.annotation.JsonIgnore List<FieldError> errors) {
    }

    /**
     * @param jobId      the import job (its progress, and the download of the rejected rows)
     * @param incomplete rows saved with required items still missing (part of created/updated)
     * @param skipped    rows without any measurement (a pre-filled roster template), left alone
     */
    record Report(String jobId, String schoolYear, int total, int created, int updated, int unchanged,
                  int incomplete, int skipped, int rejected, List<RowError> errors, boolean errorsTruncated) {
        Report localized(Messages messages, Locale locale) {
            return new Report(jobId, schoolYear, total, created, updated, unchanged, incomplete, skipped, rejected,
                    errors.stream().map(e -> {
                        if (e.errors() == null || e.errors().isEmpty()) {
                            return e;
                        }
                        List<String> texts = new ArrayList<>();
                        String label = null;
                        for (FieldError fe : e.errors()) {
                            FieldError l = messages.localize(locale, fe);
                            if (label == null) {
                                label = l.label();
                            }
                            String t = l.message() == null ? "" : l.message();
                            texts.add(texts.isEmpty() || l.label() == null || t.contains(l.label()) ? t
                                    : l.label() + "：" + t);
                        }
                        return new RowError(e.row(), e.field(), e.column(), label, e.code(),
                                String.join(messages.text(locale, "import.rejected.joiner"), texts), e.errors());
                    }).toList(), errorsTruncated);
        }
    }

    /** Who may import what: a whole school, or the students of some classes. */
    record ImportScope(String schoolId, Set<String> classIds) {
        boolean covers(StudentView s) {
            return schoolId.equals(s.schoolId()) && (classIds == null || classIds.contains(s.classId()));
        }
    }

    private final AccessPolicy access;
    private final AuditTrail audit;
    private final OrganizationDirectory organization;
    private final StudentDirectory students;
    private final Placements placements;
    private final ResultStore store;
    private final ResultScoring scoring;
    private final SchoolClock clock;
    private final MeterRegistry meters;
    private final ImportJobs jobs;

    /** Rows whose first cell starts with this are the template's examples: never imported. */
    static final String EXAMPLE = "示例";

    FitnessImport(AccessPolicy access, AuditTrail audit, OrganizationDirectory organization,
                  StudentDirectory students, Placements placements, ResultStore store, ResultScoring scoring,
                  SchoolClock clock, MeterRegistry meters, ImportJobs jobs) {
        this.jobs = jobs;
        this.access = access;
        this.audit = audit;
        this.organization = organization;
        this.students = students;
        this.placements = placements;
        this.store = store;
        this.scoring = scoring;
        this.clock = clock;
        this.meters = meters;
    }

    Mono<Report> importFile(Actor actor, Path file, String yearParam) {
        return importFile(actor, file, yearParam, null);
    }

    /** Imports under the job id the client chose ({@code null}: a new one), with progress in the job. */
    Mono<Report> importFile(Actor actor, Path file, String yearParam, String jobId) {
        String year = SchoolYears.parseOrCurrent(yearParam, clock.today());
        return scope(actor)
                .flatMap(scope -> jobs.start(actor, jobId, "fitness", scope.schoolId()).flatMap(job -> Mono
                        .fromCallable(() -> new Run(actor, scope, year, job).execute(file))
                        .subscribeOn(Schedulers.boundedElastic())
                        .onErrorResume(e -> job.fail().then(Mono.error(e)))
                        .flatMap(report -> job.finish(summary(report)).thenReturn(report)))
                        .flatMap(report -> audit.record(AuditEvent.allowed(actor, "fitness.import", "school",
                                        scope.schoolId(), null, scope.schoolId())
                                        .withDataClass(DataClass.HEALTH_FITNESS)
                                        .withReason("year=" + year + " rows=" + report.total() + " created="
                                                + report.created() + " updated=" + report.updated() + " unchanged="
                                                + report.unchanged() + " rejected=" + report.rejected()))
                                .thenReturn(report)));
    }

    private static Map<String, Integer> summary(Report r) {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("total", r.total());
        m.put("created", r.created());
        m.put("updated", r.updated());
        m.put("unchanged", r.unchanged());
        m.put("incomplete", r.incomplete());
        m.put("skipped", r.skipped());
        m.put("rejected", r.rejected());
        return m;
    }

    /**
     * Where in their school the actor may write fitness results: the whole school (its admin) or their classes
     * (a PE teacher's PE classes this term). Anyone else: 403.
     */
    Mono<ImportScope> scope(Actor actor) {
        return access.requireInOwnSchool(actor, DataClass.HEALTH_FITNESS, Action.WRITE)
                .map(scope -> new ImportScope(scope.schoolId(), scope.wholeSchool() ? null
                        : Set.copyOf(scope.classIds())));
    }

    /** One row as read: its cells by field, the headers by field (for messages). */
    private record Row(int number, String studentNo, String name, String sex, String testDate, String makeup,
                       String exempt, Map<String, String> items, List<String> cells) {
        boolean hasMeasurements() {
            for (String v : items.values()) {
                if (v != null && !v.isBlank()) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The state of one import: runs on one bounded-elastic thread, with one batch in flight at a time. */
    private final class Run {
        private final Actor actor;
        private final ImportScope scope;
        private final String year;
        private final LocalDate today = clock.today();
        private final Instant now = clock.now();
        private final Placements.Cache placementCache;
        private final Set<String> seen = new HashSet<>();
        private String[] fields;
        private int studentNoColumn = -1;
        private final Map<String, String> headerOf = new HashMap<>();
        private List<Row> batch = new ArrayList<>(BATCH);
        /** The school's roster by 学籍号, read once for large sheets; null for small ones (looked up per batch). */
        private Mono<Map<String, StudentView>> roster;
        private CompletableFuture<Void> inFlight = CompletableFuture.completedFuture(null);
        private int total;
        private int created;
        private int updated;
        private int unchanged;
        private int incomplete;
        private int skipped;
        private int rejected;
        private int scored;
        private final List<RowError> errors = new ArrayList<>();
        private boolean truncated;
        private final ImportJobs.Tracker job;

        Run(Actor actor, ImportScope scope, String year, ImportJobs.Tracker job) {
            this.actor = actor;
            this.scope = scope;
            this.year = year;
            this.placementCache = placements.cache(year);
            this.job = job;
        }

        Report execute(Path file) throws IOException {
            if (Files.size(file) > ROSTER_PREFETCH_BYTES) {
                roster = students.inSchool(scope.schoolId()).map(FitnessImport::slim)
                        .collectMap(StudentView::studentNo).cache();
            }
            try {
                TabularReader.read(file, this::row);
                if (fields == null) {
                    throw Problems.rule("empty_file", "The file has no header row");
                }
                submit();
                await();
            } finally {
                meters.counter("zhsz.import.rows", "kind", "fitness", "result", "accepted")
                        .increment(created + updated + unchanged + skipped);
                meters.counter("zhsz.import.rows", "kind", "fitness", "result", "rejected").increment(rejected);
                scoring.count("import", scored);
            }
            errors.sort(java.util.Comparator.comparingInt(RowError::row));
            job.accepted(created + updated + unchanged + skipped - job.acceptedSoFar());
            return new Report(job.id(), year, total, created, updated, unchanged, incomplete, skipped, rejected,
                    List.copyOf(errors), truncated);
        }

        private void row(int number, List<String> cells) {
            if (fields == null) {
                header(cells);
                return;
            }
            if (studentNoColumn >= 0 && studentNoColumn < cells.size() && cells.get(studentNoColumn) != null
                    && cells.get(studentNoColumn).trim().startsWith(EXAMPLE)) {
                return; // the template's example row
            }
            if (++total > MAX_ROWS) {
                throw new org.zhsz.platform.ApiException(org.springframework.http.HttpStatus.CONTENT_TOO_LARGE,
                        "too_many_rows", "At most " + MAX_ROWS + " rows per import", List.of(), Map.of(), MAX_ROWS);
            }
            job.read(1);
            Map<String, String> items = new LinkedHashMap<>();
            String studentNo = null;
            String name = null;
            String sex = null;
            String testDate = null;
            String makeup = null;
            String exempt = null;
            for (int i = 0; i < cells.size() && i < fields.length; i++) {
                String f = fields[i];
                if (f == null) {
                    continue;
                }
                String v = cells.get(i);
                switch (f) {
                    case "studentNo" -> studentNo = v == null ? null : v.trim().toUpperCase(Locale.ROOT);
                    case "name" -> name = v;
                    case "sex" -> sex = v;
                    case "testDate" -> testDate = v;
                    case "makeup" -> makeup = v;
                    case "exempt" -> exempt = v;
                    case "exemptReason" -> {
                        // informational: an exemption needs its medical document, recorded on the student's page
                    }
                    default -> {
                        if (v != null && !v.isBlank()) {
                            items.put(f, v.trim());
                        }
                    }
                }
            }
            batch.add(new Row(number, studentNo, name, sex, testDate, makeup, exempt, items, List.copyOf(cells)));
            if (batch.size() >= BATCH) {
                submit();
            }
        }

        private void header(List<String> cells) {
            job.header(cells);
            fields = new String[cells.size()];
            Set<String> known = new HashSet<>();
            for (int i = 0; i < cells.size(); i++) {
                String f = SheetColumns.field(cells.get(i));
                if (f != null && known.add(f)) {
                    fields[i] = f;
                    if ("studentNo".equals(f)) {
                        studentNoColumn = i;
                    }
                    headerOf.put(f, cells.get(i).replace("\uFEFF", "").trim());
                }
            }
            if (!known.contains("studentNo")) {
                throw Problems.invalid(List.of(FieldError.of("studentNo", "missing_column", "field.missing_column")));
            }
            if (known.stream().noneMatch(f -> FitnessScorer.slotOf(f) >= 0)) {
                throw Problems.invalid(List.of(FieldError.of("file", "missing_column",
                        "field.no_measurement_columns")));
            }
        }

        /** Waits for the batch in flight, then starts the next one (parsing continues meanwhile). */
        private void submit() {
            if (batch.isEmpty()) {
                return;
            }
            List<Row> rows = batch;
            batch = new ArrayList<>(BATCH);
            await();
            job.accepted(created + updated + unchanged + skipped - job.acceptedSoFar());
            job.flush().block();
            inFlight = process(rows).toFuture();
        }

        private void await() {
            try {
                inFlight.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                throw e;
            }
        }

        private boolean hasField(String field) {
            return headerOf.containsKey(field);
        }

        private String column(String field) {
            return headerOf.getOrDefault(field, field);
        }

        private void reject(Row row, FieldError error) {
            reject(row, List.of(error));
        }

        private void reject(Row row, List<FieldError> why) {
            rejected++;
            job.reject(row.number(), row.cells(), why);
            FieldError first = why.get(0);
            if (errors.size() < MAX_REPORTED_ERRORS) {
                errors.add(new RowError(row.number(), first.field(), column(first.field()), null, first.code(), null,
                        why));
            } else {
                truncated = true;
            }
        }

        private Mono<Void> process(List<Row> rows) {
            Set<String> numbers = new HashSet<>();
            for (Row r : rows) {
                if (r.studentNo() != null && !r.studentNo().isBlank()) {
                    numbers.add(r.studentNo());
                }
            }
            Mono<Map<String, StudentView>> lookup = roster == null
                    ? students.findByStudentNos(numbers).collectMap(StudentView::studentNo)
                    : roster.map(all -> {
                        Map<String, StudentView> some = new HashMap<>();
                        for (String no : numbers) {
                            StudentView s = all.get(no);
                            if (s != null) {
                                some.put(no, s);
                            }
                        }
                        return some;
                    });
            return lookup.flatMap(found -> Flux.fromIterable(found.values())
                    .map(s -> Placements.classIn(s, year, null, today)).distinct()
                    .flatMap(placementCache::of)
                    .collectMap(Placements.Placement::classId)
                    .flatMap(places -> insertFresh(rows, found, places)
                            .flatMap(deferred -> deferred.isEmpty() ? Mono.<Void>empty()
                                    : store.findAll(deferred.stream()
                                                    .map(c -> SchoolYears.resultId(c.student().id(), year)).distinct()
                                                    .toList())
                                            .collectMap(FitnessResult::studentId)
                                            .flatMap(existing -> applyStored(deferred, places, existing)))));
        }

        /**
         * The checks every row passes whatever is stored: 学籍号 known in the actor's scope, name and sex matching
         * the register, flags readable, not twice in the file. Null (and the row rejected) when one fails.
         */
        private Checked check(Row row, Map<String, StudentView> found) {
            if (row.studentNo() == null || row.studentNo().isBlank()) {
                reject(row, FieldError.of("studentNo", "required", "field.required"));
                return null;
            }
            StudentView s = found.get(row.studentNo());
            if (s == null || !scope.schoolId().equals(s.schoolId())) {
                reject(row, FieldError.of("studentNo", "unknown", "field.no_such_student_no", row.studentNo()));
                return null;
            }
            if (!scope.covers(s)) {
                reject(row, FieldError.of("studentNo", "out_of_scope", "field.not_your_pe_class", s.name()));
                return null;
            }
            if (row.name() != null && !row.name().isBlank() && !row.name().trim().equals(s.name())) {
                reject(row, FieldError.of("name", "mismatch", "field.name_mismatch", s.name()));
                return null;
            }
            if (row.sex() != null && !row.sex().isBlank() && Sex.parse(row.sex()) != s.sex()) {
                reject(row, FieldError.of("sex", "mismatch", "field.sex_mismatch", s.sex().label()));
                return null;
            }
            Boolean makeup = SheetColumns.flag(row.makeup());
            Boolean exempt = SheetColumns.flag(row.exempt());
            if (makeup == null) {
                reject(row, FieldError.of("makeup", "invalid", "field.yes_or_blank"));
                return null;
            }
            if (exempt == null) {
                reject(row, FieldError.of("exempt", "invalid", "field.yes_or_blank"));
                return null;
            }
            if (!seen.add(s.id() + (makeup ? ":makeup" : ":first"))) {
                reject(row, FieldError.of("studentNo", "duplicate", "field.duplicate_in_file", row.studentNo()));
                return null;
            }
            return new Checked(row, s, makeup, exempt, false);
        }

        /**
         * Insert first: the id is the business key, so a plain first attempt for a student without a stored result
         * is inserted without looking anything up, and only rows whose student already has a result this year
         * (duplicate key), 补测 and 免测 rows go on to read the stored result. A first import of a school year thus
         * costs one bulk insert per batch; a re-import pays one failed insert per row before being compared.
         * Emits the rows that need the stored result, in file order.
         */
        private Mono<List<Checked>> insertFresh(List<Row> rows, Map<String, StudentView> found,
                                                Map<String, Placements.Placement> places) {
            List<Checked> deferred = new ArrayList<>();
            List<Checked> fresh = new ArrayList<>();
            List<FitnessResult> inserts = new ArrayList<>();
            for (Row row : rows) {
                Checked c = check(row, found);
                if (c == null) {
                    continue;
                }
                if (c.makeup() || c.exempt()) {
                    deferred.add(c);
                    continue;
                }
                if (!row.hasMeasurements()) {
                    skipped++;
                    continue;
                }
                Sitting sitting = sitting(c, places, null);
                if (sitting == null) {
                    continue;
                }
                StudentView s = c.student();
                Placements.Placement p = sitting.placement();
                fresh.add(new Checked(row, s, false, false, true));
                inserts.add(FitnessResult.empty(s.schoolId(), s.id(), p.classId(), year, p.grade(), s.sex().name(),
                        now, actor.username()).withFirst(sitting.scored().attempt(), p.classId(), p.grade(),
                        s.sex().name(), now, actor.username()));
            }
            return store.write(inserts).map(conflicts -> {
                for (int k = 0; k < inserts.size(); k++) {
                    if (conflicts.contains(k)) {
                        deferred.add(fresh.get(k));
                    } else {
                        created++;
                        if (!inserts.get(k).first().complete()) {
                            incomplete++;
                        }
                    }
                }
                deferred.sort(java.util.Comparator.comparingInt(c -> c.row().number()));
                return deferred;
            });
        }

        /**
         * The row's class and grade, test date and score; null (and the row rejected) when one is invalid.
         * {@code previous} is the stored attempt the row replaces, whose test date is kept when the sheet has none.
         */
        private Sitting sitting(Checked c, Map<String, Placements.Placement> places,
                                FitnessResult.Attempt previous) {
            Row row = c.row();
            StudentView s = c.student();
            Placements.Placement p = places.get(Placements.classIn(s, year, null, today));
            if (p == null || !p.valid()) {
                reject(row, FieldError.of("studentNo", "no_grade", "field.no_grade_in_year", year));
                return null;
            }
            LocalDate testDate;
            if (row.testDate() != null && !row.testDate().isBlank()) {
                testDate = parseDate(row.testDate());
                FieldError de = testDate == null
                        ? FieldError.of("testDate", "invalid", "field.unreadable_date", row.testDate())
                        : FitnessService.checkTestDate("testDate", testDate, year, today);
                if (de != null) {
                    reject(row, de);
                    return null;
                }
            } else {
                testDate = previous != null && previous.testDate() != null ? previous.testDate()
                        : SchoolYears.contains(year, today) ? today : null;
            }
            ResultScoring.Scored sc = scoring.score(p.grade(), s.sex().name(), row.items(), testDate,
                    actor.username(), actor.displayName(), "import", now);
            if (!c.scored()) {
                scored++;
            }
            if (!sc.valid()) {
                reject(row, sc.errors());
                return null;
            }
            return new Sitting(p, testDate, sc);
        }

        /** Rows whose student has a stored result this year, 补测 and 免测 rows: compared with what is stored. */
        private Mono<Void> applyStored(List<Checked> rows, Map<String, Placements.Placement> places,
                                       Map<String, FitnessResult> existing) {
            List<FitnessResult> writes = new ArrayList<>();
            List<List<Row>> writeRows = new ArrayList<>();
            List<Boolean> writeIsNew = new ArrayList<>();
            Map<String, Integer> pending = new HashMap<>();
            for (Checked c : rows) {
                Row row = c.row();
                StudentView s = c.student();
                boolean makeup = c.makeup();
                Integer pendingIndex = pending.get(s.id());
                FitnessResult current = pendingIndex != null ? writes.get(pendingIndex) : existing.get(s.id());
                if (c.exempt()) {
                    if (current != null && current.exemption() != null) {
                        unchanged++;
                    } else {
                        reject(row, FieldError.of("exempt", "needs_document", "field.exempt_needs_document"));
                    }
                    continue;
                }
                if (!row.hasMeasurements()) {
                    skipped++;
                    continue;
                }
                if (current != null && current.exemption() != null) {
                    reject(row, FieldError.of("exempt", "exempt", "field.exempted_this_year"));
                    continue;
                }
                if (makeup && (current == null || current.first() == null || !current.first().failed())) {
                    reject(row, FieldError.of("makeup", "makeup_not_allowed", "field.makeup_only_after_fail"));
                    continue;
                }
                FitnessResult.Attempt previous = current == null ? null : makeup ? current.makeup() : current.first();
                Sitting sitting = sitting(c, places, previous);
                if (sitting == null) {
                    continue;
                }
                LocalDate testDate = sitting.testDate();
                ResultScoring.Scored sc = sitting.scored();
                if (!makeup && !hasField("makeup") && current != null && current.makeup() != null
                        && current.official() == FitnessResult.Official.MAKEUP
                        && current.makeup().sameValues(sc.attempt().values())) {
                    // a sheet without a 补测 column (the national file) holds the counted attempt: the 补测
                    unchanged++;
                    continue;
                }
                if (makeup && testDate != null && current.first().testDate() != null
                        && testDate.isBefore(current.first().testDate())) {
                    reject(row, FieldError.of("testDate", "before_first_attempt", "field.before_first_attempt"));
                    continue;
                }
                if (previous != null && previous.sameValues(sc.attempt().values())
                        && Objects.equals(previous.testDate(), testDate)) {
                    unchanged++;
                    continue;
                }
                if (!makeup && current != null && current.makeup() != null && !sc.attempt().failed()) {
                    reject(row, FieldError.of("studentNo", "makeup_requires_fail", "field.makeup_requires_fail"));
                    continue;
                }
                Placements.Placement p = sitting.placement();
                FitnessResult base = current != null ? current : FitnessResult.empty(s.schoolId(), s.id(),
                        p.classId(), year, p.grade(), s.sex().name(), now, actor.username());
                FitnessResult next = makeup ? base.withMakeup(sc.attempt(), now, actor.username())
                        : base.withFirst(sc.attempt(), p.classId(), p.grade(), s.sex().name(), now, actor.username());
                if (!sc.attempt().complete()) {
                    incomplete++;
                }
                if (pendingIndex != null) {
                    writes.set(pendingIndex, next);
                    writeRows.get(pendingIndex).add(row);
                } else {
                    pending.put(s.id(), writes.size());
                    writes.add(next);
                    writeRows.add(new ArrayList<>(List.of(row)));
                    writeIsNew.add(current == null);
                }
            }
            return store.write(writes).doOnNext(conflicts -> {
                for (int k = 0; k < writes.size(); k++) {
                    for (Row row : writeRows.get(k)) {
                        if (conflicts.contains(k)) {
                            reject(row, FieldError.of("studentNo", "stale_version",
                                    "field.changed_during_import"));
                        } else if (writeIsNew.get(k) && row == writeRows.get(k).get(0)) {
                            created++;
                        } else {
                            updated++;
                        }
                    }
                }
            }).then();
        }
    }

    /** A row that passed the checks that need nothing stored; {@code scored} once scored (and counted). */
    private record Checked(Row row, StudentView student, boolean makeup, boolean exempt, boolean scored) {
    }

    private record Sitting(Placements.Placement placement, LocalDate testDate, ResultScoring.Scored scored) {
    }

    /**
     * Sheets larger than this (about 3,000 rows) read the school's roster once instead of looking up each batch's
     * 学籍号: one pass over the students costs far less than 1,000 index searches per batch in the embedded store
     * (see bench/README.md), and the roster's memory is bounded by the school, not the file.
     */
    static final long ROSTER_PREFETCH_BYTES = 200_000;

    /** Just what the import needs of a student, so a large school's roster stays small in memory. */
    static StudentView slim(StudentView s) {
        return new StudentView(s.id(), s.schoolId(), s.studentNo(), s.name(), s.sex(), null, null, s.classId(),
                s.status(), null, List.of(), s.enrollments().size() > 1 ? s.enrollments() : List.of(), null);
    }

    private static final Pattern DATE = Pattern.compile("(\\d{4})[-/.年](\\d{1,2})[-/.月](\\d{1,2})日?");

    /** 2026-10-12, 2026/10/12, 2026.10.12, 2026年10月12日 or 20261012; null when unreadable. */
    static LocalDate parseDate(String text) {
        String t = text.trim();
        try {
            Matcher m = DATE.matcher(t);
            if (m.matches()) {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
            }
            if (t.matches("\\d{8}")) {
                return LocalDate.of(Integer.parseInt(t.substring(0, 4)), Integer.parseInt(t.substring(4, 6)),
                        Integer.parseInt(t.substring(6)));
            }
        } catch (java.time.DateTimeException e) {
            return null;
        }
        return null;
    }
}
