package org.zhsz.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class AuditHasherTests {

    private static StoredEvent event(String reason, String prev) {
        return new StoredEvent("id1", "S1", 1, Instant.parse("2026-11-29T08:00:00.123Z"), "admin_s1", "王建国",
                "school_admin", "student.update", "student", "S1-C1-01", "S1-C1-01", "S1", "ALLOWED", reason, null,
                prev, null);
    }

    @Test
    void anyChangedFieldChangesTheHash() {
        String base = AuditHasher.hash(event("r", AuditHasher.GENESIS));
        assertThat(AuditHasher.hash(event("r", AuditHasher.GENESIS))).isEqualTo(base).hasSize(64);
        assertThat(AuditHasher.hash(event("R", AuditHasher.GENESIS))).isNotEqualTo(base);
        assertThat(AuditHasher.hash(event(null, AuditHasher.GENESIS))).isNotEqualTo(base);
        assertThat(AuditHasher.hash(event("r", "1".repeat(64)))).isNotEqualTo(base);
    }

    @Test
    void fieldBoundariesCannotBeShifted() {
        // "ab" + "c" must not hash like "a" + "bc"
        StoredEvent a = new StoredEvent("id", "S1", 1, Instant.EPOCH, "ab", "c", null, null, null, null, null, null,
                null, null, null, null, null);
        StoredEvent b = new StoredEvent("id", "S1", 1, Instant.EPOCH, "a", "bc", null, null, null, null, null, null,
                null, null, null, null, null);
        assertThat(AuditHasher.hash(a)).isNotEqualTo(AuditHasher.hash(b));
    }
}
