package org.zhsz.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhsz.access.AccessRules.Decision.ALLOW;
import static org.zhsz.access.AccessRules.Decision.FORBIDDEN;
import static org.zhsz.access.AccessRules.Decision.NOT_FOUND;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.zhsz.platform.Action;
import org.zhsz.platform.DataClass;
import org.zhsz.platform.Relationship;

/** The access table (docs/access-model.md) checked cell by cell: relationship × data class × action → decision. */
class AccessRulesTests {

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource({
            // general records: family, teachers, counselor, admin read; bureau/auditor never individually
            "SELF, GENERAL_RECORDS, READ, ALLOW",
            "GUARDIAN, GENERAL_RECORDS, READ, ALLOW",
            "SUBJECT_TEACHER, GENERAL_RECORDS, READ, ALLOW",
            "SCHOOL_COUNSELOR, GENERAL_RECORDS, READ, ALLOW",
            "SCHOOL_ADMIN, GENERAL_RECORDS, READ, ALLOW",
            "COUNTY_BUREAU, GENERAL_RECORDS, READ, FORBIDDEN",
            "COUNTY_AUDITOR, GENERAL_RECORDS, READ, FORBIDDEN",
            "GUARDIAN, GENERAL_RECORDS, WRITE, FORBIDDEN",
            "SELF, GENERAL_RECORDS, REVIEW, FORBIDDEN",
            "SUBJECT_TEACHER, GENERAL_RECORDS, REVIEW, FORBIDDEN",
            "HEAD_TEACHER, GENERAL_RECORDS, REVIEW, ALLOW",
            // health & fitness: PE teacher yes, other teachers only the score
            "PE_TEACHER, HEALTH_FITNESS, READ, ALLOW",
            "PE_TEACHER, HEALTH_FITNESS, WRITE, ALLOW",
            "SUBJECT_TEACHER, HEALTH_FITNESS, READ, FORBIDDEN",
            "SUBJECT_TEACHER, FITNESS_SCORE, READ, ALLOW",
            "HEAD_TEACHER, HEALTH_FITNESS, WRITE, FORBIDDEN",
            "GUARDIAN, HEALTH_FITNESS, READ, ALLOW",
            "COUNTY_BUREAU, HEALTH_FITNESS, READ, FORBIDDEN",
            // special constitution: PE and head teacher see flag + guidance only
            "PE_TEACHER, SPECIAL_CONSTITUTION, READ, FORBIDDEN",
            "PE_TEACHER, SPECIAL_CONSTITUTION_GUIDANCE, READ, ALLOW",
            "HEAD_TEACHER, SPECIAL_CONSTITUTION_GUIDANCE, READ, ALLOW",
            "SUBJECT_TEACHER, SPECIAL_CONSTITUTION_GUIDANCE, READ, FORBIDDEN",
            "SCHOOL_ADMIN, SPECIAL_CONSTITUTION, WRITE, ALLOW",
            // mental health: counselor only; head teacher the flag; family not by default; admin only break-glass
            "SCHOOL_COUNSELOR, MENTAL_HEALTH, READ, ALLOW",
            "SCHOOL_COUNSELOR, MENTAL_HEALTH, WRITE, ALLOW",
            "HEAD_TEACHER, MENTAL_HEALTH, READ, FORBIDDEN",
            "HEAD_TEACHER, MENTAL_HEALTH_FLAG, READ, ALLOW",
            "SELF, MENTAL_HEALTH, READ, FORBIDDEN",
            "GUARDIAN, MENTAL_HEALTH, READ, FORBIDDEN",
            "SCHOOL_ADMIN, MENTAL_HEALTH, READ, FORBIDDEN",
            "BREAK_GLASS, MENTAL_HEALTH, READ, ALLOW",
            "BREAK_GLASS, MENTAL_HEALTH, WRITE, FORBIDDEN",
            "COUNTY_BUREAU, MENTAL_HEALTH, READ, FORBIDDEN",
            // archive: admissions only when released
            "ADMISSIONS_RELEASED, ARCHIVE, READ, ALLOW",
            "ADMISSIONS_RELEASED, GENERAL_RECORDS, READ, FORBIDDEN",
            "GUARDIAN, ARCHIVE, SIGN, ALLOW",
            "SUBJECT_TEACHER, ARCHIVE, SIGN, FORBIDDEN",
            "SCHOOL_ADMIN, ARCHIVE, APPROVE, ALLOW",
            "HEAD_TEACHER, ARCHIVE, APPROVE, FORBIDDEN",
            // access log: the family and the school admin
            "GUARDIAN, ACCESS_LOG, READ, ALLOW",
            "SUBJECT_TEACHER, ACCESS_LOG, READ, FORBIDDEN",
            // private profile fields
            "SUBJECT_TEACHER, PROFILE_PRIVATE, READ, FORBIDDEN",
            "HEAD_TEACHER, PROFILE_PRIVATE, READ, ALLOW",
            "SUBJECT_TEACHER, PROFILE, READ, ALLOW",
            // the school as a whole: its staff read the directory, its admin keeps it; families read the school
            "SCHOOL_STAFF, STAFF, READ, ALLOW",
            "SCHOOL_STAFF, STAFF, WRITE, FORBIDDEN",
            "SCHOOL_STUDENT, SCHOOL, READ, ALLOW",
            "SCHOOL_STUDENT, STAFF, READ, FORBIDDEN",
            "SCHOOL_GUARDIAN, SCHOOL_SETTINGS, READ, FORBIDDEN",
            "SCHOOL_COUNSELOR, SCHOOL_SETTINGS, READ, ALLOW",
            "SCHOOL_COUNSELOR, SCHOOL_SETTINGS, WRITE, FORBIDDEN",
            // a head teacher of some class: the school's coverage, but never the whole school's review queue
            "SCHOOL_HEAD_TEACHER, RECORD_STATS, READ, ALLOW",
            "SCHOOL_HEAD_TEACHER, GENERAL_RECORDS, REVIEW, FORBIDDEN",
            "SCHOOL_HEAD_TEACHER, FITNESS_STATS, READ, FORBIDDEN",
            "SCHOOL_STAFF, MENTAL_HEALTH_TASK, READ, ALLOW",
            "SCHOOL_STAFF, FITNESS_CALCULATOR, READ, ALLOW",
            // aggregates: a school's for its admin, the county's for the bureau only
            "SCHOOL_ADMIN, FITNESS_STATS, READ, ALLOW",
            "SCHOOL_COUNSELOR, FITNESS_STATS, READ, FORBIDDEN",
            "SCHOOL_ADMIN, MENTAL_HEALTH_STATS, READ, ALLOW",
            "COUNTY_BUREAU, COUNTY_STATS, READ, ALLOW",
            "COUNTY_BUREAU, RECORD_STATS, READ, FORBIDDEN",
            "COUNTY_BUREAU, FITNESS_STATS, READ, FORBIDDEN",
            "SCHOOL_ADMIN, COUNTY_STATS, READ, FORBIDDEN",
            "COUNTY_AUDITOR, AUDIT_TRAIL, READ, ALLOW",
            "COUNTY_BUREAU, AUDIT_TRAIL, READ, FORBIDDEN",
            // screening: the student answers their own, a counselor enters paper answers; parents never
            "SELF, SCREENING_RESPONSE, WRITE, ALLOW",
            "SCHOOL_COUNSELOR, SCREENING_RESPONSE, WRITE, ALLOW",
            "GUARDIAN, SCREENING_RESPONSE, WRITE, FORBIDDEN",
            "SELF, MENTAL_HEALTH, WRITE, FORBIDDEN",
            // grants and releases
            "SCHOOL_ADMIN, BREAK_GLASS_GRANT, WRITE, ALLOW",
            "SCHOOL_COUNSELOR, BREAK_GLASS_GRANT, READ, ALLOW",
            "SCHOOL_COUNSELOR, BREAK_GLASS_GRANT, WRITE, FORBIDDEN",
            "ADMISSIONS_OFFICE, DOSSIER_RELEASE, READ, ALLOW",
            "ADMISSIONS_OFFICE, DOSSIER_RELEASE, WRITE, FORBIDDEN",
            // the archive's parts: the student's statement, the head teacher's comment
            "SELF, ARCHIVE_STATEMENT, WRITE, ALLOW",
            "HEAD_TEACHER, ARCHIVE_STATEMENT, WRITE, FORBIDDEN",
            "HEAD_TEACHER, ARCHIVE_COMMENT, WRITE, ALLOW",
            "SELF, ARCHIVE_COMMENT, WRITE, FORBIDDEN",
            // consent: the family decides, the school staff who rely on it read it
            "GUARDIAN, CONSENT, WRITE, ALLOW",
            "HEAD_TEACHER, CONSENT, WRITE, FORBIDDEN",
            "HEAD_TEACHER, CONSENT, READ, ALLOW",
    })
    void decides(Relationship rel, DataClass dc, Action action, AccessRules.Decision expected) {
        assertThat(AccessRules.decide(EnumSet.of(rel), dc, action)).isEqualTo(expected);
    }

    @Test
    void noRelationshipMeansOutOfScope() {
        for (DataClass dc : DataClass.values()) {
            for (Action a : Action.values()) {
                assertThat(AccessRules.decide(Set.of(), dc, a)).isEqualTo(NOT_FOUND);
            }
        }
    }

    /** The data classes about one student (the rest are about a school or the county). */
    static final Set<DataClass> ABOUT_A_STUDENT = EnumSet.of(DataClass.PROFILE, DataClass.PROFILE_PRIVATE,
            DataClass.GENERAL_RECORDS, DataClass.HEALTH_FITNESS, DataClass.FITNESS_SCORE,
            DataClass.SPECIAL_CONSTITUTION, DataClass.SPECIAL_CONSTITUTION_GUIDANCE, DataClass.MENTAL_HEALTH,
            DataClass.MENTAL_HEALTH_FLAG, DataClass.SCREENING_RESPONSE, DataClass.ARCHIVE, DataClass.ARCHIVE_STATEMENT,
            DataClass.ARCHIVE_COMMENT, DataClass.PUBLICITY, DataClass.CONSENT, DataClass.ACCESS_LOG,
            DataClass.BREAK_GLASS_GRANT, DataClass.DOSSIER_RELEASE, DataClass.ACCOUNTS,
            DataClass.VISION, DataClass.VISION_ADVICE, DataClass.ATTENDANCE);

    @Test
    void countyRolesNeverGetIndividualData() {
        for (DataClass dc : ABOUT_A_STUDENT) {
            for (Action a : Action.values()) {
                assertThat(AccessRules.decide(EnumSet.of(Relationship.COUNTY_BUREAU, Relationship.COUNTY_AUDITOR),
                        dc, a)).as(dc + " " + a).isEqualTo(FORBIDDEN);
            }
        }
    }

    @Test
    void anyAllowingRelationshipWins() {
        assertThat(AccessRules.decide(EnumSet.of(Relationship.SUBJECT_TEACHER, Relationship.PE_TEACHER),
                DataClass.HEALTH_FITNESS, Action.READ)).isEqualTo(ALLOW);
    }
}
