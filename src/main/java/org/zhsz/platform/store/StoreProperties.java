package org.zhsz.platform.store;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which MongoDB the platform uses.
 *
 * @param mongodbUri   a real MongoDB (env ZHSZ_MONGODB_URI); when blank and {@code spring.mongodb.uri} is blank too,
 *                     the embedded store is used
 * @param database     database name (default {@code zhsz})
 * @param embeddedPath file of the embedded store (default {@code ./data/zhsz.mv})
 * @param demoData     load the demo county on start: {@code auto} (only into the embedded store), {@code always},
 *                     {@code never}
 * @param embeddedEngine {@code journal} (default: in memory, made durable by a journal and snapshots next to
 *                     {@code embeddedPath}) or {@code h2} (mongo-java-server's H2 MVStore file; slower writes)
 * @param embeddedFsync force each journal write to disk (survives power loss, not only a killed process)
 * @param embeddedCompactBytes journal size at which a new snapshot is written (default 64 MB)
 * @param recovery     what to do with an embedded journal damaged before its end: {@code none} (default: do not
 *                     start, change nothing) or {@code truncate-journal} (copy the journal aside, cut it at the
 *                     damage and start with the entries before it) — an operator's decision for one start
 * @param timeout      how long to wait for the store to be reachable (connect, server selection) before a request
 *                     is answered 503; also the health check's limit (default 5 s)
 * @param readTimeout  how long one store round trip may take before a request is answered 503 (default 30 s: a
 *                     county-wide statistic over a million results is one long read on the embedded store). A store
 *                     that stops answering altogether is noticed by the driver's heartbeat within about
 *                     {@code timeout} + 2 s, and requests then in flight fail at once
 */
@ConfigurationProperties("zhsz.store")
public record StoreProperties(String mongodbUri, String database, String embeddedPath, String demoData,
                              String embeddedEngine, boolean embeddedFsync, Long embeddedCompactBytes,
                              String recovery, java.time.Duration timeout, java.time.Duration readTimeout) {

    public StoreProperties {
        if (database == null || database.isBlank()) {
            database = "zhsz";
        }
        if (embeddedPath == null || embeddedPath.isBlank()) {
            embeddedPath = "./data/zhsz.mv";
        }
        if (demoData == null || demoData.isBlank()) {
            demoData = "auto";
        }
        if (embeddedEngine == null || embeddedEngine.isBlank()) {
            embeddedEngine = "journal";
        }
        if (embeddedCompactBytes == null || embeddedCompactBytes < 1024) {
            embeddedCompactBytes = 64L * 1024 * 1024;
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            timeout = java.time.Duration.ofSeconds(5);
        }
        if (readTimeout == null || readTimeout.isNegative() || readTimeout.isZero()) {
            readTimeout = java.time.Duration.ofSeconds(30);
        }
        if (recovery == null || recovery.isBlank()) {
            recovery = "none";
        }
        if (!recovery.equals("none") && !recovery.equals("truncate-journal")) {
            throw new IllegalArgumentException("zhsz.store.recovery must be none or truncate-journal, not " + recovery);
        }
    }
}
