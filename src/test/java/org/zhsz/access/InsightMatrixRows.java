package org.zhsz.access;

import static org.zhsz.access.AccessMatrix.COUNTY;
import static org.zhsz.access.AccessMatrix.get;

import java.util.ArrayList;
import java.util.List;

/**
 * The insight module's endpoints (issue 17): a class's early warnings for its head teacher, the school's counselor
 * and admin (the class's other teachers, the family, the doctor and the county are in scope but refused); a school's
 * for its admin and counselor with names; a student's growth portrait for whoever may read the profile; the county's counts (no names, suppressed) for the bureau; nobody outside the school or county.
 */
final class InsightMatrixRows {

    private InsightMatrixRows() {
    }

    static List<AccessMatrix.Row> rows() {
        List<AccessMatrix.Row> rows = new ArrayList<>();
        rows.add(get("/api/v1/classes/S1-C1/early-warnings").is(200, "head_c1", "counselor_s1", "admin_s1")
                .is(403, "teacher_c1", "pe_c1", "doctor_s1", "student_c1a", "parent_c1a").is(403, COUNTY)
                .otherwise(404));
        rows.add(get("/api/v1/classes/S1-C2/early-warnings").is(200, "counselor_s1", "admin_s1")
                .is(403, "pe_c1", "teacher_c2", "doctor_s1", "student_c2a").is(403, COUNTY).otherwise(404));
        rows.add(get("/api/v1/schools/S1/early-warnings").is(200, "admin_s1", "counselor_s1")
                .is(403, "head_c1", "teacher_c1", "pe_c1", "teacher_c2", "doctor_s1", "student_c1a", "parent_c1a",
                        "student_c2a").is(403, COUNTY).otherwise(404));
        rows.add(get("/api/v1/schools/S2/early-warnings").is(200, "admin_s2", "counselor_s2")
                .is(403, "teacher_s2").is(403, COUNTY).otherwise(404));
        // the growth portrait: whoever may read the student's profile, the family included; the county is refused
        rows.add(get("/api/v1/students/" + AccessMatrix.C1A + "/portrait").is(200, "student_c1a", "parent_c1a",
                "head_c1", "teacher_c1", "pe_c1", "counselor_s1", "admin_s1", "doctor_s1").is(403, COUNTY)
                .otherwise(404));
        rows.add(get("/api/v1/students/" + AccessMatrix.S2A + "/portrait").is(200, "admin_s2", "counselor_s2",
                "teacher_s2").is(403, COUNTY).otherwise(404));
        // the county: counts per school and grade, suppressed, for the bureau only
        rows.add(get("/api/v1/stats/early-warnings").is(200, "bureau").otherwise(403));
        // the county report: the bureau and the auditor
        rows.add(get("/api/v1/reports/county?year=2026-2027").is(200, "bureau", "auditor").otherwise(403));
        return rows;
    }
}
