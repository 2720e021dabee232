package org.zhsz.audit;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A seal over a run of one stream's events: sequence numbers {@code from..to}, the Merkle root of the stored ones'
 * leaf hashes ({@code count} of them; {@code absent} lists numbers whose event was never stored because its write
 * failed), linked to the stream's previous seal ({@code prev}, the genesis hash for the first) and signed
 * (Ed25519 over {@code hash}) with the key {@code keyId}. {@code last} closes the stream (instance stopped, or its
 * tail was sealed by {@code sealedBy} after the instance died).
 */
@Document("audit_seals")
@CompoundIndex(name = "chain_stream_n", def = "{'chain': 1, 'stream': 1, 'n': 1}", unique = true)
record AuditSeal(@Id String id, String chain, String stream, long n, long from, long to, long count, String root,
                 List<Long> absent, String prev, Instant at, String instance, String sealedBy, boolean last,
                 String keyId, String hash, String signature) {

    /**
     * A signed seal over the events {@code from..to} of a stream whose stored leaves (in sequence order) are
     * {@code leaves}; {@code absent} are the numbers in the range that were never stored.
     */
    static AuditSeal create(String chain, String stream, long n, long from, long to, List<String> leaves,
                            List<Long> absent, String prev, Instant at, String instance, String sealedBy,
                            boolean last, AuditKeys keys) {
        AuditSeal unsigned = new AuditSeal(stream + ":" + n, chain, stream, n, from, to, leaves.size(),
                AuditHasher.merkleRoot(leaves), List.copyOf(absent), prev, at, instance, sealedBy, last,
                keys.keyId(), null, null);
        String hash = AuditHasher.seal(unsigned);
        return unsigned.withHashAndSignature(hash, keys.sign(hash));
    }

    AuditSeal withHashAndSignature(String h, String sig) {
        return new AuditSeal(id, chain, stream, n, from, to, count, root, absent, prev, at, instance, sealedBy, last,
                keyId, h, sig);
    }
}
