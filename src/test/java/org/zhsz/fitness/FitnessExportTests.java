package org.zhsz.fitness;

import org.zhsz.support.Json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.zhsz.support.DemoUsers.jwt;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.zhsz.support.ZhszTest;

/** The national-format export: the import's columns, so export → import round-trips with nothing changed. */
@ZhszTest
class FitnessExportTests {

    @Autowired
    WebTestClient web;

    @Autowired
    ResultStore store;

    private final String year = FitnessGridTests.year();

    private byte[] export(String user, String query) {
        return web.mutate().responseTimeout(java.time.Duration.ofSeconds(60)).build().mutateWith(jwt(user)).get()
                .uri("/api/v1/fitness/export?" + query).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(FitnessController.XLSX)
                .expectBody(byte[].class).returnResult().getResponseBody();
    }

    private static List<List<String>> rows(Sheet sheet) {
        DataFormatter f = new DataFormatter();
        List<List<String>> out = new ArrayList<>();
        for (Row r : sheet) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < r.getLastCellNum(); c++) {
                Cell cell = r.getCell(c);
                cells.add(cell == null ? "" : f.formatCellValue(cell));
            }
            out.add(cells);
        }
        return out;
    }

    @Test
    void exportThenImportChangesNothing() throws IOException {
        byte[] xlsx = export("admin_s1", "year=" + year + "&grade=7");
        List<List<String>> results;
        List<List<String>> graduation;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(wb.getSheetName(0)).isEqualTo("体测成绩");
            assertThat(wb.getSheetName(1)).isEqualTo("毕业成绩");
            results = rows(wb.getSheetAt(0));
            graduation = rows(wb.getSheetAt(1));
        }
        assertThat(results.get(0)).startsWith("学籍号", "姓名", "性别", "身高", "体重", "肺活量", "50米跑", "坐位体前屈",
                "一分钟跳绳", "一分钟仰卧起坐", "50米×8往返跑", "立定跳远", "引体向上", "1000米跑", "800米跑");
        int students = results.size() - 1;
        assertThat(students).isGreaterThanOrEqualTo(79); // both 七年级 classes of S1
        assertThat(graduation).hasSize(results.size());
        // runs as schools write them; 免测 and 补测 marked
        int run1000 = results.get(0).indexOf("1000米跑");
        assertThat(results.stream().skip(1).map(r -> r.size() > run1000 ? r.get(run1000) : "")
                .filter(v -> !v.isEmpty())).allMatch(v -> v.matches("\\d+'\\d{2}\""));
        assertThat(results).anySatisfy(r -> assertThat(r.get(results.get(0).indexOf("免测"))).isEqualTo("是"));
        assertThat(results).anySatisfy(r -> assertThat(r.get(results.get(0).indexOf("补测"))).isEqualTo("是"));

        long versionsBefore = store.findAll(List.of(SchoolYears.resultId("S1-C1-03", year))).blockFirst().version();
        Map<String, Object> report = FitnessImportTests.upload(web, "admin_s1", xlsx, "export.xlsx", year);
        assertThat(report).containsEntry("total", students).containsEntry("unchanged", students)
                .containsEntry("created", 0).containsEntry("updated", 0).containsEntry("rejected", 0);
        assertThat(store.findAll(List.of(SchoolYears.resultId("S1-C1-03", year))).blockFirst().version())
                .isEqualTo(versionsBefore);
    }

    @Test
    void onlyTheSchoolAdminExportsAndTheExportIsAudited() {
        for (String user : List.of("pe_c1", "head_c1", "counselor_s1", "bureau", "student_c1a")) {
            web.mutateWith(jwt(user)).get().uri("/api/v1/fitness/export?year=" + year).exchange().expectStatus()
                    .isForbidden();
        }
        export("admin_s2", "year=" + year);
        Map<String, Object> events = Json.map(web.mutateWith(jwt("auditor")).get()
                .uri("/api/v1/audit/events?action=fitness.export&size=50").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody());
        assertThat(Json.list(events.get("items"))).anySatisfy(e -> assertThat(Json.map(e))
                .containsEntry("action", "fitness.export").containsEntry("username", "admin_s2"));
        web.mutateWith(jwt("admin_s1")).get().uri("/api/v1/fitness/export?grade=13").exchange().expectStatus()
                .isEqualTo(422);
    }
}
