package org.zhsz.health;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.zhsz.audit.AuditEvent;
import org.zhsz.audit.AuditTrail;
import org.zhsz.platform.AccessPolicy;
import org.zhsz.platform.Action;
import org.zhsz.platform.Actor;
import org.zhsz.platform.DataClass;
import org.zhsz.platform.FieldError;
import org.zhsz.platform.Problems;
import org.zhsz.platform.SchoolClock;
import org.zhsz.platform.SchoolScope;
import org.zhsz.platform.TabularReader;
import org.zhsz.student.Sex;
import org.zhsz.student.StudentDirectory;
import org.zhsz.student.StudentView;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Vision screenings from a sheet (XLSX, or CSV in UTF-8/GB18030): the export's own layout or the national upload's
 * vision columns. Each row stands alone: a bad row is reported (row, column, code, reason) and changes nothing; a row
 * equal to what is stored is "unchanged", so importing the same file again changes nothing. A column the sheet does
 * not have keeps what is stored (the national file has no corrected vision and no date). The school doctor and the
 * school admin import for their school.
 */
@Service
class VisionImport {

    static final int MAX_ROWS = 20_000;
    static final int BATCH = 500;
    static final int MAX_REPORTED_ERRORS = 1000;

    record RowError(int row, String column, String code, String message) {
    }

    record Report(String schoolYear, int total, int created, int updated, int unchanged, int skipped, int rejected,
                  List<RowError> errors, boolean errorsTruncated) {
    }

    private record Row(int number, Map<String, String> cells) {
        String get(String field) {
            return cells.get(field);
        }

        boolean hasVision() {
            for (String f : VisionColumns.EYE_FIELDS) {
                String v = cells.get(f);
                if (v != null && !v.isBlank()) {
                    return true;
                }
            }
            return false;
        }
    }

    private record Sheet(List<String> fields, Map<String, String> headers, List<Row> rows) {
    }

    private final AccessPolicy access;
    private final AuditTrail audit;
    private final StudentDirectory students;
    private final HealthPlacements placements;
    private final VisionScreening.Repository screenings;
    private final VisionService vision;
    private final HealthMessages messages;
    private final SchoolClock clock;

    VisionImport(AccessPolicy access, AuditTrail audit, StudentDirectory students, HealthPlacements placements,
                 VisionScreening.Repository screenings, VisionService vision, HealthMessages messages,
                 SchoolClock clock) {
        this.access = access;
        this.audit = audit;
        this.students = students;
        this.placements = placements;
        this.screenings = screenings;
        this.vision = vision;
        this.messages = messages;
        this.clock = clock;
    }

    /** The actor's school, if they may record its screenings (else 403). */
    Mono<SchoolScope> scope(Actor actor) {
        return access.requireOwnSchool(actor, DataClass.VISION, Action.WRITE);
    }

    Mono<Report> importFile(Actor actor, Path file, String yearParam, Locale locale) {
        String year = SchoolYearSpan.parseOrCurrent(yearParam, clock.today(), "year");
        return scope(actor).flatMap(scope -> Mono.fromCallable(() -> read(file))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(sheet -> new Run(actor, scope.schoolId(), year, sheet, locale).execute())
                .flatMap(report -> audit.record(AuditEvent.allowed(actor, "vision.import", "school", scope.schoolId(),
                                null, scope.schoolId()).withDataClass(DataClass.VISION)
                        .withReason("year=" + year + " rows=" + report.total() + " created=" + report.created()
                                + " updated=" + report.updated() + " unchanged=" + report.unchanged() + " rejected="
                                + report.rejected())).thenReturn(report)));
    }

    /** Blocking: parses the whole sheet (at most {@value #MAX_ROWS} rows) on a bounded-elastic thread. */
    static Sheet read(Path file) throws IOException {
        List<String> fields = new ArrayList<>();
        Map<String, String> headers = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        boolean[] header = {false};
        TabularReader.read(file, (number, cells) -> {
            if (!header[0]) {
                header[0] = true;
                Set<String> known = new HashSet<>();
                for (String c : cells) {
                    String f = VisionColumns.field(c);
                    fields.add(f != null && known.add(f) ? f : null);
                    if (f != null) {
                        headers.putIfAbsent(f, c.replace("\uFEFF", "").trim());
                    }
                }
                return;
            }
            if (rows.size() >= MAX_ROWS) {
                throw Problems.tooLarge("At most " + MAX_ROWS + " rows per import");
            }
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < cells.size() && i < fields.size(); i++) {
                if (fields.get(i) != null) {
                    values.put(fields.get(i), cells.get(i) == null ? "" : cells.get(i).trim());
                }
            }
            rows.add(new Row(number, values));
        });
        if (!header[0]) {
            throw Problems.rule("empty_file", "The file has no header row");
        }
        if (!fields.contains("studentNo")) {
            throw Problems.invalid("学籍号", "missing_column", "the sheet needs a 学籍号 column");
        }
        if (!fields.contains("right.uncorrected") && !fields.contains("left.uncorrected")) {
            throw Problems.invalid("file", "missing_vision_columns", "the sheet has no 裸眼视力 columns");
        }
        return new Sheet(fields, headers, rows);
    }

    private final class Run {
        private final Actor actor;
        private final String schoolId;
        private final String year;
        private final Sheet sheet;
        private final Locale locale;
        private final LocalDate today = clock.today();
        private final HealthPlacements.Cache placed = placements.cache();
        private final Set<String> seen = new HashSet<>();
        private final List<RowError> errors = new ArrayList<>();
        private int created;
        private int updated;
        private int unchanged;
        private int skipped;
        private int rejected;
        private boolean truncated;

        Run(Actor actor, String schoolId, String year, Sheet sheet, Locale locale) {
            this.actor = actor;
            this.schoolId = schoolId;
            this.year = year;
            this.sheet = sheet;
            this.locale = locale;
        }

        Mono<Report> execute() {
            List<List<Row>> batches = new ArrayList<>();
            for (int i = 0; i < sheet.rows().size(); i += BATCH) {
                batches.add(sheet.rows().subList(i, Math.min(sheet.rows().size(), i + BATCH)));
            }
            return Flux.fromIterable(batches).concatMap(this::batch).then(Mono.fromSupplier(() -> new Report(year,
                    sheet.rows().size(), created, updated, unchanged, skipped, rejected, List.copyOf(errors),
                    truncated)));
        }

        private boolean has(String field) {
            return sheet.fields().contains(field);
        }

        private String column(String field) {
            String f = field.startsWith("examinedOn") ? "examinedOn" : field;
            String h = sheet.headers().get(f);
            return h != null ? h : VisionColumns.EYE_HEADERS.getOrDefault(f, f);
        }

        private void reject(int row, String field, String code) {
            rejected++;
            if (errors.size() >= MAX_REPORTED_ERRORS) {
                truncated = true;
                return;
            }
            String col = column(field);
            errors.add(new RowError(row, col, code, messages.field(code, col, locale)));
        }

        private Mono<Void> batch(List<Row> rows) {
            Set<String> numbers = new HashSet<>();
            for (Row r : rows) {
                String no = studentNo(r);
                if (no != null) {
                    numbers.add(no);
                }
            }
            return students.findByStudentNos(numbers).collectMap(StudentView::studentNo).flatMap(found -> screenings
                    .findAllById(found.values().stream().map(s -> VisionScreening.idOf(s.id(), year)).toList())
                    .collectMap(VisionScreening::studentId)
                    .flatMap(existing -> Flux.fromIterable(rows).concatMap(r -> row(r, found, existing)).then()));
        }

        private String studentNo(Row r) {
            String no = r.get("studentNo");
            return no == null || no.isBlank() ? null : no.trim().toUpperCase(Locale.ROOT);
        }

        private Mono<Void> row(Row r, Map<String, StudentView> found, Map<String, VisionScreening> existing) {
            String no = studentNo(r);
            if (no == null) {
                if (r.cells().values().stream().allMatch(v -> v == null || v.isBlank())) {
                    skipped++;
                } else {
                    reject(r.number(), "studentNo", "required");
                }
                return Mono.empty();
            }
            StudentView s = found.get(no);
            if (s == null || !schoolId.equals(s.schoolId())) {
                reject(r.number(), "studentNo", "unknown_student_no");
                return Mono.empty();
            }
            String name = r.get("name");
            if (name != null && !name.isBlank() && !name.trim().equals(s.name())) {
                reject(r.number(), "name", "name_mismatch");
                return Mono.empty();
            }
            String sex = r.get("sex");
            if (sex != null && !sex.isBlank() && Sex.parse(sex) != s.sex()) {
                reject(r.number(), "sex", "sex_mismatch");
                return Mono.empty();
            }
            if (!r.hasVision()) {
                skipped++;
                return Mono.empty();
            }
            if (!seen.add(s.id())) {
                reject(r.number(), "studentNo", "duplicate_in_file");
                return Mono.empty();
            }
            VisionScreening current = existing.get(s.id());
            VisionRules.Checked c = vision.rules().check(input(r, current), year, today);
            if (!c.valid()) {
                FieldError e = c.errors().get(0);
                reject(r.number(), e.field(), e.code());
                return Mono.empty();
            }
            return vision.apply(actor, s, year, c.measured(), current, placed.on(s, c.measured().examinedOn()))
                    .doOnNext(a -> {
                        switch (a.outcome()) {
                            case CREATED -> created++;
                            case UPDATED -> updated++;
                            case UNCHANGED -> unchanged++;
                            case CONFLICT -> reject(r.number(), "studentNo", "changed_meanwhile");
                        }
                    }).then();
        }

        /** The row's values; a column the sheet lacks keeps the stored value. */
        private VisionRules.VisionInput input(Row r, VisionScreening current) {
            String date = has("examinedOn") ? r.get("examinedOn")
                    : current != null && current.examinedOn() != null ? current.examinedOn().toString() : null;
            String glasses;
            if (has("glasses")) {
                glasses = r.get("glasses");
            } else if (has("okLens")) {
                String ok = r.get("okLens");
                boolean yes = ok != null && (ok.trim().equals("是") || ok.trim().equalsIgnoreCase("Y")
                        || ok.trim().equals("1"));
                VisionRules.Glasses stored = current == null ? VisionRules.Glasses.NONE : current.glasses();
                glasses = yes ? "ORTHO_K" : stored == VisionRules.Glasses.ORTHO_K ? "NONE" : stored.name();
            } else {
                glasses = current == null ? null : current.glasses().name();
            }
            return new VisionRules.VisionInput(date, glasses, eye(r, "left", current == null ? null : current.left()),
                    eye(r, "right", current == null ? null : current.right()));
        }

        private VisionRules.EyeInput eye(Row r, String side, VisionScreening.EyeRecord stored) {
            return new VisionRules.EyeInput(value(r, side + ".uncorrected", stored == null ? null : stored.uncorrected()),
                    value(r, side + ".corrected", stored == null ? null : stored.corrected()),
                    value(r, side + ".sphere", stored == null ? null : stored.sphere()),
                    value(r, side + ".cylinder", stored == null ? null : stored.cylinder()),
                    value(r, side + ".axis", stored == null ? null : stored.axis()));
        }

        private Object value(Row r, String field, Object stored) {
            return has(field) ? r.get(field) : stored;
        }
    }
}
