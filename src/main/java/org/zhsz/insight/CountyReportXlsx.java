package org.zhsz.insight;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.zhsz.platform.TableWriter;

/**
 * The county report as a spreadsheet: one sheet, a row per indicator and school (the county first) with this year,
 * last year, the target and the plan item; a suppressed figure is an empty cell marked in the note column. The
 * same report gives the same bytes: the workbook's dates and the zip entries' times are the report's as-of day.
 * Blocking: call on {@code Schedulers.boundedElastic()}.
 */
final class CountyReportXlsx {

    private CountyReportXlsx() {
    }

    static byte[] render(CountyReport.Report r, String countyName) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TableWriter w = TableWriter.xlsx(out)) {
            TableWriter.Sheet s = w.sheet("县域报告 " + r.year());
            s.row(countyName + " " + r.year() + " 学年综合素质评价县域报告（数据截至 " + r.asOf() + "）");
            s.row("指标", "学校", r.year() + "（%）", r.previousYear() + "（%）", "目标（%）", "方向", "依据", "说明");
            for (CountyReport.IndicatorView i : r.indicators()) {
                line(s, i, "全县", i.county(), i.countyPrevious(), r.suppressionThreshold());
                for (CountyReport.SchoolValue v : i.schools()) {
                    line(s, i, v.schoolName(), v.rate(), v.previous(), r.suppressionThreshold());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fixed(out.toByteArray(), r.asOf());
    }

    private static void line(TableWriter.Sheet s, CountyReport.IndicatorView i, String who, java.math.BigDecimal now,
                             java.math.BigDecimal before, int k) {
        List<Object> cells = new ArrayList<>();
        cells.add(i.label());
        cells.add(who);
        cells.add(now);
        cells.add(before);
        cells.add(i.target());
        cells.add(i.higherIsBetter() ? "越高越好" : "越低越好");
        cells.add(i.planItem());
        cells.add(now == null || before == null ? "空格：人数少于 " + k + " 人或可由合计推算，不公布；或暂无数据" : null);
        s.row(cells);
    }

    /** Re-packs the workbook with every entry's time and the document's dates set to the as-of day. */
    static byte[] fixed(byte[] xlsx, LocalDate asOf) {
        long time = asOf.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        String stamp = asOf + "T00:00:00Z";
        ByteArrayOutputStream out = new ByteArrayOutputStream(xlsx.length);
        // POI's zip (sizes after the data, Zip64 fields) is read with commons-compress, which understands it
        try (org.apache.commons.compress.archivers.zip.ZipArchiveInputStream in =
                     new org.apache.commons.compress.archivers.zip.ZipArchiveInputStream(
                             new ByteArrayInputStream(xlsx), "UTF-8", true, true);
             ZipOutputStream zip = new ZipOutputStream(out)) {
            org.apache.commons.compress.archivers.zip.ZipArchiveEntry e;
            while ((e = in.getNextEntry()) != null) {
                byte[] data = in.readAllBytes();
                if (e.getName().equals("docProps/core.xml")) {
                    String xml = new String(data, StandardCharsets.UTF_8)
                            .replaceAll("(<dcterms:created[^>]*>)[^<]*(</dcterms:created>)", "$1" + stamp + "$2")
                            .replaceAll("(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)", "$1" + stamp + "$2");
                    data = xml.getBytes(StandardCharsets.UTF_8);
                }
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTime(time);
                zip.putNextEntry(copy);
                zip.write(data);
                zip.closeEntry();
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toByteArray();
    }
}
