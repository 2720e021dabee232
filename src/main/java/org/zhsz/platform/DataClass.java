package org.zhsz.platform;

/** The kinds of data the access policy distinguishes (docs/access-model.md). */
public enum DataClass {
    /** name, sex, class: what a classmate's teacher may know */
    PROFILE,
    /** 学籍号, birth date, ethnicity, guardians, status history */
    PROFILE_PRIVATE,
    /** 写实记录: conduct, arts, labour, social practice and their evidence */
    GENERAL_RECORDS,
    /** fitness test details (height, weight, every item) and health data */
    HEALTH_FITNESS,
    /** the fitness total score and rating only */
    FITNESS_SCORE,
    /** 特异体质 flags with medical documents */
    SPECIAL_CONSTITUTION,
    /** 特异体质 flag and guidance only, no documents */
    SPECIAL_CONSTITUTION_GUIDANCE,
    /** screening answers, scores, 一人一案 plans, session notes, referrals */
    MENTAL_HEALTH,
    /** a plain "needs attention" flag and the tasks assigned to the reader, never content */
    MENTAL_HEALTH_FLAG,
    /** term archives and dossiers */
    ARCHIVE,
    /** 公示: the class's selected records during publicity, and objections to them (class-level) */
    PUBLICITY,
    /** who read or exported this student's sensitive data */
    ACCESS_LOG,
    /** the login accounts of a class's students and guardians (creating them hands out one-time passwords) */
    ACCOUNTS
}
