package org.zhsz.family;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhsz.family.FamilyApi.code;
import static org.zhsz.family.FamilyApi.fieldCodes;
import static org.zhsz.family.FamilyApi.list;
import static org.zhsz.family.FamilyApi.map;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.zhsz.support.ZhszTest;

/**
 * 五项管理 through the API: a family's weekly check-in measured against the targets of the child's grade, the head
 * teacher's class week comparing declared and reported homework, and suppressed school and county tables.
 */
@ZhszTest
class FiveManagementApiTests {

    private static final String SIYUAN = "S1-C1-01";

    @Autowired
    WebTestClient web;

    private FamilyApi api;
    private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private final LocalDate thisWeek = today.minusDays(today.getDayOfWeek().getValue() - 1L);

    @BeforeEach
    void setUp() {
        api = new FamilyApi(web);
    }

    private static Map<String, Object> values(String bed, String wake, int homework, boolean phone) {
        Map<String, Object> v = new HashMap<>();
        v.put("bedtime", bed);
        v.put("wakeTime", wake);
        v.put("homeworkMinutes", homework);
        v.put("phoneAtSchool", phone);
        v.put("booksRead", 2);
        v.put("exerciseMinutes", 70);
        return v;
    }

    private static Map<String, Object> evaluation(Map<String, Object> entry, String target) {
        return list(entry.get("evaluation")).stream().filter(e -> target.equals(e.get("target"))).findFirst()
                .orElseThrow();
    }

    @Test
    void theFormsNameTheirSources() {
        Map<String, Object> c = api.get("parent_c1a", "/api/v1/five-management/forms", 200);
        assertThat(list(c.get("sources"))).extracting(s -> s.get("number")).contains("教基厅函〔2021〕11号",
                "教基厅函〔2021〕13号");
        assertThat(list(c.get("forms"))).extracting(f -> f.get("code")).containsExactly("weekly_checkin",
                "homework_declaration");
    }

    @Test
    void aFamilyChecksInAndSeesHowTheWeekMeasuresUp() {
        String uri = "/api/v1/students/" + SIYUAN + "/five-management/checkins/" + thisWeek;
        boolean filled = list(api.get("parent_c1a", "/api/v1/students/" + SIYUAN + "/five-management?weeks=1", 200)
                .get("weeks")).get(0).get("values") != null;
        assertThat(api.todo("parent_c1a", "five_checkin_due")).as("the home page's to-do").isEqualTo(filled ? 0 : 1);
        Map<String, Object> entry = api.put("parent_c1a", uri, Map.of("values", values("21:40", "06:40", 100, false)),
                200);
        assertThat(entry.get("sleepMinutes")).isEqualTo(540);
        assertThat(evaluation(entry, "sleep")).containsEntry("met", true).containsEntry("limit", 540);
        assertThat(evaluation(entry, "homework")).containsEntry("met", false).containsEntry("limit", 90);
        assertThat(evaluation(entry, "phone")).containsEntry("met", true);
        assertThat(evaluation(entry, "reading")).doesNotContainKey("met");
        assertThat(map(entry.get("by"))).containsEntry("name", "马海军").containsEntry("role", "parent");
        assertThat(api.todo("parent_c1a", "five_checkin_due")).isZero();
        // filling in again replaces the week
        api.put("parent_c1a", uri, Map.of("values", values("21:30", "06:40", 85, false)), 200);
        Map<String, Object> mine = api.get("parent_c1a", "/api/v1/students/" + SIYUAN + "/five-management?weeks=4",
                200);
        assertThat(list(mine.get("weeks"))).hasSize(4);
        Map<String, Object> week = list(mine.get("weeks")).get(0);
        assertThat(week.get("weekStart")).isEqualTo(thisWeek.toString());
        assertThat(map(week.get("values"))).containsEntry("homeworkMinutes", 85);
        assertThat(list(mine.get("targets"))).filteredOn(t -> "sleep".equals(t.get("code"))).singleElement()
                .satisfies(t -> assertThat(map(t.get("source"))).containsEntry("number", "教基厅函〔2021〕11号"));
    }

    @Test
    void checkInsAreCheckedAndOnlyTheFamilyWrites() {
        String uri = "/api/v1/students/" + SIYUAN + "/five-management/checkins/";
        Map<String, Object> bad = values("25:00", "06:40", 100, false);
        bad.put("mood", "ok");
        assertThat(fieldCodes(api.put("parent_c1a", uri + thisWeek, Map.of("values", bad), 422)))
                .containsExactlyInAnyOrder("values.bedtime:time", "values.mood:unknown");
        assertThat(fieldCodes(api.put("parent_c1a", uri + thisWeek, Map.of("values", values("06:30", "06:00", 10,
                false)), 422))).containsExactly("values.wakeTime:implausible_sleep");
        assertThat(fieldCodes(api.put("parent_c1a", uri + thisWeek.plusDays(1), Map.of("values",
                values("21:30", "06:30", 60, false)), 422))).containsExactly("weekStart:not_monday");
        assertThat(fieldCodes(api.put("parent_c1a", uri + thisWeek.plusWeeks(1), Map.of("values",
                values("21:30", "06:30", 60, false)), 422))).containsExactly("weekStart:in_future");
        api.put("head_c1", uri + thisWeek, Map.of("values", values("21:30", "06:30", 60, false)), 403);
        api.put("parent_c1a", "/api/v1/students/S1-C1-02/five-management/checkins/" + thisWeek,
                Map.of("values", values("21:30", "06:30", 60, false)), 404);
        api.get("teacher_c1", "/api/v1/students/" + SIYUAN + "/five-management", 403);
    }

    @Test
    void theHeadTeachersReadShowsInTheFamilysAccessLog() {
        api.get("head_c1", "/api/v1/students/" + SIYUAN + "/five-management", 200);
        Map<String, Object> log = api.get("parent_c1a", "/api/v1/students/" + SIYUAN + "/access-log?size=50", 200);
        assertThat(list(log.get("items"))).anyMatch(e -> "FIVE_MANAGEMENT".equals(e.get("dataClass"))
                && "马晓梅".equals(e.get("name")));
    }

    @Test
    void theClassWeekComparesDeclaredAndReportedHomework() {
        LocalDate day = today.getDayOfWeek() == DayOfWeek.SATURDAY || today.getDayOfWeek() == DayOfWeek.SUNDAY
                ? thisWeek : today;
        Map<String, Object> declared = api.put("teacher_c1", "/api/v1/classes/S1-C1/homework/" + day,
                Map.of("entries", List.of(Map.of("subject", "语文", "minutes", 35, "note", "背诵《春》"))), 200);
        assertThat(declared.get("limit")).isEqualTo(90);
        assertThat(list(declared.get("entries"))).extracting(e -> e.get("subject")).contains("语文", "英语");
        // one subject, one teacher
        assertThat(code(api.put("pe_c1", "/api/v1/classes/S1-C1/homework/" + day,
                Map.of("entries", List.of(Map.of("subject", "语文", "minutes", 20))), 409)))
                .isEqualTo("subject_declared");
        api.put("teacher_c2", "/api/v1/classes/S1-C1/homework/" + day, Map.of("entries", List.of()), 404);
        api.put("parent_c1a", "/api/v1/classes/S1-C1/homework/" + day, Map.of("entries", List.of()), 403);
        // families see what was declared (作业公示)
        Map<String, Object> seen = api.get("parent_c1a", "/api/v1/classes/S1-C1/homework?from=" + thisWeek, 200);
        assertThat(list(seen.get("days"))).anyMatch(d -> day.toString().equals(d.get("date")));

        api.put("parent_c1a", "/api/v1/students/" + SIYUAN + "/five-management/checkins/" + thisWeek,
                Map.of("values", values("22:30", "06:30", 120, true)), 200);
        Map<String, Object> week = api.get("head_c1", "/api/v1/classes/S1-C1/five-management?week=" + thisWeek, 200);
        assertThat(week.get("students")).isEqualTo(40);
        int checkedIn = (Integer) week.get("checkedIn");
        assertThat(checkedIn).isBetween(1, 40);
        Map<String, Object> row = list(week.get("rows")).stream().filter(r -> SIYUAN.equals(r.get("studentId")))
                .findFirst().orElseThrow();
        assertThat(row).containsEntry("checkedIn", true).containsEntry("homeworkMinutes", 120);
        assertThat(String.valueOf(row.get("notMet"))).contains("sleep", "bedtime", "homework", "phone");
        Map<String, Object> hw = map(week.get("homework"));
        assertThat(hw).containsEntry("limit", 90).containsKeys("declaredDailyAverage", "reportedDailyAverage");
        assertThat((Integer) hw.get("reporting")).isEqualTo(checkedIn);
        Map<String, Object> sleep = list(week.get("shares")).stream().filter(s -> "sleep".equals(s.get("code")))
                .findFirst().orElseThrow();
        assertThat((Integer) sleep.get("of")).isEqualTo(checkedIn);
        assertThat((Integer) sleep.get("met")).isLessThan(checkedIn);
        api.get("teacher_c1", "/api/v1/classes/S1-C1/five-management", 403);
        api.get("parent_c1a", "/api/v1/classes/S1-C1/five-management", 403);
    }

    @Test
    void schoolAndCountyTablesHideSmallRows() {
        Map<String, Object> school = api.get("admin_s1", "/api/v1/schools/S1/five-management", 200);
        assertThat(list(school.get("classes"))).extracting(c -> c.get("name")).containsExactly("七年级(1)班",
                "七年级(2)班");
        Map<String, Object> total = map(school.get("school"));
        assertThat((Integer) total.get("respondents")).isGreaterThanOrEqualTo(5);
        assertThat(map(total.get("share"))).containsKeys("sleep", "homework", "phone", "exercise", "bedtime");
        api.get("head_c1", "/api/v1/schools/S1/five-management", 403);
        api.get("admin_s2", "/api/v1/schools/S1/five-management", 404);

        Map<String, Object> county = api.get("bureau", "/api/v1/stats/five-management", 200);
        assertThat(list(county.get("schools"))).hasSize(2);
        // a published row never rests on 1 to 4 families
        for (Map<String, Object> r : list(county.get("schools"))) {
            Object n = r.get("respondents");
            assertThat(n == null ? (Boolean) r.get("suppressed") : (Integer) n >= 5).isTrue();
        }
        api.get("admin_s1", "/api/v1/stats/five-management", 403);
    }

    @Test
    void theCountyExportsATableToSendOn() throws Exception {
        byte[] csv = api.bytes("bureau", "/api/v1/stats/five-management/export?format=csv", 200);
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF泾源县 五项管理家庭填报统计").contains("泾源县第一中学").contains("睡眠时间达标（%）")
                .contains("填报人数少于 5 人");
        byte[] xlsx = api.bytes("bureau", "/api/v1/stats/five-management/export", 200);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(wb.getSheetAt(0).getRow(1).getCell(3).getStringCellValue()).isEqualTo("填报人数");
            List<String> names = new java.util.ArrayList<>();
            for (int r = 2; r <= wb.getSheetAt(0).getLastRowNum(); r++) {
                var row = wb.getSheetAt(0).getRow(r);
                if (row != null && row.getCell(1) != null) {
                    names.add(row.getCell(1).getStringCellValue());
                }
            }
            assertThat(names).contains("泾源县第一中学", "泾源县泾河源镇中心小学", "七年级");
        }
        byte[] school = api.bytes("admin_s1", "/api/v1/schools/S1/five-management/export?format=csv", 200);
        assertThat(new String(school, StandardCharsets.UTF_8)).contains("七年级(1)班");
        api.bytes("admin_s1", "/api/v1/stats/five-management/export", 403);
        assertThat(code(api.get("bureau", "/api/v1/stats/five-management/export?format=pdf", 422)))
                .isEqualTo("validation_failed");
    }
}
