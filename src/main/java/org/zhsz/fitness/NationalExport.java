package org.zhsz.fitness;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.stereotype.Service;
import org.zhsz.audit.AuditEvent;
import org.zhsz.audit.AuditTrail;
import org.zhsz.health.HealthQueries;
import org.zhsz.organization.OrganizationDirectory;
import org.zhsz.organization.SchoolStage;
import org.zhsz.organization.Views.ClassView;
import org.zhsz.platform.AccessPolicy;
import org.zhsz.platform.Action;
import org.zhsz.platform.Actor;
import org.zhsz.platform.DataClass;
import org.zhsz.platform.Problems;
import org.zhsz.platform.SchoolClock;
import org.zhsz.platform.TableWriter;
import org.zhsz.student.StudentDirectory;
import org.zhsz.student.StudentStatus;
import org.zhsz.student.StudentView;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The school's year in the national upload layout ({@link NationalLayout}): every enrolled student of the school
 * (of one grade, if asked) with the platform's codes, the year's counted attempt and, when screened that school year,
 * the vision fields read through the health module's public API. Streamed as it is written, students in batches.
 * The school admin exports; every export is audited.
 */
@Service
class NationalExport {

    static final int BATCH = 500;

    private final AccessPolicy access;
    private final AuditTrail audit;
    private final OrganizationDirectory organization;
    private final StudentDirectory students;
    private final ResultStore store;
    private final HealthQueries health;
    private final SchoolClock clock;

    NationalExport(AccessPolicy access, AuditTrail audit, OrganizationDirectory organization,
                   StudentDirectory students, ResultStore store, HealthQueries health, SchoolClock clock) {
        this.access = access;
        this.audit = audit;
        this.organization = organization;
        this.students = students;
        this.store = store;
        this.health = health;
        this.clock = clock;
    }

    Mono<FitnessExport.Export> export(Actor actor, String yearParam, Integer grade) {
        String year = SchoolYears.parseOrCurrent(yearParam, clock.today());
        if (grade != null && (grade < 1 || grade > 12)) {
            return Mono.error(Problems.invalid("grade", "out_of_range", "grade must be 1–12"));
        }
        return access.requireOwnSchool(actor, DataClass.HEALTH_FITNESS, Action.EXPORT)
                .flatMap(scope -> {
                    String school = scope.schoolId();
                    String filename = "国家学生体质健康标准数据上报_" + school + "_" + year
                            + (grade == null ? "" : "_" + SchoolStage.gradeName(grade)) + ".xlsx";
                    return audit.record(AuditEvent.allowed(actor, "fitness.export", "school", school, null, school)
                                    .withDataClass(DataClass.HEALTH_FITNESS)
                                    .withReason("layout=national year=" + year + (grade == null ? ""
                                            : " grade=" + grade)))
                            .thenReturn(new FitnessExport.Export(filename, Flux.from(
                                    DataBufferUtils.outputStreamPublisher(out -> write(out, school, year, grade),
                                            DefaultDataBufferFactory.sharedInstance,
                                            task -> Schedulers.boundedElastic().schedule(task)))));
                });
    }

    private record Line(StudentView student, ClassView schoolClass, int grade) {
    }

    /** Blocking: runs on a bounded-elastic thread fed by the response. */
    void write(OutputStream out, String school, String year, Integer grade) {
        LocalDate today = clock.today();
        Map<String, ClassView> classes = organization.classesOfSchool(school, SchoolYears.firstTerm(year))
                .collectMap(ClassView::id).block();
        List<Line> lines = new ArrayList<>();
        for (StudentView s : students.inSchool(school).collectList().block()) {
            if (s.status() != StudentStatus.ENROLLED && s.status() != StudentStatus.SUSPENDED) {
                continue;
            }
            ClassView c = classes.get(Placements.classIn(s, year, null, today));
            if (c == null) {
                continue;
            }
            int g = Placements.placement(c, year).grade();
            if (g == 0 || grade != null && g != grade) {
                continue;
            }
            lines.add(new Line(s, c, g));
        }
        lines.sort(Comparator.comparingInt(Line::grade).thenComparingInt(l -> l.schoolClass().classNo())
                .thenComparing(l -> l.student().studentNo()));
        List<NationalLayout.Column> columns = NationalLayout.columns();
        try (TableWriter w = TableWriter.xlsx(out)) {
            TableWriter.Sheet sheet = w.sheet("学生体测数据");
            sheet.row(columns.stream().map(NationalLayout.Column::header).toList());
            for (int from = 0; from < lines.size(); from += BATCH) {
                List<Line> batch = lines.subList(from, Math.min(lines.size(), from + BATCH));
                List<String> ids = batch.stream().map(l -> l.student().id()).toList();
                Map<String, FitnessResult> results = store.findAll(ids.stream()
                        .map(id -> SchoolYears.resultId(id, year)).toList())
                        .collectMap(FitnessResult::studentId).block();
                Map<String, HealthQueries.VisionSummary> vision = health.vision(ids, year)
                        .collectMap(HealthQueries.VisionSummary::studentId).block();
                for (Line l : batch) {
                    sheet.row(row(columns, l, results.get(l.student().id()), vision.get(l.student().id())));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cells of one student's line (null: an empty cell). */
    private static List<Object> row(List<NationalLayout.Column> columns, Line l, FitnessResult r,
                                    HealthQueries.VisionSummary v) {
        List<Object> cells = new ArrayList<>(columns.size());
        StudentView s = l.student();
        FitnessResult.Attempt a = r == null || r.exemption() != null ? null
                : r.officialAttempt() != null ? r.officialAttempt() : r.first();
        for (int i = 0; i < columns.size(); i++) {
            String field = columns.get(i).field();
            Object value = switch (field) {
                case "gradeCode" -> NationalLayout.gradeCode(l.grade());
                case "classNo" -> String.valueOf(l.schoolClass().classNo());
                case "className" -> l.schoolClass().name();
                case "studentNo" -> s.studentNo();
                case "ethnicityCode" -> NationalLayout.ethnicityCode(s.ethnicity());
                case "name" -> s.name();
                case "sexCode" -> NationalLayout.sexCode(s.sex().name());
                case "birthDate" -> s.birthDate() == null ? "" : s.birthDate().toString();
                case "address" -> "";
                case "okLens" -> v == null ? null : "ORTHO_K".equals(v.glasses()) ? "是" : "否";
                default -> field.contains(".") ? vision(v, field) : item(a, field);
            };
            cells.add(value instanceof Number || value == null || !value.toString().isEmpty() ? value : null);
        }
        return cells;
    }

    private static Object item(FitnessResult.Attempt a, String key) {
        BigDecimal v = a == null ? null : a.values().get(key);
        if (v == null) {
            return null;
        }
        if (FitnessScorer.isTimedItem(key) && !key.equals("run_50m")) {
            return FitnessExport.minutesSeconds(v.intValue());
        }
        return v.scale() > 0 ? v : (Object) v.intValue();
    }

    private static Object vision(HealthQueries.VisionSummary v, String field) {
        if (v == null) {
            return null;
        }
        HealthQueries.EyeSummary e = field.startsWith("left") ? v.left() : v.right();
        if (e == null) {
            return null;
        }
        return switch (field.substring(field.indexOf('.') + 1)) {
            case "uncorrected" -> e.uncorrected();
            case "sphere" -> e.sphere();
            case "cylinder" -> e.cylinder();
            case "axis" -> e.axis();
            default -> null;
        };
    }
}
