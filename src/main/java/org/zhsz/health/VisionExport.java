package org.zhsz.health;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
        StringBuilder b = new StringBuilder("\uFEFF");
        b.append(String.join(",", VisionColumns.EXPORT_HEADER)).append("\r\n");
        for (Line l : lines) {
            List<Object> cells = cells(l.student(), l.className(), l.screening());
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    b.append(',');
                }
                Object v = cells.get(i);
                b.append(v == null ? "" : v instanceof BigDecimal d ? d.toPlainString()
                        : v instanceof Number n ? n.toString() : SafeCells.csv(v.toString()));
            }
            b.append("\r\n");
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] xlsx(List<Line> lines) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("视力筛查");
            Row h = sheet.createRow(0);
            for (int i = 0; i < VisionColumns.EXPORT_HEADER.size(); i++) {
                h.createCell(i).setCellValue(VisionColumns.EXPORT_HEADER.get(i));
            }
            int r = 1;
            for (Line l : lines) {
                Row row = sheet.createRow(r++);
                List<Object> cells = cells(l.student(), l.className(), l.screening());
                for (int i = 0; i < cells.size(); i++) {
                    Object v = cells.get(i);
                    if (v == null) {
                        continue;
                    }
                    if (v instanceof Number n) {
                        row.createCell(i).setCellValue(n.doubleValue());
                    } else {
                        row.createCell(i).setCellValue(SafeCells.text(v.toString()));
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
