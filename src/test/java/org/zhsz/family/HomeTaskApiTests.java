package org.zhsz.family;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhsz.family.FamilyApi.code;
import static org.zhsz.family.FamilyApi.fieldCodes;
import static org.zhsz.family.FamilyApi.list;
import static org.zhsz.family.FamilyApi.map;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.zhsz.support.ZhszTest;

/**
 * 家庭劳动 through the API: a parent ticks a task of the grade's checklist, the head teacher approves the resulting
 * record in the review queue, and the hours count in the term's labour hours; a student's tick waits for a parent.
 */
@ZhszTest
class HomeTaskApiTests {

    private static final String SIYUAN = "S1-C1-01";

    @Autowired
    WebTestClient web;

    private FamilyApi api;
    private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @BeforeEach
    void setUp() {
        api = new FamilyApi(web);
    }

    private static Map<String, Object> tick(String task, LocalDate on, String hours) {
        Map<String, Object> b = new HashMap<>();
        b.put("taskCode", task);
        b.put("doneOn", on.toString());
        if (hours != null) {
            b.put("hours", new BigDecimal(hours));
        }
        return b;
    }

    private BigDecimal labourHours(String term) {
        Map<String, Object> skills = api.get("parent_c1a", "/api/v1/students/" + SIYUAN + "/skills", 200);
        Object h = map(skills.get("labourHoursByTerm")).get(term);
        return h == null ? BigDecimal.ZERO : new BigDecimal(h.toString());
    }

    @Test
    void aParentsTickIsApprovedByTheHeadTeacherAndCountsInLabourHours() {
        Map<String, Object> mine = api.get("parent_c1a", "/api/v1/students/" + SIYUAN + "/home-tasks", 200);
        assertThat(mine.get("relation")).isEqualTo("guardian");
        assertThat(mine.get("grade")).isEqualTo(7);
        assertThat(list(mine.get("tasks"))).extracting(t -> t.get("code")).contains("tidy_room", "feed_livestock");
        String term = (String) mine.get("term");
        BigDecimal before = labourHours(term);

        Map<String, Object> done = api.post("parent_c1a", "/api/v1/students/" + SIYUAN + "/home-tasks/completions",
                tick("tidy_room", today, "0.5"), 201);
        assertThat(done.get("status")).isEqualTo("SUBMITTED");
        assertThat(map(done.get("confirmedBy"))).containsEntry("name", "马海军");
        String recordId = (String) done.get("recordId");

        // the head teacher reviews it like a self-report, seeing that the family confirmed it
        List<Map<String, Object>> queue = list(api.as("head_c1").get().uri("/api/v1/records/review-queue").exchange()
                .expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody());
        Map<String, Object> rec = queue.stream().filter(r -> recordId.equals(r.get("id"))).findFirst().orElseThrow();
        assertThat(rec).containsEntry("source", "FAMILY").containsEntry("dimension", "LABOUR")
                .containsEntry("categoryName", "家务劳动").containsEntry("title", "整理房间与衣柜");
        assertThat(map(map(rec.get("family")).get("confirmedBy"))).containsEntry("name", "马海军")
                .containsEntry("role", "父亲");
        api.post("head_c1", "/api/v1/students/" + SIYUAN + "/records/" + recordId + "/review",
                Map.of("decision", "APPROVE"), 200);

        Map<String, Object> after = api.get("parent_c1a", "/api/v1/students/" + SIYUAN + "/home-tasks", 200);
        assertThat(list(after.get("completions")).stream().filter(c -> done.get("id").equals(c.get("id")))
                .findFirst().orElseThrow()).containsEntry("status", "APPROVED");
        assertThat(labourHours(term)).isEqualByComparingTo(before.add(new BigDecimal("0.5")));

        // a weekly task is ticked once a week
        assertThat(code(api.post("parent_c1a", "/api/v1/students/" + SIYUAN + "/home-tasks/completions",
                tick("tidy_room", today, null), 422))).isEqualTo("home_task_already_done_this_week");
    }

    @Test
    void aStudentsTickWaitsForAParent() {
        long waiting = api.todo("parent_c1a", "home_tasks_to_confirm");
        Map<String, Object> ticked = api.post("student_c1a", "/api/v1/students/" + SIYUAN + "/home-tasks/completions",
                tick("care_family", today, null), 201);
        assertThat(ticked).containsEntry("status", "AWAITING_GUARDIAN").doesNotContainKey("recordId");
        assertThat(map(ticked.get("doneBy"))).containsEntry("role", "student");
        String id = (String) ticked.get("id");
        List<Map<String, Object>> inbox = list(api.as("parent_c1a").get().uri("/api/v1/notifications").exchange()
                .expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody());
        assertThat(inbox).anyMatch(n -> "home_task_to_confirm".equals(n.get("kind")));
        assertThat(api.todo("parent_c1a", "home_tasks_to_confirm")).as("the home page's to-do").isEqualTo(waiting + 1);
        assertThat(api.todoText("parent_c1a", "home_tasks_to_confirm")).startsWith("马思远：").endsWith("项家庭劳动打卡待您确认");
        assertThat(api.todo("student_c1a", "home_tasks_to_confirm")).as("not the student's to-do").isZero();
        api.post("student_c1a", "/api/v1/students/" + SIYUAN + "/home-tasks/completions/" + id + "/confirm", null, 403);
        Map<String, Object> confirmed = api.post("parent_c1a", "/api/v1/students/" + SIYUAN
                + "/home-tasks/completions/" + id + "/confirm", null, 200);
        assertThat(confirmed).containsEntry("status", "SUBMITTED").containsKey("recordId");
        assertThat(api.todo("parent_c1a", "home_tasks_to_confirm")).isEqualTo(waiting);
        assertThat(code(api.post("parent_c1a", "/api/v1/students/" + SIYUAN + "/home-tasks/completions/" + id
                + "/confirm", null, 422))).isEqualTo("wrong_status");
    }

    @Test
    void aTickWaitingForAParentCanBeWithdrawn() {
        String id = (String) api.post("student_c1a", "/api/v1/students/" + SIYUAN + "/home-tasks/completions",
                tick("feed_livestock", today, null), 201).get("id");
        api.as("parent_c1a").delete().uri("/api/v1/students/" + SIYUAN + "/home-tasks/completions/" + id).exchange()
                .expectStatus().isNoContent();
        Map<String, Object> after = api.get("student_c1a", "/api/v1/students/" + SIYUAN + "/home-tasks", 200);
        assertThat(list(after.get("completions")).stream().filter(c -> id.equals(c.get("id"))).findFirst()
                .orElseThrow()).containsEntry("status", "WITHDRAWN");
        // withdrawn, it no longer blocks the week
        api.post("student_c1a", "/api/v1/students/" + SIYUAN + "/home-tasks/completions",
                tick("feed_livestock", today, null), 201);
    }

    @Test
    void ticksAreChecked() {
        String uri = "/api/v1/students/" + SIYUAN + "/home-tasks/completions";
        assertThat(fieldCodes(api.post("parent_c1a", uri, tick("no_such_task", today, null), 422)))
                .containsExactly("taskCode:unknown");
        assertThat(code(api.post("parent_c1a", uri, tick("appliance_care", today.plusDays(1), null), 422)))
                .isEqualTo("home_task_in_future");
        assertThat(code(api.post("parent_c1a", uri, tick("appliance_care", today.minusDays(20), null), 422)))
                .isEqualTo("home_task_too_old");
        assertThat(fieldCodes(api.post("parent_c1a", uri, tick("appliance_care", today, "9"), 422)))
                .containsExactly("hours:out_of_range");
        // teachers do not tick a family's tasks; another family's child does not exist for them
        api.post("head_c1", uri, tick("appliance_care", today, null), 403);
        api.post("parent_c1a", "/api/v1/students/S1-C2-01/home-tasks/completions", tick("tidy_room", today, null),
                404);
    }

    static byte[] jpegWithGps() throws IOException {
        BufferedImage img = new BufferedImage(16, 8, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", jpeg);
        byte[] plain = jpeg.toByteArray();
        // APP1 Exif, little-endian TIFF: IFD0 with a GPSInfo pointer to a GPS IFD holding latitude 35°29'N
        ByteArrayOutputStream t = new ByteArrayOutputStream();
        t.writeBytes(new byte[]{'I', 'I', 42, 0, 8, 0, 0, 0, 1, 0});
        t.writeBytes(new byte[]{0x25, (byte) 0x88, 4, 0, 1, 0, 0, 0, 26, 0, 0, 0, 0, 0, 0, 0});
        t.writeBytes(new byte[]{2, 0, 1, 0, 2, 0, 2, 0, 0, 0, 'N', 0, 0, 0, 2, 0, 5, 0, 3, 0, 0, 0, 56, 0, 0, 0,
                0, 0, 0, 0});
        t.writeBytes(new byte[]{35, 0, 0, 0, 1, 0, 0, 0, 29, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0});
        byte[] tiff = t.toByteArray();
        int len = 2 + 6 + tiff.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2);
        out.writeBytes(new byte[]{(byte) 0xFF, (byte) 0xE1, (byte) (len >> 8), (byte) len, 'E', 'x', 'i', 'f', 0, 0});
        out.writeBytes(tiff);
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }

    private static boolean contains(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Test
    void aPhotoLosesItsLocationAndGoesWithTheTick() throws IOException {
        byte[] photo = jpegWithGps();
        byte[] gpsPointer = {0x25, (byte) 0x88};
        assertThat(contains(photo, gpsPointer)).isTrue();
        Map<String, Object> stored = api.upload("parent_c1a", "/api/v1/students/" + SIYUAN + "/home-tasks/photos",
                "做饭.jpg", photo, 201);
        assertThat(stored.get("contentType")).isEqualTo("image/jpeg");
        byte[] kept = api.bytes("parent_c1a", "/api/v1/students/" + SIYUAN + "/evidence/" + stored.get("id"), 200);
        assertThat(contains(kept, gpsPointer)).isFalse();
        assertThat(contains(kept, "Exif".getBytes(StandardCharsets.US_ASCII))).isFalse();

        Map<String, Object> b = tick("cook_meal", today, "2");
        b.put("photos", List.of(stored.get("id")));
        b.put("note", "给全家做了一顿午饭");
        Map<String, Object> done = api.post("parent_c1a", "/api/v1/students/" + SIYUAN + "/home-tasks/completions", b,
                201);
        assertThat(done.get("photos")).isEqualTo(List.of(stored.get("id")));
        // the head teacher sees the photo with the record
        Map<String, Object> detail = api.get("head_c1", "/api/v1/students/" + SIYUAN + "/records/"
                + done.get("recordId"), 200);
        assertThat(list(detail.get("evidence"))).extracting(e -> e.get("id")).containsExactly(stored.get("id"));
        // a photo goes with one tick
        Map<String, Object> again = tick("appliance_care", today, null);
        again.put("photos", List.of(stored.get("id")));
        assertThat(fieldCodes(api.post("parent_c1a", "/api/v1/students/" + SIYUAN + "/home-tasks/completions",
                again, 422))).containsExactly("photos:unknown");
        // photos only, through the same sniffing rules as evidence
        api.upload("parent_c1a", "/api/v1/students/" + SIYUAN + "/home-tasks/photos", "证明.pdf",
                "%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1), 415);
        api.upload("parent_c1a", "/api/v1/students/" + SIYUAN + "/home-tasks/photos", "a.jpg",
                "not an image".getBytes(StandardCharsets.UTF_8), 415);
        api.upload("head_c1", "/api/v1/students/" + SIYUAN + "/home-tasks/photos", "a.png", FamilyApi.png(), 403);
    }

    @Test
    void theSchoolKeepsItsChecklistsPerGrade() {
        Map<String, Object> all = api.get("admin_s1", "/api/v1/schools/S1/home-task-checklists", 200);
        assertThat(list(all.get("grades"))).extracting(g -> g.get("grade")).containsExactly(7, 8, 9);
        assertThat(list(list(all.get("grades")).get(0).get("items"))).extracting(i -> i.get("code"))
                .contains("feed_livestock");
        List<Map<String, Object>> items = List.of(
                Map.of("code", "tidy_room", "title", "整理房间", "frequency", "WEEKLY", "hours", 0.5),
                Map.of("title", "帮家里喂鸡", "frequency", "DAILY", "hours", 0.2));
        Map<String, Object> saved = api.put("admin_s1", "/api/v1/schools/S1/home-task-checklists/8",
                Map.of("items", items), 200);
        assertThat(saved.get("custom")).isEqualTo(true);
        assertThat(list(saved.get("items"))).extracting(i -> i.get("code")).first().isEqualTo("tidy_room");
        assertThat((String) list(saved.get("items")).get(1).get("code")).matches("t[0-9a-f]{10}");
        api.put("head_c1", "/api/v1/schools/S1/home-task-checklists/8", Map.of("items", items), 403);
        api.put("admin_s2", "/api/v1/schools/S1/home-task-checklists/8", Map.of("items", items), 404);
        assertThat(fieldCodes(api.put("admin_s1", "/api/v1/schools/S1/home-task-checklists/3", Map.of("items", items),
                422))).containsExactly("grade:not_in_school");
        assertThat(fieldCodes(api.put("admin_s1", "/api/v1/schools/S1/home-task-checklists/8",
                Map.of("items", List.of(Map.of("title", "", "frequency", "DAILY", "hours", 0.2))), 422)))
                .contains("items[0].title:required");
    }

    @Test
    void checklistsImportFromASpreadsheetAndAgainChangesNothing() {
        String csv = "年级,任务,说明,频次,每次时长,假期任务\n"
                + "九年级,整理书桌,,每周,0.5,否\n"
                + "9,寒假：贴春联,和家人一起,一次,1,是\n"
                + "9,随便做做,,偶尔,1,否\n"
                + "五年级,扫地,,每天,0.2,否\n";
        byte[] file = csv.getBytes(StandardCharsets.UTF_8);
        Map<String, Object> report = api.upload("admin_s1", "/api/v1/schools/S1/home-task-checklists/import",
                "清单.csv", file, 200);
        assertThat(report).containsEntry("rows", 4).containsEntry("accepted", 2).containsEntry("rejected", 2);
        assertThat(list(report.get("errors"))).extracting(e -> e.get("row") + ":" + e.get("field") + ":" + e.get("code"))
                .containsExactly("4:frequency:invalid", "5:grade:not_in_school");
        assertThat(list(report.get("grades"))).singleElement().satisfies(g -> {
            assertThat(g.get("grade")).isEqualTo(9);
            assertThat(g.get("tasks")).isEqualTo(2);
        });
        Map<String, Object> again = api.upload("admin_s1", "/api/v1/schools/S1/home-task-checklists/import",
                "清单.csv", file, 200);
        assertThat(list(again.get("grades")).get(0).get("outcome")).isEqualTo("unchanged");
        api.upload("head_c1", "/api/v1/schools/S1/home-task-checklists/import", "清单.csv", file, 403);
    }

    @Test
    void theHeadTeacherSeesTheClass() {
        Map<String, Object> c = api.get("head_c1", "/api/v1/classes/S1-C1/home-tasks", 200);
        assertThat(list(c.get("students"))).hasSize(40);
        // the demo's families confirmed a few tasks, waiting for the head teacher
        assertThat(list(c.get("students"))).filteredOn(s -> (Integer) s.get("submitted") > 0).hasSizeGreaterThan(2);
        assertThat(((Number) c.get("studentsWithConfirmed")).intValue()).isGreaterThan(2);
        api.get("teacher_c1", "/api/v1/classes/S1-C1/home-tasks", 403);
        api.get("parent_c1a", "/api/v1/classes/S1-C1/home-tasks", 403);
        api.get("teacher_c2", "/api/v1/classes/S1-C1/home-tasks", 404);
    }
}
