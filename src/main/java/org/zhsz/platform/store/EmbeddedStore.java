package org.zhsz.platform.store;

import java.nio.file.Path;

import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoServer;

/** The in-process server and its file, when the embedded store is used. */
final class EmbeddedStore {

    private final MongoServer server;
    private final MVStore store;
    private final Path file;
    private final DurableH2Backend backend;

    EmbeddedStore(MongoServer server, MVStore store, Path file, DurableH2Backend backend) {
        this.server = server;
        this.store = store;
        this.file = file;
        this.backend = backend;
    }

    static EmbeddedStore none() {
        return new EmbeddedStore(null, null, null, null);
    }

    /** Keeps the file compact while running (startup also rewrites it); a no-op for an external MongoDB. */
    @org.springframework.scheduling.annotation.Scheduled(fixedDelayString = "${zhsz.store.compact-every-ms:600000}",
            initialDelayString = "${zhsz.store.compact-every-ms:600000}")
    void compact() {
        if (backend != null && store != null && !store.isClosed()) {
            backend.compact(2000);
        }
    }

    String address() {
        var a = server.getLocalAddress();
        return a.getHostString() + ":" + a.getPort();
    }

    Path file() {
        return file;
    }

    void shutdownNow() {
        if (server != null) {
            server.shutdownNow();
        }
        if (store != null && !store.isClosed()) {
            store.close();
        }
    }
}
