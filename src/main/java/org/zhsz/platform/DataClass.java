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
    /** 班级通知: a class's (or the school's) notices to families, their receipts and confirmations (class-level) */
    CLASS_NOTICE,
    /** 家庭劳动: a student's home tasks ticked done and confirmed by the family */
    HOME_TASK,
    /** the per-grade home-task checklists a school keeps (not about any one student) */
    HOME_TASK_CHECKLIST,
    /** 五项管理: a family's weekly check-ins (sleep, homework, phone, reading, exercise); EXPORT: k-suppressed aggregates */
    FIVE_MANAGEMENT,
    /** 作业公示: the homework minutes a class's teachers declare per day (class-level) */
    HOMEWORK,
    /** the login accounts of a class's students and guardians (creating them hands out one-time passwords) */
    ACCOUNTS
}
