package org.zhsz.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import io.netty.channel.embedded.EmbeddedChannel;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The embedded store answers like mongo-java-server's own in-memory backend: the same random documents and
 * updates go into both, and sorted queries (one or two keys, ascending or descending, ties, missing and nested
 * values, with skip and limit, through an index or a scan) and counts return the same documents in the same order.
 */
class LibraryEquivalenceProperties {

    private static final Channel CH = new EmbeddedChannel();

    @SuppressWarnings("unchecked")
    private static List<Document> find(de.bwaldvogel.mongo.MongoBackend b, Document filter, Document sort, int skip,
                                       int limit) {
        Document cmd = new Document("find", "c").append("filter", filter).append("batchSize", 100_000);
        if (sort != null) {
            cmd.append("sort", sort);
        }
        if (skip > 0) {
            cmd.append("skip", skip);
        }
        if (limit > 0) {
            cmd.append("limit", limit);
        }
        Document r = b.handleCommand(CH, "db", "find", cmd);
        return (List<Document>) ((Document) r.get("cursor")).get("firstBatch");
    }

    @Property(tries = 60)
    void sortedQueriesMatchTheLibrary(@ForAll long seed, @ForAll @IntRange(min = 0, max = 150) int docs)
            throws IOException {
        JournaledMemoryBackend mine = JournaledMemoryBackend.open(Files.createTempDirectory("equiv").resolve("z"),
                false, 1 << 30);
        MemoryBackend library = new MemoryBackend();
        Document index = new Document("createIndexes", "c").append("indexes", List.of(
                new Document("key", new Document("chain", 1).append("at", -1)).append("name", "chain_at")));
        mine.handleCommand(CH, "db", "createIndexes", index);
        library.handleCommand(CH, "db", "createIndexes", index);
        Random rnd = new Random(seed);
        List<Document> all = new ArrayList<>();
        for (int i = 0; i < docs; i++) {
            Document d = new Document("_id", "d" + i).append("chain", "S" + rnd.nextInt(3))
                    .append("at", rnd.nextInt(20)).append("seq", (long) rnd.nextInt(5));
            if (rnd.nextInt(4) > 0) {
                d.append("name", "n" + rnd.nextInt(6));
            }
            if (rnd.nextBoolean()) {
                d.append("sub", new Document("x", rnd.nextInt(4)));
            }
            all.add(d);
        }
        for (var b : List.of(mine, library)) {
            if (!all.isEmpty()) {
                b.handleCommand(CH, "db", "insert", new Document("insert", "c").append("documents",
                        all.stream().map(Document::cloneDeeply).toList()));
            }
            b.handleCommand(CH, "db", "update", new Document("update", "c").append("updates", List.of(
                    new Document("q", new Document("chain", "S1")).append("u", new Document("$inc",
                            new Document("at", 3))).append("multi", true))));
        }
        String[] keys = {"at", "seq", "name", "sub.x", "_id", "chain"};
        for (int q = 0; q < 25; q++) {
            Document filter = switch (rnd.nextInt(3)) {
                case 0 -> new Document("chain", new Document("$in", List.of("S" + rnd.nextInt(3), "S" + rnd.nextInt(3))));
                case 1 -> new Document("at", new Document("$gte", rnd.nextInt(20)));
                default -> new Document();
            };
            Document sort = new Document(keys[rnd.nextInt(keys.length)], rnd.nextBoolean() ? 1 : -1);
            if (rnd.nextBoolean()) {
                sort.append(keys[rnd.nextInt(keys.length)], rnd.nextBoolean() ? 1 : -1);
            }
            int skip = rnd.nextInt(3) == 0 ? rnd.nextInt(10) : 0;
            int limit = rnd.nextInt(3) > 0 ? 1 + rnd.nextInt(20) : 0;
            assertThat(find(mine, filter, sort, skip, limit)).as("%s sort %s skip %d limit %d", filter, sort, skip,
                    limit).isEqualTo(find(library, filter, sort, skip, limit));
        }
    }
}
