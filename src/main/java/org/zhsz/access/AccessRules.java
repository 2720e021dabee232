package org.zhsz.access;

import static org.zhsz.platform.Relationship.ADMISSIONS_RELEASED;
import static org.zhsz.platform.Relationship.ARTS_TEACHER;
import static org.zhsz.platform.Relationship.BREAK_GLASS;
import static org.zhsz.platform.Relationship.GUARDIAN;
import static org.zhsz.platform.Relationship.HEAD_TEACHER;
import static org.zhsz.platform.Relationship.LABOUR_TEACHER;
import static org.zhsz.platform.Relationship.PE_TEACHER;
import static org.zhsz.platform.Relationship.SCHOOL_ADMIN;
import static org.zhsz.platform.Relationship.SCHOOL_COUNSELOR;
import static org.zhsz.platform.Relationship.SELF;
import static org.zhsz.platform.Relationship.SUBJECT_TEACHER;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.zhsz.platform.Action;
import org.zhsz.platform.DataClass;
import org.zhsz.platform.Relationship;

/**
 * The access table of docs/access-model.md as data: for each data class and action, the relationships that allow it.
 * No relationship at all means the student is outside the actor's scope (404); a relationship that the table
 * does not list for the action means 403. County roles are in scope for a county's students but the table
 * gives them nothing individual: they see aggregates elsewhere.
 */
final class AccessRules {

    enum Decision { ALLOW, FORBIDDEN, NOT_FOUND }

    private static final Set<Relationship> TEACHERS = EnumSet.of(HEAD_TEACHER, PE_TEACHER, ARTS_TEACHER,
            LABOUR_TEACHER, SUBJECT_TEACHER);

    private static final Map<DataClass, Map<Action, Set<Relationship>>> TABLE = new EnumMap<>(DataClass.class);

    static {
        rule(DataClass.PROFILE, Action.READ, union(TEACHERS, SELF, GUARDIAN, SCHOOL_COUNSELOR, SCHOOL_ADMIN,
                ADMISSIONS_RELEASED));
        rule(DataClass.PROFILE, Action.WRITE, EnumSet.of(SCHOOL_ADMIN));
        rule(DataClass.PROFILE_PRIVATE, Action.READ, EnumSet.of(SELF, GUARDIAN, HEAD_TEACHER, SCHOOL_COUNSELOR,
                SCHOOL_ADMIN));
        rule(DataClass.PROFILE_PRIVATE, Action.WRITE, EnumSet.of(SCHOOL_ADMIN));

        rule(DataClass.GENERAL_RECORDS, Action.READ, union(TEACHERS, SELF, GUARDIAN, SCHOOL_COUNSELOR, SCHOOL_ADMIN));
        // which dimensions a teacher may write is the record module's rule; here: who may write at all
        rule(DataClass.GENERAL_RECORDS, Action.WRITE, union(TEACHERS, SELF, SCHOOL_ADMIN));
        rule(DataClass.GENERAL_RECORDS, Action.REVIEW, EnumSet.of(HEAD_TEACHER, SCHOOL_ADMIN));
        rule(DataClass.GENERAL_RECORDS, Action.EXPORT, EnumSet.of(SCHOOL_ADMIN));

        rule(DataClass.HEALTH_FITNESS, Action.READ, EnumSet.of(SELF, GUARDIAN, PE_TEACHER, HEAD_TEACHER,
                SCHOOL_COUNSELOR, SCHOOL_ADMIN));
        rule(DataClass.HEALTH_FITNESS, Action.WRITE, EnumSet.of(PE_TEACHER, SCHOOL_ADMIN));
        rule(DataClass.HEALTH_FITNESS, Action.EXPORT, EnumSet.of(SCHOOL_ADMIN));
        rule(DataClass.FITNESS_SCORE, Action.READ, union(TEACHERS, SELF, GUARDIAN, SCHOOL_COUNSELOR, SCHOOL_ADMIN));

        rule(DataClass.SPECIAL_CONSTITUTION, Action.READ, EnumSet.of(SELF, GUARDIAN, SCHOOL_COUNSELOR, SCHOOL_ADMIN));
        rule(DataClass.SPECIAL_CONSTITUTION, Action.WRITE, EnumSet.of(SCHOOL_ADMIN));
        rule(DataClass.SPECIAL_CONSTITUTION_GUIDANCE, Action.READ, EnumSet.of(SELF, GUARDIAN, PE_TEACHER,
                HEAD_TEACHER, SCHOOL_COUNSELOR, SCHOOL_ADMIN));

        rule(DataClass.MENTAL_HEALTH, Action.READ, EnumSet.of(SCHOOL_COUNSELOR, BREAK_GLASS));
        rule(DataClass.MENTAL_HEALTH, Action.WRITE, EnumSet.of(SCHOOL_COUNSELOR));
        rule(DataClass.MENTAL_HEALTH_FLAG, Action.READ, EnumSet.of(HEAD_TEACHER, SCHOOL_COUNSELOR));

        rule(DataClass.ARCHIVE, Action.READ, union(TEACHERS, SELF, GUARDIAN, SCHOOL_COUNSELOR, SCHOOL_ADMIN,
                ADMISSIONS_RELEASED));
        rule(DataClass.ARCHIVE, Action.WRITE, EnumSet.of(SELF, HEAD_TEACHER));
        rule(DataClass.ARCHIVE, Action.SIGN, EnumSet.of(SELF, GUARDIAN, HEAD_TEACHER));
        rule(DataClass.ARCHIVE, Action.APPROVE, EnumSet.of(SCHOOL_ADMIN));
        rule(DataClass.ARCHIVE, Action.EXPORT, EnumSet.of(SELF, GUARDIAN, SCHOOL_ADMIN, ADMISSIONS_RELEASED));

        // 公示: classmates and their parents see the class's selections and may object; teachers too
        rule(DataClass.PUBLICITY, Action.READ, union(TEACHERS, Relationship.CLASSMATE, Relationship.CLASSMATE_GUARDIAN,
                SCHOOL_ADMIN));
        rule(DataClass.PUBLICITY, Action.WRITE, union(TEACHERS, Relationship.CLASSMATE,
                Relationship.CLASSMATE_GUARDIAN));
        rule(DataClass.PUBLICITY, Action.REVIEW, EnumSet.of(HEAD_TEACHER, SCHOOL_ADMIN));

        rule(DataClass.ACCESS_LOG, Action.READ, EnumSet.of(SELF, GUARDIAN, SCHOOL_ADMIN));

        // accounts of a class's students and guardians: the school admin, and the head teacher for their class
        rule(DataClass.ACCOUNTS, Action.READ, EnumSet.of(HEAD_TEACHER, SCHOOL_ADMIN));
        rule(DataClass.ACCOUNTS, Action.WRITE, EnumSet.of(HEAD_TEACHER, SCHOOL_ADMIN));
    }

    private AccessRules() {
    }

    private static void rule(DataClass dc, Action action, Set<Relationship> allowed) {
        TABLE.computeIfAbsent(dc, k -> new EnumMap<>(Action.class)).put(action, EnumSet.copyOf(allowed));
    }

    private static Set<Relationship> union(Set<Relationship> base, Relationship... more) {
        EnumSet<Relationship> s = EnumSet.copyOf(base);
        for (Relationship r : more) {
            s.add(r);
        }
        return s;
    }

    static boolean permits(Set<Relationship> relationships, DataClass dc, Action action) {
        Set<Relationship> allowed = TABLE.getOrDefault(dc, Map.of()).getOrDefault(action, Set.of());
        for (Relationship r : relationships) {
            if (allowed.contains(r)) {
                return true;
            }
        }
        return false;
    }

    static Decision decide(Set<Relationship> relationships, DataClass dc, Action action) {
        if (relationships.isEmpty()) {
            return Decision.NOT_FOUND;
        }
        return permits(relationships, dc, action) ? Decision.ALLOW : Decision.FORBIDDEN;
    }
}
