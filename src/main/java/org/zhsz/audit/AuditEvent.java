package org.zhsz.audit;

import org.zhsz.platform.Actor;
import org.zhsz.platform.DataClass;

/**
 * What to record. {@code action} is a dotted verb such as {@code student.read} or {@code record.create};
 * {@code dataClass} marks reads of sensitive data so the family access log can show them.
 */
public record AuditEvent(Actor actor, String action, String resourceType, String resourceId, String studentId,
                         String schoolId, Outcome outcome, String reason, DataClass dataClass) {

    public enum Outcome { ALLOWED, DENIED }

    public static AuditEvent allowed(Actor actor, String action, String resourceType, String resourceId,
                                     String studentId, String schoolId) {
        return new AuditEvent(actor, action, resourceType, resourceId, studentId, schoolId, Outcome.ALLOWED, null,
                null);
    }

    public AuditEvent withReason(String r) {
        return new AuditEvent(actor, action, resourceType, resourceId, studentId, schoolId, outcome, r, dataClass);
    }

    public AuditEvent withDataClass(DataClass dc) {
        return new AuditEvent(actor, action, resourceType, resourceId, studentId, schoolId, outcome, reason, dc);
    }

    public AuditEvent denied(String why) {
        return new AuditEvent(actor, action, resourceType, resourceId, studentId, schoolId, Outcome.DENIED, why,
                dataClass);
    }
}
