package org.zhsz.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;

/**
 * Spreadsheets never carry a formula a person typed: text that a spreadsheet program would evaluate gets a leading
 * apostrophe in CSV and XLSX alike, numbers stay numbers, and no code outside the platform writes CSV or XLSX.
 */
class TableWriterTests {

    static final List<String> HOSTILE = List.of("=1+1", "=HYPERLINK(\"http://evil.example\",\"点击\")",
            "+SUM(A1:A9)", "-2+3", "@SUM(A:A)", "\tcmd", "\r=1", "=cmd|' /C calc'!A0", "  =1+1", "\u3000=1+1");

    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "+1", "-1", "@x", "\t=1", "\r=1", " =1", "\u3000-1", "\n=1"})
    void triggersAreNeutralised(String s) {
        assertThat(TableWriter.neutralise(s)).isEqualTo("'" + s);
    }

    @ParameterizedTest
    @ValueSource(strings = {"马思远", "1+1", "a=b", "1000米跑", "3'55\"", "", "优秀", "'=already quoted"})
    void ordinaryTextIsUnchanged(String s) {
        assertThat(TableWriter.neutralise(s)).isEqualTo(s);
    }

    private static byte[] write(boolean xlsx) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TableWriter w = xlsx ? TableWriter.xlsx(out) : TableWriter.csv(out)) {
            TableWriter.Sheet s = w.sheet("数据");
            s.row("姓名", "值", "说明");
            for (String h : HOSTILE) {
                s.row(h, new BigDecimal("-1.5"), "逗号,引号\"和\n换行");
            }
            s.row("合计", -7, null);
            w.sheet("第二页").row("x", 2.25);
        }
        return out.toByteArray();
    }

    @Test
    void csvCellsAreNeutralisedQuotedAndNumbersStayNumbers() throws IOException {
        String text = new String(write(false), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF姓名,值,说明\r\n");
        List<CSVRecord> rows = CSVFormat.DEFAULT.parse(new StringReader(text.substring(1))).getRecords();
        for (int i = 0; i < HOSTILE.size(); i++) {
            CSVRecord r = rows.get(i + 1);
            assertThat(r.get(0)).isEqualTo("'" + HOSTILE.get(i));
            assertThat(r.get(1)).isEqualTo("-1.5");
            assertThat(r.get(2)).isEqualTo("逗号,引号\"和\n换行");
        }
        assertThat(rows.get(HOSTILE.size() + 1).get(1)).isEqualTo("-7");
        assertThat(rows.get(HOSTILE.size() + 2).values()).containsExactly("x", "2.25");
        assertThat(text).as("a blank line between sections").contains("\r\n\r\nx,2.25\r\n");
    }

    @Test
    void xlsxTextCellsAreNeutralisedAndNumbersAreNumericCells() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(write(true)))) {
            assertThat(wb.getSheetName(0)).isEqualTo("数据");
            assertThat(wb.getSheetName(1)).isEqualTo("第二页");
            for (int i = 0; i < HOSTILE.size(); i++) {
                Row r = wb.getSheetAt(0).getRow(i + 1);
                assertThat(r.getCell(0).getCellType()).isEqualTo(CellType.STRING);
                assertThat(r.getCell(0).getStringCellValue()).isEqualTo("'" + HOSTILE.get(i));
                assertThat(r.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(r.getCell(1).getNumericCellValue()).isEqualTo(-1.5);
            }
            for (Row r : wb.getSheetAt(0)) {
                for (Cell c : r) {
                    assertThat(c.getCellType()).as("never a formula").isNotEqualTo(CellType.FORMULA);
                }
            }
            assertThat(wb.getSheetAt(1).getRow(0).getCell(1).getNumericCellValue()).isEqualTo(2.25);
        }
    }

    @Test
    void onlyThePlatformWritesSpreadsheets() {
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.zhsz");
        // The two import templates need POI's data validation, named lists and styles, which TableWriter does not
        // offer; every value they take from the data (student names, numbers, class names) goes through
        // TableWriter.neutralise (SpreadsheetInjectionTests downloads the fitness template with a hostile name).
        ArchRuleDefinition.noClasses().that().resideOutsideOfPackage("org.zhsz.platform..")
                .and().haveNameNotMatching("org\\.zhsz\\.(fitness\\.FitnessTemplate|student\\.RosterTemplate)(\\$.*)?")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.poi..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.apache.commons.csv.CSVPrinter")
                .because("every CSV/XLSX the platform writes goes through platform.TableWriter, which neutralises "
                        + "formulas; reading goes through platform.TabularReader")
                .check(classes);
    }
}
