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
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Streams the rows of an uploaded CSV or XLSX file, one row at a time, so a 100,000-row sheet never sits in
 * memory. CSV may be UTF-8 (with or without BOM) or GB18030/GBK, as Excel in China writes it. Blocking: call
 * it on {@code Schedulers.boundedElastic()}.
 *
 * <p>Broken and hostile files end in a problem, never a 500: binary data that is neither CSV, XLSX nor an OLE2
 * file is a 415; an OLE2 file that is not a readable .xls (an encrypted workbook, a Word file, cut short) is a
 * 400; a zip bomb (a part inflating more than 100
 * times, or past {@link #MAX_PART_BYTES}), more than {@link #MAX_ZIP_ENTRIES} entries, shared strings past
 * {@link #MAX_SHARED_STRINGS_BYTES} or styles past {@link #MAX_STYLES_BYTES} are a 413; anything else POI cannot
 * read (truncated, not a zip, no workbook, a DOCTYPE/entity expansion) is a 400. The POI limits are set once,
 * deliberately, here.
 */
public final class TabularReader {

    /** A part of an XLSX may inflate to at most this (a 200,000-row fitness sheet is about 110 MB of XML). */
    public static final long MAX_PART_BYTES = 256L * 1024 * 1024;
    /** Inflated / compressed beyond 100:1 is a zip bomb (real sheets are 5–30:1). */
    public static final double MIN_INFLATE_RATIO = 0.01;
    /** Shared strings are held in memory while the sheet streams: 32 MB of XML is ~1.5 million strings. */
    public static final long MAX_SHARED_STRINGS_BYTES = 32L * 1024 * 1024;
    /** Styles are parsed into memory too. */
    public static final long MAX_STYLES_BYTES = 8L * 1024 * 1024;
    public static final int MAX_ZIP_ENTRIES = 1000;

    static {
        org.apache.poi.openxml4j.util.ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        org.apache.poi.openxml4j.util.ZipSecureFile.setMaxEntrySize(MAX_PART_BYTES);
        org.apache.poi.openxml4j.util.ZipSecureFile.setMaxFileCount(MAX_ZIP_ENTRIES);
        // no single byte array POI allocates while reading may pass the part limit
        org.apache.poi.util.IOUtils.setByteArrayMaxOverride((int) Math.min(MAX_PART_BYTES, Integer.MAX_VALUE - 8));
    }

    /** Receives each row: its 1-based number in the file (the header is row 1) and its cells as text. */
    @FunctionalInterface
    public interface RowHandler {
        void row(int rowNumber, List<String> cells);
    }

    public enum Format { CSV, XLSX, XLS }

    private TabularReader() {
    }

    /**
     * XLSX by the ZIP magic number, legacy XLS by the OLE2 one, CSV for text; other binary data is a 415. The file
     * name is not trusted.
     */
    public static Format sniff(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(8192);
            if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
                return Format.XLSX;
            }
            if (head.length >= 4 && (head[0] & 0xff) == 0xD0 && (head[1] & 0xff) == 0xCF
                    && (head[2] & 0xff) == 0x11 && (head[3] & 0xff) == 0xE0) {
                return Format.XLS;
            }
            for (byte b : head) {
                if (b == 0) { // no CSV in UTF-8 or GB18030 has a NUL byte; images, zips cut short, executables do
                    throw Problems.unsupportedMediaType("Only CSV, XLSX and XLS files are accepted");
                }
            }
            return Format.CSV;
        }
    }

    /**
     * Reads the rows of a CSV, XLSX or XLS file; a cell {@link TableWriter} neutralised (a leading apostrophe before
     * {@code = + - @}) is handed over as it was before, so the platform's own sheets upload again unchanged.
     */
    public static void read(Path file, RowHandler rows) throws IOException {
        RowHandler handler = (n, cells) -> rows.row(n, cells.stream().map(TableWriter::restore)
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new)));
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
            ReadOnlySharedStringsTable strings = sharedStrings(pkg);
            StylesTable styles = styles(pkg);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                return;
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader xml = SAXHelper.newXMLReader();
                xml.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, new Collector(handler),
                        new IsoDateFormatter(), false));
                xml.parse(new InputSource(sheet));
            }
        } catch (ApiException e) {
            throw e; // a row limit, a refused row: the importer's own answer
        } catch (IOException e) {
            throw refusal(e);
        } catch (OpenXML4JException | SAXException | ParserConfigurationException
                 | org.apache.poi.ooxml.POIXMLException
                 | org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException
                 | org.apache.poi.util.RecordFormatException | IllegalArgumentException | IllegalStateException
                 | ClassCastException | UnsupportedOperationException e) {
            throw refusal(e);
        }
    }

    /** Our own limit (possibly wrapped by the XML parser), a POI bomb guard (413), or unreadable (400). */
    private static ApiException refusal(Throwable e) {
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof ApiException api) {
                return api;
            }
        }
        return isBomb(e) ? tooBig() : unreadable();
    }

    private static ApiException unreadable() {
        return Problems.badRequest("unreadable_file", "The spreadsheet could not be read");
    }

    private static ApiException tooBig() {
        return new ApiException(org.springframework.http.HttpStatus.CONTENT_TOO_LARGE, "spreadsheet_too_large",
                "The spreadsheet expands to more data than an import may hold (a zip bomb?)", List.of(),
                java.util.Map.of());
    }

    /** POI's zip-bomb and size guards, wherever in the cause chain they surfaced. */
    private static boolean isBomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("Zip bomb") || m.contains("zip-bomb") || m.contains("exceeds the max")
                    || m.contains("MaxFileCount") || m.contains("Tried to read data but the maximum length")
                    || m.contains("Tried to allocate an array of length")) {
                return true;
            }
            if (t == t.getCause()) {
                break;
            }
        }
        return false;
    }

    /** The shared strings, refused beyond {@link #MAX_SHARED_STRINGS_BYTES} of XML. */
    private static ReadOnlySharedStringsTable sharedStrings(OPCPackage pkg) throws IOException, SAXException {
        List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
        if (parts.isEmpty()) {
            return new ReadOnlySharedStringsTable(pkg, false); // none: an empty table (inline strings only)
        }
        try (InputStream in = new Limited(parts.get(0).getInputStream(), MAX_SHARED_STRINGS_BYTES)) {
            return new ReadOnlySharedStringsTable(in, false);
        }
    }

    /** The styles (number formats, so dates come out as dates), refused beyond {@link #MAX_STYLES_BYTES}. */
    private static StylesTable styles(OPCPackage pkg) throws IOException {
        List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.STYLES.getContentType());
        if (parts.isEmpty()) {
            return null;
        }
        try (InputStream in = new Limited(parts.get(0).getInputStream(), MAX_STYLES_BYTES)) {
            return new StylesTable(in);
        }
    }

    /** Stops reading a part past {@code max} bytes with the same 413 as a zip bomb. */
    private static final class Limited extends java.io.FilterInputStream {
        private final long max;
        private long read;

        Limited(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(long n) {
            read += n;
            if (read > max) {
                throw tooBig();
            }
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
            // the r attribute is optional: without it a cell is the next one in its row
            int col = ref == null ? cells.size() : new org.apache.poi.ss.util.CellReference(ref).getCol();
            while (cells.size() < col) {
                cells.add("");
            }
            cells.add(value == null ? "" : value.trim());
        }
    }
}
