package org.zhsz.fitness;

/** Where a student's school year stands. */
enum ResultStatus {
    /** every required item is recorded: totals and rating exist */
    TESTED,
    /** some items recorded, some still missing: no totals yet */
    INCOMPLETE,
    /** 免测: medically exempted for the year (reason and document on file); no totals */
    EXEMPT
}
