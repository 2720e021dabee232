package org.zhsz.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Excel 97-2003 (.xls) sheets as schools still keep them: read like XLSX, dates as ISO, numbers as shown. */
class TabularReaderXlsTests {

    @TempDir
    Path dir;

    @Test
    void aLegacyXlsSheetIsReadWithDatesAndNumbersAsExcelShowsThem() throws IOException {
        Path file = dir.resolve("名册.xls");
        try (HSSFWorkbook wb = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            var sheet = wb.createSheet("学生");
            Row h = sheet.createRow(0);
            String[] header = {"学籍号", "姓名", "出生日期", "身高"};
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy年m月d日"));
            Row r = sheet.createRow(1);
            r.createCell(0).setCellValue("G620423201309015611");
            r.createCell(1).setCellValue("马小明");
            var d = r.createCell(2);
            d.setCellValue(LocalDate.of(2013, 9, 1));
            d.setCellStyle(date);
            r.createCell(3).setCellValue(150.2);
            sheet.createRow(2); // an empty row is skipped
            wb.write(out);
        }
        assertThat(TabularReader.sniff(file)).isEqualTo(TabularReader.Format.XLS);
        List<List<String>> rows = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        TabularReader.read(file, (n, cells) -> {
            numbers.add(n);
            rows.add(cells);
        });
        assertThat(numbers).containsExactly(1, 2);
        assertThat(rows.get(0)).containsExactly("学籍号", "姓名", "出生日期", "身高");
        assertThat(rows.get(1)).containsExactly("G620423201309015611", "马小明", "2013-09-01", "150.2");
    }

    @Test
    void aBrokenXlsIsA400NotA500() throws IOException {
        Path file = dir.resolve("bad.xls");
        byte[] ole = new byte[512];
        byte[] magic = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        System.arraycopy(magic, 0, ole, 0, magic.length);
        Files.write(file, ole);
        assertThatThrownBy(() -> TabularReader.read(file, (n, cells) -> { }))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("legacy_xls_unreadable"));
    }
}
