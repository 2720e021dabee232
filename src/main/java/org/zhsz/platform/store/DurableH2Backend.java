package org.zhsz.platform.store;

import java.util.Set;

import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * mongo-java-server's H2 backend commits its MVStore about once a second, so a write acknowledged to the
 * client could be lost if the process is killed. This backend commits after every write command before the
 * reply is sent: an acknowledged write is in the file (the OS page cache survives a killed process).
 */
final class DurableH2Backend extends H2Backend {

    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "createindexes",
            "dropindexes", "drop", "dropdatabase", "create", "renamecollection");

    DurableH2Backend(MVStore store) {
        super(store);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        Document result = super.handleCommand(channel, databaseName, command, query);
        if (Boolean.getBoolean("zhsz.experiment.nocommit") ? false : WRITES.contains(command.toLowerCase())) {
            commit();
        }
        return result;
    }
}
