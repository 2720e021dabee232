package org.zhsz.archive;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PRStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zhsz.archive.DossierContent.Fitness;
import org.zhsz.archive.DossierContent.School;
import org.zhsz.archive.DossierContent.Student;
import org.zhsz.archive.DossierContent.Term;

class DossierRendererTests {

    static final Path OUT = Path.of("target", "dossier");
    static final DossierRenderer renderer = new DossierRenderer();
    static byte[] pdf;
    static Path file;
    static int pages;

    @BeforeAll
    static void render() {
        pdf = renderer.render(SampleDossiers.li());
        file = Poppler.write(OUT, "li-yan.pdf", pdf);
        Matcher m = Pattern.compile("Pages:\\s+(\\d+)").matcher(Poppler.info(file));
        assertThat(m.find()).isTrue();
        pages = Integer.parseInt(m.group(1));
    }

    @Test
    void aReaderSeesTheStudentSectionsAndVerificationCode() {
        String text = Poppler.text(file);
        assertThat(text)
                .contains(SampleDossiers.NAME) // 䶮 is CJK Ext-A, absent from wqy: comes from the fallback font
                .contains("学生综合素质评价档案", "泾源县第一中学", "宁夏回族自治区泾源县教育体育局")
                .contains("一、学生基本信息", "二、学期档案", "三、体质健康测试", "四、学校审核意见")
                .contains("2023—2024学年第一学期", "2023—2024学年第二学期")
                .contains("思想品德", "学业水平", "身心健康", "艺术素养", "劳动与社会实践")
                .contains("自我陈述", "班主任评语", "签字确认", "学生本人", "家长（监护人）", "班主任", "校长（学校审核）")
                .contains("G640424********0123")
                .contains("K7QH-2M9X-PA4T")
                .contains("https://zhsz.jingyuan.edu.cn/verify/K7QH2M9XPA4T")
                .contains("泾源县初中数学学科竞赛", "二等奖", "6.5", "86.0", "88.0", "优秀");
        // the 811-character self-statement is all there, across the page break
        // (minus the running header and footer, which a page break puts in the middle of a paragraph)
        String flat = Poppler.rawText(file).replaceAll("\\s+", "")
                .replaceAll("泾源县第一中学第\\d+页共\\d+页验证码K7QH-2M9X-PA4T", "")
                .replace("泾源县第一中学·学生综合素质评价档案姓名：李䶮学籍号：G640424********0123", "");
        for (String paragraph : SampleDossiers.SELF_STATEMENT.strip().split("\n")) {
            assertThat(flat).contains(paragraph.strip());
        }
    }

    @Test
    void everyPageSaysWhichPageOfHowMany() {
        assertThat(pages).as("two terms and a long self-statement span pages").isGreaterThanOrEqualTo(4);
        // pdftotext drops the narrow spaces between CJK and digits, so compare without white space
        String text = Poppler.text(file);
        String flat = text.replaceAll("\\s+", "");
        for (int page = 1; page <= pages; page++) {
            assertThat(flat).contains("第" + page + "页共" + pages + "页");
        }
        assertThat(flat).doesNotContain("第" + (pages + 1) + "页");
        // the code is in every page's footer
        assertThat(text.split("K7QH-2M9X-PA4T", -1)).hasSizeGreaterThan(pages);
    }

    @Test
    void fontsAreSubsetEmbeddedAndTheRareNameGlyphIsInTheFallbackSubset() throws Exception {
        String fonts = Poppler.fonts(file);
        List<String> rows = fonts.lines().skip(2).toList();
        assertThat(rows).isNotEmpty();
        for (String row : rows) {
            // name type encoding emb sub uni object ID
            assertThat(row).matches("[A-Z]{6}\\+\\S+\\s+CID TrueType\\s+Identity-H\\s+yes\\s+yes\\s+yes\\s+.*");
        }
        assertThat(fonts).contains("WenQuanYi").contains("DroidSansFallback");

        // glyph id of 䶮 in the full font; OpenPDF's subsets keep glyph ids (Identity-H: CID = glyph id)
        java.lang.reflect.Method metrics = DossierFonts.fallback().getClass().getMethod("getMetricsTT", int.class);
        metrics.setAccessible(true); // public method of a package-private OpenPDF class
        int glyph = ((int[]) metrics.invoke(DossierFonts.fallback(), 0x4DAE))[0];
        assertThat(DossierFonts.primary().charExists(0x4DAE)).as("wqy lacks 䶮").isFalse();
        byte[] subset = embeddedFont(pdf, "DroidSansFallback");
        assertThat(glyphLength(subset, glyph)).as("outline of 䶮 in the embedded subset").isGreaterThan(0);
    }

    @Test
    void firstPageLooksLikeADocument() {
        Path png = Poppler.png(file, 1, 60, OUT.resolve("li-yan-page1"));
        assertThat(png).exists().isNotEmptyFile();
        // larger renders for a person to look at: target/dossier/li-yan-page*.png
        for (int page = 1; page <= pages; page++) {
            Poppler.png(file, page, 80, OUT.resolve("li-yan-page" + page + "-80dpi"));
        }
    }

    @Test
    void theQrCodeOnPageOneScansToTheVerificationUrl() throws Exception {
        // page 1 rasterised at 150 dpi (the code is 3.7 cm wide: ~5.8 px per module), decoded with ZXing's reader
        Path png = Poppler.png(file, 1, 150, OUT.resolve("li-yan-page1-150dpi"));
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        com.google.zxing.BinaryBitmap bitmap = new com.google.zxing.BinaryBitmap(new com.google.zxing.common.HybridBinarizer(
                new com.google.zxing.RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        com.google.zxing.Result result = new com.google.zxing.qrcode.QRCodeReader().decode(bitmap,
                java.util.Map.of(com.google.zxing.DecodeHintType.TRY_HARDER, Boolean.TRUE));
        assertThat(result.getText()).isEqualTo(SampleDossiers.li().verificationUrl());
    }

    @Test
    void rendersConcurrentlyWithTheSameText() throws Exception {
        String expected = Poppler.rawText(file);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> futures = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                futures.add(pool.submit(() -> renderer.render(SampleDossiers.li())));
            }
            Set<String> texts = new HashSet<>();
            int i = 0;
            for (Future<byte[]> f : futures) {
                Path p = Poppler.write(OUT, "concurrent-" + (i++) + ".pdf", f.get());
                texts.add(Poppler.rawText(p));
            }
            assertThat(texts).containsExactly(expected);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void rendersADossierWithNothingOptional() {
        DossierContent bare = new DossierContent(
                new School("泾源县第二中学", null),
                new Student("马小花", null, null, "G640424********0456", null, null, 0, 0),
                List.of(new Term("2024—2025学年第一学期", List.of(), null, " ", List.of())),
                new Fitness(List.of(), null, null),
                List.of(),
                new VerificationCode("ABCD2345EFGH"),
                "https://example.org/v/ABCD2345EFGH",
                Instant.parse("2025-01-01T00:00:00Z"));
        Path p = Poppler.write(OUT, "bare.pdf", renderer.render(bare));
        String text = Poppler.text(p);
        assertThat(text).contains("马小花", DossierRenderer.NO_RECORDS, "暂无测试成绩", "未签署", "ABCD-2345-EFGH");
        assertThat(text.replaceAll("\\s+", "")).containsPattern("第1页共[12]页");
    }

    @Test
    void aPortraitPrintsOnAPageOfItsOwnBeforeTheSchoolsApproval() {
        DossierContent li = SampleDossiers.li();
        DossierContent.PortraitTerm term = new DossierContent.PortraitTerm("2023—2024学年第二学期", List.of(
                new DossierContent.PortraitDimension("思想品德", 80, "良好"),
                new DossierContent.PortraitDimension("学业水平", 100, "优秀"),
                new DossierContent.PortraitDimension("社会实践", null, null)),
                List.of(new DossierContent.PortraitFigure("审核通过的写实记录", "7 条"),
                        new DossierContent.PortraitFigure("劳动时长", "12.5 小时")));
        DossierContent withPortrait = new DossierContent(li.school(), li.student(), li.terms(), li.fitness(),
                li.approvals(), li.verificationCode(), li.verificationUrl(), li.generatedAt(), List.of(term));
        Path p = Poppler.write(OUT, "portrait.pdf", renderer.render(withPortrait));
        String flat = Poppler.text(p).replaceAll("\\s+", "");
        assertThat(flat).contains("四、五育成长画像", "2023—2024学年第二学期", "审核通过的写实记录7条", "劳动时长12.5小时",
                "思想品德80良好", "学业水平100优秀", "■■■■■■■■□□", "五、学校审核意见");
        assertThat(flat.indexOf("四、五育成长画像")).isGreaterThan(flat.indexOf("三、体质健康测试"))
                .isLessThan(flat.indexOf("五、学校审核意见"));
        // without a portrait the dossier reads as before
        assertThat(Poppler.text(file)).doesNotContain("五育成长画像").contains("四、学校审核意见");
    }

    /** The FontFile2 bytes of the embedded font whose name contains {@code name}. */
    static byte[] embeddedFont(byte[] pdf, String name) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        try {
            for (int i = 1; i <= reader.getXrefSize(); i++) {
                if (!(reader.getPdfObject(i) instanceof PdfDictionary d)
                        || !PdfName.FONTDESCRIPTOR.equals(d.getAsName(PdfName.TYPE))) {
                    continue;
                }
                PdfName fontName = d.getAsName(PdfName.FONTNAME);
                if (fontName != null && fontName.toString().contains(name)) {
                    PRStream stream = (PRStream) PdfReader.getPdfObject(d.get(PdfName.FONTFILE2));
                    return PdfReader.getStreamBytes(stream);
                }
            }
        } finally {
            reader.close();
        }
        throw new AssertionError("no embedded font " + name);
    }

    /** Byte length of a glyph's outline in a TrueType font (0 when the subset left it empty). */
    static int glyphLength(byte[] ttf, int glyph) {
        ByteBuffer b = ByteBuffer.wrap(ttf);
        int numTables = b.getShort(4) & 0xffff;
        int head = -1;
        int loca = -1;
        for (int i = 0; i < numTables; i++) {
            int rec = 12 + 16 * i;
            String tag = new String(ttf, rec, 4, java.nio.charset.StandardCharsets.US_ASCII);
            int offset = b.getInt(rec + 8);
            if (tag.equals("head")) {
                head = offset;
            } else if (tag.equals("loca")) {
                loca = offset;
            }
        }
        boolean longOffsets = b.getShort(head + 50) == 1;
        if (longOffsets) {
            return b.getInt(loca + 4 * (glyph + 1)) - b.getInt(loca + 4 * glyph);
        }
        return 2 * ((b.getShort(loca + 2 * (glyph + 1)) & 0xffff) - (b.getShort(loca + 2 * glyph) & 0xffff));
    }
}
