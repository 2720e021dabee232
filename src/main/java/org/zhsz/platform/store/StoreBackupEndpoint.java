package org.zhsz.platform.store;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.core.io.FileSystemResource;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /actuator/backup} on the management port (loopback callers only, see SecurityConfig): a consistent
 * online backup of the embedded store as a ZIP — {@code zhsz.snapshot} taken while writes wait (every write
 * acknowledged before the call is in it, none half), plus every other file of the data directory (field-encryption
 * keys, demo signing keys, …) and {@code manifest.json} with SHA-256 sums. {@code ./run.sh backup DIR} calls it and
 * {@code ./run.sh restore DIR} puts it back. With the H2 engine or a real MongoDB it answers 409: back up those by
 * stopping the app, or with mongodump (docs/operations.md).
 */
@Component
@Endpoint(id = "backup")
class StoreBackupEndpoint {

    private static final Logger log = LoggerFactory.getLogger(StoreBackupEndpoint.class);
    /** Files of the data directory that are the live store (replaced by the snapshot) or not worth keeping. */
    private static final List<String> SKIP = List.of("zhsz.snapshot", "zhsz.snapshot.tmp", "zhsz.journal", "zhsz.mv",
            "logs", "backups");

    private final EmbeddedStore store;
    private final StoreInfo info;

    StoreBackupEndpoint(EmbeddedStore store, StoreInfo info) {
        this.store = store;
        this.info = info;
    }

    @WriteOperation(produces = "application/zip")
    WebEndpointResponse<Object> backup() throws IOException {
        JournaledMemoryBackend backend = store.journaled();
        if (backend == null) {
            return new WebEndpointResponse<>(Map.of("code", "backup_not_online",
                    "message", info.embedded() ? "The H2 engine has no online backup: stop the app and copy zhsz.mv"
                            : "A real MongoDB is backed up with mongodump or snapshots (docs/operations.md)"),
                    409);
        }
        Path dataDir = info.embeddedFile().getParent();
        Path snapshot = Files.createTempFile("zhsz-backup-", ".snapshot");
        Path zip = Files.createTempFile("zhsz-backup-", ".zip");
        try {
            long started = System.nanoTime();
            JournaledMemoryBackend.BackupPoint point = backend.backupTo(snapshot);
            long heldMillis = (System.nanoTime() - started) / 1_000_000;
            Map<String, String> sums = new LinkedHashMap<>();
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
                sums.put("zhsz.snapshot", add(out, "zhsz.snapshot", snapshot));
                try (Stream<Path> files = Files.walk(dataDir)) {
                    for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                        Path rel = dataDir.relativize(f);
                        if (!SKIP.contains(rel.getName(0).toString())) {
                            String name = rel.toString().replace('\\', '/');
                            sums.put(name, add(out, name, f));
                        }
                    }
                }
                Map<String, Object> manifest = new LinkedHashMap<>();
                manifest.put("createdAt", Instant.now().toString());
                manifest.put("engine", "journal");
                manifest.put("sequence", point.sequence());
                manifest.put("documents", point.documents());
                manifest.put("sha256", sums);
                out.putNextEntry(new ZipEntry("manifest.json"));
                out.write(JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(manifest)
                        .getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
            log.info("Backup of the embedded store: {} documents up to journal entry {}, writes held {} ms, {} files",
                    point.documents(), point.sequence(), heldMillis, sums.size());
            return new WebEndpointResponse<>(new DeletedAfterReading(zip), WebEndpointResponse.STATUS_OK);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(zip);
            throw e;
        } finally {
            Files.deleteIfExists(snapshot);
        }
    }

    private static String add(ZipOutputStream out, String name, Path file) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        out.putNextEntry(new ZipEntry(name));
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            in.transferTo(out);
        }
        out.closeEntry();
        return HexFormat.of().formatHex(sha.digest());
    }

    /** The ZIP, removed once it has been sent. */
    static final class DeletedAfterReading extends FileSystemResource {

        DeletedAfterReading(Path file) {
            super(file);
        }

        @Override
        public InputStream getInputStream() throws IOException {
            return new FilterInputStream(super.getInputStream()) {
                @Override
                public void close() throws IOException {
                    try {
                        super.close();
                    } finally {
                        deleteQuietly();
                    }
                }
            };
        }

        @Override
        public ReadableByteChannel readableChannel() throws IOException {
            InputStream in = getInputStream();
            return Channels.newChannel(in);
        }

        private void deleteQuietly() {
            try {
                Files.deleteIfExists(getFile().toPath());
            } catch (IOException e) {
                log.warn("Could not delete the sent backup {}", getFile());
            }
        }

        @Override
        public boolean isFile() {
            return false; // not a file to hand to zero-copy transfer: it is deleted after reading
        }
    }
}
