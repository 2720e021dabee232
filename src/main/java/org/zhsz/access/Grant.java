package org.zhsz.access;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A time-limited extra relationship: a school admin's break-glass opening of a mental-health file, or a
 * dossier released to an admissions officer. Kept after expiry (it is evidence).
 */
@Document("access_grants")
@org.springframework.data.mongodb.core.index.CompoundIndex(name = "grantee_student",
        def = "{'grantee': 1, 'studentId': 1}")
record Grant(@Id String id, Kind kind, String grantee, String studentId, String schoolId, String reason,
             Instant from, Instant until, String grantedBy, Instant revokedAt, String revokedBy) {

    enum Kind { BREAK_GLASS, ADMISSIONS_RELEASE }

    boolean activeAt(Instant t) {
        return revokedAt == null && !t.isBefore(from) && t.isBefore(until);
    }
}
