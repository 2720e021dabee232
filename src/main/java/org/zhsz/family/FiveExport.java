package org.zhsz.family;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The 五项管理 statistics as a table a county can send on (CSV for any tool, XLSX for Excel): one row per school
 * (or class), grade and the total, suppressed cells written as "—" and a note saying why. Text cells that a
 * spreadsheet would run as a formula are written as text. Built off the event loop.
 */
@Component
class FiveExport {

    static final String HIDDEN = "—";

    private final FiveForms forms;
    private final MessageSource messages;

    FiveExport(FiveForms forms, MessageSource messages) {
        this.forms = forms;
        this.messages = messages;
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage("export.five." + key, args, locale);
    }

    record Table(String title, String note, List<String> header, List<List<Object>> rows) {
    }

    Table county(FiveManagement.CountyStats s, String countyName, Locale locale) {
        List<List<Object>> rows = new ArrayList<>();
        s.schools().forEach(r -> rows.add(line(text("level.school", locale), r)));
        s.grades().forEach(r -> rows.add(line(text("level.grade", locale), r)));
        rows.add(line(text("level.county", locale), s.county()));
        return new Table(text("title", locale, countyName, s.period().from(), s.period().to().plusDays(6)),
                text("note", locale, s.k(), HIDDEN), header(locale), rows);
    }

    Table school(FiveManagement.SchoolStats s, Locale locale) {
        List<List<Object>> rows = new ArrayList<>();
        s.classes().forEach(r -> rows.add(line(text("level.class", locale), r)));
        s.grades().forEach(r -> rows.add(line(text("level.grade", locale), r)));
        rows.add(line(text("level.school_total", locale), s.school()));
        return new Table(text("title", locale, s.name(), s.period().from(), s.period().to().plusDays(6)),
                text("note", locale, s.k(), HIDDEN), header(locale), rows);
    }

    private List<String> header(Locale locale) {
        List<String> h = new ArrayList<>(List.of(text("col.level", locale), text("col.name", locale),
                text("col.students", locale), text("col.respondents", locale)));
        String lang = Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? "en" : "zh-CN";
        for (FiveForms.Target t : forms.targets()) {
            if (t.compare() != FiveForms.Compare.REPORTED) {
                h.add(text("col.share", locale, t.label().getOrDefault(lang, t.label().get("zh-CN"))));
            }
        }
        h.addAll(List.of(text("col.sleep", locale), text("col.homework", locale), text("col.books", locale),
                text("col.exercise", locale)));
        return h;
    }

    private List<Object> line(String level, FiveStats.Row r) {
        List<Object> out = new ArrayList<>();
        out.add(level);
        out.add(r.name() == null ? "" : r.name());
        out.add(r.students());
        out.add(r.suppressed() ? HIDDEN : r.respondents());
        for (FiveForms.Target t : forms.targets()) {
            if (t.compare() != FiveForms.Compare.REPORTED) {
                out.add(r.suppressed() || r.share() == null || r.share().get(t.code()) == null ? HIDDEN
                        : r.share().get(t.code()));
            }
        }
        Map<String, Double> m = r.means();
        out.add(mean(r, m == null || m.get("sleepMinutes") == null ? null : m.get("sleepMinutes") / 60.0));
        out.add(mean(r, m == null ? null : m.get("homeworkMinutes")));
        out.add(mean(r, m == null ? null : m.get("booksRead")));
        out.add(mean(r, m == null ? null : m.get("exerciseMinutes")));
        return out;
    }

    private static Object mean(FiveStats.Row r, Double v) {
        return r.suppressed() || v == null ? HIDDEN : Math.round(v * 10) / 10.0;
    }

    /** Text that a spreadsheet would evaluate (= + - @, tab, CR) is kept as text with a leading apostrophe. */
    static String safe(String s) {
        if (s != null && !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            return "'" + s;
        }
        return s;
    }

    Mono<byte[]> csv(Table t) {
        return Mono.fromCallable(() -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            try (CSVPrinter p = new CSVPrinter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8),
                    CSVFormat.DEFAULT)) {
                p.printRecord(safe(t.title()));
                p.printRecord(t.header());
                for (List<Object> row : t.rows()) {
                    p.printRecord(row.stream().map(v -> v instanceof String s ? safe(s) : v).toList());
                }
                p.printRecord(safe(t.note()));
            }
            return out.toByteArray();
        }).subscribeOn(Schedulers.boundedElastic());
    }

    Mono<byte[]> xlsx(Table t) {
        return Mono.fromCallable(() -> {
            try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                Sheet sheet = wb.createSheet("five-management");
                int r = 0;
                sheet.createRow(r++).createCell(0).setCellValue(t.title());
                Row head = sheet.createRow(r++);
                for (int i = 0; i < t.header().size(); i++) {
                    head.createCell(i).setCellValue(t.header().get(i));
                }
                for (List<Object> values : t.rows()) {
                    Row row = sheet.createRow(r++);
                    for (int i = 0; i < values.size(); i++) {
                        Object v = values.get(i);
                        if (v instanceof Number n) {
                            row.createCell(i).setCellValue(n.doubleValue());
                        } else {
                            row.createCell(i).setCellValue(String.valueOf(v));
                        }
                    }
                }
                sheet.createRow(r + 1).createCell(0).setCellValue(t.note());
                for (int i = 0; i < t.header().size(); i++) {
                    sheet.setColumnWidth(i, i == 1 ? 28 * 256 : 14 * 256);
                }
                wb.write(out);
                return out.toByteArray();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).subscribeOn(Schedulers.boundedElastic());
    }
}
