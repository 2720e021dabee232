package org.zhsz.audit;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The audit trail's sealing and anchoring.
 *
 * @param sealInterval       longest time an event stays unsealed (its stream is sealed at the latest then; also
 *                           the window in which a changed or removed event cannot yet be detected). Default 60 s
 * @param sealBatch          a stream with this many unsealed events is sealed at once (default 1000)
 * @param instanceTimeout    an instance not seen for this long counts as dead: another instance seals what it left
 *                           unsealed and closes its streams (default 10 min; with the embedded store, which only one
 *                           process can open, every earlier instance is dead at start)
 * @param checkpointInterval how often the seal heads go into a signed checkpoint file (default 1 h; also at shutdown)
 * @param checkpointDir      where checkpoint files are written, outside the database (default
 *                           {@code $ZHSZ_DATA_DIR/audit-checkpoints}, env {@code ZHSZ_AUDIT_CHECKPOINT_DIR}); ship
 *                           it elsewhere, verification reads it
 * @param signingKey         base64 PKCS#8 Ed25519 key that signs seals and checkpoints (env
 *                           {@code ZHSZ_AUDIT_SIGNING_KEY}); when blank, {@code signingKeyFile} (generated once)
 * @param signingKeyFile     default {@code $ZHSZ_DATA_DIR/keys/audit-signing.key}
 * @param trustedKeys        further public keys (base64 X.509, comma separated) whose seals verification accepts
 */
@ConfigurationProperties("zhsz.audit")
record AuditProperties(Duration sealInterval, Integer sealBatch, Duration instanceTimeout,
                       Duration checkpointInterval, Path checkpointDir, String signingKey, Path signingKeyFile,
                       String trustedKeys) {

    AuditProperties {
        if (sealInterval == null || sealInterval.isNegative() || sealInterval.isZero()) {
            sealInterval = Duration.ofSeconds(60);
        }
        if (sealBatch == null || sealBatch < 1) {
            sealBatch = 1000;
        }
        if (instanceTimeout == null || instanceTimeout.isNegative() || instanceTimeout.isZero()) {
            instanceTimeout = Duration.ofMinutes(10);
        }
        if (checkpointInterval == null || checkpointInterval.isNegative() || checkpointInterval.isZero()) {
            checkpointInterval = Duration.ofHours(1);
        }
    }

    /**
     * Fills in the directory and key file beside the store's files ({@code zhsz.store.embedded-path}, i.e.
     * {@code $ZHSZ_DATA_DIR}): {@code audit-checkpoints/} (for another store file name {@code <name>-audit-
     * checkpoints/}, so stores side by side keep their own) and {@code keys/audit-signing.key}.
     */
    AuditProperties withDefaults(Path storeFile) {
        Path base = storeFile.toAbsolutePath().normalize().getParent();
        String stem = storeFile.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        return new AuditProperties(sealInterval, sealBatch, instanceTimeout, checkpointInterval,
                checkpointDir != null && !checkpointDir.toString().isBlank() ? checkpointDir
                        : base.resolve("zhsz".equals(stem) ? "audit-checkpoints" : stem + "-audit-checkpoints"),
                signingKey, signingKeyFile != null && !signingKeyFile.toString().isBlank() ? signingKeyFile : base.resolve("keys").resolve("audit-signing.key"),
                trustedKeys);
    }

    /** How long verification lets a running instance's event stay unsealed before calling it a break. */
    Duration grace() {
        return sealInterval.multipliedBy(2).plusMinutes(2);
    }

    /** How often an instance records that it is alive. */
    Duration heartbeat() {
        Duration d = instanceTimeout.dividedBy(10);
        return d.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : d;
    }
}
