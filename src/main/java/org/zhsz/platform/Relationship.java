package org.zhsz.platform;

/**
 * How an actor relates to a student, a class, a school, a county or their own account this term, derived from
 * the platform's own data (assignments, guardianship, enrolment, grants) and the token's role and school. Some
 * exist only at one scope level, as noted; how each is derived is in {@code docs/access-model.md}.
 */
public enum Relationship {
    /** the student themself (student level) */
    SELF,
    /** a guardian of the student (student level) */
    GUARDIAN,
    /** this term's assignment to the student's class (student and class level) */
    HEAD_TEACHER, PE_TEACHER, ARTS_TEACHER, LABOUR_TEACHER, SUBJECT_TEACHER,
    /** a counselor assigned to the school this term (every level inside the school) */
    SCHOOL_COUNSELOR,
    /** the school's administrator (every level inside the school) */
    SCHOOL_ADMIN,
    /** the school's doctor (校医): every level inside the school, for health data only */
    SCHOOL_DOCTOR,
    /** a student of the same class (class level only: publicity) */
    CLASSMATE,
    /** a guardian of a student of the same class (class level only: publicity) */
    CLASSMATE_GUARDIAN,
    /** any staff member of the school: teacher, head teacher, counselor, administrator (school level only) */
    SCHOOL_STAFF,
    /** head teacher of at least one class of the school this term (school level only) */
    SCHOOL_HEAD_TEACHER,
    /** a student enrolled at the school (school level only) */
    SCHOOL_STUDENT,
    /** a guardian of a student enrolled at the school (school level only) */
    SCHOOL_GUARDIAN,
    /** the county's education bureau, over the county's schools, classes and students */
    COUNTY_BUREAU,
    /** the county's auditor, over the county's schools, classes and students */
    COUNTY_AUDITOR,
    /** admissions officer holding a current release of this student's dossier (student level) */
    ADMISSIONS_RELEASED,
    /** an admissions office (account level: the officer's own inbox of released dossiers) */
    ADMISSIONS_OFFICE,
    /** a school admin holding a current break-glass grant for the mental-health file (student level) */
    BREAK_GLASS
}
