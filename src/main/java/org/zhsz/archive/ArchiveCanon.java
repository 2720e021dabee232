package org.zhsz.archive;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The canonical form of a locked archive (JSON with properties and map keys sorted, no insignificant
 * whitespace) and its SHA-256. The same snapshot always gives the same hash; any change gives another.
 */
final class ArchiveCanon {

    private static final JsonMapper CANON = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private ArchiveCanon() {
    }

    record Canonical(String studentId, String schoolId, String term, int archiveVersion, String previousHash,
                     TermArchive.Snapshot snapshot) {
    }

    static String json(Canonical c) {
        return CANON.writeValueAsString(c);
    }

    static String sha256(Canonical c) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(json(c).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
