package org.zhsz.audit;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One audit event as stored. Events of a stream ({@code stream} = chain + "/" + the writing instance) carry their
 * stream's sequence number and their leaf hash ({@link AuditHasher#leaf}); the stream's seals bind them together.
 * Events written before streams existed have no stream and a per-chain link ({@code prevHash},
 * {@link AuditHasher#hash}).
 *
 * <p>Indexes: {@code (chain, stream, seq)} unique — appending and verifying a chain; {@code (studentId, at)} — the
 * family's access log; {@code (chain, at)} — the auditor's newest-first lists.
 */
@Document("audit_events")
@CompoundIndex(name = "chain_stream_seq", def = "{'chain': 1, 'stream': 1, 'seq': 1}", unique = true)
@CompoundIndex(name = "student_at", def = "{'studentId': 1, 'at': -1}")
@CompoundIndex(name = "chain_at", def = "{'chain': 1, 'at': -1}")
record StoredEvent(@Id String id, String chain, String stream, long seq, Instant at, String username,
                   String actorName, String role, String action, String resourceType, String resourceId,
                   String studentId, String schoolId, String outcome, String reason, String dataClass,
                   String prevHash, String hash) {

    /** The legacy (pre-stream) chain index, dropped at start: streams number their events independently. */
    static final String LEGACY_INDEX = "chain_seq";
}
