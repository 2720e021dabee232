package org.zhsz.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Canonical forms and SHA-256 hashes of the trail. Pure; unit-tested.
 *
 * <ul>
 * <li>{@link #hash(StoredEvent)}: the original per-event chain link (an event's content and {@code prevHash});
 * events written before streams and seals still verify with it.</li>
 * <li>{@link #leaf(StoredEvent)}: an event of a stream, without a link to another event: content, chain, stream
 * and sequence number. Events of a stream are bound together by the seals' Merkle roots.</li>
 * <li>{@link #merkleRoot(List)}: RFC 6962-style binary Merkle tree over leaf hashes (0x00/0x01 prefixes, so a leaf
 * can never pass for an inner node).</li>
 * <li>{@link #seal(AuditSeal)}: a seal's canonical form: its stream position, the range it covers, the root, the
 * previous seal's hash, time and key id.</li>
 * </ul>
 */
final class AuditHasher {

    static final String GENESIS = "0".repeat(64);
    /** The Merkle root of a seal that covers no stored event (only sequence numbers that were never stored). */
    static final String EMPTY_ROOT = hex(sha256(new byte[0]));

    private AuditHasher() {
    }

    static String hash(StoredEvent e) {
        StringBuilder sb = new StringBuilder(256);
        content(sb, e);
        append(sb, e.prevHash());
        return hex(sha256(sb.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** The leaf hash of an event of a stream ("v2": also covers the stream; no link to the previous event). */
    static String leaf(StoredEvent e) {
        StringBuilder sb = new StringBuilder(256);
        append(sb, "v2");
        append(sb, e.stream());
        content(sb, e);
        return hex(sha256(sb.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static void content(StringBuilder sb, StoredEvent e) {
        append(sb, e.id());
        append(sb, e.chain());
        append(sb, Long.toString(e.seq()));
        append(sb, e.at() == null ? null : Long.toString(e.at().toEpochMilli()));
        append(sb, e.username());
        append(sb, e.actorName());
        append(sb, e.role());
        append(sb, e.action());
        append(sb, e.resourceType());
        append(sb, e.resourceId());
        append(sb, e.studentId());
        append(sb, e.schoolId());
        append(sb, e.outcome());
        append(sb, e.reason());
        append(sb, e.dataClass());
    }

    /** RFC 6962 Merkle tree hash over the leaves (hex leaf hashes, in sequence order). */
    static String merkleRoot(List<String> leaves) {
        if (leaves.isEmpty()) {
            return EMPTY_ROOT;
        }
        List<byte[]> level = new ArrayList<>(leaves.size());
        for (String l : leaves) {
            level.add(node((byte) 0, HexFormat.of().parseHex(l), null));
        }
        while (level.size() > 1) {
            List<byte[]> up = new ArrayList<>((level.size() + 1) / 2);
            for (int i = 0; i < level.size(); i += 2) {
                up.add(i + 1 < level.size() ? node((byte) 1, level.get(i), level.get(i + 1)) : level.get(i));
            }
            level = up;
        }
        return hex(level.get(0));
    }

    private static byte[] node(byte prefix, byte[] left, byte[] right) {
        MessageDigest md = digest();
        md.update(prefix);
        md.update(left);
        if (right != null) {
            md.update(right);
        }
        return md.digest();
    }

    /** A seal's canonical hash (everything but the hash and the signature). */
    static String seal(AuditSeal s) {
        StringBuilder sb = new StringBuilder(256);
        append(sb, "seal-v1");
        append(sb, s.chain());
        append(sb, s.stream());
        append(sb, Long.toString(s.n()));
        append(sb, Long.toString(s.from()));
        append(sb, Long.toString(s.to()));
        append(sb, Long.toString(s.count()));
        append(sb, s.root());
        append(sb, s.absent() == null ? "" : s.absent().toString());
        append(sb, s.prev());
        append(sb, s.at() == null ? null : Long.toString(s.at().toEpochMilli()));
        append(sb, s.instance());
        append(sb, s.sealedBy());
        append(sb, s.last() ? "last" : "open");
        append(sb, s.keyId());
        return hex(sha256(sb.toString().getBytes(StandardCharsets.UTF_8)));
    }

    static byte[] sha256(byte[] bytes) {
        return digest().digest(bytes);
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Length-prefixed so that no two different events share a canonical form. */
    private static void append(StringBuilder sb, String v) {
        if (v == null) {
            sb.append("-1:");
        } else {
            sb.append(v.length()).append(':').append(v);
        }
        sb.append('|');
    }
}
