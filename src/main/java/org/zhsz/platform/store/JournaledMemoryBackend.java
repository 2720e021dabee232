package org.zhsz.platform.store;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.embedded.EmbeddedChannel;

/**
 * The embedded store: mongo-java-server's in-memory backend made durable with a journal and snapshots.
 *
 * <ul>
 * <li>Every write command is applied and then appended to {@code <base>.journal} (sequence number, database,
 * command, BSON) before its reply is sent, under one lock so the journal order is the order of application.
 * An acknowledged write is in the file: the OS keeps written bytes when the process is killed
 * ({@code fsync=true} also forces them to disk, for power loss).</li>
 * <li>At start, {@code <base>.snapshot} (every collection's indexes and documents, and the last sequence it
 * contains) is loaded and the journal entries after it are replayed; a torn last entry (a write that was never
 * acknowledged) is ignored. Then a fresh snapshot is written and the journal emptied, which keeps the files
 * compact; the same happens while running whenever the journal passes {@code compactBytes}.</li>
 * </ul>
 * Replaying commands needs them to be deterministic given the same state: the application always sets
 * {@code _id} itself (also for upserts), and a command that failed is replayed and fails the same way.
 */
final class JournaledMemoryBackend extends MemoryBackend {

    private static final Logger log = LoggerFactory.getLogger(JournaledMemoryBackend.class);
    private static final int MAGIC = 0x5A48535A; // "ZHSZ"
    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify",
            "createindexes", "dropindexes", "drop", "dropdatabase", "create", "renamecollection");
    private static final Channel REPLAY = new EmbeddedChannel();

    private final Path journalFile;
    private final Path snapshotFile;
    private final boolean fsync;
    private final long compactBytes;
    private final ReentrantLock writes = new ReentrantLock();
    private FileChannel journal;
    private long seq;
    private boolean replaying;

    private JournaledMemoryBackend(Path base, boolean fsync, long compactBytes) {
        this.journalFile = base.resolveSibling(base.getFileName() + ".journal");
        this.snapshotFile = base.resolveSibling(base.getFileName() + ".snapshot");
        this.fsync = fsync;
        this.compactBytes = compactBytes;
    }

    static JournaledMemoryBackend open(Path base, boolean fsync, long compactBytes) throws IOException {
        Files.createDirectories(base.toAbsolutePath().getParent());
        JournaledMemoryBackend b = new JournaledMemoryBackend(base, fsync, compactBytes);
        b.recover();
        return b;
    }

    Path journalFile() {
        return journalFile;
    }

    Path snapshotFile() {
        return snapshotFile;
    }

    // ------------------------------------------------------------------ writing

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if (replaying || !WRITES.contains(command.toLowerCase())) {
            return super.handleCommand(channel, databaseName, command, query);
        }
        writes.lock();
        try {
            Document result;
            try {
                result = super.handleCommand(channel, databaseName, command, query);
            } catch (RuntimeException e) {
                append(databaseName, command, query); // replays to the same failure (and the same partial effect)
                throw e;
            }
            append(databaseName, command, query);
            if (journal.size() > compactBytes) {
                snapshot();
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded store could not write its journal", e);
        } finally {
            writes.unlock();
        }
    }

    private void append(String db, String command, Document query) {
        byte[] dbBytes = db.getBytes(StandardCharsets.UTF_8);
        byte[] cmdBytes = command.getBytes(StandardCharsets.UTF_8);
        byte[] bson = bson(query);
        long n = ++seq;
        ByteBuffer buf = ByteBuffer.allocate(4 + 4 + 8 + 4 + dbBytes.length + 4 + cmdBytes.length + 4 + bson.length);
        buf.putInt(MAGIC).putInt(buf.capacity() - 8).putLong(n)
                .putInt(dbBytes.length).put(dbBytes).putInt(cmdBytes.length).put(cmdBytes)
                .putInt(bson.length).put(bson).flip();
        try {
            while (buf.hasRemaining()) {
                journal.write(buf);
            }
            if (fsync) {
                journal.force(false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded store could not write its journal", e);
        }
    }

    private static byte[] bson(Document d) {
        ByteBuf buf = Unpooled.buffer();
        try {
            BsonEncoder.encodeDocument(d, buf);
            byte[] out = new byte[buf.readableBytes()];
            buf.readBytes(out);
            return out;
        } finally {
            buf.release();
        }
    }

    private static Document fromBson(byte[] bytes) {
        ByteBuf buf = Unpooled.wrappedBuffer(bytes);
        try {
            return BsonDecoder.decodeBson(buf);
        } finally {
            buf.release();
        }
    }

    // ------------------------------------------------------------------ snapshots

    /** Writes every collection (indexes, documents) and the current sequence; then empties the journal. */
    void snapshot() throws IOException {
        writes.lock();
        try {
            Path tmp = snapshotFile.resolveSibling(snapshotFile.getFileName() + ".tmp");
            long docs = writeSnapshot(tmp);
            Files.move(tmp, snapshotFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            journal.truncate(0);
            journal.position(0);
            log.debug("Embedded store snapshot: {} documents up to sequence {}", docs, seq);
        } finally {
            writes.unlock();
        }
    }

    /** What an online backup holds: every write up to {@code sequence}, {@code documents} documents. */
    record BackupPoint(long sequence, long documents) {
    }

    /**
     * An online backup: a snapshot of this moment written to {@code file}, while writes wait (they hold the same
     * lock, so every write acknowledged before the call is in it and none is half in it). The live files are not
     * touched. The snapshot is a complete store by itself (restore it as {@code zhsz.snapshot}, no journal).
     */
    BackupPoint backupTo(Path file) throws IOException {
        writes.lock();
        try {
            long docs = writeSnapshot(file);
            return new BackupPoint(seq, docs);
        } finally {
            writes.unlock();
        }
    }

    /** Every collection and the current sequence into {@code file}, forced to disk; caller holds the write lock. */
    private long writeSnapshot(Path tmp) throws IOException {
        long docs = 0;
        try (OutputStream raw = Files.newOutputStream(tmp); DataOutputStream out = new DataOutputStream(
                new BufferedOutputStream(raw, 1 << 16))) {
            out.writeInt(MAGIC);
            out.writeLong(seq);
            for (String dbName : new ArrayList<>(listDatabaseNames())) {
                MongoDatabase db = resolveDatabase(dbName);
                for (Document spec : firstBatch(super.handleCommand(REPLAY, dbName, "listCollections",
                        new Document("listCollections", 1).append("cursor", new Document("batchSize",
                                Integer.MAX_VALUE))))) {
                    String name = (String) spec.get("name");
                    List<Document> indexes = firstBatch(super.handleCommand(REPLAY, dbName, "listIndexes",
                            new Document("listIndexes", name).append("cursor", new Document("batchSize",
                                    Integer.MAX_VALUE))));
                    MongoCollection<?> coll = db.resolveCollection(name, false);
                    if (coll == null) {
                        continue;
                    }
                    out.writeByte(1);
                    writeBytes(out, bson(new Document("db", dbName).append("collection", name)
                            .append("indexes", indexes)));
                    for (Document d : coll.queryAll()) {
                        out.writeByte(2);
                        writeBytes(out, bson(d));
                        docs++;
                    }
                }
            }
            out.writeByte(0);
            out.flush();
            raw.flush();
        }
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        return docs;
    }

    @SuppressWarnings("unchecked")
    private static List<Document> firstBatch(Document result) {
        Document cursor = (Document) result.get("cursor");
        return cursor == null ? List.of() : (List<Document>) cursor.get("firstBatch");
    }

    private static void writeBytes(DataOutputStream out, byte[] b) throws IOException {
        out.writeInt(b.length);
        out.write(b);
    }

    // ------------------------------------------------------------------ recovery

    private void recover() throws IOException {
        replaying = true;
        long snapshotSeq = 0;
        long restoredDocs = 0;
        long replayed = 0;
        try {
            if (Files.exists(snapshotFile)) {
                try (DataInputStream in = new DataInputStream(new BufferedInputStream(
                        Files.newInputStream(snapshotFile), 1 << 16))) {
                    if (in.readInt() != MAGIC) {
                        throw new IOException("not a ZHSZ snapshot: " + snapshotFile);
                    }
                    snapshotSeq = in.readLong();
                    String db = null;
                    String coll = null;
                    List<Document> batch = new ArrayList<>();
                    for (int kind = in.readByte(); kind != 0; kind = in.readByte()) {
                        byte[] b = new byte[in.readInt()];
                        in.readFully(b);
                        Document d = fromBson(b);
                        if (kind == 1) {
                            flush(db, coll, batch);
                            db = (String) d.get("db");
                            coll = (String) d.get("collection");
                            restoreCollection(db, coll, d);
                        } else {
                            batch.add(d);
                            restoredDocs++;
                            if (batch.size() == 1000) {
                                flush(db, coll, batch);
                            }
                        }
                    }
                    flush(db, coll, batch);
                }
            }
            seq = snapshotSeq;
            if (Files.exists(journalFile)) {
                try (InputStream raw = Files.newInputStream(journalFile);
                     DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
                    while (true) {
                        Entry e = readEntry(in);
                        if (e == null) {
                            break;
                        }
                        if (e.seq() <= snapshotSeq) {
                            continue;
                        }
                        try {
                            super.handleCommand(REPLAY, e.db(), e.command(), e.query());
                        } catch (RuntimeException failedThenToo) {
                            // it failed when it was first run as well; the state matches
                        }
                        seq = e.seq();
                        replayed++;
                    }
                }
            }
        } finally {
            replaying = false;
        }
        journal = FileChannel.open(journalFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.READ);
        journal.position(journal.size());
        log.info("Embedded store recovered: {} documents from the snapshot, {} journal entries replayed", restoredDocs,
                replayed);
        snapshot();
    }

    private record Entry(long seq, String db, String command, Document query) {
    }

    /** The next complete entry, or null at the end or at a torn (never acknowledged) last entry. */
    private static Entry readEntry(DataInputStream in) throws IOException {
        try {
            if (in.readInt() != MAGIC) {
                return null;
            }
            int len = in.readInt();
            if (len < 20) {
                return null;
            }
            byte[] body = new byte[len];
            in.readFully(body);
            ByteBuffer b = ByteBuffer.wrap(body);
            long seq = b.getLong();
            byte[] db = new byte[b.getInt()];
            b.get(db);
            byte[] cmd = new byte[b.getInt()];
            b.get(cmd);
            byte[] bson = new byte[b.getInt()];
            b.get(bson);
            return new Entry(seq, new String(db, StandardCharsets.UTF_8), new String(cmd, StandardCharsets.UTF_8),
                    fromBson(bson));
        } catch (EOFException | java.nio.BufferUnderflowException | IllegalArgumentException torn) {
            return null;
        }
    }

    private void restoreCollection(String db, String coll, Document spec) {
        super.handleCommand(REPLAY, db, "create", new Document("create", coll));
        @SuppressWarnings("unchecked")
        List<Document> indexes = (List<Document>) spec.get("indexes");
        List<Document> wanted = new ArrayList<>();
        for (Document i : indexes) {
            if (!"_id_".equals(i.get("name"))) {
                Document copy = new Document("key", i.get("key")).append("name", i.get("name"));
                if (Boolean.TRUE.equals(i.get("unique"))) {
                    copy.append("unique", true);
                }
                if (Boolean.TRUE.equals(i.get("sparse"))) {
                    copy.append("sparse", true);
                }
                wanted.add(copy);
            }
        }
        if (!wanted.isEmpty()) {
            super.handleCommand(REPLAY, db, "createIndexes", new Document("createIndexes", coll)
                    .append("indexes", wanted));
        }
    }

    private void flush(String db, String coll, List<Document> batch) {
        if (batch.isEmpty() || db == null) {
            return;
        }
        super.handleCommand(REPLAY, db, "insert", new Document("insert", coll).append("documents",
                new ArrayList<>(batch)).append("ordered", false));
        batch.clear();
    }

    @Override
    public void close() {
        try {
            writes.lock();
            try {
                if (journal != null && journal.isOpen()) {
                    snapshot();
                    journal.close();
                }
            } finally {
                writes.unlock();
            }
        } catch (IOException e) {
            log.warn("Could not write the final snapshot; the journal is replayed at the next start", e);
        }
        super.close();
    }
}
