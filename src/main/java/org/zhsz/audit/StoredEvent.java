package org.zhsz.audit;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** One audit event as stored; {@code hash} covers every other field and {@code prevHash}. */
@Document("audit_events")
@CompoundIndex(name = "chain_seq", def = "{'chain': 1, 'seq': 1}", unique = true)
record StoredEvent(@Id String id, String chain, long seq, Instant at, String username, String actorName,
                   String role, String action, String resourceType, String resourceId, String studentId,
                   String schoolId, String outcome, String reason, String dataClass, String prevHash,
                   String hash) {
}
