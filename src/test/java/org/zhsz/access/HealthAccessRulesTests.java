package org.zhsz.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhsz.access.AccessRules.Decision.ALLOW;
import static org.zhsz.access.AccessRules.Decision.FORBIDDEN;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.zhsz.platform.Action;
import org.zhsz.platform.DataClass;
import org.zhsz.platform.Relationship;

/**
 * The health rows of the access table (issue 15): vision and attendance for the family, the head teacher, the
 * counselor, the school admin and the school doctor; "check-up advised" only for the class's other teachers;
 * aggregates only for the bureau; the school doctor never sees 写实记录, mental-health data or archives.
 */
class HealthAccessRulesTests {

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource({
            "SELF, VISION, READ, ALLOW",
            "GUARDIAN, VISION, READ, ALLOW",
            "HEAD_TEACHER, VISION, READ, ALLOW",
            "SCHOOL_COUNSELOR, VISION, READ, ALLOW",
            "SCHOOL_ADMIN, VISION, READ, ALLOW",
            "SCHOOL_DOCTOR, VISION, READ, ALLOW",
            "SUBJECT_TEACHER, VISION, READ, FORBIDDEN",
            "PE_TEACHER, VISION, READ, FORBIDDEN",
            "SUBJECT_TEACHER, VISION_ADVICE, READ, ALLOW",
            "PE_TEACHER, VISION_ADVICE, READ, ALLOW",
            "COUNTY_BUREAU, VISION, READ, FORBIDDEN",
            "COUNTY_BUREAU, VISION_ADVICE, READ, FORBIDDEN",
            "SCHOOL_DOCTOR, VISION, WRITE, ALLOW",
            "SCHOOL_ADMIN, VISION, WRITE, ALLOW",
            "HEAD_TEACHER, VISION, WRITE, FORBIDDEN",
            "GUARDIAN, VISION, WRITE, FORBIDDEN",
            "SCHOOL_DOCTOR, VISION, EXPORT, ALLOW",
            "SCHOOL_COUNSELOR, VISION, EXPORT, FORBIDDEN",
            "GUARDIAN, ATTENDANCE, READ, ALLOW",
            "SELF, ATTENDANCE, READ, ALLOW",
            "HEAD_TEACHER, ATTENDANCE, READ, ALLOW",
            "SCHOOL_DOCTOR, ATTENDANCE, READ, ALLOW",
            "SUBJECT_TEACHER, ATTENDANCE, READ, FORBIDDEN",
            "HEAD_TEACHER, ATTENDANCE, WRITE, ALLOW",
            "SCHOOL_ADMIN, ATTENDANCE, WRITE, ALLOW",
            "SCHOOL_DOCTOR, ATTENDANCE, WRITE, FORBIDDEN",
            "SUBJECT_TEACHER, ATTENDANCE, WRITE, FORBIDDEN",
            "SCHOOL_DOCTOR, ATTENDANCE, REVIEW, ALLOW",
            "HEAD_TEACHER, ATTENDANCE, REVIEW, ALLOW",
            "GUARDIAN, ATTENDANCE, REVIEW, FORBIDDEN",
            "SCHOOL_ADMIN, ATTENDANCE_OVERVIEW, READ, ALLOW",
            "SCHOOL_DOCTOR, ATTENDANCE_OVERVIEW, READ, ALLOW",
            "COUNTY_BUREAU, ATTENDANCE_OVERVIEW, READ, FORBIDDEN",
            "SCHOOL_COUNSELOR, ATTENDANCE_OVERVIEW, READ, FORBIDDEN",
            "SCHOOL_DOCTOR, HEALTH_STATS, READ, ALLOW",
            "SCHOOL_ADMIN, HEALTH_STATS, READ, ALLOW",
            "COUNTY_BUREAU, HEALTH_STATS, READ, FORBIDDEN",
            "SCHOOL_COUNSELOR, HEALTH_STATS, READ, FORBIDDEN",
            "COUNTY_BUREAU, COUNTY_STATS, READ, ALLOW",
            "SCHOOL_ADMIN, COUNTY_STATS, READ, FORBIDDEN",
            "COUNTY_AUDITOR, COUNTY_STATS, READ, FORBIDDEN",
            // the school doctor and the school's other health data
            "SCHOOL_DOCTOR, HEALTH_FITNESS, READ, ALLOW",
            "SCHOOL_DOCTOR, HEALTH_FITNESS, WRITE, FORBIDDEN",
            "SCHOOL_DOCTOR, SPECIAL_CONSTITUTION, READ, ALLOW",
            "SCHOOL_DOCTOR, SPECIAL_CONSTITUTION, WRITE, ALLOW",
            "SCHOOL_DOCTOR, PROFILE, READ, ALLOW",
    })
    void decides(Relationship rel, DataClass dc, Action action, AccessRules.Decision expected) {
        assertThat(AccessRules.decide(EnumSet.of(rel), dc, action)).isEqualTo(expected);
    }

    @Test
    void theSchoolDoctorNeverReadsRecordsMentalHealthOrArchives() {
        for (DataClass dc : Set.of(DataClass.GENERAL_RECORDS, DataClass.MENTAL_HEALTH, DataClass.MENTAL_HEALTH_FLAG,
                DataClass.ARCHIVE, DataClass.PUBLICITY, DataClass.ACCESS_LOG, DataClass.PROFILE_PRIVATE)) {
            for (Action a : Action.values()) {
                assertThat(AccessRules.decide(EnumSet.of(Relationship.SCHOOL_DOCTOR), dc, a)).as(dc + " " + a)
                        .isEqualTo(FORBIDDEN);
            }
        }
    }

    @Test
    void beingStaffOfTheSchoolAloneGivesNoHealthData() {
        for (DataClass dc : Set.of(DataClass.VISION, DataClass.VISION_ADVICE, DataClass.ATTENDANCE,
                DataClass.ATTENDANCE_OVERVIEW, DataClass.HEALTH_STATS, DataClass.HEALTH_FITNESS)) {
            for (Action a : Action.values()) {
                assertThat(AccessRules.decide(EnumSet.of(Relationship.SCHOOL_STAFF), dc, a)).as(dc + " " + a)
                        .isEqualTo(FORBIDDEN);
            }
        }
    }
}
