package org.zhsz.platform;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ooxml.util.SAXHelper;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Streams the rows of an uploaded CSV or XLSX file, one row at a time, so a 100,000-row sheet never sits in
 * memory. CSV may be UTF-8 (with or without BOM) or GB18030/GBK, as Excel in China writes it. Blocking: call
 * it on {@code Schedulers.boundedElastic()}.
 */
public final class TabularReader {

    /** Receives each row: its 1-based number in the file (the header is row 1) and its cells as text. */
    @FunctionalInterface
    public interface RowHandler {
        void row(int rowNumber, List<String> cells);
    }

    public enum Format { CSV, XLSX, XLS }

    private TabularReader() {
    }

    /** XLSX by the ZIP magic number, legacy XLS by the OLE2 one, CSV otherwise; the file name is not trusted. */
    public static Format sniff(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            if (head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
                return Format.XLSX;
            }
            if (head.length >= 4 && (head[0] & 0xff) == 0xD0 && (head[1] & 0xff) == 0xCF
                    && (head[2] & 0xff) == 0x11 && (head[3] & 0xff) == 0xE0) {
                return Format.XLS;
            }
            return Format.CSV;
        }
    }

    public static void read(Path file, RowHandler handler) throws IOException {
        switch (sniff(file)) {
            case XLSX -> readXlsx(file, handler);
            case XLS -> readXls(file, handler);
            default -> readCsv(file, handler);
        }
    }

    /**
     * Excel 97-2003 sheets (at most 65,536 rows, so the whole workbook may sit in memory): the first sheet, cells
     * as Excel shows them, dates as ISO yyyy-MM-dd like the XLSX path.
     */
    static void readXls(Path file, RowHandler handler) throws IOException {
        org.apache.poi.hssf.usermodel.HSSFWorkbook wb;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            wb = new org.apache.poi.hssf.usermodel.HSSFWorkbook(in);
        } catch (IOException | RuntimeException e) {
            // not a readable Excel 97-2003 workbook (truncated, encrypted, an older BIFF): the file, not the server
            throw Problems.badRequest("legacy_xls_unreadable", "This .xls file could not be read");
        }
        try (wb) {
            if (wb.getNumberOfSheets() == 0) {
                return;
            }
            org.apache.poi.ss.usermodel.Sheet sheet = wb.getSheetAt(0);
            IsoDateFormatter formatter = new IsoDateFormatter();
            org.apache.poi.ss.usermodel.FormulaEvaluator evaluator = wb.getCreationHelper().createFormulaEvaluator();
            for (org.apache.poi.ss.usermodel.Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    org.apache.poi.ss.usermodel.Cell cell = row.getCell(c);
                    String v;
                    if (cell == null) {
                        v = "";
                    } else if (isDate(cell)) {
                        v = cell.getLocalDateTimeCellValue().toLocalDate().toString();
                    } else {
                        v = format(formatter, evaluator, cell);
                    }
                    cells.add(v == null ? "" : v.trim());
                }
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                handler.row(row.getRowNum() + 1, cells);
            }
        }
    }

    static Charset detectCharset(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return Charset.forName("GB18030");
        }
    }

    static void readCsv(Path file, RowHandler handler) throws IOException {
        Charset cs = detectCharset(file);
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            raw.mark(3);
            byte[] bom = raw.readNBytes(3);
            if (!(bom.length == 3 && (bom[0] & 0xff) == 0xEF && (bom[1] & 0xff) == 0xBB && (bom[2] & 0xff) == 0xBF)) {
                raw.reset();
            }
            Reader reader = new InputStreamReader(raw, cs);
            CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).setTrim(true).get();
            try (CSVParser parser = CSVParser.parse(reader, format)) {
                int n = 0;
                for (CSVRecord rec : parser) {
                    n++;
                    List<String> cells = new ArrayList<>(rec.size());
                    rec.forEach(cells::add);
                    if (cells.stream().allMatch(String::isBlank)) {
                        continue;
                    }
                    handler.row(n, cells);
                }
            } catch (java.io.UncheckedIOException e) {
                throw Problems.badRequest("unreadable_file", "The CSV file could not be read");
            }
        }
    }

    static void readXlsx(Path file, RowHandler handler) throws IOException {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                return;
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader xml = SAXHelper.newXMLReader();
                xml.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings,
                        new Collector(handler), new IsoDateFormatter(), false));
                xml.parse(new InputSource(sheet));
            }
        } catch (OpenXML4JException | SAXException | ParserConfigurationException
                 | org.apache.poi.UnsupportedFileFormatException e) {
            throw Problems.badRequest("unreadable_file", "The spreadsheet could not be read");
        }
    }

    /** Dates leave as ISO yyyy-MM-dd whatever the cell's display format, so importers parse one form. */
    /** As Excel shows the cell; a formula POI cannot evaluate shows its last computed value. */
    private static String format(org.apache.poi.ss.usermodel.DataFormatter formatter,
                                 org.apache.poi.ss.usermodel.FormulaEvaluator evaluator,
                                 org.apache.poi.ss.usermodel.Cell cell) {
        try {
            return formatter.formatCellValue(cell, evaluator);
        } catch (RuntimeException e) {
            return cell.getCellType() == org.apache.poi.ss.usermodel.CellType.FORMULA
                    && cell.getCachedFormulaResultType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                    ? formatter.formatRawCellContents(cell.getNumericCellValue(), -1, "General")
                    : cell.toString();
        }
    }

    private static boolean isDate(org.apache.poi.ss.usermodel.Cell cell) {
        org.apache.poi.ss.usermodel.CellType type = cell.getCellType() == org.apache.poi.ss.usermodel.CellType.FORMULA
                ? cell.getCachedFormulaResultType() : cell.getCellType();
        return type == org.apache.poi.ss.usermodel.CellType.NUMERIC
                && org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(cell);
    }

    private static final class IsoDateFormatter extends org.apache.poi.ss.usermodel.DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
            if (org.apache.poi.ss.usermodel.DateUtil.isADateFormat(formatIndex, formatString)
                    && org.apache.poi.ss.usermodel.DateUtil.isValidExcelDate(value)) {
                return org.apache.poi.ss.usermodel.DateUtil.getLocalDateTime(value, use1904).toLocalDate().toString();
            }
            return super.formatRawCellContents(value, formatIndex, formatString, use1904);
        }
    }

    private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final RowHandler handler;
        private List<String> cells;

        Collector(RowHandler handler) {
            this.handler = handler;
        }

        @Override
        public void startRow(int rowNum) {
            cells = new ArrayList<>();
        }

        @Override
        public void endRow(int rowNum) {
            if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
                return;
            }
            handler.row(rowNum + 1, cells);
        }

        @Override
        public void cell(String ref, String value, XSSFComment comment) {
            int col = new org.apache.poi.ss.util.CellReference(ref).getCol();
            while (cells.size() < col) {
                cells.add("");
            }
            cells.add(value == null ? "" : value.trim());
        }
    }
}
