package org.zhsz.record;

/**
 * A student's own record goes DRAFT → SUBMITTED → APPROVED or REJECTED (then editable and resubmittable);
 * a teacher's record is APPROVED when recorded. VOIDED records are kept (with the reason) but count nowhere.
 */
public enum RecordStatus {
    DRAFT, SUBMITTED, APPROVED, REJECTED, VOIDED
}
