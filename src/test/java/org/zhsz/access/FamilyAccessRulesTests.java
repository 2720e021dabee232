package org.zhsz.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhsz.access.AccessRules.Decision.ALLOW;
import static org.zhsz.access.AccessRules.Decision.FORBIDDEN;
import static org.zhsz.access.AccessRules.Decision.NOT_FOUND;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.zhsz.platform.Action;
import org.zhsz.platform.DataClass;
import org.zhsz.platform.Relationship;

/** The family module's rows of the access table, and the school- and county-level tables it introduced. */
class FamilyAccessRulesTests {

    private static AccessRules.Decision student(Relationship r, DataClass dc, Action a) {
        return AccessRules.decide(EnumSet.of(r), dc, a);
    }

    @Test
    void aFamilyWritesAndReadsItsOwnCheckInsAndTheHeadTeacherReadsThem() {
        assertThat(student(Relationship.GUARDIAN, DataClass.FIVE_MANAGEMENT, Action.WRITE)).isEqualTo(ALLOW);
        assertThat(student(Relationship.SELF, DataClass.FIVE_MANAGEMENT, Action.WRITE)).isEqualTo(ALLOW);
        assertThat(student(Relationship.HEAD_TEACHER, DataClass.FIVE_MANAGEMENT, Action.READ)).isEqualTo(ALLOW);
        assertThat(student(Relationship.HEAD_TEACHER, DataClass.FIVE_MANAGEMENT, Action.WRITE)).isEqualTo(FORBIDDEN);
        assertThat(student(Relationship.SUBJECT_TEACHER, DataClass.FIVE_MANAGEMENT, Action.READ)).isEqualTo(FORBIDDEN);
        assertThat(student(Relationship.SCHOOL_COUNSELOR, DataClass.FIVE_MANAGEMENT, Action.READ)).isEqualTo(FORBIDDEN);
    }

    @Test
    void onlyGuardiansConfirmAndOnlySendersSeeReceipts() {
        assertThat(student(Relationship.CLASSMATE_GUARDIAN, DataClass.CLASS_NOTICE, Action.SIGN)).isEqualTo(ALLOW);
        assertThat(student(Relationship.CLASSMATE, DataClass.CLASS_NOTICE, Action.SIGN)).isEqualTo(FORBIDDEN);
        assertThat(student(Relationship.SUBJECT_TEACHER, DataClass.CLASS_NOTICE, Action.READ)).isEqualTo(ALLOW);
        assertThat(student(Relationship.SUBJECT_TEACHER, DataClass.CLASS_NOTICE, Action.REVIEW)).isEqualTo(FORBIDDEN);
        assertThat(student(Relationship.HEAD_TEACHER, DataClass.CLASS_NOTICE, Action.REVIEW)).isEqualTo(ALLOW);
        assertThat(student(Relationship.GUARDIAN, DataClass.HOME_TASK, Action.SIGN)).isEqualTo(ALLOW);
        assertThat(student(Relationship.SELF, DataClass.HOME_TASK, Action.SIGN)).isEqualTo(FORBIDDEN);
    }

    @Test
    void aSchoolAsAWholeIsItsAdminsAndTheCountySeesOnlyAggregates() {
        // school-level relationships (RelationshipResolver.forSchool) decided on the one table
        assertThat(AccessRules.decide(EnumSet.of(Relationship.SCHOOL_STAFF, Relationship.SCHOOL_ADMIN),
                DataClass.FIVE_MANAGEMENT, Action.READ)).isEqualTo(ALLOW);
        assertThat(AccessRules.decide(EnumSet.of(Relationship.SCHOOL_STAFF, Relationship.SCHOOL_HEAD_TEACHER),
                DataClass.FIVE_MANAGEMENT, Action.READ)).isEqualTo(FORBIDDEN);
        assertThat(AccessRules.decide(EnumSet.of(Relationship.COUNTY_BUREAU), DataClass.CLASS_NOTICE,
                Action.WRITE)).isEqualTo(FORBIDDEN);
        assertThat(AccessRules.decide(Set.of(), DataClass.HOME_TASK_CHECKLIST, Action.WRITE))
                .isEqualTo(NOT_FOUND);
        // the county's 五项管理 figures are county aggregates
        assertThat(AccessRules.permits(EnumSet.of(Relationship.COUNTY_BUREAU), DataClass.COUNTY_STATS,
                Action.EXPORT)).isTrue();
        assertThat(AccessRules.permits(EnumSet.of(Relationship.COUNTY_AUDITOR), DataClass.COUNTY_STATS,
                Action.READ)).isFalse();
        // the table gives the county nothing individual
        assertThat(AccessRules.decide(EnumSet.of(Relationship.COUNTY_BUREAU), DataClass.FIVE_MANAGEMENT,
                Action.READ)).isEqualTo(FORBIDDEN);
    }
}
