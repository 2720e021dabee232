package org.zhsz.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhsz.support.DemoUsers.jwt;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.zhsz.platform.SchoolClock;
import org.zhsz.support.Json;
import org.zhsz.support.ZhszTest;

/**
 * The early warning through the API on the demo school: the head teacher sees the class's reasons but never the
 * wellbeing one (nor a level raised by it), the counselor sees it; a record written today shows at once; the school
 * admin sees the school; the bureau only counts, with small cells suppressed; every student shown is in the family's
 * access log.
 */
@ZhszTest
class InsightApiTests {

    @Autowired
    WebTestClient web;

    String raw(String user, String uri) {
        return new String(web.mutateWith(jwt(user)).get().uri(uri).exchange().expectStatus().isOk().expectBody()
                .returnResult().getResponseBodyContent(), StandardCharsets.UTF_8);
    }

    Map<String, Object> get(String user, String uri) {
        return Json.map(web.mutateWith(jwt(user)).get().uri(uri).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody());
    }

    static Map<String, Object> item(Map<String, Object> list, String studentId) {
        return Json.list(list.get("items")).stream().map(Json::map).filter(i -> studentId.equals(i.get("studentId")))
                .findFirst().orElse(null);
    }

    static List<Object> codes(Map<String, Object> item) {
        return Json.list(item.get("reasons")).stream().map(r -> Json.map(r).get("code")).toList();
    }

    @Test
    void theHeadTeacherNeverSeesTheWellbeingReasonTheCounselorDoes() {
        String headRaw = raw("head_c1", "/api/v1/classes/S1-C1/early-warnings");
        assertThat(headRaw).doesNotContain("wellbeing").doesNotContain("需关注").doesNotContain("心理");
        Map<String, Object> head = get("head_c1", "/api/v1/classes/S1-C1/early-warnings");
        Map<String, Object> counselor = get("counselor_s1", "/api/v1/classes/S1-C1/early-warnings");
        assertThat(head.get("members")).isEqualTo(40);

        // 马思远 (S1-C1-01): a violation this term for both; an open 一人一案 only for the counselor
        Map<String, Object> h = item(head, "S1-C1-01");
        Map<String, Object> c = item(counselor, "S1-C1-01");
        assertThat(codes(h)).contains("violation").doesNotContain("wellbeing_attention");
        assertThat(codes(c)).contains("violation", "wellbeing_attention");
        // the head teacher's level and score come from the reasons they see alone
        assertThat((Integer) c.get("score") - (Integer) h.get("score")).isEqualTo(3);
        assertThat(c.get("level")).isEqualTo("HIGH");
        assertThat(h.get("level")).isNotEqualTo("HIGH");
        assertThat(Json.map(Json.list(c.get("reasons")).get(codes(c).indexOf("wellbeing_attention"))).get("label"))
                .isEqualTo("需关注（心理教师跟进中）");

        // highest score first
        List<Integer> scores = Json.list(head.get("items")).stream().map(i -> (Integer) Json.map(i).get("score"))
                .toList();
        assertThat(scores).isSortedAccordingTo(java.util.Comparator.reverseOrder());

        // the family sees the reads in the child's access log
        Map<String, Object> log = get("parent_c1a", "/api/v1/students/S1-C1-01/access-log?size=100");
        assertThat(Json.list(log.get("items"))).anySatisfy(e -> {
            assertThat(Json.map(e).get("action")).isEqualTo("early_warning.read");
            assertThat(Json.map(e).get("dataClass")).isEqualTo("EARLY_WARNING");
            assertThat(Json.map(e).get("role")).isEqualTo("head_teacher");
        });
    }

    @Test
    void aClassListNamesAHandfulAndTheDemoSchoolsExerciseTheCriteria() {
        Map<String, Object> head = get("head_c1", "/api/v1/classes/S1-C1/early-warnings");
        assertThat(Json.list(head.get("items"))).hasSizeBetween(3, 8);
        // every listed student has a serious reason or reasons from at least two sources
        for (Object o : Json.list(head.get("items"))) {
            assertThat(codes(Json.map(o)).stream().distinct().count() > 1 || codes(Json.map(o)).contains("violation")
                    || codes(Json.map(o)).contains("absent_in_a_row")).as(o.toString()).isTrue();
        }
        java.util.Set<Object> seen = new java.util.TreeSet<>();
        for (String[] q : new String[][] {{"counselor_s1", "S1"}, {"counselor_s2", "S2"}}) {
            Json.list(get(q[0], "/api/v1/schools/" + q[1] + "/early-warnings").get("items"))
                    .forEach(i -> seen.addAll(codes(Json.map(i))));
        }
        // every criterion fires somewhere in the demo; but absent_in_a_row (S1-C2-11, three days up to the latest
        // register) is not asked here: other tests of this shared context register later days of S1-C2, which ends
        // the row (the rule itself is in WarningRulesTests)
        assertThat(seen).contains("sick_days_in_month", "fitness_failed", "fitness_not_tested",
                "vision_not_followed_up", "no_record_in_dimension", "violation", "labour_hours_low",
                "wellbeing_attention");
    }

    @Test
    void aViolationRecordedTodayShowsAtOnceInEnglishToo() {
        String student = "S1-C1-38";
        Map<String, Object> before = item(get("head_c1", "/api/v1/classes/S1-C1/early-warnings"), student);
        assertThat(before == null ? List.of() : codes(before)).doesNotContain("violation");
        web.mutateWith(jwt("head_c1")).post().uri("/api/v1/students/{id}/records", student)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("dimension", "MORAL", "category",
                        "violation", "title", "课间追逐打闹", "severity", "MINOR", "occurredOn",
                        LocalDate.now(SchoolClock.ZONE).toString()))
                .exchange().expectStatus().isCreated();
        Map<String, Object> after = Json.map(web.mutateWith(jwt("head_c1")).get()
                .uri("/api/v1/classes/S1-C1/early-warnings").header("Accept-Language", "en").exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody());
        Map<String, Object> i = item(after, student);
        assertThat(codes(i)).contains("violation");
        assertThat(Json.list(i.get("reasons")).stream().map(Json::map)
                .filter(r -> r.get("code").equals("violation")).findFirst().orElseThrow())
                .containsEntry("label", "a disciplinary record this term")
                .containsEntry("since", LocalDate.now(SchoolClock.ZONE).toString());
    }

    @Test
    void theSchoolAdminSeesTheSchoolWithoutTheWellbeingReason() {
        Map<String, Object> school = get("admin_s1", "/api/v1/schools/S1/early-warnings");
        assertThat(school.get("names")).isEqualTo(true);
        List<Object> classes = Json.list(school.get("items")).stream().map(i -> Json.map(i).get("classId")).distinct()
                .toList();
        assertThat(classes).contains("S1-C1", "S1-C2");
        assertThat(raw("admin_s1", "/api/v1/schools/S1/early-warnings")).doesNotContain("wellbeing_attention");
        // exact counts for the school: the grades add up to the total
        Map<String, Object> total = Json.map(school.get("total"));
        int flagged = (Integer) total.get("flagged");
        assertThat(Json.list(school.get("grades")).stream().mapToInt(g -> (Integer) Json.map(g).get("flagged")).sum())
                .isEqualTo(flagged);
        // the counselor's school list carries the wellbeing reason
        assertThat(raw("counselor_s1", "/api/v1/schools/S1/early-warnings")).contains("wellbeing_attention");
    }

    @Test
    void theBureauSeesCountsOnlyWithSmallCellsSuppressed() {
        String raw = raw("bureau", "/api/v1/stats/early-warnings");
        assertThat(raw).doesNotContain("studentId").doesNotContain("马思远").doesNotContain("reasons");
        Map<String, Object> county = get("bureau", "/api/v1/stats/early-warnings");
        assertThat(county.get("suppressionThreshold")).isEqualTo(5);
        List<Map<String, Object>> schools = Json.list(county.get("schools")).stream().map(Json::map).toList();
        assertThat(schools).extracting(s -> s.get("schoolId")).contains("S1", "S2");
        for (Map<String, Object> s : schools) {
            assertThat(Json.list(s.get("items"))).isEmpty();
            for (Object g : Json.list(s.get("grades"))) {
                Map<String, Object> byLevel = Json.map(Json.map(g).get("byLevel"));
                byLevel.values().forEach(n -> assertThat((Integer) n).satisfiesAnyOf(
                        v -> assertThat(v).isZero(), v -> assertThat(v).isGreaterThanOrEqualTo(5)));
                // a row never hides exactly one of its cells (else the total would give it away)
                List<Object> hidden = Json.list(Json.map(g).get("suppressed"));
                assertThat(hidden.size()).isNotEqualTo(1);
            }
        }
    }

    @Test
    void theFamilySeesThePortraitWithEveryFigureATeacherOnlyWhatTheyMayRead() {
        Map<String, Object> family = get("parent_c1a", "/api/v1/students/S1-C1-01/portrait");
        assertThat(family.get("name")).isEqualTo("马思远");
        assertThat(Json.list(family.get("shown"))).containsExactly("GENERAL_RECORDS", "FITNESS_SCORE", "VISION",
                "ATTENDANCE");
        List<Map<String, Object>> terms = Json.list(family.get("terms")).stream().map(Json::map).toList();
        // this term and the last, oldest first
        assertThat(terms).hasSizeGreaterThanOrEqualTo(2);
        assertThat(terms).extracting(t -> (String) t.get("term")).isSorted();
        Map<String, Object> now = terms.get(terms.size() - 1);
        assertThat(Json.list(now.get("dimensions"))).extracting(d -> Json.map(d).get("dimension"))
                .containsExactly("MORAL", "ACADEMIC", "PHYSICAL", "ARTS", "LABOUR", "SOCIAL_PRACTICE");
        assertThat(Json.list(now.get("dimensions"))).allSatisfy(d -> {
            assertThat(Json.map(d).get("label")).isNotNull();
            assertThat((Integer) Json.map(d).get("score")).isBetween(0, 100);
        });
        // 马思远 has a violation this term: counted, and not as a 思想品德 record
        assertThat(Json.at(now, "figures.violations")).isEqualTo(1);
        assertThat(Json.at(now, "figures.visionCategory")).isNotNull();
        assertThat(Json.at(now, "figures.attendanceRate")).isNotNull();

        // the subject teacher: records and the fitness score, no vision category, no attendance
        Map<String, Object> teacher = get("teacher_c1", "/api/v1/students/S1-C1-01/portrait");
        assertThat(Json.list(teacher.get("shown"))).containsExactly("GENERAL_RECORDS", "FITNESS_SCORE");
        String raw = raw("teacher_c1", "/api/v1/students/S1-C1-01/portrait");
        assertThat(raw).doesNotContain("visionCategory").doesNotContain("attendanceRate");

        // the school doctor: health figures, no records
        Map<String, Object> doctor = get("doctor_s1", "/api/v1/students/S1-C1-01/portrait");
        assertThat(Json.list(doctor.get("shown"))).containsExactly("FITNESS_SCORE", "VISION", "ATTENDANCE");

        // the teacher's read of the fitness score shows in the family's access log
        Map<String, Object> log = get("parent_c1a", "/api/v1/students/S1-C1-01/access-log?size=100");
        assertThat(Json.list(log.get("items"))).anySatisfy(e -> {
            assertThat(Json.map(e).get("action")).isEqualTo("portrait.read");
            assertThat(Json.map(e).get("dataClass")).isEqualTo("FITNESS_SCORE");
        });
    }

    @Test
    void theCountyReportSetsEachIndicatorBesideLastYearAndTheTarget() {
        String year = org.zhsz.organization.TermCalendar.schoolYear(org.zhsz.organization.TermCalendar.codeOf(
                LocalDate.now(SchoolClock.ZONE)));
        Map<String, Object> report = get("bureau", "/api/v1/reports/county?year=" + year);
        assertThat(report.get("year")).isEqualTo(year);
        assertThat(report.get("suppressionThreshold")).isEqualTo(5);
        List<Map<String, Object>> indicators = Json.list(report.get("indicators")).stream().map(Json::map).toList();
        assertThat(indicators).extracting(i -> i.get("code")).containsExactly("sports_skill", "arts_skill",
                "labour_hours", "fitness_excellent_good", "fitness_pass", "poor_vision", "screening_myopia",
                "screening_coverage", "referral_follow_up", "publicity_done", "attendance");
        for (Map<String, Object> i : indicators) {
            assertThat((String) i.get("planItem")).isNotBlank();
            assertThat((String) i.get("label")).isNotBlank();
            assertThat(Json.list(i.get("schools"))).extracting(s -> Json.map(s).get("schoolId"))
                    .containsExactly("S1", "S2");
            for (Object s : Json.list(i.get("schools"))) {
                Object rate = Json.map(s).get("rate");
                if (rate != null) {
                    assertThat(((Number) rate).doubleValue()).isBetween(0.0, 100.0);
                }
            }
        }
        // the fitness 优良率 target comes from the data file with its plan item
        Map<String, Object> eg = indicators.get(3);
        assertThat(((Number) eg.get("target")).doubleValue()).isEqualTo(50.0);
        assertThat((String) eg.get("planItem")).contains("优良率");
        // the wellbeing module gives counts only: 七年级(1)班 was screened in the autumn (all but two), S2 not at all
        Map<String, Object> coverage = indicators.get(7);
        assertThat((String) coverage.get("planItem")).contains("心理健康筛查");
        assertThat(((Number) coverage.get("target")).doubleValue()).isEqualTo(100.0);
        assertThat(((Number) school(coverage, "S1").get("rate")).doubleValue()).isBetween(40.0, 100.0);
        // referrals are few: no rate that could single a student out
        assertThat(indicators.get(8).get("county")).isNull();
        // 公示 counts classes, not people: shown even for a school of two classes
        Map<String, Object> publicity = indicators.get(9);
        assertThat((String) publicity.get("planItem")).contains("综合素质评价");
        assertThat(school(publicity, "S1").get("rate")).isNotNull();
        // no names anywhere
        String raw = raw("bureau", "/api/v1/reports/county?year=" + year);
        assertThat(raw).doesNotContain("studentId").doesNotContain("马思远");
        // the same data gives the same answer
        assertThat(raw("auditor", "/api/v1/reports/county?year=" + year)).isEqualTo(raw);
        // a year that is not a school year changes nothing and says why
        web.mutateWith(jwt("bureau")).get().uri("/api/v1/reports/county?year=2026").exchange().expectStatus()
                .isEqualTo(422);
    }

    @Test
    void theCountyReportPdfIsTheSameFileForTheSameData() throws Exception {
        String year = org.zhsz.organization.TermCalendar.schoolYear(org.zhsz.organization.TermCalendar.codeOf(
                LocalDate.now(SchoolClock.ZONE)));
        byte[] first = pdf("bureau", year);
        byte[] second = pdf("auditor", year);
        assertThat(new String(first, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        assertThat(second).isEqualTo(first);
        // the file's dates are the data's (the report's as-of day at midnight), not the clock's
        Map<String, Object> json = get("bureau", "/api/v1/reports/county?year=" + year);
        String day = ((String) json.get("asOf")).replace("-", "");
        com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(first);
        assertThat(reader.getInfo().get("CreationDate")).startsWith("D:" + day + "000000");
        assertThat(reader.getInfo().get("ModDate")).startsWith("D:" + day + "000000");
        String text = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(1);
        assertThat(text).contains("体质健康优良率").contains("健康中国行动");
        reader.close();
        web.mutateWith(jwt("bureau")).get().uri("/api/v1/reports/county?year=" + year + "&format=doc").exchange()
                .expectStatus().isEqualTo(422);

        // the sheet too: the same bytes, the county's row of each indicator with its plan item
        byte[] sheet = file("bureau", year, "xlsx");
        assertThat(file("auditor", year, "xlsx")).isEqualTo(sheet);
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(sheet))) {
            var s = wb.getSheetAt(0);
            assertThat(s.getRow(1).getCell(0).getStringCellValue()).isEqualTo("指标");
            assertThat(s.getRow(2).getCell(1).getStringCellValue()).isEqualTo("全县");
            boolean egRow = false;
            for (var row : s) {
                if (row.getCell(0) != null && "体质健康优良率".equals(row.getCell(0).getStringCellValue())) {
                    assertThat(row.getCell(4).getNumericCellValue()).isEqualTo(50.0);
                    assertThat(row.getCell(6).getStringCellValue()).contains("健康中国行动");
                    egRow = true;
                }
            }
            assertThat(egRow).isTrue();
            assertThat(wb.getProperties().getCoreProperties().getCreated().toInstant().toString())
                    .isEqualTo(json.get("asOf") + "T00:00:00Z");
        }
    }

    static Map<String, Object> school(Map<String, Object> indicator, String schoolId) {
        return Json.list(indicator.get("schools")).stream().map(Json::map)
                .filter(s -> schoolId.equals(s.get("schoolId"))).findFirst().orElseThrow();
    }

    byte[] file(String user, String year, String format) {
        return web.mutateWith(jwt(user)).get().uri("/api/v1/reports/county?year=" + year + "&format=" + format)
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBodyContent();
    }

    byte[] pdf(String user, String year) {
        return web.mutateWith(jwt(user)).get().uri("/api/v1/reports/county?year=" + year + "&format=pdf").exchange()
                .expectStatus().isOk().expectHeader().contentType("application/pdf").expectBody().returnResult()
                .getResponseBodyContent();
    }
}
