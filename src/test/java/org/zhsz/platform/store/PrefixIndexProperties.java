package org.zhsz.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import io.netty.channel.embedded.EmbeddedChannel;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The embedded store's non-unique indexes ({@link PrefixIndex}) never change a result: the same random inserts,
 * updates (also of the indexed field), replacements and deletes go into a collection with non-unique indexes and
 * one without, and every query — by the indexed field, by {@code $in}, inside {@code $and}, with other conditions,
 * sorted, limited — returns the same documents in the same order from both, also after a restart. Indexed fields
 * include a dotted path into an array of subdocuments ({@code guardians.username}, as a parent's children are
 * found) and into a subdocument.
 */
class PrefixIndexProperties {

    private static final Channel CH = new EmbeddedChannel();

    @SuppressWarnings("unchecked")
    private static List<Document> find(JournaledMemoryBackend b, String coll, Document filter, Document sort,
                                       int limit) {
        Document cmd = new Document("find", coll).append("filter", filter).append("batchSize", 100_000);
        if (sort != null) {
            cmd.append("sort", sort);
        }
        if (limit > 0) {
            cmd.append("limit", limit);
        }
        Document r = b.handleCommand(CH, "db", "find", cmd);
        return (List<Document>) ((Document) r.get("cursor")).get("firstBatch");
    }

    private static void both(JournaledMemoryBackend b, String command, Document body) {
        for (String c : List.of("indexed", "plain")) {
            Document cmd = new Document(command, c);
            cmd.putAll(body);
            b.handleCommand(CH, "db", command, cmd);
        }
    }

    @Property(tries = 40)
    void queriesReturnWhatAScanReturns(@ForAll long seed, @ForAll @IntRange(min = 1, max = 200) int ops)
            throws IOException {
        Path dir = Files.createTempDirectory("prefix-index");
        JournaledMemoryBackend b = JournaledMemoryBackend.open(dir.resolve("zhsz"), false, 1 << 30);
        b.handleCommand(CH, "db", "createIndexes", new Document("createIndexes", "indexed").append("indexes", List.of(
                new Document("key", new Document("student", 1).append("term", 1)).append("name", "student_term"),
                new Document("key", new Document("school", 1)).append("name", "school"),
                new Document("key", new Document("tags", 1)).append("name", "tags"),
                new Document("key", new Document("guardians.username", 1)).append("name", "guardians"),
                new Document("key", new Document("meta.owner", 1)).append("name", "owner"))));
        // asked for again (as every start asks): the existing index stays the one in use
        b.handleCommand(CH, "db", "createIndexes", new Document("createIndexes", "indexed").append("indexes", List.of(
                new Document("key", new Document("school", 1)).append("name", "school"))));
        b.handleCommand(CH, "db", "create", new Document("create", "plain"));
        Random rnd = new Random(seed);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < ops; i++) {
            int op = rnd.nextInt(10);
            if (op < 5 || ids.isEmpty()) {
                String id = "d" + i;
                ids.add(id);
                both(b, "insert", new Document("documents", List.of(doc(id, rnd))));
            } else if (op < 7) {
                String id = ids.get(rnd.nextInt(ids.size()));
                Document set = new Document("student", "s" + rnd.nextInt(6)).append("n", rnd.nextInt(100));
                if (rnd.nextBoolean()) {
                    set.append("guardians", guardians(rnd));
                }
                both(b, "update", new Document("updates", List.of(new Document("q", new Document("_id", id))
                        .append("u", new Document("$set", set)))));
            } else if (op < 8) {
                String id = ids.get(rnd.nextInt(ids.size()));
                both(b, "update", new Document("updates", List.of(new Document("q", new Document("_id", id))
                        .append("u", doc(id, rnd)))));
            } else if (op < 9) {
                both(b, "update", new Document("updates", List.of(new Document("q", new Document("school",
                        "S" + rnd.nextInt(3))).append("u", new Document("$inc", new Document("n", 1)))
                        .append("multi", true))));
            } else {
                String id = ids.remove(rnd.nextInt(ids.size()));
                both(b, "delete", new Document("deletes", List.of(new Document("q", new Document("_id", id))
                        .append("limit", 1))));
            }
        }
        for (JournaledMemoryBackend store : List.of(b, JournaledMemoryBackend.open(dir.resolve("zhsz"), false,
                1 << 30))) {
            for (int q = 0; q < 30; q++) {
                Document filter = filter(rnd);
                Document sort = rnd.nextBoolean() ? null : new Document("n", rnd.nextBoolean() ? 1 : -1)
                        .append("_id", 1);
                int limit = rnd.nextInt(3) == 0 ? 1 + rnd.nextInt(5) : 0;
                assertThat(find(store, "indexed", filter, sort, limit)).as("%s sort %s limit %d", filter, sort, limit)
                        .isEqualTo(find(store, "plain", filter, sort, limit));
            }
            // and the indexes were used, not skipped
            var coll = (CopyOnWriteMemoryDatabase.Collection) store.resolveDatabase("db").resolveCollection("indexed",
                    true);
            assertThat(coll.prefixIndexes.stream().mapToLong(i -> i.served).sum()).isPositive();
        }
    }

    private static Document doc(String id, Random rnd) {
        Document d = new Document("_id", id).append("school", "S" + rnd.nextInt(3)).append("n", rnd.nextInt(100))
                .append("status", rnd.nextBoolean() ? "APPROVED" : "SUBMITTED");
        if (rnd.nextInt(5) > 0) {
            d.append("student", "s" + rnd.nextInt(6));
        }
        if (rnd.nextBoolean()) {
            d.append("term", "2026-" + rnd.nextInt(2));
        }
        int tags = rnd.nextInt(3);
        List<String> t = new ArrayList<>();
        for (int i = 0; i < tags; i++) {
            t.add("t" + rnd.nextInt(4));
        }
        if (rnd.nextBoolean()) {
            d.append("tags", t);
        }
        if (rnd.nextInt(4) > 0) {
            d.append("guardians", guardians(rnd));
        }
        if (rnd.nextBoolean()) {
            d.append("meta", new Document("owner", "o" + rnd.nextInt(3)));
        }
        return d;
    }

    private static List<Document> guardians(Random rnd) {
        List<Document> g = new ArrayList<>();
        for (int i = rnd.nextInt(3); i > 0; i--) {
            g.add(new Document("name", "n" + i).append("username", "g" + rnd.nextInt(4)));
        }
        return g;
    }

    private static Document filter(Random rnd) {
        return switch (rnd.nextInt(13)) {
            case 10 -> new Document("guardians.username", "g" + rnd.nextInt(5));
            case 11 -> new Document("guardians.username", new Document("$in", List.of("g" + rnd.nextInt(5),
                    "g" + rnd.nextInt(5)))).append("school", "S" + rnd.nextInt(3));
            case 12 -> new Document("meta.owner", "o" + rnd.nextInt(4));
            case 8 -> new Document("school", "S" + rnd.nextInt(3)).append("student", "s" + rnd.nextInt(7));
            case 9 -> new Document("student", new Document("$in", List.of("s" + rnd.nextInt(7), "s" + rnd.nextInt(7))))
                    .append("school", "S" + rnd.nextInt(3)).append("tags", "t" + rnd.nextInt(4));
            case 0 -> new Document("student", "s" + rnd.nextInt(7));
            case 1 -> new Document("student", new Document("$in", List.of("s" + rnd.nextInt(7), "s" + rnd.nextInt(7))));
            case 2 -> new Document("$and", List.of(new Document("student", "s" + rnd.nextInt(7)),
                    new Document("status", new Document("$ne", "APPROVED"))));
            case 3 -> new Document("school", "S" + rnd.nextInt(4)).append("status", "SUBMITTED");
            case 4 -> new Document("school", "S" + rnd.nextInt(3)).append("$or", List.of(
                    new Document("term", "2026-1"), new Document("n", new Document("$gt", 50))));
            case 5 -> new Document("tags", "t" + rnd.nextInt(4));
            case 6 -> new Document("student", new Document("$eq", "s" + rnd.nextInt(7))).append("term", "2026-0");
            default -> new Document("n", new Document("$lt", rnd.nextInt(100)));
        };
    }
}
