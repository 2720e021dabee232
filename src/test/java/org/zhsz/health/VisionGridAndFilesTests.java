package org.zhsz.health;

import org.zhsz.support.Json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.zhsz.support.DemoUsers.jwt;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.zhsz.support.ZhszTest;

/**
 * The school doctor's class grid (one request per class, each row standing alone), the sheet export and import (a
 * round trip changes nothing, bad rows are reported and change nothing), and the school's and county's statistics.
 */
@ZhszTest
class VisionGridAndFilesTests {

    @Autowired
    WebTestClient web;

    private final String year = VisionApiTests.year();

    private WebTestClient slow() {
        return web.mutate().responseTimeout(java.time.Duration.ofSeconds(60)).build();
    }

    Map<String, Object> grid(String user, String classId) {
        return Json.map(web.mutateWith(jwt(user)).get().uri("/api/v1/classes/{c}/vision?year={y}", classId, year)
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody());
    }

    static Map<String, Object> row(Map<String, Object> grid, String studentId) {
        for (Object r : Json.list(grid.get("rows"))) {
            if (studentId.equals(Json.map(r).get("studentId"))) {
                return Json.map(r);
            }
        }
        throw new AssertionError("no row " + studentId);
    }

    @Test
    void theGridShowsValuesToTheDoctorAndAdviceOnlyToOtherTeachers() {
        Map<String, Object> doctor = grid("doctor_s1", "S1-C2");
        assertThat(doctor.get("detail")).isEqualTo(true);
        assertThat(doctor.get("writable")).isEqualTo(true);
        assertThat(doctor.get("members")).isEqualTo(40);
        assertThat((Integer) doctor.get("screened")).isGreaterThan(30);
        Map<String, Object> first = Json.map(row(doctor, "S1-C2-02").get("result"));
        assertThat(first).containsKeys("left", "right", "category", "advice");

        Map<String, Object> math = grid("teacher_c2", "S1-C2");
        assertThat(math.get("detail")).isEqualTo(false);
        assertThat(math.get("writable")).isEqualTo(false);
        Map<String, Object> advice = Json.map(row(math, "S1-C2-02").get("result"));
        assertThat(advice).containsKey("checkupAdvised").doesNotContainKeys("left", "right", "category", "advice");
        assertThat(math.get("advised")).isEqualTo(doctor.get("advised"));

        web.mutateWith(jwt("student_c2a")).get().uri("/api/v1/classes/S1-C2/vision").exchange()
                .expectStatus().isForbidden();
        web.mutateWith(jwt("admin_s2")).get().uri("/api/v1/classes/S1-C2/vision").exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void eachGridRowStandsAlone() {
        Map<String, Object> before = grid("doctor_s1", "S1-C1");
        assertThat(row(before, "S1-C1-40").get("result")).isNull();   // left unscreened by the demo data
        Map<String, Object> stored = Json.map(row(before, "S1-C1-03").get("result"));
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(Map.of("studentId", "S1-C1-40", "left", Map.of("uncorrected", "4.9", "sphere", "-0.50"),
                "right", Map.of("uncorrected", "5.1")));
        rows.add(Map.of("studentId", "S1-C1-39", "left", Map.of("uncorrected", "6.1"),
                "right", Map.of("uncorrected", "5.1")));
        Map<String, Object> stale = new HashMap<>();
        stale.put("studentId", "S1-C1-03");
        stale.put("version", ((Number) stored.get("version")).longValue() + 7);
        stale.put("left", Map.of("uncorrected", "4.0"));
        stale.put("right", Map.of("uncorrected", "4.0"));
        rows.add(stale);
        rows.add(Map.of("studentId", "S2-C1-01", "left", Map.of("uncorrected", "5.0"),
                "right", Map.of("uncorrected", "5.0")));
        Map<String, Object> report = Json.map(web.mutateWith(jwt("doctor_s1")).put()
                .uri("/api/v1/classes/S1-C1/vision?year={y}", year).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("rows", rows)).exchange().expectStatus().isOk().expectBody(Map.class)
                .returnResult().getResponseBody());
        assertThat(report).containsEntry("saved", 1).containsEntry("invalid", 2).containsEntry("conflicts", 1);
        List<Object> out = Json.list(report.get("rows"));
        assertThat(Json.at(out.get(0), "result.screeningMyopia")).isEqualTo(true);
        assertThat(Json.at(out.get(1), "errors.0.field")).isEqualTo("left.uncorrected");
        assertThat(Json.map(out.get(2)).get("outcome")).isEqualTo("CONFLICT");
        assertThat(Json.at(out.get(3), "errors.0.code")).isEqualTo("not_in_class");

        Map<String, Object> after = grid("doctor_s1", "S1-C1");
        assertThat(row(after, "S1-C1-39").get("result")).isNull();
        assertThat(Json.map(row(after, "S1-C1-03").get("result")).get("version")).isEqualTo(stored.get("version"));

        web.mutateWith(jwt("head_c1")).put().uri("/api/v1/classes/S1-C1/vision?year={y}", year)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("rows", List.of())).exchange()
                .expectStatus().isForbidden();
    }

    byte[] export(String user, String query) {
        return slow().mutateWith(jwt(user)).get().uri("/api/v1/vision/export?" + query).exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
    }

    Map<String, Object> importFile(String user, String name, byte[] bytes) {
        MultipartBodyBuilder mb = new MultipartBodyBuilder();
        mb.part("file", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        return Json.map(slow().mutateWith(jwt(user)).post().uri("/api/v1/vision/import?year=" + year)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(mb.build()))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody());
    }

    static List<List<String>> rows(byte[] xlsx) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheetAt(0);
            DataFormatter f = new DataFormatter();
            List<List<String>> out = new ArrayList<>();
            for (Row r : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < r.getLastCellNum(); c++) {
                    cells.add(r.getCell(c) == null ? "" : f.formatCellValue(r.getCell(c)));
                }
                out.add(cells);
            }
            return out;
        }
    }

    @Test
    void exportThenImportChangesNothingAndAnEditedRowUpdatesOne() throws IOException {
        byte[] xlsx = export("doctor_s1", "year=" + year + "&grade=7");
        List<List<String>> sheet = rows(xlsx);
        assertThat(sheet.get(0)).containsExactlyElementsOf(VisionColumns.EXPORT_HEADER);
        int lines = sheet.size() - 1;
        assertThat(lines).isGreaterThan(60);
        Map<String, Object> again = importFile("doctor_s1", "视力.xlsx", xlsx);
        assertThat(again).containsEntry("total", lines).containsEntry("unchanged", lines)
                .containsEntry("created", 0).containsEntry("updated", 0).containsEntry("rejected", 0);

        byte[] csv = export("admin_s1", "year=" + year + "&format=csv");
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF学籍号,姓名,性别");
        Map<String, Object> csvAgain = importFile("admin_s1", "视力.csv", csv);
        assertThat(csvAgain).containsEntry("rejected", 0).containsEntry("created", 0).containsEntry("updated", 0);

        // one edited value (student_c2a's right eye), one unknown 学籍号, one bad value: one update, two reports
        String[] lineArr = text.split("\r\n");
        List<String> edited = new ArrayList<>(List.of(lineArr[0]));
        String c2a = null;
        for (String l : lineArr) {
            if (l.contains("杨雨桐")) {
                c2a = l;
            }
        }
        String[] cells = c2a.split(",", -1);
        int rightIdx = VisionColumns.EXPORT_HEADER.indexOf("右眼裸眼视力");
        cells[rightIdx] = cells[rightIdx].equals("4.5") ? "4.6" : "4.5";
        edited.add(String.join(",", cells));
        String[] unknown = cells.clone();
        unknown[0] = "G000000000000000000";
        edited.add(String.join(",", unknown));
        String[] bad = lineArr[2].split(",", -1);
        bad[VisionColumns.EXPORT_HEADER.indexOf("左眼屈光球镜S")] = "-1.33";
        edited.add(String.join(",", bad));
        Map<String, Object> report = importFile("doctor_s1", "改.csv", String.join("\r\n", edited)
                .getBytes(StandardCharsets.UTF_8));
        assertThat(report).containsEntry("updated", 1).containsEntry("rejected", 2);
        List<Object> errors = Json.list(report.get("errors"));
        assertThat(Json.map(errors.get(0))).containsEntry("row", 3).containsEntry("column", "学籍号")
                .containsEntry("code", "unknown_student_no").containsEntry("message", "本校没有该学籍号的学生");
        assertThat(Json.map(errors.get(1))).containsEntry("row", 4).containsEntry("column", "左眼屈光球镜S")
                .containsEntry("code", "dioptre_step");
    }

    @Test
    void theNationalLayoutsVisionColumnsImportToo() throws IOException {
        // the national upload's identity columns and its vision columns (right eye first, OK-lens flag)
        Map<String, Object> c2a = Json.map(web.mutateWith(jwt("admin_s1")).get()
                .uri("/api/v1/students/S1-C2-01").exchange().expectStatus().isOk().expectBody(Map.class)
                .returnResult().getResponseBody());
        String studentNo = (String) c2a.get("studentNo");
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet();
            List<String> header = List.of("年级编号", "班级编号", "班级名称", "学籍号", "民族代码", "姓名", "性别",
                    "出生日期", "家庭住址", "右眼裸眼视力", "左眼裸眼视力", "右眼屈光球镜S", "右眼屈光柱镜C",
                    "右眼屈光轴位A", "左眼屈光球镜S", "左眼屈光柱镜C", "左眼屈光轴位A", "是否为角膜塑形镜（OK镜）佩戴者");
            Row h = s.createRow(0);
            for (int i = 0; i < header.size(); i++) {
                h.createCell(i).setCellValue(header.get(i));
            }
            Row r = s.createRow(1);
            Object[] v = {"21", "2", "七年级(2)班", studentNo, "03", "杨雨桐", "2", "", "",
                    4.6, 4.7, -1.5, -0.25, 90, -1.25, 0, "", "否"};
            for (int i = 0; i < v.length; i++) {
                if (v[i] instanceof Number n) {
                    r.createCell(i).setCellValue(n.doubleValue());
                } else {
                    r.createCell(i).setCellValue((String) v[i]);
                }
            }
            wb.write(out);
            Map<String, Object> report = importFile("doctor_s1", "国家上报.xlsx", out.toByteArray());
            assertThat(report).containsEntry("rejected", 0);
            Map<String, Object> file = Json.map(web.mutateWith(jwt("doctor_s1")).get()
                    .uri("/api/v1/students/S1-C2-01/vision").exchange().expectStatus().isOk()
                    .expectBody(Map.class).returnResult().getResponseBody());
            assertThat(Json.at(file, "years.0.right.uncorrected")).isEqualTo(4.6);
            assertThat(Json.at(file, "years.0.left.sphere")).isEqualTo(-1.25);
            assertThat(Json.at(file, "years.0.right.axis")).isEqualTo(90);
            // the same file again changes nothing
            assertThat(importFile("doctor_s1", "国家上报.xlsx", out.toByteArray())).containsEntry("unchanged", 1);
        }
    }

    @Test
    void importAndExportAreForTheDoctorAndTheAdmin() {
        for (String user : List.of("head_c1", "teacher_c1", "counselor_s1", "parent_c1a", "bureau")) {
            web.mutateWith(jwt(user)).get().uri("/api/v1/vision/export").exchange().expectStatus().isForbidden();
        }
        web.mutateWith(jwt("admin_s2")).get().uri("/api/v1/vision/export").exchange().expectStatus().isOk();
    }

    @Test
    void schoolStatisticsAreExactAndTheCountysAreSuppressed() {
        Map<String, Object> school = Json.map(web.mutateWith(jwt("doctor_s1")).get()
                .uri("/api/v1/schools/S1/vision/stats?year=" + year).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody());
        Map<String, Object> all = null;
        for (Object c : Json.list(school.get("cells"))) {
            if (Json.map(c).get("grade") == null && "ALL".equals(Json.map(c).get("sex"))) {
                all = Json.map(c);
            }
        }
        assertThat(all).isNotNull();
        assertThat((Integer) all.get("enrolled")).isEqualTo(80);
        assertThat((Integer) all.get("screened")).isBetween(70, 80);
        assertThat((Integer) Json.at(all, "poorVision.count")).isPositive();
        assertThat(Json.list(school.get("trend"))).hasSize(5);
        assertThat(school.get("suppressionThreshold")).isNull();

        web.mutateWith(jwt("bureau")).get().uri("/api/v1/schools/S1/vision/stats").exchange()
                .expectStatus().isForbidden();
        web.mutateWith(jwt("counselor_s1")).get().uri("/api/v1/schools/S1/vision/stats").exchange()
                .expectStatus().isForbidden();
        web.mutateWith(jwt("doctor_s1")).get().uri("/api/v1/schools/S2/vision/stats").exchange()
                .expectStatus().isNotFound();

        Map<String, Object> county = Json.map(web.mutateWith(jwt("bureau")).get()
                .uri("/api/v1/vision/stats/county?year=" + year).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody());
        assertThat(county.get("suppressionThreshold")).isEqualTo(5);
        assertThat(Json.list(county.get("schools"))).hasSize(2);
        for (Object c : Json.list(county.get("cells"))) {
            Map<String, Object> cell = Json.map(c);
            if (!Boolean.TRUE.equals(cell.get("suppressed"))) {
                Integer screened = (Integer) cell.get("screened");
                assertThat(screened == 0 || screened >= 5).as(cell.toString()).isTrue();
            }
        }
        web.mutateWith(jwt("doctor_s1")).get().uri("/api/v1/vision/stats/county").exchange()
                .expectStatus().isForbidden();
    }
}
