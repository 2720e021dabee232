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

/** docs/access-model.md as a table: relationship × data class × action → decision. */
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

    @Test
    void countyRolesNeverGetIndividualData() {
        for (DataClass dc : DataClass.values()) {
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
