package org.zhsz.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The rejected rows of an import as a sheet to fix and upload again: the file's own header and cells, and one more
 * column with the reason (the importers ignore that column, so the corrected sheet uploads as it is). Cells are
 * written as text, exactly as they were read. Blocking: call it on {@code Schedulers.boundedElastic()}.
 */
public final class RejectedRowsSheet {

    private RejectedRowsSheet() {
    }

    public static byte[] write(ImportJobs.Rejected rejected, String sheetName, String reasonHeader,
                               Function<List<FieldError>, String> reason) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(sheetName);
            CellStyle head = wb.createCellStyle();
            Font bold = wb.createFont();
            bold.setBold(true);
            head.setFont(bold);
            CellStyle reasonStyle = wb.createCellStyle();
            reasonStyle.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
            reasonStyle.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            reasonStyle.setWrapText(true);
            CellStyle text = wb.createCellStyle();
            text.setDataFormat(wb.createDataFormat().getFormat("@"));

            List<String> header = rejected.header();
            int width = header.size();
            for (ImportJobs.RejectedRow r : rejected.rows()) {
                width = Math.max(width, r.cells().size());
            }
            Row h = sheet.createRow(0);
            for (int i = 0; i < width; i++) {
                var c = h.createCell(i);
                c.setCellValue(i < header.size() ? header.get(i) : "");
                c.setCellStyle(head);
            }
            var rc = h.createCell(width);
            rc.setCellValue(reasonHeader);
            rc.setCellStyle(head);
            int n = 1;
            for (ImportJobs.RejectedRow r : rejected.rows()) {
                Row row = sheet.createRow(n++);
                for (int i = 0; i < r.cells().size(); i++) {
                    var c = row.createCell(i);
                    c.setCellStyle(text);
                    c.setCellValue(r.cells().get(i));
                }
                var why = row.createCell(width);
                why.setCellValue(reason.apply(r.errors()));
                why.setCellStyle(reasonStyle);
            }
            for (int i = 0; i < width; i++) {
                sheet.setColumnWidth(i, 14 * 256);
            }
            sheet.setColumnWidth(width, 60 * 256);
            sheet.createFreezePane(0, 1);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
