package org.zhsz.fitness;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Service;
import org.zhsz.platform.Actor;
import org.zhsz.platform.Problems;
import org.zhsz.platform.SchoolClock;
import org.zhsz.student.StudentDirectory;
import org.zhsz.student.StudentView;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The fitness import's template, in the national column layout the import reads: the students the caller may import
 * for already listed (学籍号, 姓名, 性别 and 班级 for orientation, which the import ignores), one column per item the
 * listed grades are tested on, greyed where an item does not apply to a student's grade and sex, range checks on
 * the measured values, 是/blank lists for 补测 and 免测, an example row the import skips, and instructions.
 */
@Service
class FitnessTemplate {

    record Template(String filename, byte[] bytes) {
    }

    private static final int MAX_ROWS = 5000;

    private final FitnessImport fitnessImport;
    private final StudentDirectory students;
    private final Placements placements;
    private final SchoolClock clock;
    private final FitnessScorer scorer = FitnessScorer.standard2014();

    FitnessTemplate(FitnessImport fitnessImport, StudentDirectory students, Placements placements, SchoolClock clock) {
        this.fitnessImport = fitnessImport;
        this.students = students;
        this.placements = placements;
        this.clock = clock;
    }

    /** A student as listed: where they sat in the year. */
    private record Listed(StudentView student, Placements.Placement place) {
    }

    Mono<Template> template(Actor actor, String classId, String yearParam) {
        String year = SchoolYears.parseOrCurrent(yearParam, clock.today());
        Placements.Cache cache = placements.cache(year);
        return fitnessImport.scope(actor).flatMap(scope -> {
            if (classId != null && (scope.classIds() != null && !scope.classIds().contains(classId))) {
                return Mono.error(Problems.notFound("class", classId));
            }
            return students.inSchool(scope.schoolId())
                    .filter(s -> s.status() == null || "ENROLLED".equals(s.status().name()))
                    .filter(scope::covers)
                    .filter(s -> classId == null || classId.equals(s.classId()))
                    .take(MAX_ROWS)
                    .concatMap(s -> cache.of(Placements.classIn(s, year, null, clock.today()))
                            .map(p -> new Listed(s, p)))
                    .collectList()
                    .flatMap(list -> {
                        if (classId != null && list.isEmpty()) {
                            return Mono.error(Problems.notFound("class", classId));
                        }
                        list.sort(Comparator.comparing((Listed l) -> l.place().grade())
                                .thenComparing(l -> String.valueOf(l.place().className()))
                                .thenComparing(l -> l.student().studentNo()));
                        String scopeName = classId != null && !list.isEmpty() ? list.get(0).place().className()
                                : "全部学生";
                        return Mono.fromCallable(() -> new Template("体测成绩导入模板_" + scopeName + "_" + year + ".xlsx",
                                write(list))).subscribeOn(Schedulers.boundedElastic());
                    });
        });
    }

    /** Blocking. */
    byte[] write(List<Listed> listed) {
        Set<String> itemKeys = new LinkedHashSet<>();
        Set<Integer> grades = new java.util.TreeSet<>();
        for (Listed l : listed) {
            if (l.place().valid()) {
                grades.add(l.place().grade());
            }
        }
        if (grades.isEmpty()) {
            grades.add(7);
        }
        for (int g : grades) {
            for (String sex : List.of("M", "F")) {
                itemKeys.addAll(scorer.requiredItems(g, sex));
                itemKeys.addAll(scorer.bonusItems(g, sex));
            }
        }
        List<String> items = new ArrayList<>();
        for (Map.Entry<String, String> e : SheetColumns.ITEMS.entrySet()) {
            if (itemKeys.contains(e.getValue())) {
                items.add(e.getValue());
            }
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("体测成绩");
            Sheet help = wb.createSheet("填写说明");
            CellStyle head = wb.createCellStyle();
            Font bold = wb.createFont();
            bold.setBold(true);
            head.setFont(bold);
            head.setFillForegroundColor(IndexedColors.PALE_BLUE.getIndex());
            head.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            head.setWrapText(true);
            CellStyle text = wb.createCellStyle();
            text.setDataFormat(wb.createDataFormat().getFormat("@"));
            CellStyle na = wb.createCellStyle();
            na.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            na.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            CellStyle example = wb.createCellStyle();
            Font grey = wb.createFont();
            grey.setItalic(true);
            grey.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
            example.setFont(grey);

            List<String> header = new ArrayList<>(List.of(SheetColumns.STUDENT_NO, SheetColumns.NAME, SheetColumns.SEX,
                    "班级"));
            for (String key : items) {
                Item item = Item.byKey(key);
                header.add(headerOf(key) + "（" + unit(item.unit) + "）");
            }
            int firstItem = 4;
            int testDate = firstItem + items.size();
            header.addAll(List.of(SheetColumns.TEST_DATE, SheetColumns.MAKEUP, SheetColumns.EXEMPT,
                    SheetColumns.EXEMPT_REASON));
            Row h = sheet.createRow(0);
            h.setHeightInPoints(32);
            for (int i = 0; i < header.size(); i++) {
                var c = h.createCell(i);
                c.setCellValue(header.get(i));
                c.setCellStyle(head);
                sheet.setColumnWidth(i, (i == 0 ? 22 : i == 3 ? 14 : 11) * 256);
            }
            sheet.setDefaultColumnStyle(0, text);

            Row ex = sheet.createRow(1);
            ex.createCell(0).setCellValue(FitnessImport.EXAMPLE + "（此行不导入）");
            ex.createCell(1).setCellValue("马小明");
            ex.createCell(2).setCellValue("男");
            ex.createCell(3).setCellValue("七年级(1)班");
            Map<String, String> sample = Map.ofEntries(Map.entry("height_cm", "150.2"), Map.entry("weight_kg", "42.5"),
                    Map.entry("vital_capacity", "2450"), Map.entry("run_50m", "8.6"),
                    Map.entry("sit_and_reach", "12.3"), Map.entry("rope_skipping_1min", "150"),
                    Map.entry("sit_ups_1min", "38"), Map.entry("shuttle_50x8", "1'52\""),
                    Map.entry("standing_long_jump", "185"), Map.entry("pull_ups", "6"),
                    Map.entry("run_1000m", "4'05\""), Map.entry("run_800m", "3'58\""));
            for (int i = 0; i < items.size(); i++) {
                ex.createCell(firstItem + i).setCellValue(sample.getOrDefault(items.get(i), ""));
            }
            ex.createCell(testDate).setCellValue(clock.today().toString());
            for (var c : ex) {
                c.setCellStyle(example);
            }

            int r = 2;
            for (Listed l : listed) {
                Row row = sheet.createRow(r++);
                var no = row.createCell(0);
                no.setCellStyle(text);
                no.setCellValue(l.student().studentNo());
                row.createCell(1).setCellValue(l.student().name());
                row.createCell(2).setCellValue(l.student().sex() == null ? "" : l.student().sex().label());
                row.createCell(3).setCellValue(l.place().className() == null ? "" : l.place().className());
                if (l.place().valid() && l.student().sex() != null) {
                    Set<String> applies = new LinkedHashSet<>(scorer.requiredItems(l.place().grade(),
                            l.student().sex().name()));
                    applies.addAll(scorer.bonusItems(l.place().grade(), l.student().sex().name()));
                    for (int i = 0; i < items.size(); i++) {
                        if (!applies.contains(items.get(i))) {
                            row.createCell(firstItem + i).setCellStyle(na);
                        }
                    }
                }
            }
            int last = Math.max(r + 200, 300);
            DataValidationHelper dv = sheet.getDataValidationHelper();
            for (int i = 0; i < items.size(); i++) {
                Item item = Item.byKey(items.get(i));
                if (item.time) {
                    DataValidation prompt = dv.createValidation(dv.createCustomConstraint("TRUE"),
                            new CellRangeAddressList(2, last, firstItem + i, firstItem + i));
                    prompt.createPromptBox(headerOf(item.key), "填秒数（如 8.6）或分秒（如 3'55\"）");
                    prompt.setShowPromptBox(true);
                    sheet.addValidationData(prompt);
                    continue;
                }
                String min = item.decimal(item.min).toPlainString();
                String max = item.decimal(item.max).toPlainString();
                DataValidationConstraint range = item.count
                        ? dv.createIntegerConstraint(DataValidationConstraint.OperatorType.BETWEEN, min, max)
                        : dv.createDecimalConstraint(DataValidationConstraint.OperatorType.BETWEEN, min, max);
                DataValidation v = dv.createValidation(range, new CellRangeAddressList(2, last, firstItem + i,
                        firstItem + i));
                v.setShowErrorBox(true);
                v.createErrorBox("超出范围", headerOf(item.key) + "须在 " + min + "–" + max + " " + unit(item.unit)
                        + " 之间" + (item.count ? "，且为整数" : "") + "。");
                sheet.addValidationData(v);
            }
            for (int col : new int[]{testDate + 1, testDate + 2}) {
                DataValidation yes = dv.createValidation(dv.createExplicitListConstraint(new String[]{"是"}),
                        new CellRangeAddressList(2, last, col, col));
                yes.setShowErrorBox(true);
                yes.createErrorBox("请填“是”或留空", "补测、免测请填“是”，否则留空。");
                sheet.addValidationData(yes);
            }
            DataValidation date = dv.createValidation(dv.createDateConstraint(
                            DataValidationConstraint.OperatorType.BETWEEN, "DATE(2000,1,1)", "DATE(2100,12,31)",
                            "yyyy-mm-dd"), new CellRangeAddressList(2, last, testDate, testDate));
            date.setShowErrorBox(true);
            date.createErrorBox("日期格式", "测试日期请填写日期，如 2026-10-12；留空则为导入当天。");
            sheet.addValidationData(date);
            sheet.createFreezePane(2, 1);

            List<String> notes = new ArrayList<>(List.of(
                    "体测成绩导入说明",
                    "1. 第一行是表头，请勿修改列名；学籍号必填，姓名、性别如填写须与学籍一致，“班级”列仅供查看、不会导入。",
                    "2. 灰色格子表示该学生所在年级、性别不测此项，留空即可。未测的项目留空，已保存的成绩不会被清空。",
                    "3. 时间类项目填秒数（如 8.6）或分秒（如 3'55\"），其他项目填数字；超出合理范围的数值不会导入。",
                    "4. 补测、免测请填“是”，否则留空；免测还须在学生的体质页面上传医学证明。",
                    "5. 以“示例”开头的行不会导入；只有学籍号、没有任何成绩的行会被跳过。",
                    "6. 同一文件重复导入不会重复记录；有问题的行单独列出原因，其余行照常导入，导入后可下载“未导入的行”改正后再上传。",
                    "",
                    "各项目的合理范围："));
            for (String key : items) {
                Item item = Item.byKey(key);
                notes.add(headerOf(key) + "：" + item.decimal(item.min).toPlainString() + "–"
                        + item.decimal(item.max).toPlainString() + " " + unit(item.unit));
            }
            for (int i = 0; i < notes.size(); i++) {
                help.createRow(i).createCell(0).setCellValue(notes.get(i));
            }
            help.setColumnWidth(0, 110 * 256);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String headerOf(String key) {
        for (Map.Entry<String, String> e : SheetColumns.ITEMS.entrySet()) {
            if (e.getValue().equals(key)) {
                return e.getKey();
            }
        }
        return key;
    }

    private static String unit(String unit) {
        return switch (unit) {
            case "s" -> "秒";
            case "cm" -> "厘米";
            case "kg" -> "千克";
            case "ml" -> "毫升";
            default -> unit;
        };
    }
}
