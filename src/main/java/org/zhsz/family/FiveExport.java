package org.zhsz.family;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.zhsz.platform.TableWriter;

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

    Mono<byte[]> csv(Table t) {
        return write(t, TableWriter::csv);
    }

    Mono<byte[]> xlsx(Table t) {
        return write(t, TableWriter::xlsx);
    }

    /** Title, header, rows and the suppression note, through the platform's formula-safe writer. */
    private static Mono<byte[]> write(Table t, java.util.function.Function<java.io.OutputStream, TableWriter> kind) {
        return Mono.fromCallable(() -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (TableWriter w = kind.apply(out)) {
                TableWriter.Sheet sheet = w.sheet("five-management");
                sheet.row(t.title());
                sheet.row(t.header());
                for (List<Object> row : t.rows()) {
                    sheet.row(row);
                }
                sheet.row(t.note());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return out.toByteArray();
        }).subscribeOn(Schedulers.boundedElastic());
    }
}
