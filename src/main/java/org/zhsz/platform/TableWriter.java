package org.zhsz.platform;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes every spreadsheet the platform hands out (CSV and XLSX: statistics, exports, reports, error rows), so
 * that opening one can never run a formula someone typed into a name or a reason (CSV/formula injection):
 * <ul>
 * <li>a text cell whose first non-blank character is {@code = + - @}, a tab or a carriage return (or whose
 * first character is a line feed) is written with a leading apostrophe ({@link #neutralise}), which spreadsheet
 * programs show as text and never evaluate — in CSV and in XLSX alike, so both files read the same;</li>
 * <li>numbers are passed as {@link Number}s and stay numbers (numeric cells; in CSV their plain digits, so -1.5
 * stays -1.5 and sums still work); {@code null} is an empty cell; anything else is written as its text.</li>
 * </ul>
 * CSV is UTF-8 with a BOM (Excel in China opens it correctly) and RFC 4180 quoting; XLSX is POI's streaming
 * workbook, so a large export keeps a bounded window of rows in memory. Blocking: write on
 * {@code Schedulers.boundedElastic()}.
 *
 * <pre>{@code
 * try (TableWriter w = TableWriter.xlsx(out)) {
 *     TableWriter.Sheet s = w.sheet("体测成绩");
 *     s.row("学籍号", "姓名", "身高");
 *     s.row(student.studentNo(), student.name(), new BigDecimal("152.5"));
 * }
 * }</pre>
 * No other class writes CSV or XLSX (an architecture test checks that POI's and Commons CSV's writers are used
 * only here).
 */
public interface TableWriter extends Closeable {

    /** A worksheet (XLSX) or a section of the CSV file, separated from the previous one by a blank line. */
    interface Sheet {
        Sheet row(List<?> cells);

        default Sheet row(Object... cells) {
            return row(Arrays.asList(cells));
        }
    }

    /**
     * Starts a sheet. XLSX: a new worksheet named {@code name} (several may be filled in turns). CSV: a new
     * section; the previous one is finished (rows can no longer be added to it).
     */
    Sheet sheet(String name);

    /** Finishes the file and flushes it; does not close {@code out}. */
    @Override
    void close() throws IOException;

    static TableWriter csv(OutputStream out) {
        return new Csv(out);
    }

    static TableWriter xlsx(OutputStream out) {
        return new Xlsx(out);
    }

    /** The text as a spreadsheet must show it without evaluating it (see the class comment). */
    static String neutralise(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        int i = 0;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\u3000'
                || text.charAt(i) == '\u00A0')) {
            i++;
        }
        char first = i < text.length() ? text.charAt(i) : ' ';
        boolean dangerous = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t'
                || first == '\r' || text.charAt(0) == '\n';
        return dangerous ? "'" + text : text;
    }

    /**
     * The text before {@link #neutralise}: a cell read back from a sheet this platform wrote (an error-row file
     * fixed and uploaded again, a filled-in template) loses the apostrophe neutralise put before it; any other
     * text is returned as it is. {@link TabularReader} applies it to every cell it reads.
     */
    static String restore(String cell) {
        if (cell == null || cell.length() < 2 || cell.charAt(0) != '\'') {
            return cell;
        }
        String rest = cell.substring(1);
        return neutralise(rest).equals(rest) ? cell : rest;
    }

    /** A number for a numeric cell: the value, or null when {@code value} is not a number. */
    private static Double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : null;
    }

    /** CSV, one section at a time. */
    final class Csv implements TableWriter {
        private final Writer writer;
        private final CSVPrinter printer;
        private Sheet current;
        private boolean any;

        Csv(OutputStream out) {
            try {
                this.writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                writer.write('\uFEFF');
                this.printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public Sheet sheet(String name) {
            Sheet s = new Sheet() {
                @Override
                public Sheet row(List<?> cells) {
                    if (current != this) {
                        throw new IllegalStateException("a CSV section is written after the next one started");
                    }
                    try {
                        Object[] out = new Object[cells.size()];
                        for (int i = 0; i < out.length; i++) {
                            out[i] = text(cells.get(i));
                        }
                        printer.printRecord(out);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return this;
                }
            };
            if (any) {
                try {
                    printer.println();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            any = true;
            current = s;
            return s;
        }

        private static String text(Object v) {
            if (v == null) {
                return "";
            }
            if (v instanceof BigDecimal d) {
                return d.toPlainString();
            }
            if (v instanceof Number n) {
                return n.toString();
            }
            return neutralise(v.toString());
        }

        @Override
        public void close() throws IOException {
            printer.flush();
            writer.flush();
        }
    }

    /** XLSX through POI's streaming workbook (a window of 200 rows per sheet in memory). */
    final class Xlsx implements TableWriter {
        private final OutputStream out;
        private final SXSSFWorkbook wb = new SXSSFWorkbook(200);

        Xlsx(OutputStream out) {
            this.out = out;
            wb.setCompressTempFiles(true);
        }

        @Override
        public Sheet sheet(String name) {
            org.apache.poi.ss.usermodel.Sheet sheet = wb.createSheet(name);
            return new Sheet() {
                private int next;

                @Override
                public Sheet row(List<?> cells) {
                    Row row = sheet.createRow(next++);
                    for (int i = 0; i < cells.size(); i++) {
                        Object v = cells.get(i);
                        if (v == null) {
                            continue;
                        }
                        Cell cell = row.createCell(i);
                        Double n = number(v);
                        if (n != null) {
                            cell.setCellValue(n);
                        } else {
                            cell.setCellValue(neutralise(v.toString()));
                        }
                    }
                    return this;
                }
            };
        }

        @Override
        public void close() throws IOException {
            try {
                wb.write(out);
                out.flush();
            } finally {
                wb.dispose(); // the temporary files of the streamed rows
                wb.close();
            }
        }
    }
}
