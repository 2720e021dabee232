package org.zhsz.student;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhsz.support.DemoUsers.jwt;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
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
import org.zhsz.support.ZhszTest;

/** Roster import through the API: encodings, XLSX, per-row reports, idempotent re-import, bad rows change nothing. */
@ZhszTest
@org.springframework.test.context.TestPropertySource(properties = "zhsz.test.isolated=roster-import") // own store: it adds students and classes
class RosterImportTests {

    @Autowired
    WebTestClient web;

    private static final String HEADER = "学籍号,姓名,性别,出生日期,民族,班级,监护人姓名,监护人关系,监护人电话\n";

    private static String no(int seq) {
        return "G" + DemoStudents.idNumber(LocalDate.of(2013, 10, 1), seq);
    }

    private RosterImport.Report upload(String user, byte[] bytes, String filename) {
        MultipartBodyBuilder mb = new MultipartBodyBuilder();
        mb.part("file", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return filename;
            }
        });
        return web.mutate().responseTimeout(java.time.Duration.ofSeconds(60)).build().mutateWith(jwt(user)).post().uri("/api/v1/students/import")
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(mb.build()))
                .exchange().expectStatus().isOk().expectBody(RosterImport.Report.class).returnResult()
                .getResponseBody();
    }

    private Map<?, ?> student(String q) {
        var page = web.mutateWith(jwt("admin_s1")).get().uri("/api/v1/students?q={q}", q).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        List<?> items = (List<?>) page.get("items");
        return items.isEmpty() ? null : (Map<?, ?>) items.get(0);
    }

    @Test
    void utf8WithBomAndGbkBothReadCorrectly() {
        String csv = HEADER + no(901) + ",欧阳娜娜,女,2013-10-01,回族,七年级(1)班,欧阳建国,父亲,13900000001\n";
        byte[] bom = new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] withBom = concat(bom, csv.getBytes(StandardCharsets.UTF_8));
        RosterImport.Report r1 = upload("admin_s1", withBom, "roster.csv");
        assertThat(r1.created()).isEqualTo(1);
        assertThat(student(no(901)).get("name")).isEqualTo("欧阳娜娜");

        String gbk = HEADER + no(903) + ",马晓燕,女,2013/10/1,回,七年级(2)班,马德明,父亲,13900000002\n";
        RosterImport.Report r2 = upload("admin_s1", gbk.getBytes(Charset.forName("GBK")), "花名册.csv");
        assertThat(r2.created()).as(r2.toString()).isEqualTo(1);
        Map<?, ?> s = student(no(903));
        assertThat(s.get("name")).isEqualTo("马晓燕");
        assertThat(s.get("ethnicity")).isEqualTo("回族");
        assertThat(s.get("className")).isEqualTo("七年级(2)班");
    }

    @Test
    void badRowsAreReportedAndChangeNothingWhileGoodRowsLand() {
        String csv = HEADER
                + no(905) + ",好学生,男,2013-10-01,汉族,七年级(1)班,,,\n"
                + "X123,坏学号,男,2013-10-01,汉族,七年级(1)班,,,\n"
                + no(907) + ",没班级,男,2013-10-01,汉族,九年级(9)班,,,\n"
                + no(909) + ",坏日期,女,2013-13-45,汉族,七年级(1)班,,,\n"
                + no(905) + ",重复,男,2013-10-01,汉族,七年级(1)班,,,\n";
        RosterImport.Report r = upload("admin_s1", csv.getBytes(StandardCharsets.UTF_8), "r.csv");
        assertThat(r.total()).isEqualTo(5);
        assertThat(r.created()).isEqualTo(1);
        assertThat(r.rejected()).isEqualTo(4);
        assertThat(r.errors()).extracting(RosterImport.RowError::row).containsExactly(3, 4, 5, 6);
        assertThat(r.errors()).extracting(RosterImport.RowError::field)
                .containsExactly("studentNo", "class", "birthDate", "studentNo");
        // each reason in the caller's language (zh-CN by default), with the field's name for people
        assertThat(r.errors()).extracting(RosterImport.RowError::label)
                .containsExactly("学籍号", "班级", "出生日期", "学籍号");
        assertThat(r.errors().get(1).reason()).startsWith("本校本学期没有这个班级：");
        assertThat(r.errors()).allSatisfy(e -> assertThat(e.reason()).doesNotContainPattern("[A-Za-z]{3,}"));
        assertThat(r.jobId()).isNotBlank();
        assertThat(student(no(907))).isNull();
        assertThat(student(no(909))).isNull();
        assertThat(student(no(905)).get("name")).isEqualTo("好学生");
    }

    @Test
    void reimportingTheSameXlsxChangesNothing() throws IOException {
        byte[] xlsx = xlsx(List.of(
                List.of("学籍号", "姓名", "性别", "出生日期", "民族", "班级"),
                List.of(no(911), "白雪梅", "女", "2013-10-01", "回族", "七年级(1)班"),
                List.of(no(913), "丁鹏飞", "男", "2013-10-01", "回族", "七年级(2)班")));
        RosterImport.Report first = upload("admin_s1", xlsx, "roster.xlsx");
        assertThat(first.created()).isEqualTo(2);
        Object version = student(no(911)).get("version");
        RosterImport.Report again = upload("admin_s1", xlsx, "roster.xlsx");
        assertThat(again.created()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(again.unchanged()).isEqualTo(2);
        assertThat(student(no(911)).get("version")).isEqualTo(version);
    }

    @Test
    void aChangedClassIsATransferThatKeepsHistory() {
        upload("admin_s1", (HEADER + no(915) + ",转班生,男,2013-10-01,汉族,七年级(1)班,,,\n")
                .getBytes(StandardCharsets.UTF_8), "a.csv");
        RosterImport.Report r = upload("admin_s1", (HEADER + no(915) + ",转班生,男,2013-10-01,汉族,七年级(2)班,,,\n")
                .getBytes(StandardCharsets.UTF_8), "b.csv");
        assertThat(r.updated()).isEqualTo(1);
        Map<?, ?> s = student(no(915));
        assertThat(s.get("className")).isEqualTo("七年级(2)班");
        assertThat((List<?>) s.get("enrollments")).hasSize(2);
    }

    @Test
    void anotherSchoolsStudentCannotBeTakenOver() {
        String csv = HEADER + no(917) + ",他校生,男,2013-10-01,汉族,七年级(1)班,,,\n";
        assertThat(upload("admin_s1", csv.getBytes(StandardCharsets.UTF_8), "a.csv").created()).isEqualTo(1);
        String s2 = HEADER + no(917) + ",他校生,男,2013-10-01,汉族,五年级(1)班,,,\n";
        RosterImport.Report r = upload("admin_s2", s2.getBytes(StandardCharsets.UTF_8), "b.csv");
        assertThat(r.rejected()).isEqualTo(1);
        assertThat(student(no(917)).get("schoolId")).isEqualTo("S1");
    }

    @Test
    void onlySchoolAdminsImport() {
        MultipartBodyBuilder mb = new MultipartBodyBuilder();
        mb.part("file", new ByteArrayResource(HEADER.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "a.csv";
            }
        });
        web.mutateWith(jwt("head_c1")).post().uri("/api/v1/students/import")
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(mb.build()))
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void fiveThousandRowsImport() {
        StringBuilder sb = new StringBuilder(HEADER);
        for (int i = 0; i < 5000; i++) {
            sb.append("L").append(DemoStudents.idNumber(LocalDate.of(2013, 9, 1).plusDays(i / 1000), i % 1000))
                    .append(",学生").append(toChinese(i)).append(",").append(i % 2 == 0 ? "男" : "女")
                    .append(",2013-10-01,汉族,七年级(2)班,,,\n");
        }
        RosterImport.Report r = upload("admin_s1",
                sb.toString().getBytes(StandardCharsets.UTF_8), "big.csv");
        assertThat(r.total()).isEqualTo(5000);
        assertThat(r.created() + r.rejected()).isEqualTo(5000);
        assertThat(r.created()).as(r.errors().stream().limit(3).toList().toString()).isEqualTo(5000);
    }

    private static String toChinese(int i) {
        String digits = "零一二三四五六七八九";
        StringBuilder sb = new StringBuilder();
        for (char c : Integer.toString(i).toCharArray()) {
            sb.append(digits.charAt(c - '0'));
        }
        return sb.toString();
    }

    private static byte[] xlsx(List<List<String>> rows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = wb.createSheet("花名册");
            for (int r = 0; r < rows.size(); r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = new byte[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
