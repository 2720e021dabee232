package org.zhsz.platform.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    // ------------------------------------------------------------------ fault injection

    private static byte[] bytes(Path p) throws IOException {
        return Files.exists(p) ? Files.readAllBytes(p) : new byte[0];
    }

    /** Ten acknowledged inserts after the start-up snapshot, as if the process had been killed after them. */
    private JournaledMemoryBackend tenWrites() throws IOException {
        JournaledMemoryBackend b = open(1 << 30);
        for (int i = 0; i < 10; i++) {
            insert(b, new Document("_id", "d" + i).append("名字", "学生" + i).append("payload", "x".repeat(200)));
        }
        return b;
    }

    /** The byte offsets where the journal's entries start. */
    private static java.util.List<Long> entryOffsets(Path journal) throws IOException {
        java.util.List<Long> out = new java.util.ArrayList<>();
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(journal)) {
            long pos = 0;
            while (pos < ch.size()) {
                out.add(pos);
                pos = JournaledMemoryBackend.frameAt(ch, pos, ch.size()).end();
            }
        }
        return out;
    }

    @Test
    void aTornTailIsCutOffAndEveryAcknowledgedWriteIsKept() throws IOException {
        JournaledMemoryBackend b = tenWrites();
        Path journal = b.journalFile();
        long size = Files.size(journal);
        // the eleventh write was cut short by the crash: only part of its bytes reached the file
        JournaledMemoryBackend other = JournaledMemoryBackend.open(dir.resolve("other"), false, 1 << 30);
        insert(other, new Document("_id", "d10").append("payload", "y".repeat(200)));
        byte[] eleventh = bytes(other.journalFile());
        Files.write(journal, java.util.Arrays.copyOf(eleventh, eleventh.length - 7), StandardOpenOption.APPEND);
        // (its sequence number matches the next one: the cut-off entry is the true next write)
        JournaledMemoryBackend again = open(1 << 30);
        assertThat(find(again, new Document())).hasSize(10);
        assertThat(find(again, new Document("_id", "d10"))).isEmpty();
        insert(again, new Document("_id", "after").append("n", 1));
        assertThat(find(open(1 << 30), new Document())).hasSize(11);
        assertThat(size).isPositive();
    }

    @Test
    void aFlippedByteMidJournalStopsTheStartSaysHowToRecoverAndChangesNothing() throws IOException {
        JournaledMemoryBackend b = tenWrites();
        Path journal = b.journalFile();
        java.util.List<Long> offsets = entryOffsets(journal);
        assertThat(offsets).hasSize(10);
        byte[] j = bytes(journal);
        j[(int) (offsets.get(4) + 40)] ^= 0x01; // inside the fifth entry's body
        Files.write(journal, j);
        byte[] journalBefore = bytes(journal);
        byte[] snapshotBefore = bytes(b.snapshotFile());

        assertThatThrownBy(() -> open(1 << 30)).isInstanceOf(StoreDamagedException.class)
                .hasMessageContaining("damaged at byte " + offsets.get(4))
                .hasMessageContaining("entry 5")
                .hasMessageContaining("checksum")
                .hasMessageContaining("backup")
                .hasMessageContaining("ZHSZ_STORE_RECOVERY=truncate-journal");
        assertThat(bytes(journal)).as("journal untouched").isEqualTo(journalBefore);
        assertThat(bytes(b.snapshotFile())).as("snapshot untouched").isEqualTo(snapshotBefore);

        // the operator chooses to keep what precedes the damage
        JournaledMemoryBackend recovered = JournaledMemoryBackend.open(dir.resolve("zhsz"), false, 1 << 30,
                JournaledMemoryBackend.FILES, JournaledMemoryBackend.Recovery.TRUNCATE_JOURNAL);
        assertThat(find(recovered, new Document())).hasSize(4);
        try (var copies = Files.list(dir)) {
            Path copy = copies.filter(p -> p.getFileName().toString().startsWith("zhsz.journal.damaged-"))
                    .findFirst().orElseThrow();
            assertThat(bytes(copy)).isEqualTo(journalBefore);
        }
    }

    @Test
    void aDamagedLengthFieldIsNotMistakenForATornTail() throws IOException {
        JournaledMemoryBackend b = tenWrites();
        java.util.List<Long> offsets = entryOffsets(b.journalFile());
        byte[] j = bytes(b.journalFile());
        j[(int) (offsets.get(2) + 4)] = 0x7F; // the third entry now claims to be far longer than the file
        Files.write(b.journalFile(), j);
        assertThatThrownBy(() -> open(1 << 30)).isInstanceOf(StoreDamagedException.class)
                .hasMessageContaining("entry 3");
        assertThat(bytes(b.journalFile())).isEqualTo(j);
    }

    @Test
    void aMissingEntryIsASequenceGap() throws IOException {
        JournaledMemoryBackend b = tenWrites();
        java.util.List<Long> offsets = entryOffsets(b.journalFile());
        byte[] j = bytes(b.journalFile());
        byte[] without = new byte[j.length - (int) (offsets.get(7) - offsets.get(6))];
        System.arraycopy(j, 0, without, 0, offsets.get(6).intValue());
        System.arraycopy(j, offsets.get(7).intValue(), without, offsets.get(6).intValue(),
                j.length - offsets.get(7).intValue());
        Files.write(b.journalFile(), without);
        assertThatThrownBy(() -> open(1 << 30)).isInstanceOf(StoreDamagedException.class)
                .hasMessageContaining("entries are missing");
    }

    @Test
    void aTruncatedOrAlteredSnapshotStopsTheStart() throws IOException {
        JournaledMemoryBackend b = tenWrites();
        b.snapshot();
        Path snapshot = b.snapshotFile();
        byte[] good = bytes(snapshot);
        Files.write(snapshot, java.util.Arrays.copyOf(good, good.length - 100));
        byte[] cut = bytes(snapshot);
        assertThatThrownBy(() -> open(1 << 30)).isInstanceOf(StoreDamagedException.class)
                .hasMessageContaining("snapshot").hasMessageContaining("backup");
        assertThat(bytes(snapshot)).isEqualTo(cut);

        byte[] flipped = good.clone();
        flipped[good.length / 2] ^= 0x20;
        Files.write(snapshot, flipped);
        assertThatThrownBy(() -> open(1 << 30)).isInstanceOf(StoreDamagedException.class)
                .hasMessageContaining("snapshot");
        Files.write(snapshot, good);
        assertThat(find(open(1 << 30), new Document())).hasSize(10);
    }

    @Test
    void aWriteTheFullDiskRefusesIsNotAppliedAndNothingAcknowledgedIsLost() throws IOException {
        FailingChannel[] channel = new FailingChannel[1];
        JournaledMemoryBackend b = JournaledMemoryBackend.open(dir.resolve("zhsz"), false, 1 << 30,
                p -> channel[0] = new FailingChannel(JournaledMemoryBackend.FILES.open(p)),
                JournaledMemoryBackend.Recovery.NONE);
        insert(b, new Document("_id", "a"));
        channel[0].full = true;
        assertThatThrownBy(() -> insert(b, new Document("_id", "b")))
                .isInstanceOfSatisfying(de.bwaldvogel.mongo.exception.MongoServerError.class,
                        e -> assertThat(e.getCode()).isEqualTo(JournaledMemoryBackend.OUT_OF_DISK_SPACE));
        assertThat(find(b, new Document("_id", "b"))).as("not applied").isEmpty();
        channel[0].full = false; // space was freed
        insert(b, new Document("_id", "c"));
        // killed now: the restart finds a and c, and no damage (the refused bytes were cut off again)
        assertThat(find(open(1 << 30), new Document())).extracting(d -> d.get("_id")).containsExactly("a", "c");
    }

    @Test
    void whenTheRefusedBytesCannotBeCutOffTheStoreRefusesWritesUntilRestarted() throws IOException {
        FailingChannel[] channel = new FailingChannel[1];
        JournaledMemoryBackend b = JournaledMemoryBackend.open(dir.resolve("zhsz"), false, 1 << 30,
                p -> channel[0] = new FailingChannel(JournaledMemoryBackend.FILES.open(p)),
                JournaledMemoryBackend.Recovery.NONE);
        insert(b, new Document("_id", "a"));
        channel[0].full = true;
        channel[0].truncateFails = true;
        assertThatThrownBy(() -> insert(b, new Document("_id", "b")))
                .isInstanceOf(de.bwaldvogel.mongo.exception.MongoServerError.class);
        channel[0].full = false;
        channel[0].truncateFails = false;
        assertThatThrownBy(() -> insert(b, new Document("_id", "c")))
                .isInstanceOf(de.bwaldvogel.mongo.exception.MongoServerError.class);
        assertThat(find(b, new Document())).hasSize(1); // reads still work
        // the half-written entry is a torn tail at the restart
        assertThat(find(open(1 << 30), new Document())).extracting(d -> d.get("_id")).containsExactly("a");
    }

    @Test
    void aFullDiskIsReportedToTheDriverAsOutOfDiskSpace() throws Exception {
        FailingChannel[] channel = new FailingChannel[1];
        JournaledMemoryBackend b = JournaledMemoryBackend.open(dir.resolve("zhsz"), false, 1 << 30,
                p -> channel[0] = new FailingChannel(JournaledMemoryBackend.FILES.open(p)),
                JournaledMemoryBackend.Recovery.NONE);
        de.bwaldvogel.mongo.MongoServer server = new de.bwaldvogel.mongo.MongoServer(b);
        java.net.InetSocketAddress at = server.bind();
        try (var client = com.mongodb.reactivestreams.client.MongoClients.create("mongodb://127.0.0.1:"
                + at.getPort())) {
            var coll = client.getDatabase("db").getCollection("c");
            reactor.core.publisher.Mono.from(coll.insertOne(new org.bson.Document("_id", "a"))).block();
            channel[0].full = true;
            assertThatThrownBy(() -> reactor.core.publisher.Mono.from(coll.insertOne(
                    new org.bson.Document("_id", "b"))).block())
                    .isInstanceOfSatisfying(com.mongodb.MongoException.class,
                            e -> assertThat(e.getCode()).isEqualTo(14031));
        } finally {
            server.shutdownNow();
        }
    }

    @Test
    void aDataDirectoryOfTheFirstFormatIsMigrated() throws IOException {
        // a journal as the first version wrote it: "ZHSZ" | length | sequence, db, command, BSON — no checksum
        Document cmd = new Document("insert", "c").append("documents", List.of(new Document("_id", "old")
                .append("名字", "旧数据")));
        io.netty.buffer.ByteBuf buf = io.netty.buffer.Unpooled.buffer();
        de.bwaldvogel.mongo.wire.bson.BsonEncoder.encodeDocument(cmd, buf);
        byte[] bson = new byte[buf.readableBytes()];
        buf.readBytes(bson);
        buf.release();
        byte[] db = "db".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] c = "insert".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.nio.ByteBuffer e = java.nio.ByteBuffer.allocate(8 + 8 + 4 + db.length + 4 + c.length + 4 + bson.length);
        e.putInt(0x5A48535A).putInt(e.capacity() - 8).putLong(1).putInt(db.length).put(db).putInt(c.length).put(c)
                .putInt(bson.length).put(bson);
        Files.write(dir.resolve("zhsz.journal"), e.array());

        JournaledMemoryBackend b = open(1 << 30);
        assertThat(find(b, new Document()).get(0).get("名字")).isEqualTo("旧数据");
        assertThat(Files.size(b.journalFile())).as("migrated into the new snapshot").isZero();
        assertThat(java.nio.ByteBuffer.wrap(bytes(b.snapshotFile())).getInt()).isEqualTo(0x5A485332);
        insert(b, new Document("_id", "new"));
        assertThat(find(open(1 << 30), new Document())).hasSize(2);
    }
}
