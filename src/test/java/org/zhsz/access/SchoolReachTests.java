package org.zhsz.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.zhsz.platform.Action;
import org.zhsz.platform.DataClass;
import org.zhsz.platform.Relationship;
import org.zhsz.platform.SchoolScope;

/**
 * Where in a school an action is allowed: everywhere when a school-level relationship allows it, otherwise exactly
 * the classes whose class-level relationships allow it — one table row serves both (no Spring needed).
 */
class SchoolReachTests {

    private static RelationshipResolver.Standing standing(Set<Relationship> school,
                                                          Map<String, Set<Relationship>> byClass) {
        return new RelationshipResolver.Standing("S1", "640424", "2026-2027-1", school, byClass);
    }

    @Test
    void theSchoolAdminReviewsTheWholeSchool() {
        SchoolScope s = standing(EnumSet.of(Relationship.SCHOOL_ADMIN, Relationship.SCHOOL_STAFF), Map.of())
                .decide(DataClass.GENERAL_RECORDS, Action.REVIEW);
        assertThat(s.wholeSchool()).isTrue();
        assertThat(s.covers("S1-C9")).isTrue();
        assertThat(s.covers(null)).as("things of the school as a whole").isTrue();
    }

    @Test
    void aHeadTeacherReviewsTheirClassOnly() {
        SchoolScope s = standing(EnumSet.of(Relationship.SCHOOL_STAFF, Relationship.SCHOOL_HEAD_TEACHER),
                Map.of("S1-C1", EnumSet.of(Relationship.HEAD_TEACHER, Relationship.SUBJECT_TEACHER),
                        "S1-C2", EnumSet.of(Relationship.SUBJECT_TEACHER)))
                .decide(DataClass.GENERAL_RECORDS, Action.REVIEW);
        assertThat(s.wholeSchool()).isFalse();
        assertThat(s.classIds()).containsExactly("S1-C1");
        assertThat(s.covers("S1-C2")).isFalse();
        assertThat(s.covers(null)).isFalse();
    }

    @Test
    void aPeTeacherImportsForTheirPeClassesAndASubjectTeacherNowhere() {
        var pe = standing(EnumSet.of(Relationship.SCHOOL_STAFF), Map.of("S1-C1", EnumSet.of(Relationship.PE_TEACHER),
                "S1-C2", EnumSet.of(Relationship.PE_TEACHER)));
        assertThat(pe.decide(DataClass.HEALTH_FITNESS, Action.WRITE).classIds())
                .containsExactlyInAnyOrder("S1-C1", "S1-C2");
        var subject = standing(EnumSet.of(Relationship.SCHOOL_STAFF),
                Map.of("S1-C1", EnumSet.of(Relationship.SUBJECT_TEACHER)));
        SchoolScope none = subject.decide(DataClass.HEALTH_FITNESS, Action.WRITE);
        assertThat(none.wholeSchool()).isFalse();
        assertThat(none.classIds()).isEmpty();
        assertThat(subject.outOfScope()).as("a staff member is in scope of their school").isFalse();
    }

    @Test
    void nobodyAtAllIsOutOfScope() {
        assertThat(standing(Set.of(), Map.of()).outOfScope()).isTrue();
        assertThat(standing(Set.of(), Map.of("S1-C1", EnumSet.noneOf(Relationship.class))).outOfScope()).isTrue();
    }
}
