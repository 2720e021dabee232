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
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.embedded.EmbeddedChannel;

/**
 * The embedded store: mongo-java-server's in-memory backend (with copy-on-write updates,
 * {@link CopyOnWriteMemoryDatabase}) made durable with a journal and snapshots.
 *
 * <ul>
 * <li>Every write command is appended to {@code <base>.journal} before it is applied and before its reply is sent,
 * under one lock so the journal order is the order of application. Each entry is framed and checksummed:
 * {@code "ZHJ2" | length | CRC32C(length, body) | body = sequence, database, command, BSON}. An acknowledged write is
 * in the file: the OS keeps written bytes when the process is killed ({@code fsync=true} also forces them to disk,
 * for power loss). A write the journal cannot take (disk full, I/O error) is refused with MongoDB's error 14031
 * (OutOfDiskSpace), its partial bytes are cut off again and nothing of it is applied; if even that fails the store
 * refuses every further write until it is restarted.</li>
 * <li>At start, {@code <base>.snapshot} (every collection's indexes and documents and the last sequence it
 * contains, with a CRC32C over the whole file) is loaded and the journal entries after it are replayed in sequence.
 * A <em>torn tail</em> — damage after which no valid entry follows, i.e. a last write that never completed — is cut
 * off with a warning. Damage <em>before</em> a valid entry, a sequence gap or a damaged snapshot stops the start
 * with {@link StoreDamagedException}, which says where and how to recover, and leaves both files exactly as they
 * were. Then a fresh snapshot is written and the journal emptied; the same happens while running whenever the
 * journal passes {@code compactBytes} (a snapshot that cannot be written is logged and tried again later, the
 * journal kept).</li>
 * <li>Files of the first format (no checksums, magic {@code "ZHSZ"}) are read with the old rules once and migrated
 * by that start-up snapshot.</li>
 * </ul>
 * Replaying commands needs them to be deterministic given the same state: the application always sets
 * {@code _id} itself (also for upserts), and a command that failed is replayed and fails the same way.
 */
final class JournaledMemoryBackend extends AbstractMongoBackend {

    private static final Logger log = LoggerFactory.getLogger(JournaledMemoryBackend.class);
    /** The first format of journal entries and snapshots ("ZHSZ"), without checksums: read once and migrated. */
    private static final int MAGIC_V1 = 0x5A48535A;
    /** Journal entries with length framing and a CRC32C ("ZHJ2"). */
    private static final int MAGIC_ENTRY = 0x5A484A32;
    /** Snapshots with a trailing CRC32C ("ZHS2"). */
    private static final int MAGIC_SNAPSHOT = 0x5A485332;
    private static final int HEADER = 12; // magic, length, crc
    private static final int MAX_ENTRY = 64 * 1024 * 1024; // a command is at most 48 MB of BSON on the wire
    /** MongoDB's code for "OutOfDiskSpace": the driver and the API report it as a refused write. */
    static final int OUT_OF_DISK_SPACE = 14031;
    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify",
            "createindexes", "dropindexes", "drop", "dropdatabase", "create", "renamecollection");
    private static final Channel REPLAY = new EmbeddedChannel();

    /** Opens the journal for appending; tests pass one that fails like a full disk. */
    @FunctionalInterface
    interface Channels {
        FileChannel open(Path journal) throws IOException;
    }

    static final Channels FILES = p -> FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.READ);

    /** What to do with a journal damaged before its end. */
    enum Recovery {
        /** stop the start and change nothing (default) */
        NONE,
        /** keep a copy of the journal, cut it at the damage and start with the entries before it */
        TRUNCATE_JOURNAL
    }

    private final Path journalFile;
    private final Path snapshotFile;
    private final boolean fsync;
    private final long compactBytes;
    private final Channels channels;
    private final Recovery recovery;
    private final ReentrantLock writes = new ReentrantLock();
    private FileChannel journal;
    private long seq;
    private boolean replaying;
    /** Set when a refused write's bytes could not be cut off: every further write is refused until a restart. */
    private volatile boolean broken;
    /** Journal size at which the next compaction is tried (moves on when a snapshot could not be written). */
    private long nextCompaction;

    private JournaledMemoryBackend(Path base, boolean fsync, long compactBytes, Channels channels,
                                   Recovery recovery) {
        this.journalFile = base.resolveSibling(base.getFileName() + ".journal");
        this.snapshotFile = base.resolveSibling(base.getFileName() + ".snapshot");
        this.fsync = fsync;
        this.compactBytes = compactBytes;
        this.nextCompaction = compactBytes;
        this.channels = channels;
        this.recovery = recovery;
    }

    static JournaledMemoryBackend open(Path base, boolean fsync, long compactBytes) throws IOException {
        return open(base, fsync, compactBytes, FILES, Recovery.NONE);
    }

    static JournaledMemoryBackend open(Path base, boolean fsync, long compactBytes, Channels channels,
                                       Recovery recovery) throws IOException {
        Files.createDirectories(base.toAbsolutePath().getParent());
        JournaledMemoryBackend b = new JournaledMemoryBackend(base, fsync, compactBytes, channels, recovery);
        b.recover();
        return b;
    }

    /** The library's in-memory database with copy-on-write updates (see {@link CopyOnWriteMemoryDatabase}). */
    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new CopyOnWriteMemoryDatabase(databaseName, getCursorRegistry());
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
        if (replaying) {
            return super.handleCommand(channel, databaseName, command, query);
        }
        if (!WRITES.contains(command.toLowerCase())) {
            // reply batches of about 16 MiB (see ReplyBatches)
            return super.handleCommand(channel, databaseName, command, ReplyBatches.capped(command, query,
                    name -> resolveDatabase(databaseName) instanceof CopyOnWriteMemoryDatabase db
                            ? db.documentsPerReply(name) : null));
        }
        writes.lock();
        try {
            if (broken) {
                throw refused("the journal could not be repaired after a failed write; restart the application", null);
            }
            append(databaseName, command, query); // before applying: a write the journal refused changes nothing
            try {
                return super.handleCommand(channel, databaseName, command, query);
            } finally {
                // (a command that fails replays to the same failure, and the same partial effect)
                compactIfDue();
            }
        } finally {
            writes.unlock();
        }
    }

    /** Appends one entry; on failure cuts its partial bytes off again and throws the refusal. */
    private void append(String db, String command, Document query) {
        byte[] dbBytes = db.getBytes(StandardCharsets.UTF_8);
        byte[] cmdBytes = command.getBytes(StandardCharsets.UTF_8);
        byte[] bson = bson(query);
        long n = seq + 1;
        int len = 8 + 4 + dbBytes.length + 4 + cmdBytes.length + 4 + bson.length;
        ByteBuffer buf = ByteBuffer.allocate(HEADER + len);
        buf.putInt(MAGIC_ENTRY).putInt(len).putInt(0)
                .putLong(n).putInt(dbBytes.length).put(dbBytes).putInt(cmdBytes.length).put(cmdBytes)
                .putInt(bson.length).put(bson);
        buf.putInt(8, crc(buf.array(), 4, 4, buf.array(), HEADER, len));
        buf.flip();
        long before;
        try {
            before = journal.position();
        } catch (IOException e) {
            broken = true;
            throw refused("the journal cannot be written", e);
        }
        try {
            while (buf.hasRemaining()) {
                journal.write(buf);
            }
            if (fsync) {
                journal.force(false);
            }
        } catch (IOException e) {
            try {
                journal.truncate(before);
                journal.position(before);
            } catch (IOException cut) {
                broken = true;
                e.addSuppressed(cut);
            }
            throw refused("the journal could not take the write (" + e.getMessage() + ")", e);
        }
        seq = n;
    }

    private static de.bwaldvogel.mongo.exception.MongoServerError refused(String why, IOException cause) {
        if (cause != null) {
            log.error("Embedded store: write refused, {}", why, cause);
        }
        return new de.bwaldvogel.mongo.exception.MongoServerError(OUT_OF_DISK_SPACE, "OutOfDiskSpace",
                "The embedded store refused the write: " + why + ". Nothing of it was saved.");
    }

    /** Compacts past the threshold; a snapshot that fails (e.g. disk full) is logged and tried again later. */
    private void compactIfDue() {
        try {
            if (journal.size() <= nextCompaction) {
                return;
            }
            snapshot();
            nextCompaction = compactBytes;
        } catch (IOException | RuntimeException e) {
            try {
                nextCompaction = journal.size() + compactBytes; // not at every write
            } catch (IOException ignored) {
                // the next write tells
            }
            log.warn("Embedded store: the snapshot could not be written ({}); the journal is kept and compaction "
                    + "is tried again later", e.toString());
        }
    }

    static int crc(byte[] a, int aOff, int aLen, byte[] b, int bOff, int bLen) {
        java.util.zip.CRC32C c = new java.util.zip.CRC32C();
        c.update(a, aOff, aLen);
        c.update(b, bOff, bLen);
        return (int) c.getValue();
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
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        try (OutputStream raw = Files.newOutputStream(tmp); DataOutputStream out = new DataOutputStream(
                new java.util.zip.CheckedOutputStream(new BufferedOutputStream(raw, 1 << 16), crc))) {
            out.writeInt(MAGIC_SNAPSHOT);
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
            out.writeInt((int) crc.getValue()); // the checksum of everything before it
            out.flush();
            raw.flush();
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
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
        Loaded snapshot;
        long replayed = 0;
        try {
            snapshot = loadSnapshot();
            seq = snapshot.seq();
            if (Files.exists(journalFile) && Files.size(journalFile) > 0) {
                replayed = replayJournal(snapshot.seq());
            }
        } finally {
            replaying = false;
        }
        journal = channels.open(journalFile);
        journal.position(journal.size());
        log.info("Embedded store recovered: {} documents from the snapshot, {} journal entries replayed",
                snapshot.docs(), replayed);
        snapshot();
    }

    private record Loaded(long seq, long docs) {
    }

    /** Loads the snapshot into memory; a damaged one stops the start (nothing is rebuilt from a partial file). */
    private Loaded loadSnapshot() throws IOException {
        if (!Files.exists(snapshotFile)) {
            return new Loaded(0, 0);
        }
        long size = Files.size(snapshotFile);
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        long docs = 0;
        try (DataInputStream in = new DataInputStream(new java.util.zip.CheckedInputStream(
                new BufferedInputStream(Files.newInputStream(snapshotFile), 1 << 16), crc))) {
            int magic = in.readInt();
            boolean v1 = magic == MAGIC_V1;
            if (!v1 && magic != MAGIC_SNAPSHOT) {
                throw damagedSnapshot("it does not start like a ZHSZ snapshot", size);
            }
            long snapshotSeq = in.readLong();
            String db = null;
            String coll = null;
            List<Document> batch = new ArrayList<>();
            for (int kind = in.readByte(); kind != 0; kind = in.readByte()) {
                if (kind != 1 && kind != 2) {
                    throw damagedSnapshot("an unknown record kind " + kind + " after " + docs + " documents", size);
                }
                int len = in.readInt();
                if (len < 5 || len > MAX_ENTRY) {
                    throw damagedSnapshot("an impossible record length " + len + " after " + docs + " documents",
                            size);
                }
                byte[] b = new byte[len];
                in.readFully(b);
                Document d;
                try {
                    d = fromBson(b);
                } catch (RuntimeException e) {
                    throw damagedSnapshot("an unreadable document after " + docs + " documents", size);
                }
                if (kind == 1) {
                    flush(db, coll, batch);
                    db = (String) d.get("db");
                    coll = (String) d.get("collection");
                    restoreCollection(db, coll, d);
                } else {
                    batch.add(d);
                    docs++;
                    if (batch.size() == 1000) {
                        flush(db, coll, batch);
                    }
                }
            }
            flush(db, coll, batch);
            if (!v1) {
                int computed = (int) crc.getValue();
                if (in.readInt() != computed) {
                    throw damagedSnapshot("its checksum does not match its content", size);
                }
                if (in.read() != -1) {
                    throw damagedSnapshot("there are bytes after its end", size);
                }
            } else {
                log.info("Embedded store: snapshot {} has the first file format (no checksum); it is migrated now",
                        snapshotFile);
            }
            return new Loaded(snapshotSeq, docs);
        } catch (EOFException e) {
            throw damagedSnapshot("it ends too early (cut off at " + size + " bytes)", size);
        }
    }

    private StoreDamagedException damagedSnapshot(String why, long size) {
        return new StoreDamagedException("The embedded store cannot start: its snapshot " + snapshotFile
                + " (" + size + " bytes) is damaged: " + why + ". Nothing was changed. The journal holds only the "
                + "writes made after this snapshot, so the data cannot be rebuilt from it: restore the data "
                + "directory (both " + snapshotFile.getFileName() + " and " + journalFile.getFileName()
                + ") from your last backup.");
    }

    /** One journal entry read at a position: the entry and where the next begins, or why there is none. */
    record Frame(Entry entry, long end, String problem) {
    }

    record Entry(long seq, String db, String command, Document query) {
    }

    private static ByteBuffer readAt(FileChannel ch, long pos, int n) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n);
        while (b.hasRemaining()) {
            if (ch.read(b, pos + b.position()) < 0) {
                throw new EOFException();
            }
        }
        return b.flip();
    }

    static Frame frameAt(FileChannel ch, long pos, long size) throws IOException {
        if (size - pos < HEADER) {
            return new Frame(null, -1, "only " + (size - pos) + " bytes of an entry header");
        }
        ByteBuffer h = readAt(ch, pos, HEADER);
        int magic = h.getInt();
        int len = h.getInt();
        int crc = h.getInt();
        if (magic != MAGIC_ENTRY) {
            return new Frame(null, -1, "no entry starts here");
        }
        if (len < 20 || len > MAX_ENTRY) {
            return new Frame(null, -1, "an impossible entry length " + len);
        }
        if (pos + HEADER + len > size) {
            return new Frame(null, -1, "the entry needs " + len + " bytes, " + (size - pos - HEADER) + " follow");
        }
        byte[] body = readAt(ch, pos + HEADER, len).array();
        if (crc(h.array(), 4, 4, body, 0, len) != crc) {
            return new Frame(null, -1, "its checksum does not match its content");
        }
        try {
            ByteBuffer b = ByteBuffer.wrap(body);
            long seq = b.getLong();
            byte[] db = new byte[b.getInt()];
            b.get(db);
            byte[] cmd = new byte[b.getInt()];
            b.get(cmd);
            byte[] bson = new byte[b.getInt()];
            b.get(bson);
            return new Frame(new Entry(seq, new String(db, StandardCharsets.UTF_8),
                    new String(cmd, StandardCharsets.UTF_8), fromBson(bson)), pos + HEADER + len, null);
        } catch (RuntimeException e) {
            return new Frame(null, -1, "its content cannot be read");
        }
    }

    /** The position of the next complete, valid entry after {@code from}, or -1: is the damage at the tail? */
    static long nextValidEntry(FileChannel ch, long from, long size) throws IOException {
        byte m0 = (byte) (MAGIC_ENTRY >>> 24);
        ByteBuffer chunk = ByteBuffer.allocate(1 << 20);
        for (long base = from; base < size; base += chunk.capacity() - 3) {
            chunk.clear();
            int n = ch.read(chunk, base);
            if (n <= 0) {
                break;
            }
            for (int i = 0; i + 4 <= n; i++) {
                if (chunk.get(i) == m0 && chunk.getInt(i) == MAGIC_ENTRY) {
                    Frame f = frameAt(ch, base + i, size);
                    if (f.entry() != null) {
                        return base + i;
                    }
                }
            }
            if (n < chunk.capacity()) {
                break;
            }
        }
        return -1;
    }

    /** Replays the entries after the snapshot; cuts a torn tail; stops on damage before valid entries. */
    private long replayJournal(long snapshotSeq) throws IOException {
        long replayed = 0;
        long cutAt = -1;
        long last = snapshotSeq;
        try (FileChannel ch = FileChannel.open(journalFile, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size >= 4 && readAt(ch, 0, 4).getInt() == MAGIC_V1) {
                return replayFirstFormat(snapshotSeq);
            }
            long pos = 0;
            int index = 0;
            while (pos < size) {
                Frame f = frameAt(ch, pos, size);
                String problem = f.problem();
                if (f.entry() != null && f.entry().seq() > snapshotSeq && f.entry().seq() != last + 1) {
                    problem = "its sequence number " + f.entry().seq() + " does not follow " + last
                            + " (entries are missing)";
                }
                if (problem != null) {
                    long next = nextValidEntry(ch, pos + 1, size);
                    if (next < 0 && f.entry() == null) {
                        log.warn("Embedded store: cut off a torn last journal entry at byte {} of {} ({} bytes: {}); "
                                + "it was a write that never completed, so it was never acknowledged", pos,
                                journalFile, size - pos, problem);
                        cutAt = pos;
                        break;
                    }
                    String where = "The embedded store's journal " + journalFile + " is damaged at byte " + pos
                            + " (entry " + (index + 1) + ", after sequence " + last + "): " + problem + ". "
                            + (next >= 0 ? "A valid entry follows at byte " + next + ", so this is not a last write "
                            + "cut short by a crash. " : "");
                    if (recovery == Recovery.TRUNCATE_JOURNAL) {
                        Path copy = journalFile.resolveSibling(journalFile.getFileName() + ".damaged-"
                                + java.time.Instant.now().toString().replace(':', '-'));
                        Files.copy(journalFile, copy);
                        log.error("{}Recovery truncate-journal: the journal is cut there; the {} entries before it are "
                                + "kept, everything after it is given up. The whole journal was copied to {}.", where,
                                replayed, copy);
                        cutAt = pos;
                        break;
                    }
                    throw new StoreDamagedException(where + "Rather than lose the acknowledged writes after it, the "
                            + "store does not start. Nothing was changed. To recover: restore the data directory ("
                            + journalFile.toAbsolutePath().getParent() + ") from your last backup; or, to keep the "
                            + replayed + " entries before the damage and give up those after it, start once with "
                            + "ZHSZ_STORE_RECOVERY=truncate-journal (zhsz.store.recovery), which first copies the "
                            + "journal to " + journalFile.getFileName() + ".damaged-<time>.");
                }
                Entry e = f.entry();
                if (e.seq() > snapshotSeq) { // older ones are in the snapshot already
                    apply(e);
                    last = e.seq();
                    replayed++;
                }
                pos = f.end();
                index++;
            }
        }
        if (cutAt >= 0) {
            try (FileChannel w = FileChannel.open(journalFile, StandardOpenOption.WRITE)) {
                w.truncate(cutAt);
                w.force(true);
            }
        }
        seq = last;
        return replayed;
    }

    private void apply(Entry e) {
        try {
            super.handleCommand(REPLAY, e.db(), e.command(), e.query());
        } catch (RuntimeException failedThenToo) {
            // it failed when it was first run as well; the state matches
        }
    }

    /** A journal of the first format (no checksums): read with the old rules, then migrated by the snapshot. */
    private long replayFirstFormat(long snapshotSeq) throws IOException {
        log.info("Embedded store: journal {} has the first file format (no checksums); it is migrated now",
                journalFile);
        long replayed = 0;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(journalFile),
                1 << 16))) {
            while (true) {
                Entry e = readFirstFormatEntry(in);
                if (e == null) {
                    break;
                }
                if (e.seq() <= snapshotSeq) {
                    continue;
                }
                apply(e);
                seq = e.seq();
                replayed++;
            }
        }
        return replayed;
    }

    private static Entry readFirstFormatEntry(DataInputStream in) throws IOException {
        try {
            if (in.readInt() != MAGIC_V1) {
                return null;
            }
            int len = in.readInt();
            if (len < 20 || len > MAX_ENTRY) {
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
