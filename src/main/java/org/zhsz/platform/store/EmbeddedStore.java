package org.zhsz.platform.store;

import java.nio.file.Path;

import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoServer;

/** The in-process server and its file, when the embedded store is used. */
final class EmbeddedStore {

    private final MongoServer server;
    private final MVStore store;
    private final Path file;

    EmbeddedStore(MongoServer server, MVStore store, Path file) {
        this.server = server;
        this.store = store;
        this.file = file;
    }

    static EmbeddedStore none() {
        return new EmbeddedStore(null, null, null);
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
