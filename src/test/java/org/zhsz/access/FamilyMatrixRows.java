package org.zhsz.access;

import static org.zhsz.access.AccessMatrix.ALL;
import static org.zhsz.access.AccessMatrix.C1A;
import static org.zhsz.access.AccessMatrix.COUNTY;
import static org.zhsz.access.AccessMatrix.delete;
import static org.zhsz.access.AccessMatrix.get;
import static org.zhsz.access.AccessMatrix.post;
import static org.zhsz.access.AccessMatrix.put;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The family module's endpoints (家校共育) in the authorization matrix. Notices: written by the class's head teacher
 * and the school admin (the whole school: the admin only), read by the class's teachers and families, confirmed by
 * guardians, receipts and reminders for the senders. Home tasks: the family ticks, the head teacher and the school
 * see them, the school admin keeps the checklists. 五项管理: the family writes and reads its own check-ins, the head
 * teacher sees the class, the class's teachers declare homework the families see, the school admin and the bureau
 * get suppressed tables. Writes stop at a business rule (422) or are idempotent.
 */
final class FamilyMatrixRows {

    private FamilyMatrixRows() {
    }

    /** Everyone whose account belongs to S1 but who is not its admin: in scope of the school, refused (403). */
    static final String[] S1_MEMBERS = {"head_c1", "teacher_c1", "pe_c1", "teacher_c2", "counselor_s1",
            "doctor_s1", "student_c1a", "parent_c1a", "student_c2a"};
    /**
     * In scope of a C1 student or of class C1 without a family-module right there (the school doctor: the school's
     * students are in scope for health data, notices, home tasks and 五项管理 are not the doctor's).
     */
    static final String[] C1_NOT_FAMILY_STAFF = {"teacher_c1", "pe_c1", "counselor_s1", "doctor_s1"};

    static List<AccessMatrix.Row> rows() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        LocalDate monday = today.minusDays(today.getDayOfWeek().getValue() - 1L);
        String c1 = "/api/v1/classes/S1-C1";
        String notice = "/api/v1/class-notices/demo-notice-exams";
        Map<String, Object> body = Map.of("title", "矩阵测试通知", "body", "请家长阅读。");
        AccessMatrix.Upload png = new AccessMatrix.Upload("日程.png", MatrixExtensions.png());
        List<AccessMatrix.Row> rows = new java.util.ArrayList<>();

        // ---- class notices
        rows.add(post(c1 + "/notices", body).is(201, "head_c1", "admin_s1").is(403, C1_NOT_FAMILY_STAFF)
                .is(403, "student_c1a", "parent_c1a").is(403, COUNTY)
                .otherwise(404));
        rows.add(post(c1 + "/notice-attachments", png).is(201, "head_c1", "admin_s1").is(403, C1_NOT_FAMILY_STAFF)
                .is(403, "student_c1a", "parent_c1a").is(403, COUNTY)
                .otherwise(404));
        rows.add(post("/api/v1/schools/S1/notices", body).is(201, "admin_s1").is(403, S1_MEMBERS).is(403, COUNTY)
                .otherwise(404));
        rows.add(post("/api/v1/schools/S1/notice-attachments", png).is(201, "admin_s1").is(403, S1_MEMBERS)
                .is(403, COUNTY).otherwise(404));
        rows.add(get("/api/v1/class-notices").is(200, ALL).otherwise(0));
        rows.add(get("/api/v1/class-notices/unread-count").is(200, ALL).otherwise(0));
        // to the guardians of 七年级(1)班: its teachers read it, its students do not, nobody else knows it exists
        rows.add(get(notice).is(200, "head_c1", "teacher_c1", "pe_c1", "admin_s1", "parent_c1a").otherwise(404));
        rows.add(post(notice + "/confirm", Map.of()).is(200, "parent_c1a")
                .is(403, "head_c1", "teacher_c1", "pe_c1", "admin_s1").otherwise(404));
        rows.add(get(notice + "/receipts").is(200, "head_c1", "admin_s1").is(403, "teacher_c1", "pe_c1", "parent_c1a")
                .otherwise(404));
        rows.add(get(notice + "/attachments/no-such-attachment").is(404, ALL).otherwise(0));
        // the first sender reminds; the second is told a reminder just went out
        rows.add(post("/api/v1/class-notices/demo-notice-meeting/reminders", Map.of()).is(200, "admin_s1")
                .is(409, "head_c1").is(403, "teacher_c1", "pe_c1", "parent_c1a", "student_c1a").otherwise(404));

        // ---- home tasks
        String checklists = "/api/v1/schools/S1/home-task-checklists";
        rows.add(get(checklists).is(200, "admin_s1").is(403, S1_MEMBERS).is(403, COUNTY).otherwise(404));
        rows.add(put(checklists + "/9", Map.of("items", List.of(Map.of("code", "tidy_room", "title", "整理房间",
                "frequency", "WEEKLY", "hours", 0.5)))).is(200, "admin_s1").is(403, S1_MEMBERS).is(403, COUNTY)
                .otherwise(404));
        rows.add(post(checklists + "/import", new AccessMatrix.Upload("清单.csv",
                "年级,任务,频次,每次时长\n".getBytes(StandardCharsets.UTF_8))).is(200, "admin_s1").is(403, S1_MEMBERS)
                .is(403, COUNTY).otherwise(404));
        String tasks = "/api/v1/students/" + C1A + "/home-tasks";
        rows.add(get(tasks).is(200, "student_c1a", "parent_c1a", "head_c1", "admin_s1").is(403, C1_NOT_FAMILY_STAFF)
                .is(403, COUNTY).otherwise(404));
        rows.add(post(tasks + "/completions", Map.of("taskCode", "no_such_task", "doneOn", today.toString()))
                .is(422, "student_c1a", "parent_c1a").is(403, "head_c1", "admin_s1").is(403, C1_NOT_FAMILY_STAFF)
                .is(403, COUNTY).otherwise(404));
        rows.add(post(tasks + "/completions/no-such-completion/confirm", Map.of()).is(404, "parent_c1a")
                .is(403, "student_c1a", "head_c1", "admin_s1").is(403, C1_NOT_FAMILY_STAFF).is(403, COUNTY)
                .otherwise(404));
        rows.add(delete(tasks + "/completions/no-such-completion").is(404, "student_c1a", "parent_c1a")
                .is(403, "head_c1", "admin_s1").is(403, C1_NOT_FAMILY_STAFF).is(403, COUNTY).otherwise(404));
        rows.add(post(tasks + "/photos", png).is(201, "student_c1a", "parent_c1a").is(403, "head_c1", "admin_s1")
                .is(403, C1_NOT_FAMILY_STAFF).is(403, COUNTY).otherwise(404));
        rows.add(get(c1 + "/home-tasks").is(200, "head_c1", "admin_s1").is(403, C1_NOT_FAMILY_STAFF)
                .is(403, "student_c1a", "parent_c1a").is(403, COUNTY).otherwise(404));

        // ---- 五项管理
        rows.add(get("/api/v1/five-management/forms").is(200, ALL).otherwise(0));
        String five = "/api/v1/students/" + C1A + "/five-management";
        rows.add(get(five).is(200, "student_c1a", "parent_c1a", "head_c1", "admin_s1").is(403, C1_NOT_FAMILY_STAFF)
                .is(403, COUNTY).otherwise(404));
        rows.add(put(five + "/checkins/" + monday, Map.of("values", Map.of("bedtime", "21:40", "wakeTime", "06:40",
                "homeworkMinutes", 80, "phoneAtSchool", false, "booksRead", 1, "exerciseMinutes", 60)))
                .is(200, "student_c1a", "parent_c1a").is(403, "head_c1", "admin_s1").is(403, C1_NOT_FAMILY_STAFF)
                .is(403, COUNTY).otherwise(404));
        rows.add(put(c1 + "/homework/" + monday, Map.of("entries", List.of())).is(200, "head_c1", "teacher_c1",
                "pe_c1", "admin_s1").is(403, "counselor_s1", "doctor_s1", "student_c1a", "parent_c1a").is(403, COUNTY)
                .otherwise(404));
        rows.add(get(c1 + "/homework").is(200, "head_c1", "teacher_c1", "pe_c1", "admin_s1", "student_c1a",
                "parent_c1a").is(403, "counselor_s1", "doctor_s1").is(403, COUNTY).otherwise(404));
        rows.add(get(c1 + "/five-management").is(200, "head_c1", "admin_s1").is(403, C1_NOT_FAMILY_STAFF)
                .is(403, "student_c1a", "parent_c1a").is(403, COUNTY).otherwise(404));
        rows.add(get("/api/v1/schools/S1/five-management").is(200, "admin_s1").is(403, S1_MEMBERS).is(403, COUNTY)
                .otherwise(404));
        rows.add(get("/api/v1/schools/S1/five-management/export").is(200, "admin_s1").is(403, S1_MEMBERS)
                .is(403, COUNTY).otherwise(404));
        rows.add(get("/api/v1/stats/five-management").is(200, "bureau").otherwise(403));
        rows.add(get("/api/v1/stats/five-management/export").is(200, "bureau").otherwise(403));
        return rows;
    }
}
