package org.zhsz.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoCollection;

import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import io.netty.channel.embedded.EmbeddedChannel;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The embedded store never changes a document a reader was given. mongo-java-server's own collection updated
 * documents in place while a query's reply still referenced them; the reply's encoding then failed (connection
 * closed, the driver cleared its pool, concurrent operations failed: the load test's 500s) or returned a document
 * half old and half new.
 */
class CopyOnWriteStoreTests {

    private static final Channel CH = new EmbeddedChannel();

    @TempDir
    Path dir;

    @SuppressWarnings("unchecked")
    private static List<Document> find(JournaledMemoryBackend b, Document filter) {
        Document r = b.handleCommand(CH, "db", "find", new Document("find", "c").append("filter", filter));
        return (List<Document>) ((Document) r.get("cursor")).get("firstBatch");
    }

    private static void command(JournaledMemoryBackend b, String name, Document cmd) {
        b.handleCommand(CH, "db", name, cmd);
    }

    @Test
    void aDocumentHandedToAReaderStaysAsItWasWhenItIsUpdated() throws IOException {
        JournaledMemoryBackend b = JournaledMemoryBackend.open(dir.resolve("zhsz"), false, 1 << 30);
        command(b, "insert", new Document("insert", "c").append("documents", List.of(
                new Document("_id", "r1").append("status", "SUBMITTED").append("version", 0)
                        .append("history", List.of(new Document("action", "create"))))));
        Document read = find(b, new Document("_id", "r1")).get(0);
        Document before = read.cloneDeeply();

        // a replacement that adds a field (a review), a $set and a findAndModify, as the app's writes do
        command(b, "update", new Document("update", "c").append("updates", List.of(new Document("q",
                new Document("_id", "r1")).append("u", new Document("_id", "r1").append("status", "APPROVED")
                .append("version", 1).append("review", new Document("decision", "APPROVED"))
                .append("history", List.of(new Document("action", "create"), new Document("action", "approve")))))));
        command(b, "update", new Document("update", "c").append("updates", List.of(new Document("q",
                new Document("_id", "r1")).append("u", new Document("$set", new Document("version", 2))))));
        command(b, "findAndModify", new Document("findAndModify", "c").append("query", new Document("_id", "r1"))
                .append("update", new Document("$inc", new Document("version", 1))).append("new", true));

        assertThat(read).isEqualTo(before); // the reader's copy: untouched
        Document now = find(b, new Document("_id", "r1")).get(0);
        assertThat(now.get("status")).isEqualTo("APPROVED");
        assertThat(now.get("version")).isEqualTo(3);
        assertThat(now.get("review")).isNotNull();
        assertThat(find(b, new Document("status", "APPROVED"))).hasSize(1);
        assertThat(find(b, new Document("status", "SUBMITTED"))).isEmpty();
    }

    @Test
    void updatesChangeOnlyWhatTheyMatchAndSurviveARestart() throws IOException {
        JournaledMemoryBackend b = JournaledMemoryBackend.open(dir.resolve("zhsz"), false, 1 << 30);
        command(b, "createIndexes", new Document("createIndexes", "c").append("indexes", List.of(
                new Document("key", new Document("k", 1)).append("name", "k_1").append("unique", true))));
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            docs.add(new Document("_id", "d" + i).append("k", i).append("group", i % 2));
        }
        command(b, "insert", new Document("insert", "c").append("documents", docs));
        // multi update by a non-indexed field (collection scan) and a single one through the unique index
        command(b, "update", new Document("update", "c").append("updates", List.of(new Document("q",
                new Document("group", 1)).append("u", new Document("$set", new Document("odd", true)))
                .append("multi", true))));
        command(b, "update", new Document("update", "c").append("updates", List.of(new Document("q",
                new Document("k", 4)).append("u", new Document("$set", new Document("k", 100))))));
        command(b, "delete", new Document("delete", "c").append("deletes", List.of(new Document("q",
                new Document("_id", "d0")).append("limit", 1))));

        for (JournaledMemoryBackend store : List.of(b, JournaledMemoryBackend.open(dir.resolve("zhsz"), false,
                1 << 30))) {
            assertThat(find(store, new Document("odd", true))).hasSize(10);
            assertThat(find(store, new Document())).hasSize(19);
            assertThat(find(store, new Document("k", 100))).extracting(d -> d.get("_id")).containsExactly("d4");
            assertThat(find(store, new Document("k", 4))).isEmpty();
        }
        // the unique index follows the update: 4 is free again, 100 is taken
        Document dup = b.handleCommand(CH, "db", "insert", new Document("insert", "c").append("documents",
                List.of(new Document("_id", "x").append("k", 100))));
        assertThat(dup.get("writeErrors")).isNotNull();
    }

    /** Through the wire protocol, as the app uses it: replacements racing with reads and counts of the same documents. */
    @Test
    void concurrentReplacementsAndReadsNeitherFailNorTearDocuments() throws Exception {
        JournaledMemoryBackend backend = JournaledMemoryBackend.open(dir.resolve("zhsz"), false, 1L << 40);
        try (LoopbackStore store = LoopbackStore.serve(backend)) {
            MongoCollection<org.bson.Document> c = store.collection();
            int docs = 20;
            for (int i = 0; i < docs; i++) {
                Mono.from(c.insertOne(doc(i, 0))).block();
            }
            int writers = 4;
            int replacesEach = 400;
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicLong reads = new AtomicLong();
            AtomicLong torn = new AtomicLong();
            Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
            CountDownLatch writersDone = new CountDownLatch(writers);
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < writers; t++) {
                int tt = t;
                threads.add(new Thread(() -> {
                    for (long k = 1; k <= replacesEach; k++) {
                        int i = (int) ((k * 7 + tt) % docs);
                        try {
                            Mono.from(c.replaceOne(Filters.eq("_id", "d" + i), doc(i, k))).block();
                        } catch (RuntimeException e) {
                            errors.computeIfAbsent("replace: " + e.getClass().getSimpleName(),
                                    x -> new AtomicLong()).incrementAndGet();
                        }
                    }
                    writersDone.countDown();
                }));
                threads.add(new Thread(() -> {
                    while (writing.get()) {
                        try {
                            for (org.bson.Document d : Flux.from(c.find()).collectList().block()) {
                                long a = ((Number) d.get("a")).longValue();
                                if (!Objects.equals(d.get("a"), d.get("b")) || d.containsKey("review") != (a % 2 == 1)) {
                                    torn.incrementAndGet();
                                }
                            }
                            Mono.from(c.countDocuments(Filters.gte("a", 0))).block();
                            reads.incrementAndGet();
                        } catch (RuntimeException e) {
                            errors.computeIfAbsent("read: " + e.getClass().getSimpleName(),
                                    x -> new AtomicLong()).incrementAndGet();
                        }
                    }
                }));
            }
            threads.forEach(Thread::start);
            writersDone.await();
            writing.set(false);
            for (Thread t : threads) {
                t.join();
            }
            assertThat(errors).isEmpty();
            assertThat(torn.get()).isZero();
            assertThat(reads.get()).isPositive();
            assertThat(Mono.from(c.countDocuments()).block()).isEqualTo(docs);
        }
    }

    /** The driver's countDocuments (an aggregation) is answered through the indexes, with the library's result. */
    @Test
    void countDocumentsIsAnsweredThroughTheIndexesWithTheSameCounts() throws Exception {
        JournaledMemoryBackend backend = JournaledMemoryBackend.open(dir.resolve("zhsz"), false, 1L << 40);
        try (LoopbackStore store = LoopbackStore.serve(backend)) {
            MongoCollection<org.bson.Document> c = store.collection();
            Mono.from(c.createIndex(new org.bson.Document("student", 1).append("at", -1))).block();
            List<org.bson.Document> docs = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                docs.add(new org.bson.Document("_id", "d" + i).append("student", "s" + i % 7).append("at", i)
                        .append("kind", i % 3 == 0 ? "read" : "write"));
            }
            Mono.from(c.insertMany(docs)).block();
            var db = (CopyOnWriteMemoryDatabase) backend.resolveDatabase("db");
            long before = db.countsServed;
            assertThat(Mono.from(c.countDocuments(Filters.eq("student", "s3"))).block()).isEqualTo(43);
            assertThat(Mono.from(c.countDocuments(Filters.and(Filters.eq("student", "s3"), Filters.eq("kind",
                    "read")))).block()).isEqualTo(docs.stream().filter(d -> d.get("student").equals("s3")
                    && d.get("kind").equals("read")).count());
            assertThat(Mono.from(c.countDocuments(Filters.eq("student", "s3"),
                    new com.mongodb.client.model.CountOptions().skip(40).limit(10))).block()).isEqualTo(3);
            assertThat(Mono.from(c.countDocuments(Filters.eq("student", "nobody"))).block()).isZero();
            assertThat(Mono.from(c.countDocuments()).block()).isEqualTo(300);
            assertThat(db.countsServed - before).isEqualTo(5);
            // other aggregations still run as the library runs them
            assertThat(Flux.from(c.aggregate(List.of(new org.bson.Document("$match", new org.bson.Document("kind",
                    "read")), new org.bson.Document("$group", new org.bson.Document("_id", "$student")
                    .append("n", new org.bson.Document("$sum", 1)))))).collectList().block()).hasSize(7);
        }
    }

    /** A document whose fields a and b are always written equal; odd versions carry a review (a field added). */
    private static org.bson.Document doc(int i, long k) {
        org.bson.Document d = new org.bson.Document("_id", "d" + i).append("a", k);
        if (k % 2 == 1) {
            d.append("review", new org.bson.Document("decision", "APPROVED").append("note", "x".repeat(40)));
        }
        d.append("history", List.of(new org.bson.Document("n", k), new org.bson.Document("m", k)));
        d.append("b", k);
        return d;
    }
}
