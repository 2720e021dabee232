package org.zhsz.platform;

/**
 * The kinds of data (and the school's and county's registers) the access policy distinguishes; the access table
 * ({@code docs/access-model.md}) says per data class and action which relationships allow it. A new kind of data
 * is a new value here plus its rows in the table.
 */
public enum DataClass {
    // ---- about one student
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
    /** a student's own answers to a screening questionnaire (written by the student, or on paper by a counselor) */
    SCREENING_RESPONSE,
    /** term archives and dossiers */
    ARCHIVE,
    /** the student's 自我陈述 in the term archive */
    ARCHIVE_STATEMENT,
    /** the head teacher's 评语 in the term archive, and amendments of a locked archive */
    ARCHIVE_COMMENT,
    /** 公示: the class's selected records during publicity, and objections to them (class-level) */
    PUBLICITY,
    /** consent decisions for a student (guardian consent under 14) */
    CONSENT,
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
    ACCOUNTS,
    /** break-glass grants: opening a student's mental-health file in an emergency */
    BREAK_GLASS_GRANT,
    /** releases of dossiers to admission officers */
    DOSSIER_RELEASE,
    /** vision screening (视力筛查) values, categories, screening myopia and advice */
    VISION,
    /** only whether a vision check-up is advised, no values (other teachers of the class) */
    VISION_ADVICE,
    /** daily attendance with 晨午检 symptoms and sick-absence follow-ups (复课) */
    ATTENDANCE,
    /**
     * the early warning (学生预警) of a class or school: who is flagged, at which level, and the reasons whose own
     * data class the reader may read
     */
    EARLY_WARNING,

    // ---- about a school
    /** the school itself: name, address, terms, classes */
    SCHOOL,
    /** the school's settings: record categories, the register of statutory processing bases */
    SCHOOL_SETTINGS,
    /** the staff directory */
    STAFF,
    /** teaching assignments (who is head, PE, subject teacher of which class; the school's counselors) */
    ASSIGNMENTS,
    /** tasks a counselor assigned to the reader in a 一人一案 plan (title, schedule, the student's name) */
    MENTAL_HEALTH_TASK,
    /** 写实记录 aggregates: skills and labour-hour coverage per class, school and county */
    RECORD_STATS,
    /** fitness aggregates per school and county, small cells suppressed */
    FITNESS_STATS,
    /** mental-health counts and band tables, k-suppressed, never who */
    MENTAL_HEALTH_STATS,
    /** a school's day at a glance with names: registered classes, absences, follow-ups, 控辍保学 streaks */
    ATTENDANCE_OVERVIEW,
    /** a school's exact health statistics (vision rates by grade and sex, trend) */
    HEALTH_STATS,
    /** the fitness-standard calculator (scores a preview, stores nothing) */
    FITNESS_CALCULATOR,

    // ---- about the county
    /**
     * the county's aggregates across its schools (fitness, record coverage, mental-health counts, vision rates,
     * sick absences by symptom), suppressed, no names
     */
    COUNTY_STATS,
    /** the county report against the plan's targets (per school and county, suppressed, no names) */
    COUNTY_REPORT,
    /** the hash-chained audit trail of the county's schools */
    AUDIT_TRAIL;

    /**
     * Reads and exports of these classes are audited per student and shown to the family in the access log.
     * ({@link #GENERAL_RECORDS} is there for evidence downloads; ordinary record reads are not audited.)
     */
    public boolean inAccessLog() {
        return switch (this) {
            case PROFILE_PRIVATE, GENERAL_RECORDS, HEALTH_FITNESS, FITNESS_SCORE, SPECIAL_CONSTITUTION,
                 SPECIAL_CONSTITUTION_GUIDANCE, MENTAL_HEALTH, MENTAL_HEALTH_FLAG, ARCHIVE, VISION, VISION_ADVICE,
                 ATTENDANCE, FIVE_MANAGEMENT, EARLY_WARNING -> true;
            default -> false;
        };
    }
}
