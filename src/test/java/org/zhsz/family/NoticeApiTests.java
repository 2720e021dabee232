package org.zhsz.family;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhsz.family.FamilyApi.code;
import static org.zhsz.family.FamilyApi.fieldCodes;
import static org.zhsz.family.FamilyApi.list;
import static org.zhsz.family.FamilyApi.map;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.zhsz.support.ZhszTest;

/** 班级通知 through the API: sent by the head teacher, read and confirmed by a parent, receipts and reminders. */
@ZhszTest
class NoticeApiTests {

    @Autowired
    WebTestClient web;
    @Autowired
    ReactiveMongoTemplate mongo;

    private FamilyApi api;

    @BeforeEach
    void setUp() {
        api = new FamilyApi(web);
    }

    private static Map<String, Object> notice(String title, boolean confirm) {
        Map<String, Object> b = new HashMap<>();
        b.put("title", title);
        b.put("body", "各位家长：本周四下午学校组织消防演练，请提醒孩子穿运动鞋。");
        b.put("requiresConfirmation", confirm);
        if (confirm) {
            b.put("dueOn", LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(3).toString());
        }
        return b;
    }

    private long notices() {
        return mongo.count(new org.springframework.data.mongodb.core.query.Query(), Docs.Notice.class).block();
    }

    private static Map<String, Object> row(Map<String, Object> receipts, String studentId) {
        return list(receipts.get("students")).stream().filter(r -> studentId.equals(r.get("studentId"))).findFirst()
                .orElseThrow();
    }

    @Test
    void aNoticeIsSentReadConfirmedAndTheSenderSeesIt() {
        Map<String, Object> sent = api.post("head_c1", "/api/v1/classes/S1-C1/notices", notice("消防演练通知", true),
                201);
        String id = (String) sent.get("id");
        assertThat(sent.get("classNames")).isEqualTo(List.of("七年级(1)班"));
        assertThat(map(sent.get("sentBy"))).containsEntry("name", "马晓梅").containsEntry("role", "head_teacher");

        // the parent's list shows it unread
        Map<String, Object> page = api.get("parent_c1a", "/api/v1/class-notices", 200);
        Map<String, Object> item = list(page.get("items")).stream().filter(i -> id.equals(i.get("id"))).findFirst()
                .orElseThrow();
        assertThat(item.get("reader")).isEqualTo("guardian");
        assertThat(list(item.get("mine"))).singleElement().satisfies(m -> {
            assertThat(m.get("studentName")).isEqualTo("马思远");
            assertThat(m.get("status")).isEqualTo("UNREAD");
        });
        long unread = ((Number) api.get("parent_c1a", "/api/v1/class-notices/unread-count", 200).get("unread"))
                .longValue();
        assertThat(unread).isGreaterThanOrEqualTo(1);
        assertThat(api.todo("parent_c1a", "notices_unread")).as("the home page's to-do").isEqualTo(unread);

        // opening it marks it read; confirming signs it
        Map<String, Object> read = api.get("parent_c1a", "/api/v1/class-notices/" + id, 200);
        assertThat(read.get("body")).asString().contains("消防演练");
        assertThat(list(read.get("mine")).get(0).get("status")).isEqualTo("READ");
        assertThat(read.get("canConfirm")).isEqualTo(true);
        assertThat(read.get("counts")).isNull(); // families see their own receipts, not the class's
        assertThat(((Number) api.get("parent_c1a", "/api/v1/class-notices/unread-count", 200).get("unread"))
                .longValue()).isEqualTo(unread - 1);
        assertThat(api.todo("parent_c1a", "notices_unread")).isEqualTo(unread - 1);
        Map<String, Object> confirmed = api.post("parent_c1a", "/api/v1/class-notices/" + id + "/confirm", null, 200);
        assertThat(list(confirmed.get("mine")).get(0)).containsEntry("status", "CONFIRMED").containsKey("confirmedAt");
        // confirming twice changes nothing
        api.post("parent_c1a", "/api/v1/class-notices/" + id + "/confirm", Map.of(), 200);

        // the head teacher's receipts: every student of the class, the father confirmed, with times
        Map<String, Object> receipts = api.get("head_c1", "/api/v1/class-notices/" + id + "/receipts", 200);
        assertThat(list(receipts.get("students"))).hasSize(40);
        Map<String, Object> siyuan = row(receipts, "S1-C1-01");
        assertThat(siyuan.get("status")).isEqualTo("CONFIRMED");
        Map<String, Object> father = list(siyuan.get("guardians")).get(0);
        assertThat(father).containsEntry("name", "马海军").containsEntry("relation", "父亲")
                .containsEntry("status", "CONFIRMED").containsKeys("readAt", "confirmedAt");
        // a guardian without an account cannot be reached in the app, and the sender is told so
        assertThat(list(row(receipts, "S1-C1-02").get("guardians")).get(0)).containsEntry("status", "NO_ACCOUNT");
        assertThat(map(receipts.get("counts"))).containsEntry("students", 40).containsEntry("confirmed", 1)
                .containsEntry("studentsConfirmed", 1);
    }

    @Test
    void outsideTheClassTheNoticeDoesNotExist() {
        String id = (String) api.post("head_c1", "/api/v1/classes/S1-C1/notices", notice("家长会", false), 201)
                .get("id");
        for (String outsider : List.of("teacher_c2", "student_c2a", "admin_s2", "bureau", "auditor", "admissions")) {
            assertThat(code(api.get(outsider, "/api/v1/class-notices/" + id, 404))).isEqualTo("not_found");
            assertThat(list(api.get(outsider, "/api/v1/class-notices", 200).get("items")))
                    .noneMatch(i -> id.equals(i.get("id")));
        }
        // the notice is to guardians: the student of the class does not see it either
        api.get("student_c1a", "/api/v1/class-notices/" + id, 404);
        // teachers of the class read it but do not manage receipts; families cannot see receipts
        api.get("teacher_c1", "/api/v1/class-notices/" + id, 200);
        api.get("teacher_c1", "/api/v1/class-notices/" + id + "/receipts", 403);
        api.get("parent_c1a", "/api/v1/class-notices/" + id + "/receipts", 403);
        api.post("teacher_c1", "/api/v1/classes/S1-C1/notices", notice("任课教师的通知", false), 403);
        api.post("teacher_c2", "/api/v1/classes/S1-C1/notices", notice("别的班", false), 404);
    }

    @Test
    void aNoticeThatSinglesOutAChildIsRefusedAndNothingIsStored() {
        long before = notices();
        Map<String, Object> b = notice("成绩通报", false);
        b.put("body", "马思远同学本次月考数学不及格，请家长督促。");
        Map<String, Object> p = api.post("head_c1", "/api/v1/classes/S1-C1/notices", b, 422);
        assertThat(fieldCodes(p)).containsExactly("body:names_a_student");
        assertThat(list(p.get("errors")).get(0).get("message")).asString().contains("不能点名学生");
        b.put("body", "学籍号 G640424201309010128 的学生请补交材料");
        assertThat(fieldCodes(api.post("head_c1", "/api/v1/classes/S1-C1/notices", b, 422)))
                .containsExactly("body:personal_number");
        // there is no field for a student: an attempt to address one is a bad request
        Map<String, Object> withStudent = notice("单独通知", false);
        withStudent.put("studentId", "S1-C1-01");
        assertThat(code(api.post("head_c1", "/api/v1/classes/S1-C1/notices", withStudent, 400)))
                .isEqualTo("unknown_field");
        Map<String, Object> late = notice("回执", true);
        late.put("dueOn", "2020-01-01");
        assertThat(fieldCodes(api.post("head_c1", "/api/v1/classes/S1-C1/notices", late, 422)))
                .containsExactly("dueOn:in_past");
        assertThat(notices()).isEqualTo(before);
    }

    @Test
    void studentsReadNoticesAddressedToThemButOnlyGuardiansConfirm() {
        Map<String, Object> b = notice("春季运动会报名", true);
        b.put("audience", "GUARDIANS_AND_STUDENTS");
        String id = (String) api.post("head_c1", "/api/v1/classes/S1-C1/notices", b, 201).get("id");
        Map<String, Object> seen = api.get("student_c1a", "/api/v1/class-notices/" + id, 200);
        assertThat(seen.get("reader")).isEqualTo("student");
        assertThat(seen.get("canConfirm")).isEqualTo(false);
        assertThat(code(api.post("student_c1a", "/api/v1/class-notices/" + id + "/confirm", null, 403)))
                .isEqualTo("forbidden");
        Map<String, Object> receipts = api.get("head_c1", "/api/v1/class-notices/" + id + "/receipts", 200);
        assertThat(row(receipts, "S1-C1-01")).containsKey("studentReadAt").containsEntry("status", "UNREAD");
    }

    @Test
    void aNoticeWithoutConfirmationCannotBeConfirmed() {
        String id = (String) api.post("head_c1", "/api/v1/classes/S1-C1/notices", notice("放学时间调整", false), 201)
                .get("id");
        assertThat(code(api.post("parent_c1a", "/api/v1/class-notices/" + id + "/confirm", null, 422)))
                .isEqualTo("confirmation_not_requested");
    }

    @Test
    void oneReminderReachesThoseWhoHaveNotReadAndCarriesNoContent() {
        String title = "期末家长签字提醒 " + System.nanoTime();
        String id = (String) api.post("head_c1", "/api/v1/classes/S1-C1/notices", notice(title, true), 201).get("id");
        Map<String, Object> r = api.post("head_c1", "/api/v1/class-notices/" + id + "/reminders", null, 200);
        assertThat(r.get("guardians")).isEqualTo(40);
        assertThat(r.get("inApp")).isEqualTo(1);
        // no channel in this county: the 39 guardians without an account cannot be reached, and the sender is told
        assertThat(r).containsEntry("external", 0).containsEntry("unreachable", 39);
        assertThat(code(api.post("head_c1", "/api/v1/class-notices/" + id + "/reminders", null, 409)))
                .isEqualTo("reminder_too_soon");
        // the father's inbox: a new-notice message and the reminder, neither saying what the notice is about
        List<Map<String, Object>> inbox = list(api.as("parent_c1a").get().uri("/api/v1/notifications").exchange()
                .expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody());
        List<Map<String, Object>> about = inbox.stream().filter(n -> ("/notices/" + id).equals(n.get("link")))
                .toList();
        assertThat(about).extracting(n -> n.get("kind")).containsExactlyInAnyOrder("class_notice",
                "class_notice_reminder");
        assertThat(about).allSatisfy(n -> {
            assertThat(n.get("title") + " " + n.get("body")).doesNotContain(title).doesNotContain("马思远");
            assertThat(n.get("body")).asString().contains("请登录平台查看");
        });
        api.post("parent_c1a", "/api/v1/class-notices/" + id + "/reminders", null, 403);
    }

    @Test
    void theSchoolAdminWritesToTheWholeSchoolAndHeadTeachersSeeTheirClass() {
        Map<String, Object> sent = api.post("admin_s1", "/api/v1/schools/S1/notices", notice("全校安全教育周", false),
                201);
        String id = (String) sent.get("id");
        assertThat(sent.get("scope")).isEqualTo("SCHOOL");
        assertThat(list(sent.get("classIds"))).isEqualTo(List.of("S1-C1", "S1-C2"));
        api.post("head_c1", "/api/v1/schools/S1/notices", notice("不行", false), 403);
        api.post("admin_s2", "/api/v1/schools/S1/notices", notice("不行", false), 404);
        // the head teacher of 七年级(1)班 sees the receipts of that class only
        Map<String, Object> mine = api.get("head_c1", "/api/v1/class-notices/" + id + "/receipts", 200);
        assertThat(list(mine.get("students"))).hasSize(40).allMatch(s -> "S1-C1".equals(s.get("classId")));
        assertThat(list(api.get("admin_s1", "/api/v1/class-notices/" + id + "/receipts", 200).get("students")))
                .hasSizeGreaterThan(40);
        api.get("student_c2a", "/api/v1/class-notices/" + id, 404);
        api.get("teacher_c2", "/api/v1/class-notices/" + id, 200);
    }

    @Test
    void attachmentsFollowTheUploadRules() {
        Map<String, Object> file = api.upload("head_c1", "/api/v1/classes/S1-C1/notice-attachments", "日程.png",
                FamilyApi.png(), 201);
        assertThat(file.get("contentType")).isEqualTo("image/png");
        assertThat(code(api.upload("head_c1", "/api/v1/classes/S1-C1/notice-attachments", "安排.pdf",
                "MZ\u0090 not a pdf".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 415)))
                .isEqualTo("unsupported_media_type");
        api.upload("parent_c1a", "/api/v1/classes/S1-C1/notice-attachments", "x.png", FamilyApi.png(), 403);
        Map<String, Object> b = notice("研学活动安排", false);
        b.put("attachments", List.of(file.get("id")));
        String id = (String) api.post("head_c1", "/api/v1/classes/S1-C1/notices", b, 201).get("id");
        byte[] got = api.bytes("parent_c1a", "/api/v1/class-notices/" + id + "/attachments/" + file.get("id"), 200);
        assertThat(got).isEqualTo(FamilyApi.png());
        api.as("parent_c1a").get().uri("/api/v1/class-notices/" + id + "/attachments/" + file.get("id")).exchange()
                .expectHeader().valueMatches("Content-Disposition", "inline;.*")
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("Content-Security-Policy", "sandbox");
        api.bytes("teacher_c2", "/api/v1/class-notices/" + id + "/attachments/" + file.get("id"), 404);
        // an attachment goes with one notice, and only its uploader may attach it
        assertThat(fieldCodes(api.post("head_c1", "/api/v1/classes/S1-C1/notices", b, 422)))
                .containsExactly("attachments:unknown");
    }
}
