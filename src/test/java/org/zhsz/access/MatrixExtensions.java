package org.zhsz.access;

import static org.zhsz.access.AccessMatrix.C1A;
import static org.zhsz.access.AccessMatrix.C1B;
import static org.zhsz.access.AccessMatrix.C1_TEACHERS;
import static org.zhsz.access.AccessMatrix.C2A;
import static org.zhsz.access.AccessMatrix.COUNTY;
import static org.zhsz.access.AccessMatrix.get;
import static org.zhsz.access.AccessMatrix.post;
import static org.zhsz.access.AccessMatrix.put;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Rows for the feature modules' endpoints (records, fitness, wellbeing, archive), kept apart for readability. */
final class MatrixExtensions {

    private MatrixExtensions() {
    }

    static List<AccessMatrix.Row> rows() {
        List<AccessMatrix.Row> rows = new ArrayList<>();
        rows.addAll(records());
        rows.addAll(FitnessMatrixRows.rows());
        rows.addAll(FamilyMatrixRows.rows());
        rows.addAll(HealthMatrixRows.rows());
        rows.addAll(InsightMatrixRows.rows());
        rows.addAll(wellbeing());
        rows.addAll(archive());
        rows.addAll(workflows());
        rows.addAll(dailyUse());
        rows.addAll(closing());
        return rows;
    }

    /** Daily use: import templates and jobs, the auditor's action list. */
    static List<AccessMatrix.Row> dailyUse() {
        List<AccessMatrix.Row> rows = new ArrayList<>();
        rows.add(get("/api/v1/students/import/template").is(200, "admin_s1", "admin_s2").otherwise(403));
        rows.add(get("/api/v1/fitness/import/template").is(200, "admin_s1", "admin_s2", "pe_c1", "teacher_s2")
                .otherwise(403));
        rows.add(get("/api/v1/fitness/import/template?classId=S1-C1").is(200, "admin_s1", "pe_c1")
                .is(404, "admin_s2", "teacher_s2").otherwise(403));
        // an import job is its uploader's only: anyone else (and a job that does not exist) is 404
        rows.add(get("/api/v1/imports/no-such-import").is(404, AccessMatrix.ALL).otherwise(0));
        rows.add(get("/api/v1/imports/no-such-import/rejected").is(404, AccessMatrix.ALL).otherwise(0));
        rows.add(get("/api/v1/audit/actions").is(200, "auditor").otherwise(403));
        rows.add(get("/api/v1/me/todos").is(200, AccessMatrix.ALL).otherwise(0));
        // a class's archives in one read (where each stands, no content)
        rows.add(get("/api/v1/classes/S1-C1/archives").is(200, C1_TEACHERS).is(200, "admin_s1", "counselor_s1")
                .is(403, "student_c1a", "parent_c1a").is(403, COUNTY).otherwise(404));
        // batch review: each item is decided (and a refusal audited) on its own; the batch itself answers everyone
        rows.add(post("/api/v1/records/review-batch", Map.of("decision", "APPROVE", "items", List.of(Map.of(
                "studentId", C1A, "recordId", "no-such-record")))).is(200, AccessMatrix.ALL).otherwise(0));
        rows.add(get("/api/v1/record-return-reasons").is(200, AccessMatrix.ALL).otherwise(0));
        rows.add(put("/api/v1/record-return-reasons", List.of("佐证材料不足，请补充照片、证书或活动记录",
                "描述不够具体，请写清时间、地点和自己做了什么", "维度或类别选得不合适，请重新选择", "发生时间不在本学期内",
                "与已有记录重复"))
                .is(200, "admin_s1", "admin_s2").otherwise(403));
        return rows;
    }

    static final String DEMO_EVIDENCE = "6a0000000000000000000001"; // student_c1a's certificate photo

    static List<AccessMatrix.Row> records() {
        List<AccessMatrix.Row> rows = new ArrayList<>();
        String[] c1Readers = {"head_c1", "teacher_c1", "pe_c1", "admin_s1", "counselor_s1", "student_c1a",
                "parent_c1a"};
        rows.add(get("/api/v1/students/" + C1A + "/records").is(200, c1Readers).is(403, COUNTY).otherwise(404));
        rows.add(get("/api/v1/students/" + C2A + "/records").is(200, "admin_s1", "counselor_s1", "pe_c1", "teacher_c2",
                "student_c2a").is(403, COUNTY).otherwise(404));
        rows.add(get("/api/v1/students/" + C1A + "/records/S1-C1-01-r0").is(200, c1Readers).is(403, COUNTY)
                .otherwise(404));
        rows.add(get("/api/v1/students/" + C1A + "/skills").is(200, c1Readers).is(403, COUNTY).otherwise(404));
        // evidence of one child: the family and the class's teachers, nobody else, not even through another path
        rows.add(get("/api/v1/students/" + C1A + "/evidence/" + DEMO_EVIDENCE).is(200, c1Readers).is(403, COUNTY)
                .otherwise(404));
        // through another child's path the file does not exist, even for that child's own family and teachers
        rows.add(get("/api/v1/students/" + C2A + "/evidence/" + DEMO_EVIDENCE).is(403, COUNTY).otherwise(404));
        rows.add(post("/api/v1/students/" + C1B + "/records", Map.of("dimension", "MORAL", "category", "commendation",
                "title", "热心帮助同学", "occurredOn", "2026-10-20")).is(201, C1_TEACHERS).is(201, "admin_s1")
                .is(403, "counselor_s1").is(403, COUNTY).otherwise(404));
        rows.add(post("/api/v1/students/" + C1A + "/records", Map.of("dimension", "ARTS", "category", "arts_skill",
                "title", "二胡", "skill", "二胡", "occurredOn", "2026-10-20")).is(201, "head_c1", "admin_s1",
                "student_c1a").is(403, "teacher_c1", "pe_c1", "parent_c1a", "counselor_s1").is(403, COUNTY)
                .otherwise(404));
        rows.add(post("/api/v1/students/" + C1A + "/evidence", new AccessMatrix.Upload("photo.png", png()))
                .is(201, "head_c1", "teacher_c1", "pe_c1", "admin_s1", "student_c1a")
                .is(403, "parent_c1a", "counselor_s1").is(403, COUNTY).otherwise(404));
        rows.add(post("/api/v1/classes/S1-C1/records/batch", Map.of("studentIds", List.of("S1-C1-09"), "record",
                Map.of("dimension", "MORAL", "category", "volunteer_service", "title", "班级志愿活动", "hours", 1,
                        "occurredOn", "2026-10-21"))).is(200, C1_TEACHERS).is(200, "admin_s1")
                .is(403, "counselor_s1", "student_c1a", "parent_c1a").is(403, COUNTY).otherwise(404));
        rows.add(get("/api/v1/classes/S1-C1/records/overview").is(200, C1_TEACHERS).is(200, "admin_s1", "counselor_s1")
                .is(403, "student_c1a", "parent_c1a").is(403, COUNTY).otherwise(404));
        rows.add(get("/api/v1/classes/S1-C1/records/writable").is(200, C1_TEACHERS).is(200, "admin_s1",
                "counselor_s1").is(403, "student_c1a", "parent_c1a").is(403, COUNTY).otherwise(404));
        rows.add(get("/api/v1/classes/S1-C1/coverage").is(200, C1_TEACHERS).is(200, "admin_s1", "counselor_s1")
                .is(403, "student_c1a", "parent_c1a").is(403, COUNTY).otherwise(404));
        rows.add(get("/api/v1/records/review-queue").is(200, "head_c1", "admin_s1", "admin_s2").otherwise(403));
        // the county is in scope of S1 but sees coverage only as suppressed county aggregates: 403
        rows.add(get("/api/v1/schools/S1/coverage").is(200, "admin_s1", "counselor_s1", "head_c1")
                .is(403, "teacher_c1", "pe_c1", "teacher_c2", "student_c1a", "parent_c1a", "student_c2a")
                .is(403, COUNTY).otherwise(404));
        rows.add(get("/api/v1/stats/coverage").is(200, "bureau").otherwise(403));
        rows.add(get("/api/v1/record-categories").is(200, AccessMatrix.ALL).otherwise(0));
        rows.add(put("/api/v1/record-categories", List.of()).is(422, "admin_s1", "admin_s2").otherwise(403));
        return rows;
    }

    static List<AccessMatrix.Row> wellbeing() {
        List<AccessMatrix.Row> rows = new ArrayList<>();
        String[] counselors = {"counselor_s1", "counselor_s2"};
        String[] c1Family = {"student_c1a", "parent_c1a"};
        rows.add(get("/api/v1/wellbeing/instruments").is(200, AccessMatrix.ALL).otherwise(0));
        rows.add(get("/api/v1/wellbeing/instruments/phq9").is(200, AccessMatrix.ALL).otherwise(0));
        rows.add(get("/api/v1/wellbeing/risk-levels").is(200, AccessMatrix.ALL).otherwise(0));
        rows.add(post("/api/v1/wellbeing/instruments/phq9/score", Map.of("answers", List.of(0, 1, 0, 1, 0, 0, 1, 0, 0)))
                .is(200, counselors).otherwise(403));
        rows.add(get("/api/v1/wellbeing/campaigns").is(200, counselors).otherwise(403));
        rows.add(post("/api/v1/wellbeing/campaigns", Map.of("name", "矩阵测试筛查", "instruments", List.of("gad7"),
                "classIds", List.of("S1-C1"), "opensOn", "2026-12-01", "closesOn", "2026-12-10"))
                .is(201, "counselor_s1").is(422, "counselor_s2").otherwise(403));
        rows.add(get("/api/v1/wellbeing/my-screenings").is(200, "student_c1a", "student_c2a").otherwise(403));
        rows.add(post("/api/v1/wellbeing/campaigns/demo-screening-followup/responses", Map.of("instrument", "phq9",
                "answers", List.of(0, 0, 0), "noticeVersion", 1)).is(422, "student_c1a", "student_c2a")
                .is(422, counselors).otherwise(403));
        rows.add(get("/api/v1/wellbeing/alerts").is(200, counselors).otherwise(403));
        rows.add(post("/api/v1/wellbeing/alerts/demo-alert-S1-C1-12-phq9/acknowledge", Map.of("note", "已跟进"))
                .is(409, "counselor_s1").is(404, "counselor_s2").otherwise(403));
        rows.add(get("/api/v1/wellbeing/alerts/overdue").is(200, "admin_s1", "admin_s2").is(200, counselors)
                .otherwise(403));
        // the plan: the school's counselor only; in scope but refused for everyone else
        String[] inScopeNoMh = {"head_c1", "teacher_c1", "pe_c1", "admin_s1", "student_c1a", "parent_c1a"};
        rows.add(get("/api/v1/students/" + C1A + "/wellbeing/plan").is(200, "counselor_s1").is(403, inScopeNoMh)
                .is(403, COUNTY).otherwise(404));
        rows.add(get("/api/v1/students/" + C1A + "/wellbeing/plan/history").is(200, "counselor_s1")
                .is(403, inScopeNoMh).is(403, COUNTY).otherwise(404));
        rows.add(put("/api/v1/students/" + C1B + "/wellbeing/plan", Map.of("riskLevel", "green"))
                .is(200, "counselor_s1").is(403, C1_TEACHERS).is(403, "admin_s1").is(403, COUNTY).otherwise(404));
        rows.add(get("/api/v1/students/" + C1A + "/wellbeing/flag").is(200, "head_c1", "counselor_s1")
                .is(403, "teacher_c1", "pe_c1", "admin_s1").is(403, c1Family).is(403, COUNTY).otherwise(404));
        // tasks of 一人一案 plans go to the school's staff; nobody else has any
        rows.add(get("/api/v1/wellbeing/my-tasks").is(200, AccessMatrix.S1_STAFF).is(200, AccessMatrix.S2_STAFF)
                .otherwise(403));
        rows.add(get("/api/v1/wellbeing/caseload").is(200, counselors).otherwise(403));
        rows.add(get("/api/v1/students/" + C1A + "/wellbeing/sessions").is(200, "counselor_s1").is(403, inScopeNoMh)
                .is(403, COUNTY).otherwise(404));
        rows.add(post("/api/v1/students/" + C1A + "/wellbeing/sessions", Map.of("date", "2026-11-02", "minutes", 20,
                "note", "矩阵测试")).is(201, "counselor_s1").is(403, inScopeNoMh).is(403, COUNTY).otherwise(404));
        rows.add(get("/api/v1/students/" + C1A + "/wellbeing/referrals").is(200, "counselor_s1")
                .is(403, inScopeNoMh).is(403, COUNTY).otherwise(404));
        rows.add(get("/api/v1/wellbeing/stats/campaigns/demo-screening-autumn").is(200, "counselor_s1")
                .is(404, "counselor_s2").otherwise(403));
        rows.add(get("/api/v1/wellbeing/stats/trend").is(200, counselors).otherwise(403));
        rows.add(get("/api/v1/wellbeing/stats/school").is(200, "admin_s1", "admin_s2").is(200, counselors)
                .otherwise(403));
        rows.add(get("/api/v1/wellbeing/stats/county").is(200, "bureau").otherwise(403));
        return rows;
    }

    static List<AccessMatrix.Row> archive() {
        String term = org.zhsz.organization.TermCalendar.codeOf(java.time.LocalDate.now(
                java.time.ZoneId.of("Asia/Shanghai")));
        String[] c1Staff = {"head_c1", "teacher_c1", "pe_c1", "admin_s1", "counselor_s1"};
        List<AccessMatrix.Row> rows = new ArrayList<>();
        rows.add(get("/api/v1/students/" + C1A + "/archives/" + term).is(200, c1Staff)
                .is(200, "student_c1a", "parent_c1a").is(403, COUNTY).otherwise(404));
        rows.add(put("/api/v1/students/" + C2A + "/archives/" + term + "/self-statement", Map.of("text", "我的自我陈述"))
                .is(200, "student_c2a").is(403, "teacher_c2", "pe_c1", "admin_s1", "counselor_s1").is(403, COUNTY)
                .otherwise(404));
        rows.add(put("/api/v1/students/" + C2A + "/archives/" + term + "/selection", Map.of("selection", Map.of()))
                .is(200, "student_c2a").is(403, "teacher_c2", "pe_c1", "admin_s1", "counselor_s1").is(403, COUNTY)
                .otherwise(404));
        rows.add(put("/api/v1/students/" + C1B + "/archives/" + term + "/comment", Map.of("text", "该生踏实认真"))
                .is(200, "head_c1").is(403, "teacher_c1", "pe_c1", "admin_s1", "counselor_s1").is(403, COUNTY)
                .otherwise(404));
        // publicity is running in the demo: the signers reach the rule, everyone else is refused
        rows.add(post("/api/v1/students/" + C1A + "/archives/" + term + "/sign", Map.of())
                .is(422, "student_c1a", "parent_c1a", "head_c1").is(403, "teacher_c1", "pe_c1", "admin_s1",
                        "counselor_s1").is(403, COUNTY).otherwise(404));
        rows.add(post("/api/v1/students/" + C1A + "/archives/" + term + "/approve", Map.of()).is(422, "admin_s1")
                .is(403, "head_c1", "teacher_c1", "pe_c1", "counselor_s1", "student_c1a", "parent_c1a")
                .is(403, COUNTY).otherwise(404));
        rows.add(get("/api/v1/classes/S1-C1/publicity").is(200, C1_TEACHERS).is(200, "admin_s1", "student_c1a",
                "parent_c1a").is(403, "counselor_s1").is(403, COUNTY).otherwise(404));
        rows.add(post("/api/v1/classes/S1-C1/publicity/objections", Map.of("studentId", "S1-C1-09",
                "reason", "矩阵测试：请核实这条记录")).is(201, C1_TEACHERS).is(201, "student_c1a", "parent_c1a")
                .is(403, "admin_s1", "counselor_s1").is(403, COUNTY).otherwise(404));
        rows.add(get("/api/v1/classes/S1-C1/publicity/objections").is(200, C1_TEACHERS).is(200, "admin_s1",
                "student_c1a", "parent_c1a").is(403, "counselor_s1").is(403, COUNTY).otherwise(404));
        rows.add(get("/api/v1/students/" + C1A + "/dossier.pdf").is(200, "student_c1a", "parent_c1a", "admin_s1")
                .is(403, C1_TEACHERS).is(403, "counselor_s1").is(403, COUNTY).otherwise(404));
        rows.add(post("/api/v1/dossier-exports", Map.of("classId", "S1-C1")).is(202, "admin_s1").is(404, "admin_s2")
                .otherwise(403));
        rows.add(get("/api/v1/dossier-exports").is(200, "admin_s1", "admin_s2").otherwise(403));
        rows.add(post("/api/v1/dossier-releases", Map.of("studentIds", List.of(C1A), "officer", "admissions",
                "until", java.time.Instant.now().plus(java.time.Duration.ofDays(30)).toString(), "reason", "中考录取"))
                .is(201, "admin_s1").is(404, "admin_s2").otherwise(403));
        // once released, the admissions officer reads that dossier (and only that one)
        rows.add(get("/api/v1/students/" + C1A + "/dossier.pdf").is(200, "student_c1a", "parent_c1a", "admin_s1",
                "admissions").is(403, C1_TEACHERS).is(403, "counselor_s1").is(403, COUNTY).otherwise(404));
        rows.add(get("/api/v1/students/" + C2A + "/dossier.pdf").is(422, "student_c2a", "admin_s1")
                .is(403, "pe_c1", "teacher_c2", "counselor_s1").is(403, COUNTY).otherwise(404));
        rows.add(get("/api/v1/admissions/dossiers").is(200, "admissions").otherwise(403));
        rows.add(get("/api/v1/verify/AAAA-BBBB-CCCC").is(404, AccessMatrix.ALL).otherwise(0));
        // opening publicity changes the class: last
        rows.add(post("/api/v1/classes/S1-C2/publicity", Map.of()).is(201, "admin_s1")
                .is(403, "teacher_c2", "pe_c1", "student_c2a", "counselor_s1").is(403, COUNTY).otherwise(404));
        return rows;
    }

    /** Single-resource actions: ids of demo data, or ids that do not exist where only the refusal matters. */
    static List<AccessMatrix.Row> workflows() {
        String prevTerm = org.zhsz.organization.TermCalendar.previous(org.zhsz.organization.TermCalendar.codeOf(
                java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))));
        String[] inScopeNoMh = {"head_c1", "teacher_c1", "pe_c1", "admin_s1", "student_c1a", "parent_c1a"};
        String[] s1Family = {"student_c1a", "parent_c1a", "student_c2a"};
        List<AccessMatrix.Row> rows = new ArrayList<>();
        // (student_c1a's dossier was released to "admissions" above: that officer is in scope, and refused)
        // organization
        rows.add(get("/api/v1/terms/current").is(200, AccessMatrix.S1_STAFF).is(200, AccessMatrix.S2_STAFF)
                .is(200, s1Family).otherwise(404));
        rows.add(AccessMatrix.patch("/api/v1/classes/S1-C2", Map.of()).is(200, "admin_s1")
                .is(404, AccessMatrix.S2_STAFF).is(404, "admissions").otherwise(403));
        rows.add(post("/api/v1/staff", Map.of("username", "matrix_teacher", "name", "矩阵测试教师"))
                .is(201, "admin_s1").is(409, "admin_s2").otherwise(403));
        // an assignment is decided by its school: one that does not exist is not found, for everyone
        rows.add(AccessMatrix.delete("/api/v1/assignments/no-such-assignment").is(404, AccessMatrix.ALL)
                .otherwise(0));
        // staff leaving / coming back (teacher_c2 stays active: nothing changes); decided by the staff member's
        // school: out of scope for another school's people and the admission office
        rows.add(AccessMatrix.patch("/api/v1/staff/teacher_c2", Map.of("active", true)).is(200, "admin_s1")
                .is(404, AccessMatrix.S2_STAFF).is(404, "admissions").otherwise(403));
        // accounts of a class's students and guardians: the school admin and the class's head teacher; the
        // allowed call names a student of another class, so it stops at validation before reaching Keycloak
        rows.add(get("/api/v1/classes/S1-C1/accounts").is(200, "admin_s1", "head_c1")
                .is(403, "teacher_c1", "pe_c1", "counselor_s1", "student_c1a", "parent_c1a").is(403, COUNTY)
                .otherwise(404));
        rows.add(post("/api/v1/classes/S1-C1/accounts", Map.of("studentIds", List.of(C2A)))
                .is(422, "admin_s1", "head_c1")
                .is(403, "teacher_c1", "pe_c1", "counselor_s1", "student_c1a", "parent_c1a").is(403, COUNTY)
                .otherwise(404));
        // notices, consents, bases, grants, notifications
        rows.add(get("/api/v1/notices/MENTAL_HEALTH_SCREENING").is(200, AccessMatrix.ALL).otherwise(0));
        rows.add(post("/api/v1/students/" + C1A + "/consents/no-such-consent/withdraw", Map.of())
                .is(404, AccessMatrix.ALL).otherwise(0));
        rows.add(post("/api/v1/schools/S1/processing-bases", Map.of("purpose", "HEALTH_SPECIAL_CONSTITUTION",
                "reference", "《学校卫生工作条例》第十四条")).is(201, "admin_s1")
                .is(403, "head_c1", "teacher_c1", "pe_c1", "teacher_c2", "counselor_s1").is(403, s1Family)
                .is(403, COUNTY).otherwise(404));
        rows.add(AccessMatrix.delete("/api/v1/grants/no-such-grant").is(404, AccessMatrix.ALL).otherwise(0));
        rows.add(post("/api/v1/notifications/no-such-notification/read", Map.of()).is(404, AccessMatrix.ALL)
                .otherwise(0));
        // records: edit, review, submit, void, delete
        rows.add(AccessMatrix.patch("/api/v1/students/" + C1A + "/records/S1-C1-01-r0", Map.of())
                .is(200, "head_c1", "admin_s1").is(403, "teacher_c1", "pe_c1", "counselor_s1", "student_c1a",
                        "parent_c1a").is(403, COUNTY).is(403, "admissions").otherwise(404));
        rows.add(post("/api/v1/students/" + C1A + "/records/S1-C1-01-s1/review", Map.of("decision", "APPROVE"))
                .is(200, "admin_s1").is(422, "head_c1").is(403, "teacher_c1", "pe_c1", "counselor_s1",
                        "student_c1a", "parent_c1a").is(403, COUNTY).is(403, "admissions").otherwise(404));
        // a student's draft exists for nobody but the student
        rows.add(post("/api/v1/students/" + C1A + "/records/S1-C1-01-s2/submit", Map.of()).is(200, "student_c1a")
                .is(404, "admin_s1", "head_c1", "teacher_c1", "pe_c1").is(403, "counselor_s1", "parent_c1a")
                .is(403, COUNTY).is(403, "admissions").otherwise(404));
        rows.add(post("/api/v1/students/" + C1A + "/records/S1-C1-01-r0/void", Map.of("reason", "矩阵测试作废"))
                .is(200, "admin_s1").is(422, "head_c1").is(403, "teacher_c1", "pe_c1", "counselor_s1",
                        "student_c1a", "parent_c1a").is(403, COUNTY).is(403, "admissions").otherwise(404));
        rows.add(AccessMatrix.delete("/api/v1/students/" + C1A + "/records/no-such-record").is(404,
                "admin_s1", "head_c1", "teacher_c1", "pe_c1", "student_c1a").is(403, "counselor_s1", "parent_c1a")
                .is(403, COUNTY).is(403, "admissions").otherwise(404));
        // health flag documents (medical: the admin writes; family, counselor and admin read)
        rows.add(post("/api/v1/students/S1-C1-05/health-flags/demo-flag-S1-C1-05/documents",
                new AccessMatrix.Upload("诊断证明.png", png())).is(201, "admin_s1")
                .is(403, "head_c1", "teacher_c1", "pe_c1", "counselor_s1").is(403, COUNTY).otherwise(404));
        rows.add(get("/api/v1/students/S1-C1-05/health-flags/demo-flag-S1-C1-05/documents/no-such-document")
                .is(404, "admin_s1", "counselor_s1").is(403, "head_c1", "teacher_c1", "pe_c1").is(403, COUNTY)
                .otherwise(404));
        // wellbeing referrals
        rows.add(post("/api/v1/students/" + C1A + "/wellbeing/referrals", Map.of("hospital", "固原市第二人民医院",
                "referredOn", "2026-11-02", "guardianInformed", true)).is(201, "counselor_s1")
                .is(403, inScopeNoMh).is(403, COUNTY).is(403, "admissions").otherwise(404));
        rows.add(AccessMatrix.patch("/api/v1/students/" + C1A + "/wellbeing/referrals/no-such-referral",
                Map.of("outcome", "门诊随访")).is(404, "counselor_s1").is(403, inScopeNoMh).is(403, COUNTY)
                .is(403, "admissions").otherwise(404));
        // archive: amendments of student_c1a's locked previous term, decisions, dossiers, exports
        rows.add(post("/api/v1/students/" + C1A + "/archives/" + prevTerm + "/amendments",
                Map.of("reason", "评语笔误更正", "comment", "该生尊敬师长，团结同学。")).is(201, "head_c1")
                .is(403, "teacher_c1", "pe_c1", "admin_s1", "counselor_s1", "student_c1a", "parent_c1a")
                .is(403, COUNTY).is(403, "admissions").otherwise(404));
        rows.add(post("/api/v1/students/" + C1A + "/archives/" + prevTerm + "/amendments/no-such-amendment/decision",
                Map.of("decision", "APPROVE")).is(404, "admin_s1").is(403, "head_c1", "teacher_c1", "pe_c1",
                "counselor_s1", "student_c1a", "parent_c1a").is(403, COUNTY).is(403, "admissions").otherwise(404));
        rows.add(post("/api/v1/publicity/objections/no-such-objection/resolve", Map.of("decision", "DISMISSED",
                "resolution", "经核实无误")).is(404, AccessMatrix.ALL).otherwise(0));
        rows.add(post("/api/v1/dossiers/AAAA-BBBB-CCCC/revoke", Map.of("reason", "矩阵测试")).is(404, AccessMatrix.ALL)
                .otherwise(0));
        rows.add(get("/api/v1/dossier-exports/no-such-export").is(404, AccessMatrix.ALL).otherwise(0));
        rows.add(get("/api/v1/dossier-exports/no-such-export/file").is(404, AccessMatrix.ALL).otherwise(0));
        rows.add(get("/api/v1/dossier-releases").is(200, "admin_s1", "admin_s2").otherwise(403));
        // public verification by file: anyone, no login; a non-PDF is refused
        rows.add(post("/api/v1/verify", new AccessMatrix.Upload("dossier.pdf", png())).is(415, AccessMatrix.ALL)
                .otherwise(0));
        return rows;
    }

    /** Rows that end something the rows above rely on (the demo publicity window, the open screening): last. */
    static List<AccessMatrix.Row> closing() {
        List<AccessMatrix.Row> rows = new ArrayList<>();
        rows.add(post("/api/v1/classes/S1-C1/publicity/close", Map.of()).is(200, "head_c1", "admin_s1")
                .is(403, "teacher_c1", "pe_c1", "counselor_s1", "student_c1a", "parent_c1a").is(403, COUNTY)
                .otherwise(404));
        rows.add(post("/api/v1/wellbeing/campaigns/demo-screening-followup/close", Map.of())
                .is(200, "counselor_s1").is(404, "counselor_s2").otherwise(403));
        return rows;
    }

    static byte[] png() {
        try {
            java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(4, 4,
                    java.awt.image.BufferedImage.TYPE_INT_RGB);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            javax.imageio.ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
