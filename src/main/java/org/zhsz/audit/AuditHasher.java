package org.zhsz.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The canonical form of an event and its SHA-256 link hash. Pure; unit-tested. */
final class AuditHasher {

    static final String GENESIS = "0".repeat(64);

    private AuditHasher() {
    }

    static String hash(StoredEvent e) {
        StringBuilder sb = new StringBuilder(256);
        append(sb, e.id());
        append(sb, e.chain());
        append(sb, Long.toString(e.seq()));
        append(sb, Long.toString(e.at().toEpochMilli()));
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
        append(sb, e.prevHash());
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
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
