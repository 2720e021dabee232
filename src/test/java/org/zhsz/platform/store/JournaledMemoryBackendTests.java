package org.zhsz.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import io.netty.channel.embedded.EmbeddedChannel;

/** The embedded store's journal and snapshots: what was acknowledged is there after any restart, exactly once. */
class JournaledMemoryBackendTests {

    private static final Channel CH = new EmbeddedChannel();

    @TempDir
    Path dir;

    private JournaledMemoryBackend open(long compactBytes) throws IOException {
        return JournaledMemoryBackend.open(dir.resolve("zhsz"), false, compactBytes);
    }

    /** The number of documents the insert stored (a duplicate key is a write error, not an exception). */
    private static int insert(JournaledMemoryBackend b, Document d) {
        Document r = b.handleCommand(CH, "db", "insert", new Document("insert", "c").append("documents", List.of(d)));
        List<?> errors = (List<?>) r.get("writeErrors");
        return errors == null || errors.isEmpty() ? 1 : 0;
    }

    private static void inc(JournaledMemoryBackend b, String id) {
        b.handleCommand(CH, "db", "update", new Document("update", "c").append("updates", List.of(
                new Document("q", new Document("_id", id)).append("u", new Document("$inc", new Document("n", 1))))));
    }

    @SuppressWarnings("unchecked")
    private static List<Document> find(JournaledMemoryBackend b, Document filter) {
        Document r = b.handleCommand(CH, "db", "find", new Document("find", "c").append("filter", filter));
        return (List<Document>) ((Document) r.get("cursor")).get("firstBatch");
    }

    @Test
    void everyWriteSurvivesAnAbruptRestartExactlyOnce() throws IOException {
        JournaledMemoryBackend b = open(1 << 30);
        b.handleCommand(CH, "db", "createIndexes", new Document("createIndexes", "c").append("indexes", List.of(
                new Document("key", new Document("k", 1)).append("name", "k_1").append("unique", true))));
        insert(b, new Document("_id", "a").append("k", "x").append("n", 0).append("名字", "马思远"));
        inc(b, "a");
        b.snapshot();
        inc(b, "a"); // after the snapshot: only in the journal
        insert(b, new Document("_id", "b").append("k", "y").append("n", 10));
        // no close(): as if the process were killed right after these acknowledged writes
        JournaledMemoryBackend again = open(1 << 30);
        assertThat(find(again, new Document("_id", "a")).get(0).get("n")).isEqualTo(2);
        assertThat(find(again, new Document("_id", "a")).get(0).get("名字")).isEqualTo("马思远");
        assertThat(find(again, new Document())).hasSize(2);
        // the unique index came back too
        assertThat(insert(again, new Document("_id", "c").append("k", "x"))).isZero();
    }

    @Test
    void aTornLastEntryIsIgnored() throws IOException {
        JournaledMemoryBackend b = open(1 << 30);
        insert(b, new Document("_id", "a").append("n", 1));
        Files.write(b.journalFile(), new byte[]{0x5A, 0x48, 0x53, 0x5A, 0, 0, 1, 0, 7}, StandardOpenOption.APPEND);
        JournaledMemoryBackend again = open(1 << 30);
        assertThat(find(again, new Document())).hasSize(1);
        insert(again, new Document("_id", "b").append("n", 2));
        assertThat(find(open(1 << 30), new Document())).hasSize(2);
    }

    @Test
    void aFailedWriteReplaysToTheSameState() throws IOException {
        JournaledMemoryBackend b = open(1 << 30);
        insert(b, new Document("_id", "a"));
        assertThat(insert(b, new Document("_id", "a"))).isZero();
        insert(b, new Document("_id", "b"));
        assertThat(find(open(1 << 30), new Document())).hasSize(2);
    }

    @Test
    void theJournalIsCompactedIntoASnapshot() throws IOException {
        JournaledMemoryBackend b = open(4096);
        for (int i = 0; i < 200; i++) {
            insert(b, new Document("_id", "d" + i).append("payload", "x".repeat(100)));
        }
        assertThat(Files.size(b.journalFile())).isLessThan(4096 + 1024);
        assertThat(Files.exists(b.snapshotFile())).isTrue();
        assertThat(find(open(4096), new Document())).hasSize(200);
    }
}
