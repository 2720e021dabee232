package org.zhsz.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.json.JsonMapper;

/**
 * Signed checkpoints of the trail, written outside the database: a file per checkpoint in {@code checkpointDir}
 * (the operator ships the directory elsewhere, e.g. to write-once storage) and the same content in the log. A
 * checkpoint names, for every stream an instance sealed, its newest seal (number and hash), and for chains from
 * before streams their newest event. Anyone who can write to the database can rebuild hashes, Merkle roots and
 * even seals; they cannot change what a checkpoint already recorded, so verification compares the stored trail
 * with every checkpoint.
 *
 * <p>The signature (Ed25519, the seals' key) covers a canonical text of the content
 * ({@link Checkpoint#canonical()}), so the file's JSON formatting does not matter.
 */
final class AuditCheckpoints {

    private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    static final String PREFIX = "audit-checkpoint-";

    /** A seal head ({@code stream} and seal number {@code n}) or, with no stream, a legacy chain's event. */
    record Head(String chain, String stream, long n, String hash) {
    }

    record Checkpoint(int version, String instance, Instant at, String keyId, String publicKey, List<Head> heads,
                      String signature) {

        String canonical() {
            StringBuilder sb = new StringBuilder("zhsz-audit-checkpoint-v").append(version).append('\n')
                    .append(instance).append('\n').append(at.toEpochMilli()).append('\n').append(keyId).append('\n')
                    .append(publicKey).append('\n');
            heads.stream().sorted(Comparator.comparing(Head::chain).thenComparing(h -> h.stream() == null ? ""
                    : h.stream())).forEach(h -> sb.append(h.chain()).append('|')
                    .append(h.stream() == null ? "" : h.stream()).append('|').append(h.n()).append('|')
                    .append(h.hash()).append('\n'));
            return sb.toString();
        }
    }

    /** A checkpoint file as read back, or why it cannot be trusted. */
    record Loaded(String file, Checkpoint checkpoint, String problem) {
    }

    private final Path dir;
    private final AuditKeys keys;

    AuditCheckpoints(Path dir, AuditKeys keys) {
        this.dir = dir;
        this.keys = keys;
    }

    Path dir() {
        return dir;
    }

    /** Writes a signed checkpoint (atomically: a reader never sees half a file) and logs it; returns the file. */
    Path write(String instance, Instant at, List<Head> heads) throws IOException {
        Checkpoint unsigned = new Checkpoint(1, instance, at, keys.keyId(), keys.publicKeyBase64(), List.copyOf(heads),
                null);
        String canonical = unsigned.canonical();
        Checkpoint signed = new Checkpoint(1, instance, at, keys.keyId(), keys.publicKeyBase64(), List.copyOf(heads),
                keys.sign(canonical.getBytes(StandardCharsets.UTF_8)));
        Files.createDirectories(dir);
        Path file = dir.resolve(PREFIX + NAME.format(at) + "-" + instance + ".json");
        Path tmp = dir.resolve(file.getFileName() + ".tmp");
        Files.writeString(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(signed),
                StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        log.info("Audit checkpoint {} ({} heads, sha256 {}): {}", file.getFileName(), heads.size(),
                AuditHasher.hex(AuditHasher.sha256(canonical.getBytes(StandardCharsets.UTF_8))),
                canonical.replace('\n', ' ').trim());
        return file;
    }

    /**
     * Every checkpoint in the directory, oldest first. A checkpoint whose signature does not verify with the key it
     * names is returned with a problem; a valid one makes its key trusted (the directory is the anchor).
     */
    List<Loaded> readAll() {
        List<Loaded> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, PREFIX + "*.json")) {
            ds.forEach(files::add);
        } catch (IOException e) {
            out.add(new Loaded(dir.toString(), null, "the checkpoint directory cannot be read: " + e.getMessage()));
            return out;
        }
        files.sort(Comparator.comparing(p -> p.getFileName().toString()));
        for (Path f : files) {
            String name = f.getFileName().toString();
            try {
                Checkpoint c = JSON.readValue(Files.readString(f, StandardCharsets.UTF_8), Checkpoint.class);
                if (c.heads() == null || c.at() == null || c.publicKey() == null) {
                    out.add(new Loaded(name, null, "incomplete checkpoint"));
                    continue;
                }
                var key = AuditKeys.publicKey(c.publicKey());
                if (!AuditKeys.keyId(key).equals(c.keyId())) {
                    out.add(new Loaded(name, null, "the checkpoint's key id does not match its key"));
                    continue;
                }
                AuditKeys probe = new AuditKeys(null, key);
                if (!probe.verify(c.keyId(), c.canonical().getBytes(StandardCharsets.UTF_8), c.signature())) {
                    out.add(new Loaded(name, null, "the checkpoint's signature is invalid (file changed)"));
                    continue;
                }
                keys.trust(key);
                out.add(new Loaded(name, c, null));
            } catch (Exception e) {
                out.add(new Loaded(name, null, "unreadable checkpoint: " + e.getMessage()));
            }
        }
        return out;
    }
}
