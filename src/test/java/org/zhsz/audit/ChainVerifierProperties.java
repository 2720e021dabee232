package org.zhsz.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Verification finds every changed, removed, reordered or inserted event of a sealed trail (and never cries wolf
 * on an untouched one), over random trails: one to three streams (instances) of a school, random seal boundaries,
 * events whose writes failed (recorded by their seal as never stored), streams closed or still open. The attacker
 * can write to the database: edit any field, keep the stored hash or recompute it, delete, renumber, insert. With
 * the signing key as well, the attacker recomputes the whole trail after an edit; then the checkpoints outside the
 * database still name the old seals.
 */
class ChainVerifierProperties {

    private static final String CHAIN = "S1";
    private static final Instant T0 = Instant.parse("2026-11-30T08:00:00Z");
    private static final Instant NOW = T0.plus(Duration.ofDays(1));
    private static final AuditKeys KEYS = AuditKeys.generate();

    /** A sealed trail as stored, and what the checkpoints named. */
    record Trail(List<StoredEvent> events, List<AuditSeal> seals, Map<String, ChainVerifier.InstanceState> instances,
                 List<ChainVerifier.Anchor> anchors) {
    }

    /** How a trail is generated: per stream, event count, seal batch size, which writes failed, closed or not. */
    record Shape(List<Integer> counts, int batch, long seed, List<Boolean> closed) {
    }

    @Provide
    Arbitrary<Shape> shapes() {
        return Combinators.combine(Arbitraries.integers().between(1, 30).list().ofMinSize(1).ofMaxSize(3),
                        Arbitraries.integers().between(1, 9), Arbitraries.longs(),
                        Arbitraries.of(true, false).list().ofSize(3))
                .as(Shape::new);
    }

    static Trail trail(Shape shape) {
        Random rnd = new Random(shape.seed());
        List<StoredEvent> events = new ArrayList<>();
        List<AuditSeal> seals = new ArrayList<>();
        Map<String, ChainVerifier.InstanceState> instances = new HashMap<>();
        List<ChainVerifier.Anchor> anchors = new ArrayList<>();
        for (int s = 0; s < shape.counts().size(); s++) {
            String instance = "i" + s;
            String stream = CHAIN + "/" + instance;
            boolean closed = shape.closed().get(s);
            instances.put(instance, new ChainVerifier.InstanceState(Set.of(stream), NOW, closed));
            int count = shape.counts().get(s);
            long n = 0;
            String prev = AuditHasher.GENESIS;
            long from = 1;
            List<String> leaves = new ArrayList<>();
            List<Long> absent = new ArrayList<>();
            for (long seq = 1; seq <= count; seq++) {
                boolean failed = rnd.nextInt(8) == 0;
                if (failed) {
                    absent.add(seq);
                } else {
                    StoredEvent e = event(stream, seq, rnd);
                    events.add(e);
                    leaves.add(e.hash());
                }
                boolean end = seq == count;
                if (end || rnd.nextInt(shape.batch()) == 0) {
                    AuditSeal seal = AuditSeal.create(CHAIN, stream, ++n, from, seq, leaves, absent, prev,
                            T0.plusSeconds(seq * 60), instance, instance, end && closed, KEYS);
                    seals.add(seal);
                    prev = seal.hash();
                    from = seq + 1;
                    leaves = new ArrayList<>();
                    absent = new ArrayList<>();
                }
            }
            anchors.add(new ChainVerifier.Anchor(stream, n, prev, "checkpoint-test"));
        }
        return new Trail(events, seals, instances, anchors);
    }

    static StoredEvent event(String stream, long seq, Random rnd) {
        String[] actions = {"record.create", "student.read", "record.approve", "mental_health.alert.read"};
        StoredEvent e = new StoredEvent("e" + Long.toHexString(rnd.nextLong()), CHAIN, stream, seq,
                T0.plusSeconds(seq * 60 + rnd.nextInt(30)), "user" + rnd.nextInt(5), "名字" + rnd.nextInt(5),
                "teacher", actions[rnd.nextInt(actions.length)], "record", "r" + rnd.nextInt(100),
                "S1-C1-" + rnd.nextInt(40), CHAIN, rnd.nextBoolean() ? "ALLOWED" : "DENIED",
                rnd.nextBoolean() ? null : "reason " + rnd.nextInt(3), null, null, null);
        return AuditTrail.withHash(e, AuditHasher.leaf(e));
    }

    static ChainVerifier.Result verify(Trail t) {
        ChainVerifier v = new ChainVerifier(CHAIN, t.seals(), t.instances(), t.anchors(), true, 0, KEYS, NOW,
                Duration.ofMinutes(4), Duration.ofMinutes(10));
        t.events().stream().filter(e -> CHAIN.equals(e.chain()))
                .sorted(Comparator.comparing((StoredEvent e) -> e.stream() == null ? "" : e.stream())
                        .thenComparingLong(StoredEvent::seq))
                .forEach(v::accept);
        return v.finish();
    }

    @Property(tries = 200)
    void anUntouchedTrailIsIntact(@ForAll("shapes") Shape shape) {
        Trail t = trail(shape);
        ChainVerifier.Result r = verify(t);
        assertThat(r.firstBreak()).isNull();
        assertThat(r.sealed()).isEqualTo(t.events().size());
        assertThat(r.pending()).isZero();
    }

    enum Tamper { CHANGE, CHANGE_AND_REHASH, REMOVE, REORDER, REORDER_AND_REHASH, INSERT, INSERT_AFTER_THE_END,
        INSERT_IN_A_NEW_STREAM, INSERT_BEFORE_STREAMS, MOVE_TO_ANOTHER_CHAIN }

    @Property(tries = 600)
    void everyChangedRemovedReorderedOrInsertedEventIsFound(@ForAll("shapes") Shape shape, @ForAll Tamper tamper,
                                                             @ForAll long pick) {
        Trail t = trail(shape);
        List<StoredEvent> events = new ArrayList<>(t.events());
        Random rnd = new Random(pick);
        if (events.isEmpty() && tamper != Tamper.INSERT && tamper != Tamper.INSERT_AFTER_THE_END
                && tamper != Tamper.INSERT_IN_A_NEW_STREAM && tamper != Tamper.INSERT_BEFORE_STREAMS) {
            tamper = Tamper.INSERT; // nothing stored to change
        }
        int i = events.isEmpty() ? 0 : rnd.nextInt(events.size());
        switch (tamper) {
            case CHANGE -> events.set(i, changed(events.get(i), rnd, false));
            case CHANGE_AND_REHASH -> events.set(i, changed(events.get(i), rnd, true));
            case REMOVE -> events.remove(i);
            case REORDER, REORDER_AND_REHASH -> {
                StoredEvent a = events.get(i);
                List<StoredEvent> same = events.stream().filter(e -> e.stream().equals(a.stream()) && e != a).toList();
                if (same.isEmpty()) { // one event in its stream: move it to a free number instead
                    events.set(i, renumbered(a, a.seq() + 1000, tamper == Tamper.REORDER_AND_REHASH));
                } else {
                    StoredEvent b = same.get(rnd.nextInt(same.size()));
                    events.set(i, renumbered(a, b.seq(), tamper == Tamper.REORDER_AND_REHASH));
                    events.set(events.indexOf(b), renumbered(b, a.seq(), tamper == Tamper.REORDER_AND_REHASH));
                }
            }
            case INSERT -> {
                // at a number of an existing stream inside what its seals cover
                AuditSeal s = t.seals().get(rnd.nextInt(t.seals().size()));
                long seq = s.to() < s.from() ? s.from() : s.from() + rnd.nextInt((int) (s.to() - s.from() + 1));
                events.add(forged(s.stream(), seq, rnd));
            }
            case INSERT_AFTER_THE_END -> {
                AuditSeal s = t.seals().get(rnd.nextInt(t.seals().size()));
                long last = t.seals().stream().filter(x -> x.stream().equals(s.stream())).mapToLong(AuditSeal::to)
                        .max().orElseThrow();
                events.add(forged(s.stream(), last + 1 + rnd.nextInt(3), rnd));
            }
            case INSERT_IN_A_NEW_STREAM -> events.add(forged(CHAIN + "/intruder", 1, rnd));
            case INSERT_BEFORE_STREAMS -> {
                StoredEvent f = forged(null, 1, rnd);
                StoredEvent legacy = new StoredEvent(f.id(), f.chain(), null, 1, f.at(), f.username(), f.actorName(),
                        f.role(), f.action(), f.resourceType(), f.resourceId(), f.studentId(), f.schoolId(),
                        f.outcome(), f.reason(), f.dataClass(), AuditHasher.GENESIS, null);
                events.add(AuditTrail.withHash(legacy, AuditHasher.hash(legacy)));
            }
            case MOVE_TO_ANOTHER_CHAIN -> {
                StoredEvent e = events.get(i);
                events.set(i, new StoredEvent(e.id(), "S2", e.stream(), e.seq(), e.at(), e.username(),
                        e.actorName(), e.role(), e.action(), e.resourceType(), e.resourceId(), e.studentId(),
                        e.schoolId(), e.outcome(), e.reason(), e.dataClass(), e.prevHash(), e.hash()));
            }
        }
        ChainVerifier.Result r = verify(new Trail(events, t.seals(), t.instances(), t.anchors()));
        assertThat(r.firstBreak()).as("%s of %s", tamper, shape).isNotNull();
    }

    /** The attacker also holds the signing key: edits an event, then recomputes its leaf, every later seal of
     *  its stream (roots, links, hashes) and signs them again. Only the checkpoint still names the old seal. */
    @Property(tries = 150)
    void aRewrittenAndResealedTrailStillContradictsTheCheckpoint(@ForAll("shapes") Shape shape, @ForAll long pick) {
        Trail t = trail(shape);
        if (t.events().isEmpty()) {
            return;
        }
        Random rnd = new Random(pick);
        List<StoredEvent> events = new ArrayList<>(t.events());
        int i = rnd.nextInt(events.size());
        StoredEvent victim = changed(events.get(i), rnd, true);
        events.set(i, victim);
        List<AuditSeal> seals = new ArrayList<>();
        String prev = AuditHasher.GENESIS;
        for (AuditSeal s : t.seals()) {
            if (!s.stream().equals(victim.stream())) {
                seals.add(s);
                continue;
            }
            if (s.n() == 1) {
                prev = AuditHasher.GENESIS;
            }
            List<String> leaves = events.stream().filter(e -> e.stream().equals(s.stream()) && e.seq() >= s.from()
                    && e.seq() <= s.to()).sorted(Comparator.comparingLong(StoredEvent::seq))
                    .map(AuditHasher::leaf).toList();
            AuditSeal resealed = AuditSeal.create(s.chain(), s.stream(), s.n(), s.from(), s.to(), leaves, s.absent(),
                    prev, s.at(), s.instance(), s.sealedBy(), s.last(), KEYS);
            seals.add(resealed);
            prev = resealed.hash();
        }
        // without the checkpoint the forgery is perfect: that is why checkpoints live outside the database
        Trail forged = new Trail(events, seals, t.instances(), t.anchors());
        ChainVerifier.Result unanchored = verify(new Trail(events, seals, t.instances(), List.of()));
        assertThat(unanchored.firstBreak()).isNull();
        ChainVerifier.Result r = verify(forged);
        assertThat(r.firstBreak()).isNotNull();
        assertThat(r.firstBreak().code()).isEqualTo("checkpoint");
    }

    private static StoredEvent changed(StoredEvent e, Random rnd, boolean rehash) {
        StoredEvent c = switch (rnd.nextInt(6)) {
            case 0 -> new StoredEvent(e.id(), e.chain(), e.stream(), e.seq(), e.at(), e.username() + "x",
                    e.actorName(), e.role(), e.action(), e.resourceType(), e.resourceId(), e.studentId(), e.schoolId(),
                    e.outcome(), e.reason(), e.dataClass(), e.prevHash(), e.hash());
            case 1 -> new StoredEvent(e.id(), e.chain(), e.stream(), e.seq(), e.at().plusMillis(1), e.username(),
                    e.actorName(), e.role(), e.action(), e.resourceType(), e.resourceId(), e.studentId(), e.schoolId(),
                    e.outcome(), e.reason(), e.dataClass(), e.prevHash(), e.hash());
            case 2 -> new StoredEvent(e.id(), e.chain(), e.stream(), e.seq(), e.at(), e.username(), e.actorName(),
                    e.role(), "student.read", e.resourceType(), e.resourceId(), e.studentId() + "9", e.schoolId(),
                    e.outcome(), e.reason(), e.dataClass(), e.prevHash(), e.hash());
            case 3 -> new StoredEvent(e.id(), e.chain(), e.stream(), e.seq(), e.at(), e.username(), e.actorName(),
                    e.role(), e.action(), e.resourceType(), e.resourceId(), e.studentId(), e.schoolId(),
                    "ALLOWED".equals(e.outcome()) ? "DENIED" : "ALLOWED", e.reason(), e.dataClass(), e.prevHash(),
                    e.hash());
            case 4 -> new StoredEvent(e.id(), e.chain(), e.stream(), e.seq(), e.at(), e.username(), e.actorName(),
                    e.role(), e.action(), e.resourceType(), e.resourceId(), e.studentId(), e.schoolId(), e.outcome(),
                    e.reason() == null ? "edited" : null, e.dataClass(), e.prevHash(), e.hash());
            default -> new StoredEvent(e.id() + "0", e.chain(), e.stream(), e.seq(), e.at(), e.username(),
                    e.actorName(), e.role(), e.action(), e.resourceType(), e.resourceId(), e.studentId(), e.schoolId(),
                    e.outcome(), e.reason(), "MENTAL_HEALTH", e.prevHash(), e.hash());
        };
        return rehash ? AuditTrail.withHash(c, AuditHasher.leaf(c)) : c;
    }

    private static StoredEvent renumbered(StoredEvent e, long seq, boolean rehash) {
        StoredEvent c = new StoredEvent(e.id(), e.chain(), e.stream(), seq, e.at(), e.username(), e.actorName(),
                e.role(), e.action(), e.resourceType(), e.resourceId(), e.studentId(), e.schoolId(), e.outcome(),
                e.reason(), e.dataClass(), e.prevHash(), e.hash());
        return rehash ? AuditTrail.withHash(c, AuditHasher.leaf(c)) : c;
    }

    private static StoredEvent forged(String stream, long seq, Random rnd) {
        StoredEvent e = event(stream == null ? CHAIN + "/x" : stream, seq, rnd);
        StoredEvent f = new StoredEvent(e.id(), e.chain(), stream, seq, e.at(), e.username(), e.actorName(), e.role(),
                e.action(), e.resourceType(), e.resourceId(), e.studentId(), e.schoolId(), e.outcome(), e.reason(),
                e.dataClass(), null, null);
        return AuditTrail.withHash(f, stream == null ? AuditHasher.hash(f) : AuditHasher.leaf(f));
    }
}
