package org.zhsz.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Verifies one chain (a school, or the county) from what is stored: its events in {@code (stream, seq)} order
 * (fed one by one, so a chain of any length is checked in bounded memory), its seals, the registry of instances and
 * the anchors taken from the checkpoints outside the database. Pure; the property tests drive it directly.
 *
 * <p>What is checked, per stream: seals numbered 1, 2, … without gaps, each linked to the previous one's hash,
 * covering consecutive sequence ranges from 1, with a hash that matches their content and a valid signature of a
 * trusted key; in each sealed range every number is either stored exactly once or listed as never stored, and the
 * Merkle root of the recomputed leaf hashes equals the seal's. Events after a stream's last seal are accepted as
 * pending only while their instance is alive and they are younger than the grace; after a closed stream's last
 * seal, in an unregistered stream, or older than that, they are breaks. Every checkpoint anchor must match the
 * stored seal (or, for chains from before streams, the stored event) it names. Events without a stream (written
 * before streams existed) are checked as the original hash chain: consecutive numbers from 1, each linked to the
 * previous one's hash, and the stored head.
 */
final class ChainVerifier {

    /**
     * A problem found; {@code code} is stable (the UI names it), {@code detail} an English description,
     * {@code checkpoint} the checkpoint file it contradicts (code {@code checkpoint} only).
     */
    record Finding(String chain, String stream, long seq, String eventId, String code, String detail,
                   String checkpoint) {
    }

    /** What a checkpoint says about this chain: the seal {@code n} of {@code stream}, or legacy event {@code seq}. */
    record Anchor(String stream, long n, String hash, String checkpoint) {
    }

    record Result(String chain, long eventsChecked, long sealed, long pending, long seals, long anchors,
                  Finding firstBreak) {
    }

    /** What verification knows about the instance behind a stream. */
    record InstanceState(Set<String> streams, Instant lastSeen, boolean closed) {
    }

    private final String chain;
    private final Map<String, List<AuditSeal>> sealsByStream = new LinkedHashMap<>();
    private final Map<String, InstanceState> instances;
    private final List<Anchor> anchors;
    private final long legacyHead;
    /** The newest event of this chain's pre-stream part a checkpoint names; -1 when no checkpoint exists at all. */
    private final long legacyAnchored;
    private final AuditKeys keys;
    private final Instant now;
    private final Duration grace;
    private final Duration instanceTimeout;

    private Finding first;
    private long checked;
    private long sealed;
    private long pending;
    private long sealCount;

    // legacy chain
    private long legacyExpected = 1;
    private String legacyPrev = AuditHasher.GENESIS;
    private final Map<Long, String> legacyHashes = new HashMap<>();

    // the stream being read
    private String stream;
    private List<AuditSeal> seals;
    private int sealIndex;
    private final List<StoredEvent> window = new ArrayList<>();
    private final Set<String> streamsSeen = new HashSet<>();

    ChainVerifier(String chain, Collection<AuditSeal> seals, Map<String, InstanceState> instances,
                  List<Anchor> anchors, boolean anchorsExist, long legacyHead, AuditKeys keys, Instant now,
                  Duration grace, Duration instanceTimeout) {
        this.chain = chain;
        for (AuditSeal s : seals) {
            sealsByStream.computeIfAbsent(s.stream(), k -> new ArrayList<>()).add(s);
            sealCount++;
        }
        sealsByStream.values().forEach(l -> l.sort(java.util.Comparator.comparingLong(AuditSeal::n)));
        this.instances = instances;
        this.anchors = anchors;
        this.legacyHead = legacyHead;
        this.legacyAnchored = anchorsExist ? anchors.stream().filter(a -> a.stream() == null)
                .mapToLong(Anchor::n).max().orElse(0) : -1;
        this.keys = keys;
        this.now = now;
        this.grace = grace;
        this.instanceTimeout = instanceTimeout;
    }

    static String instanceOf(String stream) {
        int slash = stream.lastIndexOf('/');
        return slash < 0 ? stream : stream.substring(slash + 1);
    }

    private void fail(String stream, long seq, String eventId, String code, String detail) {
        failAgainst(stream, seq, eventId, code, detail, null);
    }

    private void failAgainst(String stream, long seq, String eventId, String code, String detail,
                             String checkpoint) {
        if (first == null) {
            first = new Finding(chain, stream, seq, eventId, code, detail, checkpoint);
        }
    }

    boolean broken() {
        return first != null;
    }

    /** The next stored event of the chain, in (stream, seq) order, streams without a name first. */
    void accept(StoredEvent e) {
        checked++;
        if (e.stream() == null) {
            legacy(e);
            return;
        }
        if (!e.stream().equals(stream)) {
            endStream();
            beginStream(e.stream());
        }
        while (sealIndex < seals.size() && e.seq() > seals.get(sealIndex).to()) {
            closeSeal();
        }
        if (sealIndex < seals.size() && e.seq() >= seals.get(sealIndex).from()) {
            window.add(e);
            return;
        }
        if (sealIndex < seals.size()) { // below the current seal's range: a number already accounted for
            fail(stream, e.seq(), e.id(), "inserted", "an event at seq " + e.seq() + " that no seal accounts for "
                    + "(inserted, or a duplicate number)");
            return;
        }
        unsealed(e);
    }

    private void legacy(StoredEvent e) {
        legacyHashes.put(e.seq(), e.hash());
        if (legacyAnchored >= 0 && e.seq() > legacyAnchored) {
            // every instance anchors the pre-stream heads in its first checkpoint: nothing may follow them
            fail(null, e.seq(), e.id(), "inserted", "an event without a stream that no checkpoint accounts for "
                    + "(inserted after the trail moved to streams)");
        }
        if (e.seq() != legacyExpected) {
            fail(null, legacyExpected, null, "missing", "missing event (seq " + legacyExpected + " absent: deleted?)");
            legacyExpected = e.seq() + 1;
            legacyPrev = e.hash();
            return;
        }
        if (!legacyPrev.equals(e.prevHash())) {
            fail(null, e.seq(), e.id(), "relinked",
                    "link to the previous event does not match (previous event changed or replaced)");
        } else if (!AuditHasher.hash(e).equals(e.hash())) {
            fail(null, e.seq(), e.id(), "changed", "content does not match its hash (event changed)");
        }
        legacyPrev = e.hash();
        legacyExpected++;
    }

    private void beginStream(String s) {
        stream = s;
        streamsSeen.add(s);
        seals = sealsByStream.getOrDefault(s, List.of());
        sealIndex = 0;
        window.clear();
        checkSeals(s, seals);
    }

    private void endStream() {
        if (stream == null) {
            return;
        }
        while (sealIndex < seals.size()) {
            closeSeal();
        }
        stream = null;
    }

    /** The seals of a stream on their own: numbering, links, ranges, hashes, signatures. */
    private void checkSeals(String s, List<AuditSeal> list) {
        String prev = AuditHasher.GENESIS;
        long expectedN = 1;
        long expectedFrom = 1;
        for (AuditSeal seal : list) {
            if (seal.n() != expectedN) {
                fail(s, expectedFrom, null, "seal_missing", "seal " + expectedN + " of stream " + s
                        + " is missing (deleted?)");
                return;
            }
            if (!prev.equals(seal.prev())) {
                fail(s, seal.from(), null, "seal_relinked", "seal " + seal.n() + " of stream " + s
                        + " does not link to the previous seal (a seal was changed or replaced)");
            }
            if (seal.from() != expectedFrom || seal.to() < seal.from() - 1) { // an empty range only closes a stream
                fail(s, expectedFrom, null, "seal_missing", "seal " + seal.n() + " of stream " + s
                        + " does not start where the previous one ended (seq " + expectedFrom + ")");
            }
            if (!AuditHasher.seal(seal).equals(seal.hash())) {
                fail(s, seal.from(), null, "seal_changed", "seal " + seal.n() + " of stream " + s
                        + " does not match its hash (seal changed)");
            } else if (!keys.verify(seal.keyId(), seal.hash(), seal.signature())) {
                fail(s, seal.from(), null, "seal_signature", "seal " + seal.n() + " of stream " + s
                        + (keys.trusts(seal.keyId()) ? " has an invalid signature" : " is signed by an unknown key "
                        + seal.keyId()));
            }
            prev = seal.hash();
            expectedN++;
            expectedFrom = seal.to() + 1;
        }
    }

    /** Checks the events collected for the current seal and moves to the next seal. */
    private void closeSeal() {
        AuditSeal seal = seals.get(sealIndex++);
        Set<Long> absent = seal.absent() == null ? Set.of() : new HashSet<>(seal.absent());
        List<String> leaves = new ArrayList<>(window.size());
        long expected = seal.from();
        StoredEvent changed = null;
        for (StoredEvent e : window) {
            if (e.seq() < expected) {
                fail(stream, e.seq(), e.id(), "inserted", "a second event at seq " + e.seq() + " (inserted)");
                continue;
            }
            while (expected < e.seq()) {
                if (!absent.contains(expected)) {
                    fail(stream, expected, null, "missing", "missing event (seq " + expected + " of stream "
                            + stream + " absent: deleted?)");
                }
                expected++;
            }
            if (absent.contains(e.seq())) {
                fail(stream, e.seq(), e.id(), "inserted", "an event at seq " + e.seq()
                        + ", which its seal records as never stored (inserted)");
            }
            String leaf = AuditHasher.leaf(e);
            if (changed == null && !leaf.equals(e.hash())) {
                changed = e;
            }
            leaves.add(leaf);
            expected = e.seq() + 1;
        }
        for (; expected <= seal.to(); expected++) {
            if (!absent.contains(expected)) {
                fail(stream, expected, null, "missing", "missing event (seq " + expected + " of stream " + stream
                        + " absent: deleted?)");
            }
        }
        if (changed != null) {
            fail(stream, changed.seq(), changed.id(), "changed", "content does not match its hash (event changed)");
        } else if (!AuditHasher.merkleRoot(leaves).equals(seal.root()) || leaves.size() != seal.count()) {
            fail(stream, seal.from(), null, "root_mismatch", "the events " + seal.from() + ".." + seal.to()
                    + " of stream " + stream + " do not match their seal's Merkle root (changed, reordered or "
                    + "replaced)");
        }
        sealed += window.size();
        window.clear();
    }

    /** An event after its stream's last seal. */
    private void unsealed(StoredEvent e) {
        AuditSeal last = seals.isEmpty() ? null : seals.get(seals.size() - 1);
        InstanceState owner = instances.get(instanceOf(e.stream()));
        if (last != null && last.last()) {
            fail(stream, e.seq(), e.id(), "inserted", "an event after the stream was closed by its last seal "
                    + "(inserted)");
        } else if (owner == null || !owner.streams().contains(e.stream())) {
            fail(stream, e.seq(), e.id(), "inserted", "an event in a stream no instance registered (inserted)");
        } else if (owner.closed()) {
            fail(stream, e.seq(), e.id(), "inserted", "an event after the stream's instance closed it (inserted)");
        } else if (owner.lastSeen() != null && owner.lastSeen().isAfter(now.minus(instanceTimeout))
                && (e.at() == null || e.at().isBefore(now.minus(grace)))) {
            fail(stream, e.seq(), e.id(), "unsealed", "an event of a running instance not sealed in time "
                    + "(inserted?)");
        } else { // sealed soon by its instance, or by another one once the instance counts as dead
            pending++;
        }
    }

    Result finish() {
        endStream();
        // streams whose seals survived but whose events are all gone
        for (Map.Entry<String, List<AuditSeal>> s : sealsByStream.entrySet()) {
            if (!streamsSeen.contains(s.getKey())) {
                beginStream(s.getKey());
                endStream();
            }
        }
        if (legacyHead >= legacyExpected) {
            fail(null, legacyExpected, null, "missing", "missing event (seq " + legacyExpected + " to " + legacyHead
                    + " absent at the end: deleted?)");
        }
        for (Anchor a : anchors) {
            if (a.stream() == null) {
                String h = legacyHashes.get(a.n());
                if (!a.hash().equals(h)) {
                    failAgainst(null, a.n(), null, "checkpoint", "event " + a.n() + " does not match the checkpoint "
                            + a.checkpoint() + " (rewritten after it)", a.checkpoint());
                }
                continue;
            }
            List<AuditSeal> list = sealsByStream.getOrDefault(a.stream(), List.of());
            AuditSeal s = a.n() >= 1 && a.n() <= list.size() ? list.get((int) a.n() - 1) : null;
            if (s == null || s.n() != a.n()) {
                failAgainst(a.stream(), 0, null, "checkpoint", "seal " + a.n() + " of stream " + a.stream()
                        + " named by the checkpoint " + a.checkpoint() + " is missing (deleted?)", a.checkpoint());
            } else if (!a.hash().equals(s.hash())) {
                failAgainst(a.stream(), s.from(), null, "checkpoint", "seal " + a.n() + " of stream " + a.stream()
                        + " does not match the checkpoint " + a.checkpoint() + " (the trail was rewritten after it)",
                        a.checkpoint());
            }
        }
        return new Result(chain, checked, sealed, pending, sealCount, anchors.size(), first);
    }
}
