package org.zhsz.access;

import static org.zhsz.access.AccessMatrix.ALL;
import static org.zhsz.access.AccessMatrix.C1A;
import static org.zhsz.access.AccessMatrix.COUNTY;
import static org.zhsz.access.AccessMatrix.S2A;
import static org.zhsz.access.AccessMatrix.S2_STAFF;
import static org.zhsz.access.AccessMatrix.delete;
import static org.zhsz.access.AccessMatrix.get;
import static org.zhsz.access.AccessMatrix.patch;
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
 * The fitness module's endpoints (issue 5) in the authorization matrix: health detail (HEALTH_FITNESS) for the
 * family, the class's PE teacher and head teacher, the counselor and the school admin; the score only
 * (FITNESS_SCORE) for every teacher of the class; writes for the PE teacher and the admin; 特异体质 flags with
 * guidance for the PE and head teacher, everything for family, counselor and admin, writes for the admin; the
 * county's aggregates for the bureau. Writes are idempotent or stop at a business rule (422) after the check.
 */
final class FitnessMatrixRows {

    private FitnessMatrixRows() {
    }

    static final String[] STAFF_ROLES = {"admin_s1", "head_c1", "teacher_c1", "pe_c1", "teacher_c2", "counselor_s1",
            "admin_s2", "counselor_s2", "teacher_s2", "bureau"};

    static List<AccessMatrix.Row> rows() {
        String year = TermCalendar.schoolYear(TermCalendar.codeOf(LocalDate.now(SchoolClock.ZONE)));
        String c1b = "S1-C1-03";
        List<AccessMatrix.Row> rows = new ArrayList<>();

        // ---- score preview: any teacher or administrator
        rows.add(post("/api/v1/fitness/score", Map.of("grade", 7, "sex", "M", "items", Map.of("run_50m", 8.0)))
                .is(200, STAFF_ROLES).otherwise(403));

        // ---- the class grid: totals for every teacher of the class, detail for health readers, writes for PE
        rows.add(get("/api/v1/classes/S1-C1/fitness").is(200, "admin_s1", "head_c1", "teacher_c1", "pe_c1",
                "counselor_s1").is(403, "student_c1a", "parent_c1a").is(403, COUNTY).otherwise(404));
        rows.add(get("/api/v1/classes/S2-C1/fitness").is(200, S2_STAFF).is(403, COUNTY).otherwise(404));
        rows.add(put("/api/v1/classes/S1-C1/fitness?year=" + year, Map.of("rows", List.of())).is(200, "admin_s1",
                "pe_c1").is(403, "head_c1", "teacher_c1", "counselor_s1", "student_c1a", "parent_c1a")
                .is(403, COUNTY).otherwise(404));
        rows.add(put("/api/v1/classes/S2-C1/fitness?year=" + year, Map.of("rows", List.of()))
                .is(200, "admin_s2", "teacher_s2").is(403, "counselor_s2").is(403, COUNTY).otherwise(404));

        // ---- one student's years, 补测, 免测
        rows.add(get("/api/v1/students/" + C1A + "/fitness").is(200, "admin_s1", "head_c1", "teacher_c1", "pe_c1",
                "counselor_s1", "student_c1a", "parent_c1a").is(403, COUNTY).otherwise(404));
        rows.add(get("/api/v1/students/" + S2A + "/fitness").is(200, S2_STAFF).is(403, COUNTY).otherwise(404));
        rows.add(put("/api/v1/students/" + c1b + "/fitness/" + year, Map.of("items", Map.of()))
                .is(422, "admin_s1", "pe_c1").is(403, "head_c1", "teacher_c1", "counselor_s1")
                .is(403, COUNTY).otherwise(404));
        rows.add(put("/api/v1/students/" + c1b + "/fitness/" + year + "/makeup", Map.of("items", Map.of()))
                .is(422, "admin_s1", "pe_c1").is(403, "head_c1", "teacher_c1", "counselor_s1")
                .is(403, COUNTY).otherwise(404));
        rows.add(put("/api/v1/students/" + c1b + "/fitness/" + year + "/exemption",
                new AccessMatrix.Upload("诊断.pdf", "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII)))
                .is(422, "admin_s1", "pe_c1").is(403, "head_c1", "teacher_c1", "counselor_s1")
                .is(403, COUNTY).otherwise(404));
        rows.add(delete("/api/v1/students/" + c1b + "/fitness/" + year + "/exemption")
                .is(422, "admin_s1", "pe_c1").is(403, "head_c1", "teacher_c1", "counselor_s1")
                .is(403, COUNTY).otherwise(404));
        rows.add(get("/api/v1/students/S1-C2-05/fitness/" + year + "/exemption/document")
                .is(200, "admin_s1", "pe_c1", "counselor_s1").is(403, "teacher_c2").is(403, COUNTY)
                .otherwise(404));

        // ---- import (school admin; PE teachers for their classes), export (school admin)
        rows.add(post("/api/v1/fitness/import?year=" + year, new AccessMatrix.Upload("体测.csv",
                "学籍号,姓名,性别,身高,体重,50米跑\n".getBytes(StandardCharsets.UTF_8)))
                .is(200, "admin_s1", "admin_s2", "pe_c1", "teacher_s2").otherwise(403));
        rows.add(get("/api/v1/fitness/export?year=" + year + "&grade=5").is(200, "admin_s1", "admin_s2")
                .otherwise(403));

        // ---- statistics: class (its health readers), school (admin), county (bureau)
        rows.add(get("/api/v1/fitness/stats?year=" + year).is(200, "admin_s1", "admin_s2").otherwise(403));
        rows.add(get("/api/v1/fitness/stats?classId=S1-C1").is(200, "admin_s1", "head_c1", "pe_c1", "counselor_s1")
                .is(403, "teacher_c1", "student_c1a", "parent_c1a").is(403, COUNTY).otherwise(404));
        rows.add(get("/api/v1/fitness/stats/county?year=" + year).is(200, "bureau").otherwise(403));

        // ---- 特异体质 flags
        rows.add(get("/api/v1/health-flags/kinds").is(200, ALL).otherwise(0));
        rows.add(get("/api/v1/students/" + C1A + "/health-flags").is(200, "admin_s1", "head_c1", "pe_c1",
                "counselor_s1", "student_c1a", "parent_c1a").is(403, "teacher_c1").is(403, COUNTY).otherwise(404));
        rows.add(get("/api/v1/students/S1-C1-05/health-flags").is(200, "admin_s1", "head_c1", "pe_c1",
                "counselor_s1").is(403, "teacher_c1").is(403, COUNTY).otherwise(404));
        rows.add(get("/api/v1/students/" + S2A + "/health-flags").is(200, S2_STAFF).is(403, COUNTY)
                .otherwise(404));
        rows.add(post("/api/v1/students/S1-C1-05/health-flags", Map.of()).is(422, "admin_s1")
                .is(403, "head_c1", "teacher_c1", "pe_c1", "counselor_s1").is(403, COUNTY).otherwise(404));
        rows.add(patch("/api/v1/students/S1-C1-05/health-flags/demo-flag-S1-C1-05", Map.of()).is(200, "admin_s1")
                .is(403, "head_c1", "teacher_c1", "pe_c1", "counselor_s1").is(403, COUNTY).otherwise(404));
        rows.add(delete("/api/v1/students/S1-C1-05/health-flags/no-such-flag").is(404, "admin_s1")
                .is(403, "head_c1", "teacher_c1", "pe_c1", "counselor_s1").is(403, COUNTY).otherwise(404));
        rows.add(get("/api/v1/classes/S1-C1/health-flags").is(200, "admin_s1", "head_c1", "pe_c1", "counselor_s1")
                .is(403, "teacher_c1", "student_c1a", "parent_c1a").is(403, COUNTY).otherwise(404));
        rows.add(get("/api/v1/classes/S1-C2/health-flags").is(200, "admin_s1", "pe_c1", "counselor_s1")
                .is(403, "teacher_c2", "student_c2a").is(403, COUNTY).otherwise(404));
        return rows;
    }

}
