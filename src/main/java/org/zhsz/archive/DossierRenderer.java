package org.zhsz.archive;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.FontSelector;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.zhsz.archive.DossierContent.Dimension;
import org.zhsz.archive.DossierContent.Entry;
import org.zhsz.archive.DossierContent.FitnessYear;
import org.zhsz.archive.DossierContent.Signature;
import org.zhsz.archive.DossierContent.Student;
import org.zhsz.archive.DossierContent.Term;

/**
 * Renders a student's dossier (学生综合素质评价档案) as an A4 PDF with subset-embedded CJK fonts, a running
 * header, "第 x 页 共 y 页" on every page, and the verification code as text and as a QR code.
 *
 * <p>Thread-safe: an instance holds no state, and the shared fonts and selectors are only read. Blocking and
 * CPU-bound (a few milliseconds per dossier): call it on {@code Schedulers.boundedElastic()}, never on the
 * event loop. The output is unsigned; {@link PdfSigner} signs it.
 */
public final class DossierRenderer {

    static final String TITLE = "学生综合素质评价档案";
    static final String NO_RECORDS = "本学期无遴选记录";
    static final String DASH = "—";

    private static final ZoneId SCHOOL_ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter DAY_CN = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final DateTimeFormatter MINUTE_CN = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private static final Color INK = new Color(0x1A, 0x1A, 0x1A);
    private static final Color GREY = new Color(0x59, 0x59, 0x59);
    private static final Color RULE = new Color(0x80, 0x80, 0x80);
    private static final Color LABEL_FILL = new Color(0xF0, 0xF1, 0xF3);
    private static final Color HEAD_FILL = new Color(0xE3, 0xE6, 0xEA);
    private static final Color SEAL_RED = new Color(0xB0, 0x1E, 0x23);

    private static final GridTable.Style GRID_CELL = new GridTable.Style(9f, false, INK);
    private static final GridTable.Style GRID_HEAD = new GridTable.Style(9f, true, INK);

    private static final float MARGIN_X = 56f;
    private static final float MARGIN_TOP = 66f;
    private static final float MARGIN_BOTTOM = 62f;

    /** Font selectors by role, built once: constructing one is slow, reading one is thread-safe. */
    private static final class Styles {
        static final FontSelector AUTHORITY = DossierFonts.selector(12f, Font.NORMAL, INK);
        static final FontSelector SCHOOL = DossierFonts.selector(16f, Font.BOLD, INK);
        static final FontSelector TITLE = DossierFonts.selector(24f, Font.BOLD, INK);
        static final FontSelector SUBTITLE = DossierFonts.selector(12f, Font.NORMAL, GREY);
        static final FontSelector H1 = DossierFonts.selector(14f, Font.BOLD, INK);
        static final FontSelector H2 = DossierFonts.selector(12f, Font.BOLD, INK);
        static final FontSelector H3 = DossierFonts.selector(10.5f, Font.BOLD, INK);
        static final FontSelector BODY = DossierFonts.selector(10.5f, Font.NORMAL, INK);
        static final FontSelector CELL = DossierFonts.selector(9f, Font.NORMAL, INK);
        static final FontSelector CELL_HEAD = DossierFonts.selector(9f, Font.BOLD, INK);
        static final FontSelector CODE = DossierFonts.selector(15f, Font.BOLD, INK);
        static final FontSelector SMALL = DossierFonts.selector(8.5f, Font.NORMAL, GREY);
        static final FontSelector SIGNATURE = DossierFonts.selector(11f, Font.NORMAL, INK);
        static final FontSelector SEAL = DossierFonts.selector(10.5f, Font.NORMAL, SEAL_RED);
        /** The paragraphs' own font (used for spacing and empty lines): embedded, so no Helvetica gets referenced. */
        static final Font SPACING = new Font(DossierFonts.primary(), 10.5f, Font.NORMAL, INK);
    }

    public DossierRenderer() {
        // fonts load on first render; touch them here so a misconfigured class path fails at startup
        DossierFonts.primary();
        DossierFonts.fallback();
    }

    /** The dossier as PDF bytes. */
    public byte[] render(DossierContent content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(192 * 1024); // a typical dossier is ~150 KB
        render(content, out);
        return out.toByteArray();
    }

    /** Writes the dossier to {@code out}; the stream is left open. */
    public void render(DossierContent content, OutputStream out) {
        Document document = new Document(PageSize.A4, MARGIN_X, MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setCloseStream(false);
            writer.setCompressionLevel(1);
            writer.setPageEvent(new PageDecorations(content));
            document.addTitle(TITLE + " · " + content.student().name());
            document.addSubject(content.school().name() + " " + TITLE);
            document.addCreator("ZHSZ 综合素质评价平台");
            document.open();
            new Body(content, document, writer).write();
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("cannot render dossier", e);
        } catch (com.lowagie.text.ExceptionConverter e) {
            if (e.getException() instanceof java.io.IOException io) {
                throw new UncheckedIOException(io);
            }
            throw e;
        }
    }

    /** The flowing content of one render; lives for one document only. */
    private static final class Body {
        private final DossierContent content;
        private final Document document;
        private final PdfWriter writer;

        Body(DossierContent content, Document document, PdfWriter writer) {
            this.content = content;
            this.document = document;
            this.writer = writer;
        }

        void write() throws DocumentException {
            cover();
            basicData();
            verificationBox();
            terms();
            fitness();
            portrait();
            approval();
        }

        private void cover() throws DocumentException {
            String authority = content.school().authority();
            if (!isBlank(authority)) {
                document.add(centered(Styles.AUTHORITY, authority, 0f, 4f));
            }
            document.add(centered(Styles.SCHOOL, content.school().name(), 2f, 14f));
            Student s = content.student();
            String subtitle = joinNonBlank(" · ", s.stage(), s.graduationYear() > 0 ? s.graduationYear() + " 届" : null);
            Paragraph title = centered(Styles.TITLE, TITLE, 0f, subtitle.isEmpty() ? 18f : 6f);
            // letter-spaced, the way printed forms set their title; spacing, not spaces, so the text stays searchable
            for (Element chunk : title.getChunks()) {
                ((com.lowagie.text.Chunk) chunk).setCharacterSpacing(5f);
            }
            document.add(title);
            if (!subtitle.isEmpty()) {
                document.add(centered(Styles.SUBTITLE, "（" + subtitle + "）", 0f, 18f));
            }
        }

        private void basicData() throws DocumentException {
            heading("一、学生基本信息");
            Student s = content.student();
            GridTable t = grid(16, 34, 16, 34);
            labelled(t, "姓　　名", s.name(), "性　　别", s.gender());
            labelled(t, "学 籍 号", s.maskedStudentNumber(), "民　　族", s.ethnicity());
            labelled(t, "学　　校", content.school().name(), "班　　级", s.className());
            labelled(t, "学　　段", s.stage(), "入学／毕业",
                    joinNonBlank(" — ", year(s.enrollmentYear(), "入学"), year(s.graduationYear(), "毕业")));
            document.add(t.build(2f, 4f));
        }

        private void verificationBox() throws DocumentException {
            String code = content.verificationCode().formatted();
            PdfPTable box = new PdfPTable(new float[] {74, 26});
            box.setWidthPercentage(100);
            box.setSpacingBefore(12f);
            box.setSpacingAfter(6f);
            box.setKeepTogether(true);

            PdfPCell text = new PdfPCell();
            text.setBorderColor(RULE);
            text.setBorderWidth(0.6f);
            text.setPadding(9f);
            text.setBorderWidthRight(0f);
            text.setUseAscender(true);
            Paragraph h = new Paragraph(15f, "", Styles.SPACING);
            h.add(styled(Styles.H3, "档案核验"));
            h.setSpacingAfter(4f);
            text.addElement(h);
            Paragraph c = new Paragraph(20f, "", Styles.SPACING);
            c.add(styled(Styles.BODY, "验证码："));
            c.add(styled(Styles.CODE, code));
            c.setSpacingAfter(4f);
            text.addElement(c);
            text.addElement(line(Styles.CELL, "核验网址：" + content.verificationUrl()));
            text.addElement(line(Styles.CELL, "生成时间：" + MINUTE_CN.format(content.generatedAt().atZone(SCHOOL_ZONE))
                    + "（北京时间）"));
            Paragraph note = new Paragraph(13f, "", Styles.SPACING);
            note.add(styled(Styles.SMALL, "本档案由学校加盖电子签章。扫描右侧二维码或访问核验网址并输入验证码，"
                    + "可核对档案内容与签章；文件有任何改动，签章即失效。"));
            note.setSpacingBefore(4f);
            text.addElement(note);
            box.addCell(text);

            Image qr = QrCodes.image(content.verificationUrl(), 104f);
            PdfPCell qrCell = new PdfPCell(qr, false);
            qrCell.setBorderColor(RULE);
            qrCell.setBorderWidth(0.6f);
            qrCell.setBorderWidthLeft(0f);
            qrCell.setPadding(6f);
            qrCell.setHorizontalAlignment(Element.ALIGN_CENTER);
            qrCell.setVerticalAlignment(Element.ALIGN_MIDDLE);
            box.addCell(qrCell);
            document.add(box);
        }

        private void terms() throws DocumentException {
            heading("二、学期档案");
            List<Term> terms = content.terms();
            if (terms.isEmpty()) {
                document.add(body("暂无已锁定的学期档案。"));
                return;
            }
            for (int i = 0; i < terms.size(); i++) {
                Term term = terms.get(i);
                keepSpace(110f);
                Paragraph h = new Paragraph(22f, "", Styles.SPACING);
                h.add(styled(Styles.H2, "（" + chineseNumber(i + 1) + "）" + term.name()));
                h.setSpacingBefore(i == 0 ? 2f : 12f);
                h.setSpacingAfter(2f);
                document.add(h);
                records(term);
                text("自我陈述", term.selfStatement());
                text("班主任评语", term.headTeacherComment());
                signatures("签字确认", term.signatures());
            }
        }

        /**
         * One table per term: the column header once (repeated after a page break) and a row per dimension
         * above its records. Cheaper than a table per dimension (every cell is laid out twice by OpenPDF) and
         * the way printed 综评 forms group them.
         */
        private void records(Term term) throws DocumentException {
            keepSpace(80f);
            GridTable t = grid(6, 42, 14, 10, 14, 14);
            t.header(head("序号"), head("记录内容"), head("日期"), head("级别"), head("奖项／等次"), head("时长（小时）"));
            Dimension[] dimensions = Dimension.values();
            for (int d = 0; d < dimensions.length; d++) {
                t.row(new GridTable.Cell((d + 1) + ". " + dimensions[d].label(), GRID_HEAD, Element.ALIGN_LEFT,
                        LABEL_FILL, 6));
                t.keepWithNext(); // a dimension's heading row stays with its first record
                List<Entry> entries = term.section(dimensions[d]).entries();
                if (entries.isEmpty()) {
                    t.row(new GridTable.Cell(NO_RECORDS, GRID_CELL, Element.ALIGN_CENTER, null, 6));
                }
                int n = 1;
                for (Entry e : entries) {
                    t.row(plainCell(Integer.toString(n++)),
                            new GridTable.Cell(e.title(), GRID_CELL, Element.ALIGN_LEFT, null, 1),
                            plainCell(e.date() == null ? DASH : DAY.format(e.date())),
                            plainCell(orDash(e.level())),
                            plainCell(orDash(e.award())),
                            plainCell(e.hours() == null ? DASH : plain(e.hours())));
                }
            }
            document.add(t.build(2f, 4f));
        }

        private void text(String title, String text) throws DocumentException {
            keepSpace(60f);
            subheading(title);
            if (isBlank(text)) {
                document.add(body(DASH));
                return;
            }
            // Chinese prose: each paragraph's first line indented by two characters (首行缩进两字)
            for (String para : text.strip().split("\\R+")) {
                if (para.isBlank()) {
                    continue;
                }
                Paragraph p = body(para.strip());
                p.setFirstLineIndent(21f);
                p.setAlignment(Element.ALIGN_JUSTIFIED);
                document.add(p);
            }
        }

        /** One row, a cell per signer: role, name, date, as on a paper form's signature line. */
        private void signatures(String title, List<Signature> signatures) throws DocumentException {
            keepSpace(90f);
            subheading(title);
            if (signatures.isEmpty()) {
                PdfPTable t = table(new float[] {1});
                t.addCell(cell("未签署", Element.ALIGN_CENTER));
                document.add(t);
                return;
            }
            float[] widths = new float[Math.max(4, signatures.size())];
            java.util.Arrays.fill(widths, 1f);
            PdfPTable t = table(widths);
            t.setKeepTogether(true);
            for (Signature s : signatures) {
                Phrase p = styled(Styles.SMALL, s.role().label());
                p.add(new com.lowagie.text.Chunk("\n", Styles.SPACING));
                p.add(styled(Styles.SIGNATURE, orDash(s.name())));
                p.add(new com.lowagie.text.Chunk("\n", Styles.SPACING));
                p.add(styled(Styles.SMALL, s.date() == null ? "未签署" : DAY_CN.format(s.date())));
                PdfPCell c = new PdfPCell(p);
                style(c, Element.ALIGN_CENTER);
                c.setLeading(0f, 1.6f);
                c.setPaddingBottom(7f);
                t.addCell(c);
            }
            for (int i = signatures.size(); i < widths.length; i++) {
                PdfPCell blank = new PdfPCell();
                style(blank, Element.ALIGN_CENTER);
                t.addCell(blank);
            }
            document.add(t);
        }

        private void fitness() throws DocumentException {
            keepSpace(130f);
            heading("三、体质健康测试");
            document.add(smallNote("依据《国家学生体质健康标准》测试，学年总分满分 120 分（含加分）。"));
            GridTable t = grid(34, 22, 22, 22);
            t.header(head("学年"), head("年级"), head("学年总分"), head("等级"));
            DossierContent.Fitness fitness = content.fitness();
            if (fitness.years().isEmpty()) {
                t.row(new GridTable.Cell("暂无测试成绩", GRID_CELL, Element.ALIGN_CENTER, null, 4));
            }
            for (FitnessYear y : fitness.years()) {
                t.row(plainCell(y.schoolYear()), plainCell(orDash(y.grade())),
                        plainCell(y.totalScore() == null ? DASH : y.totalScore().toPlainString()),
                        plainCell(orDash(y.rating())));
            }
            t.row(new GridTable.Cell("毕业成绩", GRID_HEAD, Element.ALIGN_CENTER, LABEL_FILL, 2),
                    plainCell(fitness.graduationScore() == null ? DASH : fitness.graduationScore().toPlainString()),
                    plainCell(orDash(fitness.graduationRating())));
            document.add(t.build(2f, 4f));
        }

        /** 四、五育成长画像 on a page of its own, when the dossier carries a portrait. */
        private void portrait() throws DocumentException {
            if (content.portrait().isEmpty()) {
                return;
            }
            document.newPage();
            heading("四、五育成长画像");
            document.add(smallNote("按学期汇总审核通过的写实记录和体质健康测试成绩，各维度得分满分 100；"
                    + "不含违纪、视力、出勤和心理健康信息。"));
            for (DossierContent.PortraitTerm t : content.portrait()) {
                keepSpace(150f);
                subheading(t.termName());
                GridTable g = grid(34, 22, 22, 22);
                g.header(head("维度"), head("得分"), head("等级"), head("　"));
                for (DossierContent.PortraitDimension d : t.dimensions()) {
                    g.row(plainCell(d.label()), plainCell(d.score() == null ? DASH : String.valueOf(d.score())),
                            plainCell(orDash(d.level())), plainCell(bar(d.score())));
                }
                document.add(g.build(2f, 2f));
                if (!t.figures().isEmpty()) {
                    document.add(smallNote(t.figures().stream().map(f -> f.label() + " " + f.value())
                            .collect(java.util.stream.Collectors.joining("；"))));
                }
            }
        }

        /** A score as ten steps of ■ and □ (a printed bar that survives any PDF viewer). */
        private static String bar(Integer score) {
            if (score == null) {
                return DASH;
            }
            int full = Math.max(0, Math.min(10, Math.round(score / 10f)));
            return "■".repeat(full) + "□".repeat(10 - full);
        }

        private void approval() throws DocumentException {
            keepSpace(170f);
            heading(content.portrait().isEmpty() ? "四、学校审核意见" : "五、学校审核意见");
            Paragraph p = body("本档案所载内容已在班级公示，公示期内无异议（或异议已核实处理），经学生本人、家长（监护人）、"
                    + "班主任签字确认，学校审核后锁定，一经锁定不得随意更改。");
            p.setFirstLineIndent(21f);
            document.add(p);
            if (!content.approvals().isEmpty()) {
                signatures("学校审核", content.approvals());
            }
            Paragraph seal = new Paragraph(20f, "", Styles.SPACING);
            seal.add(styled(Styles.SEAL, "（" + content.school().name() + " 电子签章）"));
            seal.setAlignment(Element.ALIGN_RIGHT);
            seal.setSpacingBefore(10f);
            document.add(seal);
        }

        // --- building blocks ---

        /** Starts a new page unless {@code points} of vertical space remain: keeps a heading with what follows. */
        private void keepSpace(float points) {
            if (writer.getVerticalPosition(false) - document.bottom() < points) {
                document.newPage();
            }
        }

        private void heading(String text) throws DocumentException {
            keepSpace(90f);
            Paragraph p = new Paragraph(24f, "", Styles.SPACING);
            p.add(styled(Styles.H1, text));
            p.setSpacingBefore(10f);
            p.setSpacingAfter(4f);
            document.add(p);
        }

        private void subheading(String text) throws DocumentException {
            Paragraph p = new Paragraph(18f, "", Styles.SPACING);
            p.add(styled(Styles.H3, text));
            p.setSpacingBefore(6f);
            p.setSpacingAfter(3f);
            document.add(p);
        }

        private static Paragraph body(String text) {
            Paragraph p = new Paragraph(18f, "", Styles.SPACING);
            p.add(styled(Styles.BODY, text));
            return p;
        }

        private static Paragraph smallNote(String text) {
            Paragraph p = new Paragraph(13f, "", Styles.SPACING);
            p.add(styled(Styles.SMALL, text));
            p.setSpacingAfter(2f);
            return p;
        }

        private static Paragraph line(FontSelector style, String text) {
            Paragraph p = new Paragraph(15f, "", Styles.SPACING);
            p.add(styled(style, text));
            return p;
        }

        private static Paragraph centered(FontSelector style, String text, float before, float after) {
            Paragraph p = new Paragraph(style == Styles.TITLE ? 34f : 22f, "", Styles.SPACING);
            p.add(styled(style, text));
            p.setAlignment(Element.ALIGN_CENTER);
            p.setSpacingBefore(before);
            p.setSpacingAfter(after);
            return p;
        }

        private static PdfPTable table(float[] widths) {
            PdfPTable t = new PdfPTable(widths);
            t.setWidthPercentage(100);
            t.setSpacingBefore(2f);
            t.setSpacingAfter(4f);
            return t;
        }

        private static void labelled(GridTable t, String l1, String v1, String l2, String v2) {
            t.row(new GridTable.Cell(l1, GRID_HEAD, Element.ALIGN_CENTER, LABEL_FILL, 1),
                    new GridTable.Cell(orDash(v1), GRID_CELL, Element.ALIGN_LEFT, null, 1),
                    new GridTable.Cell(l2, GRID_HEAD, Element.ALIGN_CENTER, LABEL_FILL, 1),
                    new GridTable.Cell(orDash(v2), GRID_CELL, Element.ALIGN_LEFT, null, 1));
        }

        private GridTable grid(float... widths) {
            return new GridTable(widths, document.right() - document.left(), RULE, 0.5f);
        }

        private static GridTable.Cell head(String text) {
            return new GridTable.Cell(text, GRID_HEAD, Element.ALIGN_CENTER, HEAD_FILL, 1);
        }

        private static GridTable.Cell plainCell(String text) {
            return new GridTable.Cell(text, GRID_CELL, Element.ALIGN_CENTER, null, 1);
        }

        private static PdfPCell cell(String text, int align) {
            PdfPCell c = new PdfPCell(styled(Styles.CELL, text));
            style(c, align);
            return c;
        }

        static void style(PdfPCell c, int align) {
            c.setHorizontalAlignment(align);
            c.setVerticalAlignment(Element.ALIGN_MIDDLE);
            c.setBorderColor(RULE);
            c.setBorderWidth(0.5f);
            c.setPaddingTop(3.5f);
            c.setPaddingBottom(5f);
            c.setPaddingLeft(5f);
            c.setPaddingRight(5f);
            c.setLeading(0f, 1.35f);
            c.setUseAscender(true);
        }
    }

    /**
     * Running header (from page 2), footer with school, "第 x 页 共 y 页" and the verification code on every
     * page. The total is unknown while pages are written, so it goes into a template filled on close.
     */
    private static final class PageDecorations extends PdfPageEventHelper {
        private static final float FOOT_SIZE = 8.5f;

        private final DossierContent content;
        private final String code;
        private PdfTemplate total;
        private int pages;

        PageDecorations(DossierContent content) {
            this.content = content;
            this.code = "验证码 " + content.verificationCode().formatted();
        }

        @Override
        public void onOpenDocument(PdfWriter writer, Document document) {
            total = writer.getDirectContent().createTemplate(40f, 14f);
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            pages++;
            PdfContentByte cb = writer.getDirectContent();
            Rectangle page = document.getPageSize();
            float left = document.left();
            float right = document.right();
            BaseFont font = DossierFonts.primary();

            if (pages > 1) {
                float y = page.getTop() - 40f;
                ColumnText.showTextAligned(cb, Element.ALIGN_LEFT,
                        styled(Styles.SMALL, content.school().name() + " · " + TITLE), left, y, 0);
                ColumnText.showTextAligned(cb, Element.ALIGN_RIGHT,
                        styled(Styles.SMALL, "姓名：" + content.student().name() + "　学籍号："
                                + content.student().maskedStudentNumber()), right, y, 0);
                rule(cb, left, right, y - 5f);
            }

            float y = document.bottom() - 30f;
            rule(cb, left, right, y + 12f);
            ColumnText.showTextAligned(cb, Element.ALIGN_LEFT, styled(Styles.SMALL, content.school().name()), left, y, 0);
            ColumnText.showTextAligned(cb, Element.ALIGN_RIGHT, styled(Styles.SMALL, code), right, y, 0);

            String before = "第 " + pages + " 页 共 ";
            float wBefore = font.getWidthPoint(before, FOOT_SIZE);
            // the total's width is estimated with as many digits as the current page number: at most one digit off centre
            float wAfter = font.getWidthPoint(pages + " 页", FOOT_SIZE);
            float x = (page.getLeft() + page.getRight() - wBefore - wAfter) / 2f;
            cb.beginText();
            cb.setFontAndSize(font, FOOT_SIZE);
            cb.setColorFill(GREY);
            cb.setTextMatrix(x, y);
            cb.showText(before);
            cb.endText();
            cb.addTemplate(total, x + wBefore, y - 4f);
        }

        @Override
        public void onCloseDocument(PdfWriter writer, Document document) {
            total.beginText();
            total.setFontAndSize(DossierFonts.primary(), FOOT_SIZE);
            total.setColorFill(GREY);
            total.setTextMatrix(0f, 4f);
            total.showText(pages + " 页");
            total.endText();
        }

        private static void rule(PdfContentByte cb, float x1, float x2, float y) {
            cb.saveState();
            cb.setColorStroke(RULE);
            cb.setLineWidth(0.4f);
            cb.moveTo(x1, y);
            cb.lineTo(x2, y);
            cb.stroke();
            cb.restoreState();
        }
    }

    // --- formatting helpers ---

    /** Text in a style, split between the primary and fallback fonts, with Chinese line-breaking rules. */
    static Phrase styled(FontSelector style, String s) {
        Phrase phrase = style.process(s);
        for (Element e : phrase) {
            if (e instanceof com.lowagie.text.Chunk chunk) {
                chunk.setSplitCharacter(CjkSplitCharacter.INSTANCE);
            }
        }
        return phrase;
    }

    static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    static String orDash(String s) {
        return isBlank(s) ? DASH : s;
    }

    static String plain(BigDecimal n) {
        return n.stripTrailingZeros().toPlainString();
    }

    private static String year(int year, String what) {
        return year > 0 ? year + " 年" + what : null;
    }

    private static String joinNonBlank(String sep, String... parts) {
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            if (!isBlank(p)) {
                if (sb.length() > 0) {
                    sb.append(sep);
                }
                sb.append(p);
            }
        }
        return sb.toString();
    }

    static String chineseNumber(int n) {
        String[] digits = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
        if (n <= 10) {
            return digits[n];
        }
        if (n < 20) {
            return "十" + digits[n - 10];
        }
        return n % 10 == 0 ? digits[n / 10] + "十" : digits[n / 10] + "十" + digits[n % 10];
    }
}
