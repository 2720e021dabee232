package org.zhsz.platform.store;

import de.bwaldvogel.mongo.MongoServer;

/** The in-process server, when the embedded store is used. */
final class EmbeddedStore {

    private final MongoServer server;
    private final Runnable compactor;
    private final Runnable closer;
    private final JournaledMemoryBackend journaled;

    EmbeddedStore(MongoServer server, Runnable compactor, Runnable closer, JournaledMemoryBackend journaled) {
        this.server = server;
        this.compactor = compactor;
        this.closer = closer;
        this.journaled = journaled;
    }

    static EmbeddedStore none() {
        return new EmbeddedStore(null, () -> { }, () -> { }, null);
    }

    /** The journal engine, which takes consistent online backups; null for the H2 engine and a real MongoDB. */
    JournaledMemoryBackend journaled() {
        return journaled;
    }

    String address() {
        var a = server.getLocalAddress();
        return a.getHostString() + ":" + a.getPort();
    }

    /** Keeps the H2 file compact while running (the journal engine compacts itself); no-op for MongoDB. */
    @org.springframework.scheduling.annotation.Scheduled(fixedDelayString = "${zhsz.store.compact-every-ms:600000}",
            initialDelayString = "${zhsz.store.compact-every-ms:600000}")
    void compact() {
        if (server != null) {
            compactor.run();
        }
    }

    void shutdownNow() {
        if (server != null) {
            server.shutdownNow(); // closes the backend: the journal engine writes its final snapshot
        }
        closer.run();
    }
}
