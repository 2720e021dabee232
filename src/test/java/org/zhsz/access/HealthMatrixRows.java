package org.zhsz.access;

import static org.zhsz.access.AccessMatrix.ALL;
import static org.zhsz.access.AccessMatrix.C1A;
import static org.zhsz.access.AccessMatrix.C1B;
import static org.zhsz.access.AccessMatrix.COUNTY;
import static org.zhsz.access.AccessMatrix.S2A;
import static org.zhsz.access.AccessMatrix.get;
import static org.zhsz.access.AccessMatrix.post;
import static org.zhsz.access.AccessMatrix.put;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.zhsz.organization.TermCalendar;
import org.zhsz.platform.SchoolClock;

/**
 * The health module's endpoints (issue 15): vision for the family, the head teacher, the counselor, the school admin
 * and the school doctor, "check-up advised" only for the class's other teachers, writes for the doctor and the admin;
 * the register for the head teacher and the admin, attendance reads for the family, head teacher, counselor, admin
 * and doctor, 复课 for the head teacher, doctor and admin; the school's day and follow-ups for the admin and doctor;
 * county aggregates for the bureau. Writes are idempotent or stop at a business rule after the check.
 */
final class HealthMatrixRows {

    private HealthMatrixRows() {
    }

    static final String[] S1_MEMBERS = {"head_c1", "teacher_c1", "pe_c1", "teacher_c2", "counselor_s1",
            "student_c1a", "parent_c1a", "student_c2a"};

    static List<AccessMatrix.Row> rows() {
        LocalDate today = LocalDate.now(SchoolClock.ZONE);
        String year = TermCalendar.schoolYear(TermCalendar.codeOf(today));
        String[] c1Family = {"student_c1a", "parent_c1a"};
        List<AccessMatrix.Row> rows = new ArrayList<>();

        // ---- vision: one student's file (values, or check-up advice only for the class's other teachers)
        rows.add(get("/api/v1/students/" + C1A + "/vision").is(200, c1Family).is(200, "head_c1", "teacher_c1",
                "pe_c1", "admin_s1", "counselor_s1", "doctor_s1").is(403, COUNTY).otherwise(404));
        rows.add(get("/api/v1/students/" + S2A + "/vision").is(200, "admin_s2", "counselor_s2", "teacher_s2")
                .is(403, COUNTY).otherwise(404));
        rows.add(put("/api/v1/students/" + C1B + "/vision/" + year, Map.of("examinedOn", today.toString(),
                "left", Map.of("uncorrected", "4.9", "sphere", "-0.50"), "right", Map.of("uncorrected", "5.0")))
                .is(200, "doctor_s1", "admin_s1").is(403, "head_c1", "teacher_c1", "pe_c1", "counselor_s1")
                .is(403, COUNTY).otherwise(404));
        // ---- the class grid
        rows.add(get("/api/v1/classes/S1-C1/vision").is(200, "head_c1", "teacher_c1", "pe_c1", "admin_s1",
                "counselor_s1", "doctor_s1").is(403, c1Family).is(403, COUNTY).otherwise(404));
        rows.add(put("/api/v1/classes/S1-C1/vision?year=" + year, Map.of("rows", List.of()))
                .is(200, "doctor_s1", "admin_s1").is(403, "head_c1", "teacher_c1", "pe_c1", "counselor_s1")
                .is(403, c1Family).is(403, COUNTY).otherwise(404));
        // ---- import, export, statistics
        rows.add(post("/api/v1/vision/import?year=" + year, new AccessMatrix.Upload("视力.csv",
                "学籍号,姓名,右眼裸眼视力,左眼裸眼视力\n".getBytes(StandardCharsets.UTF_8)))
                .is(200, "doctor_s1", "admin_s1", "admin_s2").otherwise(403));
        rows.add(get("/api/v1/vision/export?year=" + year).is(200, "doctor_s1", "admin_s1", "admin_s2")
                .otherwise(403));
        rows.add(get("/api/v1/schools/S1/vision/stats?year=" + year).is(200, "doctor_s1", "admin_s1")
                .is(403, S1_MEMBERS).is(403, COUNTY).otherwise(404));
        rows.add(get("/api/v1/vision/stats/county?year=" + year).is(200, "bureau").otherwise(403));

        // ---- attendance: the register, a student's attendance, 复课
        rows.add(get("/api/v1/attendance/symptoms").is(200, ALL).otherwise(0));
        rows.add(put("/api/v1/classes/S1-C1/attendance/" + today, Map.of("absences", List.of()))
                .is(200, "head_c1", "admin_s1").is(403, "teacher_c1", "pe_c1", "counselor_s1", "doctor_s1")
                .is(403, c1Family).is(403, COUNTY).otherwise(404));
        rows.add(get("/api/v1/classes/S1-C1/attendance/" + today).is(200, "head_c1", "admin_s1", "counselor_s1",
                "doctor_s1").is(403, "teacher_c1", "pe_c1").is(403, c1Family).is(403, COUNTY).otherwise(404));
        rows.add(get("/api/v1/students/" + C1A + "/attendance").is(200, c1Family).is(200, "head_c1", "admin_s1",
                "counselor_s1", "doctor_s1").is(403, "teacher_c1", "pe_c1").is(403, COUNTY).otherwise(404));
        rows.add(post("/api/v1/students/" + C1A + "/attendance/follow-ups/no-such-follow-up/return",
                Map.of("returnedOn", today.toString())).is(404, "head_c1", "admin_s1", "doctor_s1")
                .is(403, "teacher_c1", "pe_c1", "counselor_s1").is(403, c1Family).is(403, COUNTY).otherwise(404));
        // ---- the school's day and follow-ups, the county
        rows.add(get("/api/v1/schools/S1/attendance/follow-ups").is(200, "admin_s1", "doctor_s1")
                .is(403, S1_MEMBERS).is(403, COUNTY).otherwise(404));
        rows.add(get("/api/v1/schools/S1/attendance/" + today).is(200, "admin_s1", "doctor_s1")
                .is(403, S1_MEMBERS).is(403, COUNTY).otherwise(404));
        rows.add(get("/api/v1/attendance/county").is(200, "bureau").otherwise(403));
        return rows;
    }

    /**
     * The school doctor's column for the rows written before issue 15 (which list the users they name and give
     * everyone else {@code otherwise}, mostly 404). The doctor belongs to S1, so S1's students and classes are in
     * scope: reads of health data are 200, everything else a 403 — never 404, never 写实记录 or mental health.
     * Keyed by row name with the school year as {year} and the term as {term}.
     */
    static Map<String, Integer> schoolDoctorCells() {
        Map<String, Integer> m = new java.util.HashMap<>();
        // reads of the school's students and classes, fitness detail, 特异体质 flags and their documents
        cell(m, 200, "GET /api/v1/classes/S1-C1");
        cell(m, 200, "GET /api/v1/classes/S1-C2");
        cell(m, 200, "GET /api/v1/schools/S1");
        cell(m, 200, "GET /api/v1/terms");
        cell(m, 200, "GET /api/v1/terms/current");
        cell(m, 200, "GET /api/v1/students/S1-C1-01");
        cell(m, 200, "GET /api/v1/students/S1-C2-01");
        cell(m, 200, "GET /api/v1/students?classId=S1-C1");
        cell(m, 200, "GET /api/v1/students");
        cell(m, 200, "GET /api/v1/classes/S1-C1/fitness");
        cell(m, 200, "GET /api/v1/students/S1-C1-01/fitness");
        cell(m, 200, "GET /api/v1/students/S1-C2-05/fitness/{year}/exemption/document");
        cell(m, 200, "GET /api/v1/fitness/stats?classId=S1-C1");
        cell(m, 200, "GET /api/v1/students/S1-C1-01/health-flags");
        cell(m, 200, "GET /api/v1/students/S1-C1-05/health-flags");
        cell(m, 200, "PATCH /api/v1/students/S1-C1-05/health-flags/demo-flag-S1-C1-05");
        cell(m, 200, "GET /api/v1/classes/S1-C1/health-flags");
        cell(m, 200, "GET /api/v1/classes/S1-C2/health-flags");
        // 特异体质 flags: the doctor writes them (a document upload, an invalid new flag stops at the rule)
        cell(m, 201, "POST /api/v1/students/S1-C1-05/health-flags/demo-flag-S1-C1-05/documents");
        cell(m, 422, "POST /api/v1/students/S1-C1-05/health-flags");
        // in scope and refused: the student's registry and the school's settings
        cell(m, 403, "PATCH /api/v1/students/S1-C1-03");
        cell(m, 403, "POST /api/v1/students/S1-C1-03/transfer");
        cell(m, 403, "GET /api/v1/students/S1-C1-01/access-log");
        cell(m, 403, "GET /api/v1/students/S1-C1-01/consents");
        cell(m, 403, "POST /api/v1/schools/S1/processing-bases");
        cell(m, 403, "GET /api/v1/schools/S1/processing-bases");
        cell(m, 403, "POST /api/v1/students/S1-C1-01/consents");
        cell(m, 403, "POST /api/v1/students/S1-C2-01/break-glass");
        cell(m, 403, "GET /api/v1/classes/S1-C1/records/writable");
        // in scope and refused: 写实记录, evidence and coverage, never the doctor's
        cell(m, 403, "GET /api/v1/students/S1-C1-01/records");
        cell(m, 403, "GET /api/v1/students/S1-C2-01/records");
        cell(m, 403, "GET /api/v1/students/S1-C1-01/records/S1-C1-01-r0");
        cell(m, 403, "GET /api/v1/students/S1-C1-01/skills");
        cell(m, 403, "GET /api/v1/students/S1-C1-01/evidence/6a0000000000000000000001");
        cell(m, 403, "GET /api/v1/students/S1-C2-01/evidence/6a0000000000000000000001");
        cell(m, 403, "POST /api/v1/students/S1-C1-03/records");
        cell(m, 403, "POST /api/v1/students/S1-C1-01/records");
        cell(m, 403, "POST /api/v1/students/S1-C1-01/evidence");
        cell(m, 403, "POST /api/v1/classes/S1-C1/records/batch");
        cell(m, 403, "GET /api/v1/classes/S1-C1/records/overview");
        cell(m, 403, "GET /api/v1/classes/S1-C1/coverage");
        cell(m, 403, "GET /api/v1/schools/S1/coverage");
        cell(m, 403, "PATCH /api/v1/students/S1-C1-01/records/S1-C1-01-r0");
        cell(m, 403, "POST /api/v1/students/S1-C1-01/records/S1-C1-01-s1/review");
        cell(m, 403, "POST /api/v1/students/S1-C1-01/records/S1-C1-01-s2/submit");
        cell(m, 403, "POST /api/v1/students/S1-C1-01/records/S1-C1-01-r0/void");
        cell(m, 403, "DELETE /api/v1/students/S1-C1-01/records/no-such-record");
        // in scope and refused: fitness results are the PE teacher's to write
        cell(m, 403, "PUT /api/v1/classes/S1-C1/fitness?year={year}");
        cell(m, 403, "PUT /api/v1/students/S1-C1-03/fitness/{year}");
        cell(m, 403, "PUT /api/v1/students/S1-C1-03/fitness/{year}/makeup");
        cell(m, 403, "PUT /api/v1/students/S1-C1-03/fitness/{year}/exemption");
        cell(m, 403, "DELETE /api/v1/students/S1-C1-03/fitness/{year}/exemption");
        // in scope and refused: mental-health content
        cell(m, 403, "GET /api/v1/students/S1-C1-01/wellbeing/plan");
        cell(m, 403, "GET /api/v1/students/S1-C1-01/wellbeing/plan/history");
        cell(m, 403, "PUT /api/v1/students/S1-C1-03/wellbeing/plan");
        cell(m, 403, "GET /api/v1/students/S1-C1-01/wellbeing/flag");
        cell(m, 403, "GET /api/v1/students/S1-C1-01/wellbeing/sessions");
        cell(m, 403, "POST /api/v1/students/S1-C1-01/wellbeing/sessions");
        cell(m, 403, "GET /api/v1/students/S1-C1-01/wellbeing/referrals");
        cell(m, 403, "POST /api/v1/students/S1-C1-01/wellbeing/referrals");
        cell(m, 403, "PATCH /api/v1/students/S1-C1-01/wellbeing/referrals/no-such-referral");
        // in scope and refused: archives, publicity and dossiers
        cell(m, 403, "GET /api/v1/students/S1-C1-01/archives/{term}");
        cell(m, 403, "PUT /api/v1/students/S1-C2-01/archives/{term}/self-statement");
        cell(m, 403, "PUT /api/v1/students/S1-C2-01/archives/{term}/selection");
        cell(m, 403, "PUT /api/v1/students/S1-C1-03/archives/{term}/comment");
        cell(m, 403, "POST /api/v1/students/S1-C1-01/archives/{term}/sign");
        cell(m, 403, "POST /api/v1/students/S1-C1-01/archives/{term}/approve");
        cell(m, 403, "POST /api/v1/students/S1-C1-01/archives/{term}/amendments");
        cell(m, 403, "POST /api/v1/students/S1-C1-01/archives/{term}/amendments/no-such-amendment/decision");
        cell(m, 403, "GET /api/v1/classes/S1-C1/publicity");
        cell(m, 403, "POST /api/v1/classes/S1-C1/publicity/objections");
        cell(m, 403, "GET /api/v1/classes/S1-C1/publicity/objections");
        cell(m, 403, "POST /api/v1/classes/S1-C2/publicity");
        cell(m, 403, "POST /api/v1/classes/S1-C1/publicity/close");
        cell(m, 403, "GET /api/v1/students/S1-C1-01/dossier.pdf");
        cell(m, 403, "GET /api/v1/students/S1-C2-01/dossier.pdf");
        cell(m, 403, "GET /api/v1/classes/S1-C1/archives");
        // in scope and refused: a class's login accounts (the school admin and head teacher hand them out)
        cell(m, 403, "GET /api/v1/classes/S1-C1/accounts");
        cell(m, 403, "POST /api/v1/classes/S1-C1/accounts");
        return m;
    }

    private static void cell(Map<String, Integer> m, int status, String name) {
        if (m.put(name, status) != null) {
            throw new IllegalStateException(name + " listed twice");
        }
    }

    /** Row names with the school year and term replaced, so the doctor's cells do not depend on the date. */
    static String key(String name) {
        return name.replaceAll("\\d{4}-\\d{4}-[12]", "{term}").replaceAll("\\d{4}-\\d{4}", "{year}");
    }

    /** The rows with the school doctor's expected status added where {@link #schoolDoctorCells()} names it. */
    static List<AccessMatrix.Row> withSchoolDoctor(List<AccessMatrix.Row> rows) {
        Map<String, Integer> cells = schoolDoctorCells();
        java.util.Set<String> used = new java.util.HashSet<>();
        List<AccessMatrix.Row> out = new ArrayList<>();
        for (AccessMatrix.Row r : rows) {
            Integer status = r.expected().containsKey("doctor_s1") ? null : cells.get(key(r.name()));
            if (status == null) {
                out.add(r);
                continue;
            }
            used.add(key(r.name()));
            Map<String, Integer> expected = new java.util.HashMap<>(r.expected());
            expected.put("doctor_s1", status);
            out.add(new AccessMatrix.Row(r.name(), r.method(), r.uri(), r.body(), Map.copyOf(expected),
                    r.otherwise()));
        }
        java.util.Set<String> unused = new java.util.TreeSet<>(cells.keySet());
        unused.removeAll(used);
        if (!unused.isEmpty()) {
            throw new IllegalStateException("school doctor cells for rows that do not exist: " + unused);
        }
        return out;
    }
}
