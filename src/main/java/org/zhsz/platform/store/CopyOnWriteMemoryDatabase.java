package org.zhsz.platform.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoCollection;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.index.MemoryUniqueIndex;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;

/**
 * mongo-java-server's in-memory database, except that a stored document is never changed once a reader may hold
 * it. Its own in-memory collection updates documents in place, while a query's reply keeps references to the stored
 * documents and is encoded after the collection's lock is released (and a cursor's later batches even later). An
 * update racing with that encoding made the encoder fail ({@code ConcurrentModificationException}: the reply is
 * dropped and the connection closed, so the driver clears its whole connection pool and every operation checking
 * out a connection at that moment fails — the load test's 500s), or handed the reader a document half old and half
 * new. Here an update first swaps each document it is about to change for a private deep copy and changes only that
 * copy; readers keep the version they were given. Non-unique indexes, which the library ignores, serve queries by
 * their first field ({@link PrefixIndex}). Everything else is the library's {@code MemoryDatabase} /
 * {@code MemoryCollection}.
 */
final class CopyOnWriteMemoryDatabase extends AbstractSynchronizedMongoDatabase<Integer> {

    CopyOnWriteMemoryDatabase(String databaseName, CursorRegistry cursorRegistry) {
        super(databaseName, cursorRegistry);
        initializeNamespacesAndIndexes();
    }

    @Override
    protected Collection openOrCreateCollection(String collectionName, CollectionOptions options) {
        return new Collection(this, collectionName, options, cursorRegistry);
    }

    @Override
    protected Index<Integer> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                     boolean sparse) {
        return new MemoryUniqueIndex(indexName, keys, sparse);
    }

    /**
     * The driver's {@code countDocuments} is an aggregation ({@code $match}, optional {@code $skip}/{@code $limit},
     * {@code $group} counting): the library runs every aggregation over the whole collection. That one is answered
     * as a count through the collection's query path (its indexes) instead; the result has the aggregation's shape.
     */
    @Override
    public Document handleCommand(io.netty.channel.Channel channel, String command, Document query,
                                  de.bwaldvogel.mongo.backend.DatabaseResolver databaseResolver,
                                  de.bwaldvogel.mongo.oplog.Oplog oplog) {
        if ("aggregate".equalsIgnoreCase(command) && query.get("aggregate") instanceof String name) {
            Document count = countOf(name, query.get("pipeline"));
            if (count != null) {
                return count;
            }
        }
        return super.handleCommand(channel, command, query, databaseResolver, oplog);
    }

    /** Counting pipelines answered through the query path (tests). */
    volatile long countsServed;

    /** The answer to a counting pipeline, or null when the pipeline is anything else. */
    private Document countOf(String collectionName, Object pipeline) {
        if (!(pipeline instanceof List<?> stages) || stages.size() < 2 || stages.size() > 4) {
            return null;
        }
        Document filter = null;
        int skip = 0;
        int limit = 0;
        for (int i = 0; i < stages.size(); i++) {
            if (!(stages.get(i) instanceof Document st) || st.size() != 1) {
                return null;
            }
            String op = st.keySet().iterator().next();
            Object arg = st.get(op);
            boolean last = i == stages.size() - 1;
            if (i == 0 && op.equals("$match") && arg instanceof Document m) {
                filter = m;
            } else if (!last && op.equals("$skip") && arg instanceof Number n && skip == 0 && limit == 0) {
                skip = n.intValue();
            } else if (!last && op.equals("$limit") && arg instanceof Number n && limit == 0) {
                limit = n.intValue();
            } else if (last && op.equals("$group") && arg instanceof Document g && g.size() == 2
                    && g.get("n") instanceof Document sum && sum.size() == 1 && sum.get("$sum") instanceof Number one
                    && one.intValue() == 1 && g.containsKey("_id") && !(g.get("_id") instanceof Document)
                    && !(g.get("_id") instanceof String s && s.startsWith("$"))) {
                Object id = g.get("_id");
                if (filter == null) {
                    return null;
                }
                var collection = resolveCollection(collectionName, false);
                countsServed++;
                int n = 0;
                if (collection != null) {
                    synchronized (collection) {
                        n = collection.count(filter, skip, limit);
                    }
                }
                List<Document> batch = n == 0 ? List.of() : List.of(new Document("_id", id).append("n", n));
                Document cursor = new Document("firstBatch", batch).append("id", 0L)
                        .append("ns", getDatabaseName() + "." + collectionName);
                return new Document("cursor", cursor).append("ok", 1.0);
            } else {
                return null;
            }
        }
        return null;
    }

    /** About how many documents of the collection fit in one reply, or null when there is no such collection. */
    @Nullable Integer documentsPerReply(String collectionName) {
        var collection = resolveCollection(collectionName, false);
        return collection instanceof Collection c ? c.documentsPerReply() : null;
    }

    /** Non-unique indexes serve queries by their first field ({@link PrefixIndex}); the library ignores them. */
    @Override
    protected Index<Integer> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
        Collection c = (Collection) resolveCollection(collectionName, true);
        return new PrefixIndex(indexName, keys, sparse, c::documentAt);
    }

    @Override
    protected long getStorageSize() {
        return 0;
    }

    @Override
    protected long getFileSize() {
        return 0;
    }

    /** A collection whose updates are copy-on-write (every method runs under the collection's monitor). */
    static final class Collection extends AbstractSynchronizedMongoCollection<Integer> {

        private final List<Document> documents = new ArrayList<>();
        private final Queue<Integer> emptyPositions = new ArrayDeque<>();
        private final AtomicInteger dataSize = new AtomicInteger();
        /** True while an update or findAndModify runs: the documents it is handed are private copies. */
        private boolean writing;

        Collection(MongoDatabase database, String collectionName, CollectionOptions options,
                   CursorRegistry cursorRegistry) {
            super(database, collectionName, options, cursorRegistry);
        }

        @Override
        public synchronized Document updateDocuments(Document selector, Document updateQuery,
                                                     ArrayFilters arrayFilters, boolean isMulti, boolean isUpsert,
                                                     Oplog oplog) {
            writing = true;
            try {
                return super.updateDocuments(selector, updateQuery, arrayFilters, isMulti, isUpsert, oplog);
            } finally {
                writing = false;
            }
        }

        @Override
        public synchronized Document findAndModify(Document query) {
            writing = true;
            try {
                return super.findAndModify(query);
            } finally {
                writing = false;
            }
        }

        /**
         * About how many of this collection's documents fit in one reply ({@link ReplyBatches}), from their average
         * stored size (a projection only makes them smaller).
         */
        int documentsPerReply() {
            return ReplyBatches.documentsPerReply(count(), dataSize.get());
        }

        /** The filter compiled for the query being answered (queries of one collection come one at a time). */
        private volatile Compiled compiled;

        private record Compiled(Document query, @Nullable SimpleFilter filter) {
        }

        /**
         * Filters the platform sends most are compiled once per query ({@link SimpleFilter}); the library's matcher
         * answers the rest, and any document the compiled filter leaves undecided.
         */
        @Override
        protected boolean documentMatchesQuery(Document document, Document query) {
            Compiled c = compiled;
            if (c == null || c.query() != query) {
                c = new Compiled(query, SimpleFilter.compile(query));
                compiled = c;
            }
            if (c.filter() != null) {
                int r = c.filter().matches(document);
                if (r != SimpleFilter.UNDECIDED) {
                    return r == SimpleFilter.YES;
                }
            }
            return super.documentMatchesQuery(document, query);
        }

        /** Replaces the stored document at {@code position} by a deep copy and returns the copy. */
        private Document privateCopy(int position) {
            Document copy = documents.get(position).cloneDeeply();
            documents.set(position, copy);
            return copy;
        }

        @Override
        protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                             int batchSize, Document fieldSelector) {
            IntStream positions = IntStream.range(0, documents.size());
            if (isNaturalDescending(orderBy)) {
                int n = documents.size();
                positions = IntStream.range(0, n).map(i -> n - 1 - i);
            }
            Stream<Document> stream = positions.filter(p -> documents.get(p) != null)
                    .mapToObj(p -> writing && documentMatchesQuery(documents.get(p), query) ? privateCopy(p)
                            : documents.get(p));
            return matchDocumentsFromStream(stream, query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }

        @Override
        protected QueryResult matchDocuments(Document query, Iterable<Integer> positions, Document orderBy,
                                             int numberToSkip, int limit, int batchSize, Document fieldSelector) {
            if (!writing) {
                return super.matchDocuments(query, positions, orderBy, numberToSkip, limit, batchSize,
                        fieldSelector);
            }
            List<Document> candidates = new ArrayList<>();
            for (Integer p : positions) {
                Document d = documents.get(p);
                if (d != null) {
                    candidates.add(documentMatchesQuery(d, query) ? privateCopy(p) : d);
                }
            }
            return matchDocumentsFromStream(candidates.stream(), query, orderBy, numberToSkip, limit, batchSize,
                    fieldSelector);
        }

        /**
         * A query the non-unique indexes can serve goes through the one that selects the fewest documents (the
         * library would take the first index that can serve it, whatever it costs); a query by {@code _id}, or one
         * they cannot serve, is left to the library (its unique indexes, or a scan).
         */
        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                             int batchSize, Document fieldSelector) {
            if (query.containsKey("_id") || prefixIndexes.isEmpty()) {
                return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
            }
            Iterable<Integer> best = null;
            int bestSize = Integer.MAX_VALUE;
            for (PrefixIndex index : prefixIndexes) {
                if (index.canHandle(query)) {
                    java.util.Collection<Integer> positions = index.getPositions(query);
                    if (positions.size() < bestSize) {
                        best = positions;
                        bestSize = positions.size();
                    }
                }
            }
            if (best == null) {
                return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
            }
            return matchDocuments(query, best, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }

        /**
         * Sorting as the library sorts (stable, by each key with its value order), but with every document's sort
         * values read once instead of at each comparison (the library splits the key path with a regular
         * expression per comparison), and, when the query has a limit, keeping only the first skip + limit
         * documents in a bounded heap instead of sorting all: the auditor's newest-first page over a county's
         * trail sorted tens of thousands of events per request.
         */
        @Override
        protected QueryResult matchDocumentsFromStream(java.util.stream.Stream<Document> stream, Document query,
                                                       Document orderBy, int numberToSkip, int limit, int batchSize,
                                                       Document fieldSelector) {
            if (orderBy == null || orderBy.isEmpty() || orderBy.keySet().iterator().next().equals("$natural")) {
                return super.matchDocumentsFromStream(stream, query, orderBy, numberToSkip, limit, batchSize,
                        fieldSelector);
            }
            List<String> keys = new ArrayList<>(orderBy.keySet());
            List<java.util.Comparator<Object>> orders = new ArrayList<>();
            for (String k : keys) {
                orders.add(((Number) orderBy.get(k)).intValue() > 0 ? de.bwaldvogel.mongo.backend.ValueComparator.asc()
                        : de.bwaldvogel.mongo.backend.ValueComparator.desc());
            }
            java.util.Comparator<Keyed> byKeys = (a, b) -> {
                for (int i = 0; i < orders.size(); i++) {
                    int c = orders.get(i).compare(a.values()[i], b.values()[i]);
                    if (c != 0) {
                        return c;
                    }
                }
                return Integer.compare(a.index(), b.index()); // stable, as the library's sort
            };
            int[] counter = {0};
            java.util.stream.Stream<Keyed> keyed = stream.filter(d -> documentMatchesQuery(d, query)).map(d -> {
                Object[] v = new Object[keys.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = de.bwaldvogel.mongo.backend.Utils.getSubdocumentValueCollectionAware(d, keys.get(i));
                }
                return new Keyed(v, counter[0]++, d);
            });
            long want = limit > 0 ? (long) Math.max(0, numberToSkip) + limit : -1;
            List<Keyed> ordered;
            if (want > 0 && want < Integer.MAX_VALUE) {
                java.util.PriorityQueue<Keyed> heap = new java.util.PriorityQueue<>((int) Math.min(want, 1024) + 1,
                        byKeys.reversed());
                keyed.forEach(k -> {
                    heap.add(k);
                    if (heap.size() > want) {
                        heap.poll();
                    }
                });
                ordered = new ArrayList<>(heap);
                ordered.sort(byKeys);
            } else {
                ordered = new ArrayList<>(keyed.toList());
                ordered.sort(byKeys);
            }
            int from = Math.min(ordered.size(), Math.max(0, numberToSkip));
            int to = limit > 0 ? (int) Math.min(ordered.size(), (long) from + limit) : ordered.size();
            // the library applies the projection and builds the reply (the documents match already)
            return super.matchDocumentsFromStream(ordered.subList(from, to).stream().map(Keyed::document), query,
                    null, 0, 0, batchSize, fieldSelector);
        }

        private record Keyed(Object[] values, int index, Document document) {
        }

        @Override
        protected void updateDataSize(int sizeDelta) {
            dataSize.addAndGet(sizeDelta);
        }

        @Override
        protected int getDataSize() {
            return dataSize.get();
        }

        @Override
        protected Integer addDocumentInternal(Document document) {
            Integer position = emptyPositions.poll();
            if (position == null) {
                position = documents.size();
                documents.add(document);
            } else {
                documents.set(position, document);
            }
            return position;
        }

        @Override
        public synchronized int count(Document query, int skip, int limit) {
            return super.count(query, skip, limit); // the query path reads the indexes: under the lock
        }

        @Override
        public synchronized int count() {
            return documents.size() - emptyPositions.size();
        }

        @Override
        public synchronized boolean isEmpty() {
            return documents.isEmpty() || super.isEmpty();
        }

        @Override
        protected Integer findDocumentPosition(Document document) {
            int position = documents.indexOf(document);
            return position < 0 ? null : position;
        }

        @Override
        protected Stream<DocumentWithPosition<Integer>> streamAllDocumentsWithPosition() {
            return IntStream.range(0, documents.size()).filter(p -> documents.get(p) != null)
                    .mapToObj(p -> new DocumentWithPosition<>(documents.get(p), p));
        }

        @Override
        protected void removeDocument(Integer position) {
            documents.set(position, null);
            emptyPositions.add(position);
        }

        /** The non-unique indexes of this collection. */
        final List<PrefixIndex> prefixIndexes = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public synchronized void addIndex(Index<Integer> index) {
            boolean known = prefixIndexes.stream().anyMatch(i -> i.getName().equals(index.getName()));
            super.addIndex(index); // an index of a name that exists already is ignored
            if (index instanceof PrefixIndex p && !known) {
                prefixIndexes.add(p);
            }
        }

        @Override
        public synchronized void dropIndex(String indexName) {
            super.dropIndex(indexName);
            prefixIndexes.removeIf(i -> i.getName().equals(indexName));
        }

        /** The document stored at a position, or null (for the prefix indexes; under the collection's lock). */
        Document documentAt(int position) {
            return position < documents.size() ? documents.get(position) : null;
        }

        @Override
        protected Document getDocument(Integer position) {
            return documents.get(position);
        }

        @Override
        protected void handleUpdate(Integer position, Document oldDocument, Document newDocument) {
            // the changed document is the private copy already stored at its position
        }
    }
}
