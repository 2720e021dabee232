package org.zhsz.platform.store;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;

/** A store backend served on a loopback port and the real reactive driver connected to it, as the app runs them. */
record LoopbackStore(MongoServer server, MongoClient client) implements AutoCloseable {

    static LoopbackStore serve(MongoBackend backend) {
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        var address = server.getLocalAddress();
        return new LoopbackStore(server, MongoClients.create("mongodb://" + address.getHostString() + ":"
                + address.getPort()));
    }

    /** Collection {@code c} of database {@code db}. */
    MongoCollection<org.bson.Document> collection() {
        return client.getDatabase("db").getCollection("c");
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
