package org.zhsz.platform.store;

import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.bson.Document;

/**
 * Reply batches of about 16 MiB, as MongoDB's. The library answers a reader that asks for every document (a collected
 * list: the reactive driver then asks for 2^31−1) with all of them in one reply, and the driver refuses a reply above
 * 48 MB. Both engines cap a find's first batch and a cursor's next batches by the collection's average document size
 * (a projection only makes the documents smaller); a reader that asks for fewer gets what it asked for. Both engines
 * rewrite their read commands through {@link #capped}: the journal engine with the size it keeps per collection
 * ({@link CopyOnWriteMemoryDatabase}), the H2 engine from the collection's statistics ({@link #fromStats}).
 */
final class ReplyBatches {

    /** What one reply holds at most. */
    static final long REPLY_BYTES = 16L * 1024 * 1024;

    private ReplyBatches() {
    }

    /** About how many documents of {@code averageBytes} fit in one reply (unknown size: 16 KB each). */
    static int documentsPerReply(long count, long totalBytes) {
        long average = count > 0 && totalBytes > 0 ? Math.max(1, totalBytes / count) : 16 * 1024;
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, REPLY_BYTES / average));
    }

    /**
     * The read command with its {@code batchSize} capped for the collection it reads ({@code find} names it in its
     * own key, {@code getMore} in {@code collection}), or the command itself when no cap applies. {@code perReply}
     * answers how many documents of a collection fit in one reply, or null for a collection that does not exist.
     */
    static Document capped(String command, Document query, Function<String, @Nullable Integer> perReply) {
        String name = switch (command.toLowerCase()) {
            case "find" -> query.get("find") instanceof String s ? s : null;
            case "getmore" -> query.get("collection") instanceof String s ? s : null;
            default -> null;
        };
        Integer cap = name == null ? null : perReply.apply(name);
        int asked = query.get("batchSize") instanceof Number n ? n.intValue() : 0;
        if (cap == null || (asked > 0 && asked <= cap)) {
            return query;
        }
        Document out = new Document(query);
        out.put("batchSize", cap);
        return out;
    }

    /** How many documents fit in one reply, from a collection's statistics (engines that keep no size themselves). */
    static @Nullable Integer fromStats(@Nullable MongoCollection<?> collection) {
        if (collection == null) {
            return null;
        }
        Document stats = collection.getStats();
        return documentsPerReply(((Number) stats.getOrDefault("count", 0)).longValue(),
                ((Number) stats.getOrDefault("size", 0)).longValue());
    }
}
