package org.zhsz.access;

import static org.zhsz.platform.Relationship.ADMISSIONS_RELEASED;
import static org.zhsz.platform.Relationship.ARTS_TEACHER;
import static org.zhsz.platform.Relationship.BREAK_GLASS;
import static org.zhsz.platform.Relationship.CLASSMATE;
import static org.zhsz.platform.Relationship.CLASSMATE_GUARDIAN;
import static org.zhsz.platform.Relationship.COUNTY_BUREAU;
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
    /** Decisions about a school as a whole; relationships from {@code RelationshipResolver.forSchool}. */
    private static final Map<DataClass, Map<Action, Set<Relationship>>> SCHOOL_TABLE = new EnumMap<>(DataClass.class);
    /** Decisions about a county's aggregates; relationships from {@code RelationshipResolver.forCounty}. */
    private static final Map<DataClass, Map<Action, Set<Relationship>>> COUNTY_TABLE = new EnumMap<>(DataClass.class);

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

        // 家校共育 (family module). 班级通知: to the class's families (and students when addressed); the head
        // teacher writes for the class, the school admin for any class or (school-level) the whole school
        rule(DataClass.CLASS_NOTICE, Action.READ, union(TEACHERS, SCHOOL_ADMIN, CLASSMATE_GUARDIAN, CLASSMATE));
        rule(DataClass.CLASS_NOTICE, Action.WRITE, EnumSet.of(HEAD_TEACHER, SCHOOL_ADMIN));
        rule(DataClass.CLASS_NOTICE, Action.REVIEW, EnumSet.of(HEAD_TEACHER, SCHOOL_ADMIN)); // receipts, reminders
        rule(DataClass.CLASS_NOTICE, Action.SIGN, EnumSet.of(CLASSMATE_GUARDIAN));           // 确认 by a guardian
        // home tasks: the family ticks (a student's tick waits for a guardian's confirmation); the head teacher
        // reviews the resulting labour records through GENERAL_RECORDS.REVIEW
        rule(DataClass.HOME_TASK, Action.READ, EnumSet.of(SELF, GUARDIAN, HEAD_TEACHER, LABOUR_TEACHER,
                SCHOOL_ADMIN));
        rule(DataClass.HOME_TASK, Action.WRITE, EnumSet.of(SELF, GUARDIAN));
        rule(DataClass.HOME_TASK, Action.SIGN, EnumSet.of(GUARDIAN));
        rule(DataClass.HOME_TASK_CHECKLIST, Action.READ, union(TEACHERS, SCHOOL_ADMIN, SELF, GUARDIAN, CLASSMATE,
                CLASSMATE_GUARDIAN));
        rule(DataClass.HOME_TASK_CHECKLIST, Action.WRITE, EnumSet.of(SCHOOL_ADMIN));
        // 五项管理: a family writes and reads its own check-ins; the head teacher sees the class (REVIEW);
        // aggregates with small-cell suppression for the school admin and the bureau (EXPORT)
        rule(DataClass.FIVE_MANAGEMENT, Action.READ, EnumSet.of(SELF, GUARDIAN, HEAD_TEACHER, SCHOOL_ADMIN));
        rule(DataClass.FIVE_MANAGEMENT, Action.WRITE, EnumSet.of(SELF, GUARDIAN));
        rule(DataClass.FIVE_MANAGEMENT, Action.REVIEW, EnumSet.of(HEAD_TEACHER, SCHOOL_ADMIN));
        // 作业公示: teachers declare their homework per day; the class's families see it
        rule(DataClass.HOMEWORK, Action.READ, union(TEACHERS, SCHOOL_ADMIN, CLASSMATE, CLASSMATE_GUARDIAN));
        rule(DataClass.HOMEWORK, Action.WRITE, union(TEACHERS, SCHOOL_ADMIN));

        // school-level decisions (one school as a whole: its settings, its statistics, a notice to all classes)
        schoolRule(DataClass.CLASS_NOTICE, Action.READ, EnumSet.of(SCHOOL_ADMIN));
        schoolRule(DataClass.CLASS_NOTICE, Action.WRITE, EnumSet.of(SCHOOL_ADMIN));
        schoolRule(DataClass.HOME_TASK_CHECKLIST, Action.READ, EnumSet.of(SCHOOL_ADMIN));
        schoolRule(DataClass.HOME_TASK_CHECKLIST, Action.WRITE, EnumSet.of(SCHOOL_ADMIN));
        schoolRule(DataClass.FIVE_MANAGEMENT, Action.READ, EnumSet.of(SCHOOL_ADMIN));   // k-suppressed statistics
        schoolRule(DataClass.FIVE_MANAGEMENT, Action.EXPORT, EnumSet.of(SCHOOL_ADMIN));

        // county-level decisions: aggregates over the county's schools, never a student's data
        countyRule(DataClass.FIVE_MANAGEMENT, Action.READ, EnumSet.of(COUNTY_BUREAU));
        countyRule(DataClass.FIVE_MANAGEMENT, Action.EXPORT, EnumSet.of(COUNTY_BUREAU));

        // accounts of a class's students and guardians: the school admin, and the head teacher for their class
        rule(DataClass.ACCOUNTS, Action.READ, EnumSet.of(HEAD_TEACHER, SCHOOL_ADMIN));
        rule(DataClass.ACCOUNTS, Action.WRITE, EnumSet.of(HEAD_TEACHER, SCHOOL_ADMIN));
    }

    private AccessRules() {
    }

    private static void rule(DataClass dc, Action action, Set<Relationship> allowed) {
        TABLE.computeIfAbsent(dc, k -> new EnumMap<>(Action.class)).put(action, EnumSet.copyOf(allowed));
    }

    private static void schoolRule(DataClass dc, Action action, Set<Relationship> allowed) {
        SCHOOL_TABLE.computeIfAbsent(dc, k -> new EnumMap<>(Action.class)).put(action, EnumSet.copyOf(allowed));
    }

    private static void countyRule(DataClass dc, Action action, Set<Relationship> allowed) {
        COUNTY_TABLE.computeIfAbsent(dc, k -> new EnumMap<>(Action.class)).put(action, EnumSet.copyOf(allowed));
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

    /** A decision about a school as a whole: no relationship at all means another school (404). */
    static Decision decideSchool(Set<Relationship> relationships, DataClass dc, Action action) {
        if (relationships.isEmpty()) {
            return Decision.NOT_FOUND;
        }
        return any(relationships, SCHOOL_TABLE.getOrDefault(dc, Map.of()).getOrDefault(action, Set.of()))
                ? Decision.ALLOW : Decision.FORBIDDEN;
    }

    /** A decision about the county's aggregates: allowed or not (there is nothing to hide: 403). */
    static boolean permitsCounty(Set<Relationship> relationships, DataClass dc, Action action) {
        return any(relationships, COUNTY_TABLE.getOrDefault(dc, Map.of()).getOrDefault(action, Set.of()));
    }

    private static boolean any(Set<Relationship> relationships, Set<Relationship> allowed) {
        for (Relationship r : relationships) {
            if (allowed.contains(r)) {
                return true;
            }
        }
        return false;
    }
}
