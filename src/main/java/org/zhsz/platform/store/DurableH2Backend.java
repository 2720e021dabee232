package org.zhsz.platform.store;

import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * mongo-java-server's H2 backend leaves storing to MVStore's background writer (about once a second), so a
 * write acknowledged to the client could be lost if the process is killed. Here the store runs without that
 * background thread and every write command is committed before its reply is sent: an acknowledged write is in
 * the file (the OS page cache survives a killed process).
 *
 * <p>Why no background thread at all: while MVStore's own housekeeping (auto-compaction) runs, an explicit
 * {@code commit()} returns without storing, which silently reopened the window. Compaction now runs only through
 * {@link #compact(int)}, which excludes writes for its duration.
 */
final class DurableH2Backend extends H2Backend {

    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "createindexes",
            "dropindexes", "drop", "dropdatabase", "create", "renamecollection");

    /** Writes share the read side; compaction takes the write side, so the two never interleave. */
    private final ReentrantReadWriteLock storeLock = new ReentrantReadWriteLock();

    DurableH2Backend(MVStore store) {
        super(store);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if (!WRITES.contains(command.toLowerCase())) {
            // reply batches of about 16 MiB (see ReplyBatches)
            return super.handleCommand(channel, databaseName, command, ReplyBatches.capped(command, query,
                    name -> ReplyBatches.fromStats(resolveDatabase(databaseName).resolveCollection(name, false))));
        }
        storeLock.readLock().lock();
        try {
            Document result = super.handleCommand(channel, databaseName, command, query);
            commit();
            return result;
        } finally {
            storeLock.readLock().unlock();
        }
    }

    /** Rewrites sparse chunks for up to {@code millis}; writes wait meanwhile. */
    void compact(int millis) {
        storeLock.writeLock().lock();
        try {
            MVStore store = getMvStore();
            store.compactFile(millis);
            store.commit();
        } finally {
            storeLock.writeLock().unlock();
        }
    }
}
