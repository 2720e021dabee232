package org.zhsz.platform;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.List;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.FontSelector;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

/**
 * Printable account slips (账号卡): one box per person, four to an A4 page, to be cut apart and handed out — the
 * person's name, who they are, the username, the one-time password and where to log in. Blocking (OpenPDF): call
 * on {@code Schedulers.boundedElastic()}. The PDF is the only place a temporary password is written; the response
 * is sent with {@code Cache-Control: no-store} and nothing keeps it.
 */
public final class AccountSlips {

    /**
     * @param name     the person's name
     * @param who      what they are, e.g. "学生 · 七年级(1)班" or "家长 · 马思远的父亲"
     * @param username the login name
     * @param password the one-time password
     */
    public record Slip(String name, String who, String username, String password) {
    }

    private static final Color INK = new Color(0x22, 0x22, 0x22);
    private static final Color GREY = new Color(0x66, 0x66, 0x66);
    private static final FontSelector TITLE = CjkFonts.selector(13f, Font.BOLD, INK);
    private static final FontSelector LABEL = CjkFonts.selector(10.5f, Font.NORMAL, GREY);
    private static final FontSelector VALUE = CjkFonts.selector(12f, Font.NORMAL, INK);
    private static final FontSelector SECRET = CjkFonts.selector(16f, Font.BOLD, INK);
    private static final FontSelector NOTE = CjkFonts.selector(9f, Font.NORMAL, GREY);

    private AccountSlips() {
    }

    /** The slips; with none, one page saying that every account already exists. */
    public static byte[] render(String schoolName, String groupName, String loginUrl, List<Slip> slips) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 36, 36, 30, 30);
        PdfWriter writer = PdfWriter.getInstance(doc, out);
        writer.setCompressionLevel(1);
        doc.addTitle("账号卡 " + schoolName + " " + groupName);
        doc.addCreator("ZHSZ 综合素质评价平台");
        doc.open();
        if (slips.isEmpty()) {
            doc.add(new Paragraph(TITLE.process(schoolName + " " + groupName + "：所有学生和家长均已有账号，本次没有新建账号。")));
        } else {
            PdfPTable table = new PdfPTable(1);
            table.setWidthPercentage(100);
            float height = (PageSize.A4.getHeight() - 60) / 4 - 2;
            for (Slip s : slips) {
                table.addCell(slip(schoolName, groupName, loginUrl, s, height));
            }
            doc.add(table);
        }
        doc.close();
        return out.toByteArray();
    }

    private static PdfPCell slip(String school, String group, String loginUrl, Slip s, float height) {
        PdfPTable inner = new PdfPTable(new float[]{1.1f, 3.4f});
        inner.setWidthPercentage(100);
        PdfPCell title = new PdfPCell(TITLE.process("综合素质评价平台 账号卡　" + school + " " + group));
        title.setColspan(2);
        title.setBorder(Rectangle.NO_BORDER);
        title.setPaddingBottom(8);
        inner.addCell(title);
        row(inner, "姓名", VALUE.process(s.name()));
        row(inner, "身份", VALUE.process(s.who()));
        row(inner, "账号", SECRET.process(s.username()));
        row(inner, "初始密码", SECRET.process(s.password()));
        row(inner, "登录网址", VALUE.process(loginUrl));
        PdfPCell note = new PdfPCell(NOTE.process("首次登录时须设置新密码，初始密码随即失效。请本人妥善保管本卡，不要转交或告诉他人；"
                + "设置新密码后请销毁本卡。忘记密码请联系班主任或学校教务处。"));
        note.setColspan(2);
        note.setBorder(Rectangle.NO_BORDER);
        note.setPaddingTop(8);
        inner.addCell(note);

        PdfPCell cell = new PdfPCell(inner);
        cell.setFixedHeight(height);
        cell.setPadding(14);
        cell.setBorderColor(new Color(0xAA, 0xAA, 0xAA));
        cell.setBorderWidth(0.6f);
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        return cell;
    }

    private static void row(PdfPTable t, String label, Phrase value) {
        PdfPCell l = new PdfPCell(LABEL.process(label));
        l.setBorder(Rectangle.NO_BORDER);
        l.setPaddingBottom(5);
        t.addCell(l);
        PdfPCell v = new PdfPCell(value);
        v.setBorder(Rectangle.NO_BORDER);
        v.setPaddingBottom(5);
        t.addCell(v);
    }
}
