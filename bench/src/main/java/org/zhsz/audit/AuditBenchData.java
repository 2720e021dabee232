package org.zhsz.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.ApplicationContext;
import org.zhsz.platform.Ids;

/**
 * Audit events in the trail's stored shape for the county-scale data generator (bench sources only): one stream per
 * chain written by a generator "instance", numbered, hashed, sealed every {@code sealEvery} events with the running
 * app's signing key, closed by a last seal, and the instance registered as closed, so that verification of the
 * generated trail passes. Events must be added in time order per chain.
 */
public final class AuditBenchData {

    private final AuditKeys keys;
    private final String instance = Ids.newId();
    private final int sealEvery;
    private final java.util.Map<String, StreamState> streams = new java.util.LinkedHashMap<>();

    private static final class StreamState {
        final String chain;
        final String id;
        long seq;
        long n;
        long sealedTo;
        String prev = AuditHasher.GENESIS;
        final List<String> leaves = new ArrayList<>();
        Instant last;

        StreamState(String chain, String id) {
            this.chain = chain;
            this.id = id;
        }
    }

    public AuditBenchData(ApplicationContext app, int sealEvery) {
        this.keys = app.getBean(AuditKeys.class);
        this.sealEvery = sealEvery;
    }

    /** The event, and the seal it completed (if it did), to be stored. */
    public List<Object> add(String chain, Instant at, String username, String actorName, String role, String action,
                            String resourceType, String resourceId, String studentId, String dataClass) {
        StreamState s = streams.computeIfAbsent(chain, c -> new StreamState(c, c + "/" + instance));
        StoredEvent e = new StoredEvent(Ids.newId(), chain, s.id, ++s.seq, at, username, actorName, role, action,
                resourceType, resourceId, studentId, chain.equals(AuditTrail.COUNTY_CHAIN) ? null : chain, "ALLOWED",
                null, dataClass, null, null);
        e = AuditTrail.withHash(e, AuditHasher.leaf(e));
        s.leaves.add(e.hash());
        s.last = at;
        List<Object> out = new ArrayList<>(2);
        out.add(e);
        if (s.leaves.size() >= sealEvery) {
            out.add(seal(s, false));
        }
        return out;
    }

    private AuditSeal seal(StreamState s, boolean last) {
        AuditSeal seal = AuditSeal.create(s.chain, s.id, ++s.n, s.sealedTo + 1, s.seq, s.leaves, List.of(), s.prev,
                s.last, instance, instance, last, keys);
        s.prev = seal.hash();
        s.sealedTo = s.seq;
        s.leaves.clear();
        return seal;
    }

    /** The last seals of every stream and the generator's instance, registered as closed. */
    public List<Object> close(Instant at) {
        List<Object> out = new ArrayList<>();
        for (StreamState s : streams.values()) {
            out.add(seal(s, true));
        }
        out.add(new AuditInstance(instance, at, at, List.copyOf(streams.values().stream().map(s -> s.id).toList()),
                at, instance));
        return out;
    }
}
