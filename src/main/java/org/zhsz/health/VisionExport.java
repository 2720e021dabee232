package org.zhsz.health;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.zhsz.audit.AuditEvent;
import org.zhsz.audit.AuditTrail;
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
import org.zhsz.student.StudentView;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A school's screenings of a year (optionally one grade) as XLSX or CSV in {@link VisionColumns}' layout, which the
 * import reads back unchanged. The school doctor and the school admin export; every export is audited.
 */
@Service
class VisionExport {

    record Export(String filename, String contentType, byte[] body) {
    }

    private record Line(StudentView student, String className, VisionScreening screening) {
    }

    private final AccessPolicy access;
    private final AuditTrail audit;
    private final OrganizationDirectory organization;
    private final StudentDirectory students;
    private final VisionScreening.Repository screenings;
    private final SchoolClock clock;

    VisionExport(AccessPolicy access, AuditTrail audit, OrganizationDirectory organization,
                 StudentDirectory students, VisionScreening.Repository screenings, SchoolClock clock) {
        this.access = access;
        this.audit = audit;
        this.organization = organization;
        this.students = students;
        this.screenings = screenings;
        this.clock = clock;
    }

    Mono<Export> export(Actor actor, String yearParam, Integer grade, String formatParam) {
        String year = SchoolYearSpan.parseOrCurrent(yearParam, clock.today(), "year");
        String format = formatParam == null || formatParam.isBlank() ? "xlsx"
                : formatParam.trim().toLowerCase(java.util.Locale.ROOT);
        if (!format.equals("xlsx") && !format.equals("csv")) {
            return Mono.error(Problems.invalid("format", "unknown_value", "format must be xlsx or csv"));
        }
        if (grade != null && (grade < 1 || grade > 12)) {
            return Mono.error(Problems.invalid("grade", "out_of_range", "grade must be 1–12"));
        }
        return access.requireOwnSchool(actor, DataClass.VISION, Action.EXPORT).flatMap(scope -> {
            String school = scope.schoolId();
            return organization.classesOfSchool(school, year + "-1").collectMap(ClassView::id, ClassView::name)
                    .flatMap(classNames -> screenings.findBySchoolIdAndSchoolYear(school, year)
                            .filter(s -> grade == null || s.grade() == grade)
                            .collectList()
                            .flatMap(list -> students.findAll(list.stream().map(VisionScreening::studentId).toList())
                                    .collectMap(StudentView::id)
                                    .map(byId -> lines(list, byId, classNames))))
                    .flatMap(lines -> Mono.fromCallable(() -> format.equals("csv") ? csv(lines) : xlsx(lines))
                            .subscribeOn(Schedulers.boundedElastic()))
                    .flatMap(bytes -> audit.record(AuditEvent.allowed(actor, "vision.export", "school", school, null,
                                    school).withDataClass(DataClass.VISION)
                                    .withReason("year=" + year + (grade == null ? "" : " grade=" + grade)
                                            + " format=" + format))
                            .thenReturn(new Export("视力筛查_" + school + "_" + year
                                    + (grade == null ? "" : "_" + SchoolStage.gradeName(grade)) + "." + format,
                                    format.equals("csv") ? "text/csv;charset=UTF-8"
                                            : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                    bytes)));
        });
    }

    private static List<Line> lines(List<VisionScreening> list, Map<String, StudentView> byId,
                                    Map<String, String> classNames) {
        List<Line> lines = new ArrayList<>();
        for (VisionScreening s : list) {
            StudentView st = byId.get(s.studentId());
            if (st != null) {
                lines.add(new Line(st, classNames.getOrDefault(s.classId(), ""), s));
            }
        }
        lines.sort(Comparator.comparingInt((Line l) -> l.screening().grade())
                .thenComparing(l -> String.valueOf(l.screening().classId()))
                .thenComparing(l -> l.student().studentNo()));
        return lines;
    }

    /** The cells of one line, text or number, in header order. */
    static List<Object> cells(StudentView st, String className, VisionScreening s) {
        List<Object> c = new ArrayList<>();
        c.add(st.studentNo());
        c.add(st.name());
        c.add(st.sex().label());
        c.add(s.grade() == 0 ? "" : SchoolStage.gradeName(s.grade()));
        c.add(className);
        c.add(s.examinedOn() == null ? "" : s.examinedOn().toString());
        c.add(VisionColumns.glassesLabel(s.glasses()));
        for (String f : VisionColumns.EYE_FIELDS) {
            VisionScreening.EyeRecord e = f.startsWith("left") ? s.left() : s.right();
            String item = f.substring(f.indexOf('.') + 1);
            Object v = switch (item) {
                case "uncorrected" -> e.uncorrected();
                case "corrected" -> e.corrected();
                case "sphere" -> e.sphere();
                case "cylinder" -> e.cylinder();
                default -> e.axis();
            };
            c.add(v);
        }
        c.add(VisionColumns.categoryLabel(s.right().category()));
        c.add(VisionColumns.categoryLabel(s.left().category()));
        c.add(VisionColumns.categoryLabel(s.category()));
        c.add(s.screeningMyopia() ? "是" : "否");
        c.add(VisionColumns.adviceLabel(s.advice()));
        return c;
    }

    static byte[] csv(List<Line> lines) {
        return write(lines, TableWriter::csv);
    }

    static byte[] xlsx(List<Line> lines) {
        return write(lines, TableWriter::xlsx);
    }

    /** Through the platform's writer, which keeps typed text from running as a formula. */
    private static byte[] write(List<Line> lines, java.util.function.Function<ByteArrayOutputStream, TableWriter> as) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TableWriter w = as.apply(out)) {
            TableWriter.Sheet sheet = w.sheet("视力筛查");
            sheet.row(VisionColumns.EXPORT_HEADER);
            for (Line l : lines) {
                sheet.row(cells(l.student(), l.className(), l.screening()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
