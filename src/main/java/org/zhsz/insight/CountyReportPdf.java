package org.zhsz.insight;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneId;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.zhsz.platform.CjkFonts;

import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.FontSelector;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

/**
 * The county report as PDF (Chinese, A4): per indicator its target and plan item, then the county and each school
 * this year and last, with a bar per value drawn as a table cell whose width is the rate and a mark for the target.
 * The same report gives the same bytes: the dates come from the data ({@code asOf}), and what OpenPDF would draw
 * from the clock or chance (the file id, font subset tags) is replaced by values derived from the content.
 * Blocking: call on {@code Schedulers.boundedElastic()}.
 */
final class CountyReportPdf {

    private static final Color INK = new Color(0x22, 0x22, 0x22);
    private static final Color GREY = new Color(0x77, 0x77, 0x77);
    private static final Color BAR = new Color(0x1f, 0x5f, 0xbf);
    private static final Color BAR_LAST = new Color(0xb8, 0xc8, 0xe0);
    private static final FontSelector TITLE = CjkFonts.selector(16f, Font.BOLD, INK);
    private static final FontSelector HEAD = CjkFonts.selector(11.5f, Font.BOLD, INK);
    private static final FontSelector TEXT = CjkFonts.selector(9.5f, Font.NORMAL, INK);
    private static final FontSelector NOTE = CjkFonts.selector(8.5f, Font.NORMAL, GREY);
    private static final String HIDDEN = "—（人数过少不公布）";

    private CountyReportPdf() {
    }

    static byte[] render(CountyReport.Report r, String countyName) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 40, 40, 36, 36);
        PdfWriter writer = PdfWriter.getInstance(doc, out);
        writer.setCompressionLevel(1);
        doc.addTitle(countyName + " 综合素质评价县域报告 " + r.year());
        doc.addCreator("ZHSZ 综合素质评价平台");
        doc.open();
        Calendar asOf = GregorianCalendar.from(r.asOf().atStartOfDay(ZoneId.of("Asia/Shanghai")));
        asOf.setTimeZone(TimeZone.getTimeZone("Asia/Shanghai"));
        writer.getInfo().put(PdfName.CREATIONDATE, new PdfDate(asOf));
        writer.getInfo().put(PdfName.MODDATE, new PdfDate(asOf));

        doc.add(new Paragraph(TITLE.process(countyName + " " + r.year() + " 学年综合素质评价县域报告")));
        doc.add(new Paragraph(NOTE.process("数据截至 " + r.asOf() + "；与 " + r.previousYear()
                + " 学年对照；目标及依据见各指标（指标与目标文件版本 " + r.targetsVersion() + "）。人数少于 "
                + r.suppressionThreshold() + " 人的数不公布，必要时另隐去一格，以免由合计推算。")));
        for (CountyReport.IndicatorView i : r.indicators()) {
            Paragraph h = new Paragraph(HEAD.process(i.label()));
            h.setSpacingBefore(12);
            doc.add(h);
            String target = i.target() == null ? "目标：—" : "目标：" + (i.higherIsBetter() ? "≥ " : "≤ ")
                    + i.target().stripTrailingZeros().toPlainString() + "%";
            String met = i.met() == null ? "" : i.met() ? "　已达标" : "　未达标";
            doc.add(new Paragraph(TEXT.process(target + met + "　依据：" + i.planItem())));
            PdfPTable t = new PdfPTable(new float[]{2.6f, 1.2f, 1.2f, 4.2f});
            t.setWidthPercentage(100);
            t.setSpacingBefore(4);
            head(t, "学校");
            head(t, r.year());
            head(t, r.previousYear());
            head(t, "本学年（深色）与上学年（浅色），竖线为目标");
            row(t, "全县", i.county(), i.countyPrevious(), i.target());
            for (CountyReport.SchoolValue s : i.schools()) {
                row(t, s.schoolName(), s.rate(), s.previous(), i.target());
            }
            doc.add(t);
        }
        doc.close();
        return normalise(out.toByteArray());
    }

    private static void head(PdfPTable t, String text) {
        PdfPCell c = new PdfPCell(NOTE.process(text));
        c.setBackgroundColor(new Color(0xf2, 0xf4, 0xf7));
        t.addCell(c);
    }

    private static void row(PdfPTable t, String name, BigDecimal now, BigDecimal before, BigDecimal target) {
        t.addCell(new PdfPCell(TEXT.process(name)));
        t.addCell(new PdfPCell(TEXT.process(pct(now))));
        t.addCell(new PdfPCell(TEXT.process(pct(before))));
        PdfPTable bars = new PdfPTable(1);
        bars.setWidthPercentage(100);
        bars.addCell(bar(now, BAR, target));
        bars.addCell(bar(before, BAR_LAST, target));
        PdfPCell holder = new PdfPCell(bars);
        holder.setPadding(2);
        t.addCell(holder);
    }

    /** A bar: a two-column row whose first column is the rate's share of the width, filled; the target marked. */
    private static PdfPCell bar(BigDecimal rate, Color color, BigDecimal target) {
        float v = rate == null ? 0f : Math.max(0.5f, Math.min(99.5f, rate.floatValue()));
        PdfPTable row = new PdfPTable(new float[]{v, 100f - v});
        row.setWidthPercentage(100);
        PdfPCell fill = new PdfPCell();
        fill.setFixedHeight(6);
        fill.setBorder(Rectangle.NO_BORDER);
        fill.setBackgroundColor(rate == null ? Color.WHITE : color);
        PdfPCell rest = new PdfPCell();
        rest.setFixedHeight(6);
        rest.setBorder(Rectangle.NO_BORDER);
        if (target != null && rate != null) {
            // the target as a line on the side where it falls
            boolean inFill = target.floatValue() <= v;
            PdfPCell marked = inFill ? fill : rest;
            marked.setBorder(inFill ? Rectangle.RIGHT : Rectangle.LEFT);
            marked.setBorderColor(new Color(0xc0, 0x39, 0x2b));
            marked.setBorderWidth(1.2f);
        }
        row.addCell(fill);
        row.addCell(rest);
        PdfPCell c = new PdfPCell(row);
        c.setBorder(Rectangle.NO_BORDER);
        c.setPadding(1);
        return c;
    }

    private static String pct(BigDecimal v) {
        return v == null ? HIDDEN : v.toPlainString() + "%";
    }

    private static final Pattern SUBSET = Pattern.compile("/([A-Z]{6})\\+");
    private static final Pattern ID = Pattern.compile("/ID ?\\[ ?<([0-9a-fA-F]{32})> ?<([0-9a-fA-F]{32})> ?\\]");

    /**
     * OpenPDF tags font subsets with random letters and the file with a clock-based id; both are replaced by
     * values of the same length (so every offset stays valid): subset tags in order of appearance, the id from a
     * hash of the rest of the file.
     */
    static byte[] normalise(byte[] pdf) {
        String s = new String(pdf, StandardCharsets.ISO_8859_1);
        Map<String, String> tags = new HashMap<>();
        Matcher m = SUBSET.matcher(s);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String tag = tags.computeIfAbsent(m.group(1), k -> tagOf(tags.size()));
            m.appendReplacement(b, "/" + tag + "+");
        }
        m.appendTail(b);
        s = b.toString();
        Matcher id = ID.matcher(s);
        if (id.find()) {
            String hex = sha(s.substring(0, id.start()));
            s = s.substring(0, id.start(1)) + hex + s.substring(id.end(1), id.start(2)) + hex
                    + s.substring(id.end(2));
        }
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String tagOf(int n) {
        char[] c = "ZHSZAA".toCharArray();
        c[4] = (char) ('A' + (n / 26) % 26);
        c[5] = (char) ('A' + n % 26);
        return new String(c);
    }

    private static String sha(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.ISO_8859_1));
            return HexFormat.of().formatHex(d, 0, 16).toUpperCase(java.util.Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
