package org.zhsz.platform;

/** How an actor relates to one student this term, derived from the platform's own data. */
public enum Relationship {
    SELF, GUARDIAN,
    HEAD_TEACHER, PE_TEACHER, ARTS_TEACHER, LABOUR_TEACHER, SUBJECT_TEACHER,
    SCHOOL_COUNSELOR, SCHOOL_ADMIN,
    /** a student of the same class (class-level scopes only: publicity) */
    CLASSMATE,
    /** a guardian of a student of the same class (class-level scopes only: publicity) */
    CLASSMATE_GUARDIAN,
    COUNTY_BUREAU, COUNTY_AUDITOR,
    /** anyone whose account belongs to the school (school-level scopes only: in scope, so a refusal is a 403) */
    SCHOOL_MEMBER,
    /** admissions officer holding a current release of this student's dossier */
    ADMISSIONS_RELEASED,
    /** a school admin holding a current break-glass grant for the mental-health file */
    BREAK_GLASS
}
