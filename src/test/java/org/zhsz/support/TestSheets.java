package org.zhsz.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Spreadsheets built entry by entry, to make broken and hostile ones a real program would never write. */
public final class TestSheets {

    private TestSheets() {
    }

    public static final String CONTENT_TYPES = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
            + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
            + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
            + "</Types>";
    public static final String RELS = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
            + "</Relationships>";
    public static final String WORKBOOK = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
            + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
            + "<sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
    public static final String WORKBOOK_RELS = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
            + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
            + "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
            + "</Relationships>";
    public static final String STYLES = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"/>";
    public static final String SHEET_START = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";
    public static final String SHEET_END = "</sheetData></worksheet>";

    /** A well-formed workbook whose first sheet is {@code sheetData} rows and whose shared strings are given. */
    public static Map<String, byte[]> workbook(String sheetRows, String sharedStrings) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("[Content_Types].xml", utf8(CONTENT_TYPES));
        m.put("_rels/.rels", utf8(RELS));
        m.put("xl/workbook.xml", utf8(WORKBOOK));
        m.put("xl/_rels/workbook.xml.rels", utf8(WORKBOOK_RELS));
        m.put("xl/styles.xml", utf8(STYLES));
        m.put("xl/sharedStrings.xml", utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">" + sharedStrings + "</sst>"));
        m.put("xl/worksheets/sheet1.xml", utf8(SHEET_START + sheetRows + SHEET_END));
        return m;
    }

    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** A header row and one data row, as inline strings. */
    public static byte[] small() throws IOException {
        return zip(workbook("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>学籍号</t></is></c></row>", ""));
    }

    /**
     * A zip bomb: a normal workbook whose sheet inflates to {@code megabytes} MB of one repeated row (deflate
     * shrinks it about a thousand times).
     */
    public static byte[] bomb(int megabytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(9);
            Map<String, byte[]> base = workbook("", "");
            base.remove("xl/worksheets/sheet1.xml");
            for (Map.Entry<String, byte[]> e : base.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write(utf8(SHEET_START));
            // a header both importers accept, so the rows are read until the bomb is noticed
            StringBuilder header = new StringBuilder("<row>");
            for (String h : new String[]{"学籍号", "姓名", "性别", "出生日期", "班级", "身高"}) {
                header.append("<c t=\"inlineStr\"><is><t>").append(h).append("</t></is></c>");
            }
            zip.write(utf8(header.append("</row>").toString()));
            writeRepeated(zip, "<row><c t=\"inlineStr\"><is><t>0</t></is></c></row>", megabytes * 1024L * 1024);
            zip.write(utf8(SHEET_END));
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    private static void writeRepeated(OutputStream out, String unit, long bytes) throws IOException {
        byte[] u = utf8(unit.repeat(Math.max(1, 65536 / unit.length())));
        for (long n = 0; n < bytes; n += u.length) {
            out.write(u);
        }
    }

    /** Shared strings of {@code count} different short strings (a few MB zipped, far more in memory). */
    public static byte[] hugeSharedStrings(int count) throws IOException {
        StringBuilder sst = new StringBuilder(count * 24);
        for (int i = 0; i < count; i++) {
            sst.append("<si><t>").append(Integer.toString(i, 36)).append("</t></si>");
        }
        return zip(workbook("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>", sst.toString()));
    }

    /** An XML entity expansion ("billion laughs") in the sheet. */
    public static byte[] entityBomb() throws IOException {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY a0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY a").append(i).append(" \"").append(("&a" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>");
        Map<String, byte[]> m = workbook("", "");
        m.put("xl/worksheets/sheet1.xml", utf8(dtd + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                + "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&a9;</t></is></c></row></sheetData></worksheet>"));
        return zip(m);
    }
}
