package org.zhsz.access;

import static org.zhsz.platform.Relationship.ADMISSIONS_OFFICE;
import static org.zhsz.platform.Relationship.ADMISSIONS_RELEASED;
import static org.zhsz.platform.Relationship.ARTS_TEACHER;
import static org.zhsz.platform.Relationship.BREAK_GLASS;
import static org.zhsz.platform.Relationship.CLASSMATE;
import static org.zhsz.platform.Relationship.CLASSMATE_GUARDIAN;
import static org.zhsz.platform.Relationship.COUNTY_AUDITOR;
import static org.zhsz.platform.Relationship.COUNTY_BUREAU;
import static org.zhsz.platform.Relationship.GUARDIAN;
import static org.zhsz.platform.Relationship.HEAD_TEACHER;
import static org.zhsz.platform.Relationship.LABOUR_TEACHER;
import static org.zhsz.platform.Relationship.PE_TEACHER;
import static org.zhsz.platform.Relationship.SCHOOL_ADMIN;
import static org.zhsz.platform.Relationship.SCHOOL_COUNSELOR;
import static org.zhsz.platform.Relationship.SCHOOL_DOCTOR;
import static org.zhsz.platform.Relationship.SCHOOL_GUARDIAN;
import static org.zhsz.platform.Relationship.SCHOOL_HEAD_TEACHER;
import static org.zhsz.platform.Relationship.SCHOOL_STAFF;
import static org.zhsz.platform.Relationship.SCHOOL_STUDENT;
import static org.zhsz.platform.Relationship.SELF;
import static org.zhsz.platform.Relationship.SUBJECT_TEACHER;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.zhsz.platform.Action;
import org.zhsz.platform.DataClass;
import org.zhsz.platform.Relationship;

/**
 * The access table as data: for each data class and action, the relationships that allow it. It is the only
 * source of allow/deny (docs/access-model.md is rendered from it). No relationship at all means the target is
 * outside the actor's scope (404); a relationship the table does not list for the action means 403.
 * Relationships exist per scope level (see {@link Relationship}), so one row serves a student, a class and a
 * school alike: e.g. a school's admin may review every record of the school, a head teacher those of their class.
 */
final class AccessRules {

    enum Decision { ALLOW, FORBIDDEN, NOT_FOUND }

    static final Set<Relationship> TEACHERS = Collections.unmodifiableSet(EnumSet.of(HEAD_TEACHER, PE_TEACHER,
            ARTS_TEACHER, LABOUR_TEACHER, SUBJECT_TEACHER));

    private static final Map<DataClass, Map<Action, Set<Relationship>>> TABLE = new EnumMap<>(DataClass.class);

    static {
        // ---- a student's profile
        rule(DataClass.PROFILE, Action.READ, union(TEACHERS, SELF, GUARDIAN, SCHOOL_COUNSELOR, SCHOOL_ADMIN,
                ADMISSIONS_RELEASED, SCHOOL_DOCTOR));
        rule(DataClass.PROFILE, Action.WRITE, EnumSet.of(SCHOOL_ADMIN));
        rule(DataClass.PROFILE_PRIVATE, Action.READ, EnumSet.of(SELF, GUARDIAN, HEAD_TEACHER, SCHOOL_COUNSELOR,
                SCHOOL_ADMIN));
        rule(DataClass.PROFILE_PRIVATE, Action.WRITE, EnumSet.of(SCHOOL_ADMIN));

        // ---- 写实记录
        rule(DataClass.GENERAL_RECORDS, Action.READ, union(TEACHERS, SELF, GUARDIAN, SCHOOL_COUNSELOR, SCHOOL_ADMIN));
        // which dimensions a teacher may write is the record module's rule; here: who may write at all
        rule(DataClass.GENERAL_RECORDS, Action.WRITE, union(TEACHERS, SELF, SCHOOL_ADMIN));
        rule(DataClass.GENERAL_RECORDS, Action.REVIEW, EnumSet.of(HEAD_TEACHER, SCHOOL_ADMIN));
        rule(DataClass.GENERAL_RECORDS, Action.EXPORT, EnumSet.of(SCHOOL_ADMIN));

        // ---- health and fitness
        rule(DataClass.HEALTH_FITNESS, Action.READ, EnumSet.of(SELF, GUARDIAN, PE_TEACHER, HEAD_TEACHER,
                SCHOOL_COUNSELOR, SCHOOL_ADMIN, SCHOOL_DOCTOR));
        rule(DataClass.HEALTH_FITNESS, Action.WRITE, EnumSet.of(PE_TEACHER, SCHOOL_ADMIN));
        rule(DataClass.HEALTH_FITNESS, Action.EXPORT, EnumSet.of(SCHOOL_ADMIN));
        rule(DataClass.FITNESS_SCORE, Action.READ, union(TEACHERS, SELF, GUARDIAN, SCHOOL_COUNSELOR, SCHOOL_ADMIN,
                SCHOOL_DOCTOR));

        rule(DataClass.SPECIAL_CONSTITUTION, Action.READ, EnumSet.of(SELF, GUARDIAN, SCHOOL_COUNSELOR, SCHOOL_ADMIN,
                SCHOOL_DOCTOR));
        rule(DataClass.SPECIAL_CONSTITUTION, Action.WRITE, EnumSet.of(SCHOOL_ADMIN, SCHOOL_DOCTOR));
        rule(DataClass.SPECIAL_CONSTITUTION_GUIDANCE, Action.READ, EnumSet.of(SELF, GUARDIAN, PE_TEACHER,
                HEAD_TEACHER, SCHOOL_COUNSELOR, SCHOOL_ADMIN, SCHOOL_DOCTOR));

        // ---- mental health: the school's counselor; the head teacher a flag; the admin only by break-glass
        rule(DataClass.MENTAL_HEALTH, Action.READ, EnumSet.of(SCHOOL_COUNSELOR, BREAK_GLASS));
        rule(DataClass.MENTAL_HEALTH, Action.WRITE, EnumSet.of(SCHOOL_COUNSELOR));
        rule(DataClass.MENTAL_HEALTH_FLAG, Action.READ, EnumSet.of(HEAD_TEACHER, SCHOOL_COUNSELOR));
        rule(DataClass.SCREENING_RESPONSE, Action.READ, EnumSet.of(SELF));
        rule(DataClass.SCREENING_RESPONSE, Action.WRITE, EnumSet.of(SELF, SCHOOL_COUNSELOR));
        rule(DataClass.MENTAL_HEALTH_TASK, Action.READ, EnumSet.of(SCHOOL_STAFF));
        rule(DataClass.BREAK_GLASS_GRANT, Action.READ, EnumSet.of(SCHOOL_ADMIN, SCHOOL_COUNSELOR));
        rule(DataClass.BREAK_GLASS_GRANT, Action.WRITE, EnumSet.of(SCHOOL_ADMIN));

        // ---- 综评档案
        rule(DataClass.ARCHIVE, Action.READ, union(TEACHERS, SELF, GUARDIAN, SCHOOL_COUNSELOR, SCHOOL_ADMIN,
                ADMISSIONS_RELEASED));
        rule(DataClass.ARCHIVE, Action.WRITE, EnumSet.of(SELF, HEAD_TEACHER));
        rule(DataClass.ARCHIVE, Action.SIGN, EnumSet.of(SELF, GUARDIAN, HEAD_TEACHER));
        rule(DataClass.ARCHIVE, Action.APPROVE, EnumSet.of(SCHOOL_ADMIN));
        rule(DataClass.ARCHIVE, Action.EXPORT, EnumSet.of(SELF, GUARDIAN, SCHOOL_ADMIN, ADMISSIONS_RELEASED));
        rule(DataClass.ARCHIVE_STATEMENT, Action.WRITE, EnumSet.of(SELF));
        rule(DataClass.ARCHIVE_COMMENT, Action.WRITE, EnumSet.of(HEAD_TEACHER));
        // 公示: classmates and their parents see the class's selections and may object; teachers too
        rule(DataClass.PUBLICITY, Action.READ, union(TEACHERS, CLASSMATE, CLASSMATE_GUARDIAN, SCHOOL_ADMIN));
        rule(DataClass.PUBLICITY, Action.WRITE, union(TEACHERS, CLASSMATE, CLASSMATE_GUARDIAN));
        rule(DataClass.PUBLICITY, Action.REVIEW, EnumSet.of(HEAD_TEACHER, SCHOOL_ADMIN));
        rule(DataClass.DOSSIER_RELEASE, Action.READ, EnumSet.of(SCHOOL_ADMIN, ADMISSIONS_OFFICE));
        rule(DataClass.DOSSIER_RELEASE, Action.WRITE, EnumSet.of(SCHOOL_ADMIN));

        // ---- the family's rights
        rule(DataClass.CONSENT, Action.READ, EnumSet.of(SELF, GUARDIAN, HEAD_TEACHER, SCHOOL_COUNSELOR, SCHOOL_ADMIN));
        rule(DataClass.CONSENT, Action.WRITE, EnumSet.of(SELF, GUARDIAN));
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

        // a school's 五项管理 aggregates (k-suppressed) as a whole: its admin; the county's: COUNTY_STATS below
        rule(DataClass.FIVE_MANAGEMENT, Action.EXPORT, EnumSet.of(SCHOOL_ADMIN));

        // accounts of a class's students and guardians: the school admin, and the head teacher for their class
        rule(DataClass.ACCOUNTS, Action.READ, EnumSet.of(HEAD_TEACHER, SCHOOL_ADMIN));
        rule(DataClass.ACCOUNTS, Action.WRITE, EnumSet.of(HEAD_TEACHER, SCHOOL_ADMIN));

        // ---- health (issue 15): vision and attendance. The school doctor records and reads the school's health
        // data; the head teacher reads the class's; other teachers of the class learn only that a check-up is advised.
        rule(DataClass.VISION, Action.READ, EnumSet.of(SELF, GUARDIAN, HEAD_TEACHER, SCHOOL_COUNSELOR, SCHOOL_ADMIN,
                SCHOOL_DOCTOR));
        rule(DataClass.VISION, Action.WRITE, EnumSet.of(SCHOOL_DOCTOR, SCHOOL_ADMIN));
        rule(DataClass.VISION, Action.EXPORT, EnumSet.of(SCHOOL_DOCTOR, SCHOOL_ADMIN));
        rule(DataClass.VISION_ADVICE, Action.READ, union(TEACHERS, SELF, GUARDIAN, SCHOOL_COUNSELOR, SCHOOL_ADMIN,
                SCHOOL_DOCTOR));
        rule(DataClass.ATTENDANCE, Action.READ, EnumSet.of(SELF, GUARDIAN, HEAD_TEACHER, SCHOOL_COUNSELOR,
                SCHOOL_ADMIN, SCHOOL_DOCTOR));
        rule(DataClass.ATTENDANCE, Action.WRITE, EnumSet.of(HEAD_TEACHER, SCHOOL_ADMIN));
        // 复课: closing a sick absence's follow-up
        rule(DataClass.ATTENDANCE, Action.REVIEW, EnumSet.of(HEAD_TEACHER, SCHOOL_DOCTOR, SCHOOL_ADMIN));
        rule(DataClass.ATTENDANCE_OVERVIEW, Action.READ, EnumSet.of(SCHOOL_ADMIN, SCHOOL_DOCTOR));
        rule(DataClass.HEALTH_STATS, Action.READ, EnumSet.of(SCHOOL_ADMIN, SCHOOL_DOCTOR));

        // ---- insight (issue 17): the early warning for those who act on it in a class or the school; each reason
        // is shown only to readers of its own data class (the wellbeing reason reads MENTAL_HEALTH: counselors)
        rule(DataClass.EARLY_WARNING, Action.READ, EnumSet.of(HEAD_TEACHER, SCHOOL_COUNSELOR, SCHOOL_ADMIN));

        // ---- the school
        // (a class itself — its name and grade — for its teachers and families too)
        rule(DataClass.SCHOOL, Action.READ, union(TEACHERS, SCHOOL_STAFF, SCHOOL_ADMIN, SCHOOL_COUNSELOR,
                SCHOOL_DOCTOR, SCHOOL_STUDENT, SCHOOL_GUARDIAN, CLASSMATE, CLASSMATE_GUARDIAN, COUNTY_BUREAU,
                COUNTY_AUDITOR));
        rule(DataClass.SCHOOL, Action.WRITE, EnumSet.of(SCHOOL_ADMIN));
        rule(DataClass.SCHOOL_SETTINGS, Action.READ, EnumSet.of(SCHOOL_ADMIN, SCHOOL_COUNSELOR));
        rule(DataClass.SCHOOL_SETTINGS, Action.WRITE, EnumSet.of(SCHOOL_ADMIN));
        rule(DataClass.STAFF, Action.READ, EnumSet.of(SCHOOL_STAFF));
        rule(DataClass.STAFF, Action.WRITE, EnumSet.of(SCHOOL_ADMIN));
        // teachers see the assignments of the classes they teach; the admin and counselors the whole school's
        rule(DataClass.ASSIGNMENTS, Action.READ, union(TEACHERS, SCHOOL_COUNSELOR, SCHOOL_ADMIN));
        rule(DataClass.ASSIGNMENTS, Action.WRITE, EnumSet.of(SCHOOL_ADMIN));

        // ---- aggregates: a class's for its teachers, a school's for its admin (and more where noted)
        rule(DataClass.RECORD_STATS, Action.READ, union(TEACHERS, SCHOOL_COUNSELOR, SCHOOL_ADMIN,
                SCHOOL_HEAD_TEACHER));
        rule(DataClass.FITNESS_STATS, Action.READ, EnumSet.of(SCHOOL_ADMIN));
        rule(DataClass.MENTAL_HEALTH_STATS, Action.READ, EnumSet.of(SCHOOL_ADMIN, SCHOOL_COUNSELOR));
        rule(DataClass.FITNESS_CALCULATOR, Action.READ, EnumSet.of(SCHOOL_STAFF, COUNTY_BUREAU));

        // ---- the county
        // (the county's health aggregates too: vision rates, sick absences by symptom; early-warning counts)
        rule(DataClass.COUNTY_STATS, Action.READ, EnumSet.of(COUNTY_BUREAU));
        rule(DataClass.COUNTY_REPORT, Action.READ, EnumSet.of(COUNTY_BUREAU, COUNTY_AUDITOR));
        rule(DataClass.COUNTY_STATS, Action.EXPORT, EnumSet.of(COUNTY_BUREAU));
        rule(DataClass.AUDIT_TRAIL, Action.READ, EnumSet.of(COUNTY_AUDITOR));
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

    /** The relationships that allow the action (empty: nobody). */
    static Set<Relationship> allowed(DataClass dc, Action action) {
        return Collections.unmodifiableSet(TABLE.getOrDefault(dc, Map.of()).getOrDefault(action, Set.of()));
    }

    /** The actions the table has a row for, per data class (for documentation and tests). */
    static Map<DataClass, Map<Action, Set<Relationship>>> table() {
        Map<DataClass, Map<Action, Set<Relationship>>> copy = new EnumMap<>(DataClass.class);
        TABLE.forEach((dc, row) -> copy.put(dc, Collections.unmodifiableMap(new EnumMap<>(row))));
        return Collections.unmodifiableMap(copy);
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
