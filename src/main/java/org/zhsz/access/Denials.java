package org.zhsz.access;

import java.util.concurrent.atomic.AtomicBoolean;

import org.zhsz.audit.AuditEvent;
import org.zhsz.audit.AuditTrail;

import reactor.core.publisher.Mono;

/**
 * Records a denial in the audit trail and tells the request's {@link DenialAuditFilter} that its refusal is on
 * record (through the Reactor context), so the filter's safety net does not record it a second time.
 */
final class Denials {

    /** Per request: set once a denial of this request has been recorded. */
    static final class Marker {
        private final AtomicBoolean recorded = new AtomicBoolean();

        void mark() {
            recorded.set(true);
        }

        boolean recorded() {
            return recorded.get();
        }
    }

    private Denials() {
    }

    static Mono<Void> record(AuditTrail audit, AuditEvent denial) {
        return Mono.deferContextual(ctx -> {
            ctx.<Marker>getOrEmpty(Marker.class).ifPresent(Marker::mark);
            return audit.record(denial);
        });
    }
}
