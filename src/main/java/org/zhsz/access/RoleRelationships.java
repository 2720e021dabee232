package org.zhsz.access;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.zhsz.organization.AssignmentRole;
import org.zhsz.platform.Actor;
import org.zhsz.platform.Relationship;
import org.zhsz.platform.Role;

/**
 * Where relationships come from, as data: which realm role, with which fact of the platform's own data, makes an
 * actor what to a student, a class, a school, a county or their own account. The resolver only applies these
 * tables to the stored facts; a new role is a line here (and its rows in {@link AccessRules}).
 */
final class RoleRelationships {

    private RoleRelationships() {
    }

    /** What holding a role in the token's own school makes the actor to every student, class and the school. */
    static final Map<Role, Set<Relationship>> IN_OWN_SCHOOL = new EnumMap<>(Map.of(
            Role.SCHOOL_ADMIN, EnumSet.of(Relationship.SCHOOL_ADMIN),
            Role.SCHOOL_DOCTOR, EnumSet.of(Relationship.SCHOOL_DOCTOR)));

    /** What holding a role in the token's own school makes the actor to the school as a whole (school level only). */
    static final Map<Role, Set<Relationship>> TO_OWN_SCHOOL = new EnumMap<>(Map.of(
            Role.SCHOOL_ADMIN, EnumSet.of(Relationship.SCHOOL_STAFF),
            Role.COUNSELOR, EnumSet.of(Relationship.SCHOOL_STAFF),
            Role.HEAD_TEACHER, EnumSet.of(Relationship.SCHOOL_STAFF),
            Role.TEACHER, EnumSet.of(Relationship.SCHOOL_STAFF)));

    /** What a county role makes the actor to the schools, classes and students of the token's county. */
    static final Map<Role, Set<Relationship>> IN_OWN_COUNTY = new EnumMap<>(Map.of(
            Role.BUREAU_ADMIN, EnumSet.of(Relationship.COUNTY_BUREAU),
            Role.AUDITOR, EnumSet.of(Relationship.COUNTY_AUDITOR)));

    /** What a role makes the actor to their own account (things that belong to nobody else). */
    static final Map<Role, Set<Relationship>> TO_OWN_ACCOUNT = new EnumMap<>(Map.of(
            Role.ADMISSIONS_OFFICER, EnumSet.of(Relationship.ADMISSIONS_OFFICE)));

    /**
     * A teaching assignment of this term: who may hold it, what it makes the holder to the class and its
     * students, and what to the school as a whole. A school-wide assignment (no class: the counselor) makes the
     * holder {@code toClass} to every class and student of the school.
     */
    record FromAssignment(Set<Role> heldBy, Relationship toClass, Relationship toSchool, boolean schoolWide) {
    }

    static final Map<AssignmentRole, FromAssignment> ASSIGNMENTS = new EnumMap<>(Map.of(
            AssignmentRole.HEAD_TEACHER, new FromAssignment(EnumSet.of(Role.HEAD_TEACHER), Relationship.HEAD_TEACHER,
                    Relationship.SCHOOL_HEAD_TEACHER, false),
            AssignmentRole.PE, new FromAssignment(EnumSet.of(Role.TEACHER, Role.HEAD_TEACHER),
                    Relationship.PE_TEACHER, null, false),
            AssignmentRole.ARTS, new FromAssignment(EnumSet.of(Role.TEACHER, Role.HEAD_TEACHER),
                    Relationship.ARTS_TEACHER, null, false),
            AssignmentRole.LABOUR, new FromAssignment(EnumSet.of(Role.TEACHER, Role.HEAD_TEACHER),
                    Relationship.LABOUR_TEACHER, null, false),
            AssignmentRole.SUBJECT, new FromAssignment(EnumSet.of(Role.TEACHER, Role.HEAD_TEACHER),
                    Relationship.SUBJECT_TEACHER, null, false),
            AssignmentRole.COUNSELOR, new FromAssignment(EnumSet.of(Role.COUNSELOR), Relationship.SCHOOL_COUNSELOR,
                    Relationship.SCHOOL_COUNSELOR, true)));

    /**
     * A family role: the student record it links to (a student's own account, a guardian's children), and what
     * it makes the actor to that student, to the student's class and to the student's school.
     */
    record Family(Relationship toStudent, Relationship toClass, Relationship toSchool) {
    }

    static final Map<Role, Family> FAMILY = new EnumMap<>(Map.of(
            Role.STUDENT, new Family(Relationship.SELF, Relationship.CLASSMATE, Relationship.SCHOOL_STUDENT),
            Role.PARENT, new Family(Relationship.GUARDIAN, Relationship.CLASSMATE_GUARDIAN,
                    Relationship.SCHOOL_GUARDIAN)));

    /** A time-limited grant: who may hold it and what it makes the holder to the student. */
    record FromGrant(Set<Role> heldBy, boolean ownSchoolOnly, Relationship toStudent) {
    }

    static final Map<Grant.Kind, FromGrant> GRANTS = new EnumMap<>(Map.of(
            Grant.Kind.ADMISSIONS_RELEASE, new FromGrant(EnumSet.of(Role.ADMISSIONS_OFFICER), false,
                    Relationship.ADMISSIONS_RELEASED),
            Grant.Kind.BREAK_GLASS, new FromGrant(EnumSet.of(Role.SCHOOL_ADMIN), true, Relationship.BREAK_GLASS)));

    static Set<Relationship> conferred(Actor actor, Map<Role, Set<Relationship>> table) {
        Set<Relationship> out = EnumSet.noneOf(Relationship.class);
        for (Role r : actor.roles()) {
            out.addAll(table.getOrDefault(r, Set.of()));
        }
        return out;
    }

    /** May this actor hold the assignment (the token must carry one of its roles)? */
    static boolean holds(Actor actor, FromAssignment a) {
        return actor.hasAny(a.heldBy().toArray(Role[]::new));
    }

    /** Does the actor have any role that may hold an assignment (i.e. is it worth loading their assignments)? */
    static boolean mayHoldAssignments(Actor actor) {
        return ASSIGNMENTS.values().stream().anyMatch(a -> holds(actor, a));
    }

    static boolean hasFamilyRole(Actor actor, Role role) {
        return FAMILY.containsKey(role) && actor.has(role);
    }
}
