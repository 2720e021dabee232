package org.zhsz.fitness;

import org.zhsz.support.Json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.zhsz.support.DemoUsers.jwt;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.zhsz.student.StudentDirectory;
import org.zhsz.student.StudentView;
import org.springframework.test.context.TestPropertySource;
import org.zhsz.support.ZhszTest;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Importing a school's sheet: good rows land, bad rows are reported (row, column, reason) and change nothing,
 * re-importing changes nothing, GBK CSV and XLSX with 分'秒" times read right, PE teachers import only their classes.
 */
// its own application context and store: it adds students to the demo classes, which tests that count a demo
// class (FitnessGridTests, FitnessStatsTests) must not see when they happen to run after it
@TestPropertySource(properties = "zhsz.test.isolated=fitness-import")
@ZhszTest
class FitnessImportTests {

    static final String HEADER = "学籍号,姓名,性别,身高,体重,肺活量,50米跑,坐位体前屈,一分钟跳绳,一分钟仰卧起坐,50米×8往返跑,立定跳远,"
            + "引体向上,1000米跑,800米跑\n";

    @Autowired
    WebTestClient web;

    @Autowired
    StudentDirectory students;

    @Autowired
    ResultStore store;

    @Autowired
    MeterRegistry meters;

    private final String year = FitnessGridTests.year();

    static Map<String, Object> upload(WebTestClient web, String user, byte[] bytes, String filename, String year) {
        return Json.map(send(web, user, bytes, filename, year).expectStatus().isOk().expectBody(Map.class)
                .returnResult().getResponseBody());
    }

    static WebTestClient.ResponseSpec send(WebTestClient web, String user, byte[] bytes, String filename,
                                           String year) {
        MultipartBodyBuilder mb = new MultipartBodyBuilder();
        mb.part("file", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return filename;
            }
        });
        return web.mutate().responseTimeout(java.time.Duration.ofSeconds(120)).build().mutateWith(jwt(user)).post()
                .uri("/api/v1/fitness/import?year={y}", year).contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(mb.build())).exchange();
    }

    private StudentView student(String id) {
        return students.find(id).block();
    }

    /** A 初一 row with the measurement columns of HEADER; the 50 m time varies per test. */
    private String row(StudentView s, String run50) {
        boolean m = s.sex().name().equals("M");
        return s.studentNo() + "," + s.name() + "," + s.sex().label() + ",156.4,45.2,2500," + run50 + ",8.6,,"
                + (m ? "" : "38") + ",,185," + (m ? "6" : "") + "," + (m ? "4'05\"" : "") + "," + (m ? "" : "3'48\"")
                + "\n";
    }

    private FitnessResult stored(String id) {
        return store.find(id, year).block();
    }

    @Test
    void goodRowsLandBadRowsAreReportedAndReimportingChangesNothing() {
        StudentView a = student("S1-C2-10");
        StudentView b = student("S1-C2-11");
        StudentView c = student("S1-C2-12");
        StudentView d = student("S1-C2-13");
        FitnessResult cBefore = stored(c.id());
        FitnessResult dBefore = stored(d.id());
        String csv = HEADER + row(a, "8.71") + row(b, "9.0")
                + row(c, "fast")                                             // unreadable time
                + row(d, "9.0").replace(d.name(), "张冒名")                     // name does not match the 学籍号
                + "G640424201310019999,查无此人,男,150,40,2000,9,5,,,,170,3,5'00\",\n"
                + row(a, "8.8");                                              // twice in the file
        double acceptedBefore = meters.counter("zhsz.import.rows", "kind", "fitness", "result", "accepted").count();
        double rejectedBefore = meters.counter("zhsz.import.rows", "kind", "fitness", "result", "rejected").count();

        Map<String, Object> r = upload(web, "admin_s1", csv.getBytes(StandardCharsets.UTF_8), "体测.csv", year);
        assertThat(r).containsEntry("total", 6).containsEntry("rejected", 4);
        assertThat(((Number) r.get("created")).intValue() + ((Number) r.get("updated")).intValue()).isEqualTo(2);
        List<Object> errors = Json.list(r.get("errors"));
        assertThat(errors).extracting(e -> Json.map(e).get("row")).containsExactly(4, 5, 6, 7);
        assertThat(errors).extracting(e -> Json.map(e).get("column"))
                .containsExactly("50米跑", "姓名", "学籍号", "学籍号");
        assertThat(errors).extracting(e -> Json.map(e).get("field"))
                .containsExactly("run_50m", "name", "studentNo", "studentNo");
        assertThat(errors).extracting(e -> Json.map(e).get("code"))
                .containsExactly("not_a_number", "mismatch", "unknown", "duplicate");
        // in the caller's language (zh-CN by default), naming what was wrong
        assertThat(Json.map(errors.get(0)).get("reason").toString()).contains("50米跑").contains("fast");
        assertThat(Json.map(errors.get(1)).get("reason").toString()).contains(d.name());

        FitnessResult ra = stored(a.id());
        assertThat(ra.first().values().get("run_50m")).isEqualByComparingTo("8.8"); // 8.71 s recorded as 8.8 s
        assertThat(ra.first().source()).isEqualTo("import");
        assertThat(stored(c.id())).isEqualTo(cBefore);
        assertThat(stored(d.id())).isEqualTo(dBefore);
        assertThat(meters.counter("zhsz.import.rows", "kind", "fitness", "result", "accepted").count())
                .isEqualTo(acceptedBefore + 2);
        assertThat(meters.counter("zhsz.import.rows", "kind", "fitness", "result", "rejected").count())
                .isEqualTo(rejectedBefore + 4);

        long version = ra.version();
        Map<String, Object> again = upload(web, "admin_s1", (HEADER + row(a, "8.71") + row(b, "9.0"))
                .getBytes(StandardCharsets.UTF_8), "体测.csv", year);
        assertThat(again).containsEntry("unchanged", 2).containsEntry("created", 0).containsEntry("updated", 0)
                .containsEntry("rejected", 0);
        assertThat(stored(a.id()).version()).isEqualTo(version);
    }

    @Test
    void aGbkCsvFromExcelReadsRight() {
        StudentView s = student("S1-C2-14");
        String csv = HEADER + row(s, "8.9");
        Map<String, Object> r = upload(web, "admin_s1", csv.getBytes(Charset.forName("GBK")), "体测成绩.csv", year);
        // the name check would reject the row if the GBK bytes were decoded wrongly
        assertThat(r).containsEntry("rejected", 0);
        assertThat(stored(s.id()).first().values().get("run_50m")).isEqualByComparingTo("8.9");
    }

    @Test
    void anXlsxWithRunTimesAsMinutesAndSecondsImports() throws IOException {
        StudentView s = student("S1-C2-15");
        boolean m = s.sex().name().equals("M");
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("学籍号", "姓名", "性别", "身高（cm）", "体重(kg)", "肺活量", "50米跑", "坐位体前屈", "立定跳远",
                m ? "引体向上" : "1分钟仰卧起坐", m ? "1000米跑" : "800米跑", "测试日期"));
        rows.add(List.of(s.studentNo(), s.name(), s.sex().label(), 161.2, 50.3, 2900, 8.3, 12.4, 196, m ? 9 : 40,
                m ? "3'59\"" : "3'35\"", SchoolYears.firstDay(year).plusDays(40).toString()));
        Map<String, Object> r = upload(web, "admin_s1", xlsx(rows), "体测.xlsx", year);
        assertThat(r).containsEntry("rejected", 0);
        FitnessResult f = stored(s.id());
        assertThat(f.first().values().get(m ? "run_1000m" : "run_800m")).isEqualByComparingTo(m ? "239" : "215");
        assertThat(f.first().values().get("height_cm")).isEqualByComparingTo("161.2");
        assertThat(f.first().testDate()).isEqualTo(SchoolYears.firstDay(year).plusDays(40));
        assertThat(f.status()).isEqualTo(ResultStatus.TESTED);
    }

    @Test
    void aPeTeacherImportsOnlyForTheirClasses() {
        StudentView own = student("S1-C2-16");
        StudentView other = student("S2-C1-05");
        String csv = HEADER + row(own, "8.8") + other.studentNo() + "," + other.name() + ",男,140,35,2000,9.5,5,"
                + "120,30,110,,,,\n";
        Map<String, Object> r = upload(web, "pe_c1", csv.getBytes(StandardCharsets.UTF_8), "c2.csv", year);
        assertThat(r).containsEntry("rejected", 1);
        assertThat(Json.at(r, "errors.0.code")).isEqualTo("unknown");
        assertThat(Json.at(r, "errors.0.reason").toString()).isEqualTo("本校没有学籍号为 " + other.studentNo() + " 的学生");
        assertThat(stored(own.id()).first().tester()).isEqualTo("pe_c1");

        send(web, "teacher_c1", HEADER.getBytes(StandardCharsets.UTF_8), "x.csv", year).expectStatus().isForbidden();
        send(web, "student_c1a", HEADER.getBytes(StandardCharsets.UTF_8), "x.csv", year).expectStatus()
                .isForbidden();
        send(web, "bureau", HEADER.getBytes(StandardCharsets.UTF_8), "x.csv", year).expectStatus().isForbidden();
    }

    @Test
    void makeupAndExemptColumns() {
        StudentView s = student("S1-C2-17");
        boolean m = s.sex().name().equals("M");
        String header = HEADER.trim() + ",补测,免测\n";
        String weak = s.studentNo() + "," + s.name() + "," + s.sex().label() + ",156,45,1200,11.5,-9,,"
                + (m ? "" : "8") + ",,120," + (m ? "0" : "") + "," + (m ? "7'30\"" : "") + "," + (m ? "" : "6'20\"");
        Map<String, Object> r1 = upload(web, "admin_s1", (header + weak + ",,\n").getBytes(StandardCharsets.UTF_8),
                "a.csv", year);
        assertThat(r1).containsEntry("rejected", 0);
        assertThat(stored(s.id()).rating()).isEqualTo("不及格");
        String makeup = row(s, "8.7").trim() + ",是,\n";
        Map<String, Object> r2 = upload(web, "admin_s1", (header + makeup).getBytes(StandardCharsets.UTF_8), "b.csv",
                year);
        assertThat(r2).containsEntry("updated", 1).containsEntry("rejected", 0);
        FitnessResult f = stored(s.id());
        assertThat(f.official()).isEqualTo(FitnessResult.Official.MAKEUP);
        assertThat(f.first().rating()).isEqualTo("不及格");

        StudentView t = student("S1-C2-18");
        Map<String, Object> r3 = upload(web, "admin_s1", (header + row(t, "9.1").trim() + ",,是\n")
                .getBytes(StandardCharsets.UTF_8), "c.csv", year);
        assertThat(r3).containsEntry("rejected", 1);
        assertThat(Json.at(r3, "errors.0.column")).isEqualTo("免测");
        assertThat(Json.at(r3, "errors.0.field")).isEqualTo("exempt");
    }

    @Test
    void aLargeSheetReadsTheRosterOnceAndCapsTheErrorList() {
        StudentView a = student("S1-C2-19");
        StudentView b = student("S1-C2-20");
        StringBuilder csv = new StringBuilder(HEADER).append(row(a, "8.2"));
        for (int i = 0; i < 3000; i++) {
            csv.append(String.format("X640424201309%06d,某某,男,150.0,40.0,2000,9.0,5.0,,,,170,3,5'00\",%n", i));
        }
        csv.append(row(b, "9.3"));
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        assertThat((long) bytes.length).isGreaterThan(FitnessImport.ROSTER_PREFETCH_BYTES);
        Map<String, Object> r = upload(web, "admin_s1", bytes, "big.csv", year);
        assertThat(r).containsEntry("total", 3002).containsEntry("rejected", 3000)
                .containsEntry("errorsTruncated", true);
        assertThat(Json.list(r.get("errors"))).hasSize(FitnessImport.MAX_REPORTED_ERRORS);
        assertThat(((Number) r.get("created")).intValue() + ((Number) r.get("updated")).intValue()).isEqualTo(2);
        assertThat(stored(a.id()).first().values().get("run_50m")).isEqualByComparingTo("8.2");
        assertThat(stored(b.id()).first().values().get("run_50m")).isEqualByComparingTo("9.3");
    }

    @Test
    void aSheetWithoutAStudentNumberColumnIs422() {
        send(web, "admin_s1", "姓名,身高\n张三,150\n".getBytes(StandardCharsets.UTF_8), "x.csv", year)
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.errors[0].field").isEqualTo("studentNo")
                .jsonPath("$.errors[0].label").isEqualTo("学籍号")
                .jsonPath("$.errors[0].message").isEqualTo("文件缺少“学籍号”列");
    }

    static byte[] xlsx(List<List<Object>> rows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = wb.createSheet("体测");
            for (int r = 0; r < rows.size(); r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object v = rows.get(r).get(c);
                    if (v instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else {
                        row.createCell(c).setCellValue(String.valueOf(v));
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }
}
