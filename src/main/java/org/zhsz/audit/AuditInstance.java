package org.zhsz.audit;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An app instance that writes audit streams: its streams (registered before their first event is stored), when it
 * was last seen (a heartbeat each sealing round) and, once it stopped or was found dead, when and by whom its
 * streams were closed. Lets another instance seal what a killed instance left unsealed, and lets verification tell
 * a live stream's not-yet-sealed events from events nobody will ever seal.
 */
@Document("audit_instances")
record AuditInstance(@Id String id, Instant startedAt, Instant lastSeen, List<String> streams, Instant closedAt,
                     String closedBy) {
}
