package org.zhsz.fitness;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.zhsz.audit.AuditEvent;
import org.zhsz.audit.AuditTrail;
import org.zhsz.organization.OrganizationDirectory;
import org.zhsz.organization.SchoolStage;
import org.zhsz.platform.AccessPolicy;
import org.zhsz.platform.Action;
import org.zhsz.platform.Actor;
import org.zhsz.platform.DataClass;
import org.zhsz.platform.Problems;
import org.zhsz.platform.SchoolClock;
import org.zhsz.platform.TableWriter;
import org.zhsz.student.StudentDirectory;
import org.zhsz.student.StudentView;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The school's results of a year (optionally one grade) as XLSX in the import's column layout, for the national
 * student-health data system: one row per student with the year's official attempt (a 补测 is marked), 免测 rows
 * marked, then read-only result columns. A second sheet holds each student's 毕业成绩 over the stage's years.
 * Written with POI's streaming workbook and sent as it is produced, reading results and students in batches, so
 * memory stays bounded for a large school. Only school admins export; every export is audited.
 */
@Service
class FitnessExport {

    static final int BATCH = 500;

    record Export(String filename, Flux<DataBuffer> body) {
    }

    private final AccessPolicy access;
    private final AuditTrail audit;
    private final OrganizationDirectory organization;
    private final StudentDirectory students;
    private final ResultStore store;
    private final FitnessScorer scorer;
    private final SchoolClock clock;

    FitnessExport(AccessPolicy access, AuditTrail audit, OrganizationDirectory organization,
                  StudentDirectory students, ResultStore store, FitnessScorer scorer, SchoolClock clock) {
        this.access = access;
        this.audit = audit;
        this.organization = organization;
        this.students = students;
        this.store = store;
        this.scorer = scorer;
        this.clock = clock;
    }

    /** The national-format export of the actor's whole school (its admin). */
    Mono<Export> export(Actor actor, String yearParam, Integer grade) {
        return access.requireOwnSchool(actor, DataClass.HEALTH_FITNESS, Action.EXPORT)
                .flatMap(scope -> export(actor, scope.schoolId(), yearParam, grade));
    }

    private Mono<Export> export(Actor actor, String school, String yearParam, Integer grade) {
        String year = SchoolYears.parseOrCurrent(yearParam, clock.today());
        if (grade != null && (grade < 1 || grade > 12)) {
            return Mono.error(Problems.invalid("grade", "out_of_range", "grade must be 1–12"));
        }
        String filename = "体测成绩_" + school + "_" + year + (grade == null ? "" : "_" + SchoolStage.gradeName(grade))
                + ".xlsx";
        return audit.record(AuditEvent.allowed(actor, "fitness.export", "school", school, null, school)
                        .withDataClass(DataClass.HEALTH_FITNESS)
                        .withReason("year=" + year + (grade == null ? "" : " grade=" + grade)))
                .thenReturn(new Export(filename, Flux.from(DataBufferUtils.outputStreamPublisher(
                        out -> write(out, school, year, grade), DefaultDataBufferFactory.sharedInstance,
                        task -> Schedulers.boundedElastic().schedule(task)))));
    }

    /** Blocking: runs on a bounded-elastic thread fed by the response. */
    void write(OutputStream out, String school, String year, Integer grade) {
        try (TableWriter wb = TableWriter.xlsx(out)) {
            TableWriter.Sheet results = wb.sheet("体测成绩");
            TableWriter.Sheet graduation = wb.sheet("毕业成绩");
            results.row(new ArrayList<Object>(SheetColumns.EXPORT_HEADER));
            graduation.row("学籍号", "姓名", "性别", "年级", "毕业年级", "各学年学年总分", "毕业成绩", "等级", "备注");
            Map<String, String> classNames = new ConcurrentHashMap<>();
            Iterable<List<FitnessResult>> batches = store.select(List.of(school), List.of(year), grade, null,
                            Sort.by("grade", "classId", "studentId"))
                    .map(ResultDocuments::fromDocument)
                    .buffer(BATCH)
                    .toIterable(1);
            for (List<FitnessResult> batch : batches) {
                Map<String, StudentView> byId = students.findAll(batch.stream().map(FitnessResult::studentId)
                        .toList()).collectMap(StudentView::id).block();
                Map<String, List<FitnessResult>> history = history(batch, year);
                for (FitnessResult r : batch) {
                    StudentView s = byId.get(r.studentId());
                    if (s == null) {
                        continue;
                    }
                    String className = classNames.computeIfAbsent(String.valueOf(r.classId()), id -> organization
                            .schoolClass(r.classId(), SchoolYears.firstTerm(year)).map(c -> c.name())
                            .defaultIfEmpty("").block());
                    results.row(resultRow(s, r, className));
                    graduation.row(graduationRow(s, r, history.getOrDefault(r.studentId(), List.of(r)), year));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stage's years of each student of the batch, up to the exported year, by id (served by the _id index). */
    private Map<String, List<FitnessResult>> history(List<FitnessResult> batch, String year) {
        int end = SchoolYears.start(year);
        List<String> ids = new ArrayList<>();
        for (FitnessResult r : batch) {
            int span = r.grade() - Graduations.stageFirstGrade(r.grade()) + 1; // one more for a repeated year
            for (int y = end - span; y <= end; y++) {
                ids.add(SchoolYears.resultId(r.studentId(), SchoolYears.ofStart(y)));
            }
        }
        List<FitnessResult> all = store.findAll(ids).collectList().block();
        Map<String, List<FitnessResult>> by = new HashMap<>();
        for (FitnessResult r : all) {
            by.computeIfAbsent(r.studentId(), k -> new ArrayList<>()).add(r);
        }
        by.values().forEach(l -> l.sort(Comparator.comparing(FitnessResult::schoolYear)));
        return by;
    }

    private static List<Object> resultRow(StudentView s, FitnessResult r, String className) {
        List<Object> row = new ArrayList<>();
        row.add(s.studentNo());
        row.add(s.name());
        row.add(s.sex().label());
        FitnessResult.Attempt a = r.exemption() != null ? null
                : r.officialAttempt() != null ? r.officialAttempt() : r.first();
        for (String key : SheetColumns.ITEMS.values()) {
            BigDecimal v = a == null ? null : a.values().get(key);
            if (v == null) {
                row.add(null);
            } else if (FitnessScorer.isTimedItem(key) && !key.equals("run_50m")) {
                row.add(minutesSeconds(v.intValue()));
            } else {
                row.add(v);
            }
        }
        row.add(a != null && a.testDate() != null ? a.testDate().toString() : null);
        row.add(r.official() == FitnessResult.Official.MAKEUP ? "是" : "");
        row.add(r.exemption() != null ? "是" : "");
        row.add(r.exemption() != null ? r.exemption().reason() : "");
        row.add(SchoolStage.gradeName(r.grade()));
        row.add(className);
        if (a != null && a.complete()) {
            row.add(a.standardScore());
            row.add(a.bonus());
            row.add(a.totalScoreRounded());
            row.add(a.rating());
        } else if (r.exemption() != null) {
            row.addAll(java.util.Arrays.asList(null, null, null, "免测"));
        }
        return row;
    }

    private List<Object> graduationRow(StudentView s, FitnessResult r, List<FitnessResult> years, String year) {
        List<Object> row = new ArrayList<>();
        row.add(s.studentNo());
        row.add(s.name());
        row.add(s.sex().label());
        row.add(SchoolStage.gradeName(r.grade()));
        row.add(Graduations.isFinalGrade(r.grade()) ? "是" : "否");
        int first = Graduations.stageFirstGrade(r.grade());
        row.add(years.stream().filter(y -> y.grade() >= first && y.grade() <= r.grade())
                .map(y -> y.schoolYear() + " " + (y.status() == ResultStatus.EXEMPT ? "免测"
                        : y.totalScoreRounded() == null ? "未完成" : y.totalScoreRounded().toPlainString()))
                .collect(Collectors.joining("；")));
        Views.GraduationView g = Graduations.compute(scorer, years, year);
        if (g == null) {
            row.addAll(java.util.Arrays.asList(null, null, "本学年成绩未完成"));
        } else if (g.exempt()) {
            row.addAll(java.util.Arrays.asList(null, null, "免测"));
        } else {
            row.add(g.scoreRounded());
            row.add(g.rating());
            if (g.belowGraduationThreshold()) {
                row.add("低于50分，按结业或肄业处理");
            }
        }
        return row;
    }

    /** 235 → 3'55" as schools write run times. */
    static String minutesSeconds(int seconds) {
        return (seconds / 60) + "'" + String.format("%02d", seconds % 60) + "\"";
    }
}
