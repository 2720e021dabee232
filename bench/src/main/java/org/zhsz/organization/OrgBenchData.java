package org.zhsz.organization;

import java.time.Instant;
import java.util.Set;

/**
 * Organization documents in exactly the module's stored shapes, for the county-scale data generator (bench sources
 * only; lives in this package to reach the package-private types). The results go to the template's insert.
 */
public final class OrgBenchData {

    private OrgBenchData() {
    }

    public static Object school(String id, String countyId, String name, String code, String stage, Instant at) {
        return new Documents.School(id, countyId, name, code, SchoolStage.valueOf(stage), "泾源县", 0L, at, "bench",
                at, "bench");
    }

    public static Object schoolClass(String id, String schoolId, String stage, int entryYear, int classNo,
                                     boolean active, Instant at) {
        return new Documents.SchoolClass(id, schoolId, SchoolStage.valueOf(stage), entryYear, classNo, active, 0L, at,
                "bench", at, "bench");
    }

    /** A term on the default calendar. */
    public static Object term(String schoolId, String code, Instant at) {
        return new Documents.Term(schoolId + ":" + code, schoolId, code, TermCalendar.defaultStart(code),
                TermCalendar.defaultEnd(code), 0L, at, "bench");
    }

    public static Object staff(String username, String schoolId, String name, Set<String> subjects, Instant at) {
        return new Documents.Staff(username, schoolId, name, subjects, 0L, at, "bench", null);
    }

    public static Object assignment(String id, String schoolId, String termCode, String username, String role,
                                    String classId, String subject, Instant at) {
        return new Documents.Assignment(id, schoolId, termCode, username, AssignmentRole.valueOf(role), classId,
                subject, at, "bench");
    }

    /** The grade level (1–12) of a class of this stage and entry year in the school year starting {@code start}. */
    public static int gradeLevel(String stage, int entryYear, int start) {
        return SchoolStage.valueOf(stage).gradeLevel(entryYear, start);
    }

    public static String termCode(java.time.LocalDate date) {
        return TermCalendar.codeOf(date);
    }

    public static java.time.LocalDate termStart(String code) {
        return TermCalendar.defaultStart(code);
    }

    public static java.time.LocalDate termEnd(String code) {
        return TermCalendar.defaultEnd(code);
    }

    public static String previousTerm(String code) {
        return TermCalendar.previous(code);
    }
}
