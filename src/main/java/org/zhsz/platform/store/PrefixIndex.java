package org.zhsz.platform.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntFunction;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.EmptyIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A non-unique index for the embedded store, which otherwise ignores non-unique indexes and scans the whole
 * collection for every query. It keys the documents by the index's <em>first</em> field only and serves queries
 * that ask for that field by equality or {@code $in} (also inside a top-level {@code $and}), e.g. the records of a
 * student, the audit events of a student or of a chain, the records of a school. It hands the collection a superset
 * of the matching positions, in storage order; the collection still applies the whole query, sort, skip and limit
 * to them, so results are exactly those of a scan. (A real MongoDB uses the whole compound index; this keeps the
 * embedded store's cost per query proportional to what the query selects by its first field, not to the
 * collection.) All calls come under the collection's lock.
 */
final class PrefixIndex extends Index<Integer> {

    private final String field;
    private final EmptyIndex<Integer> normalizer;
    private final IntFunction<Document> stored;
    private final Map<Object, TreeSet<Integer>> positions = new HashMap<>();
    private long entries;
    /** Queries this index served (tests). */
    long served;

    /** {@code stored}: the collection's document at a position (to tell which of a key's documents is removed). */
    PrefixIndex(String name, List<IndexKey> keys, boolean sparse, IntFunction<Document> stored) {
        super(name, keys, sparse);
        this.field = keys.get(0).getKey();
        this.normalizer = new EmptyIndex<>(name, List.of(keys.get(0)));
        this.stored = stored;
    }

    /** The normalized values of the first field (several for an array; null for a missing field). */
    private List<Object> values(Document document) {
        Set<KeyValue> kvs = normalizer.getKeyValues(document);
        List<Object> out = new ArrayList<>(Math.max(1, kvs.size()));
        for (KeyValue kv : kvs) {
            out.add(kv.get(0));
        }
        if (out.isEmpty()) {
            out.add(null); // an empty array: kept under null, like a missing field
        }
        return out;
    }

    /**
     * A query value normalized as the index keys stored documents. A dotted field ({@code guardians.username}) is
     * built as the nested document it names: a document with the literal key "a.b" has no value at path a.b, so
     * every such query would have looked up the key of documents without the field.
     */
    private Object normalized(Object queryValue) {
        String[] path = field.split("\\.");
        Object nested = queryValue;
        for (int i = path.length - 1; i > 0; i--) {
            nested = new Document(path[i], nested);
        }
        return values(new Document(path[0], nested)).get(0);
    }

    @Override
    public Integer getPosition(Document document) {
        return null; // many documents share a key: the _id index tells positions
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Integer> collection) {
        // not unique: nothing to check
    }

    @Override
    public void add(Document document, Integer position, MongoCollection<Integer> collection) {
        for (Object v : values(document)) {
            if (positions.computeIfAbsent(v, k -> new TreeSet<>()).add(position)) {
                entries++;
            }
        }
    }

    @Override
    public Integer remove(Document document) {
        Integer found = null;
        Object id = document.get("_id");
        for (Object v : values(document)) {
            TreeSet<Integer> set = positions.get(v);
            if (set == null) {
                continue;
            }
            Integer position = null;
            for (Integer p : set) {
                Document d = stored.apply(p);
                if (d == document || d != null && id != null && id.equals(d.get("_id"))) {
                    position = p;
                    break;
                }
            }
            if (position != null) {
                set.remove(position);
                entries--;
                if (set.isEmpty()) {
                    positions.remove(v);
                }
                found = position;
            }
        }
        return found;
    }

    /** The first field by equality or {@code $in}, at the top or inside a top-level {@code $and}. */
    private Object selector(Document query) {
        Object direct = usable(query.get(field));
        if (direct != null) {
            return direct;
        }
        if (query.get("$and") instanceof Collection<?> and) {
            for (Object part : and) {
                if (part instanceof Document d) {
                    Object v = usable(d.get(field));
                    if (v != null) {
                        return v;
                    }
                }
            }
        }
        return null;
    }

    /** An equality value, or a {@code $in}/{@code $eq} operand; null when the index cannot serve it. */
    private static Object usable(Object v) {
        if (v == null || v instanceof Collection || v instanceof java.util.regex.Pattern) {
            return null;
        }
        if (v instanceof Document d) {
            if (d.size() == 1 && d.get("$in") instanceof Collection<?> in && in.stream().allMatch(x -> x != null
                    && !(x instanceof Document) && !(x instanceof Collection))) {
                return d;
            }
            if (d.size() == 1 && d.containsKey("$eq") && usable(d.get("$eq")) != null
                    && !(d.get("$eq") instanceof Document)) {
                return d.get("$eq");
            }
            return null;
        }
        return de.bwaldvogel.mongo.bson.BsonRegularExpression.isRegularExpression(v) ? null : v;
    }

    @Override
    public boolean canHandle(Document query) {
        return selector(query) != null;
    }

    @Override
    public java.util.Collection<Integer> getPositions(Document query) {
        Object s = selector(query);
        served++;
        TreeSet<Integer> out = new TreeSet<>();
        Collection<?> wanted = s instanceof Document d ? (Collection<?>) d.get("$in") : List.of(s);
        for (Object w : wanted) {
            TreeSet<Integer> set = positions.get(normalized(w));
            if (set != null) {
                out.addAll(set);
            }
        }
        return out;
    }

    @Override
    public long getCount() {
        return entries;
    }

    @Override
    public long getDataSize() {
        return entries;
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Integer> collection) {
        // not unique: nothing to check
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, Integer position,
                              MongoCollection<Integer> collection) {
        List<Object> before = values(oldDocument);
        List<Object> after = values(newDocument);
        if (before.equals(after)) {
            return;
        }
        for (Object v : before) {
            TreeSet<Integer> set = positions.get(v);
            if (set != null && set.remove(position)) {
                entries--;
                if (set.isEmpty()) {
                    positions.remove(v);
                }
            }
        }
        for (Object v : after) {
            if (positions.computeIfAbsent(v, k -> new TreeSet<>()).add(position)) {
                entries++;
            }
        }
    }

    @Override
    public void drop() {
        positions.clear();
        entries = 0;
    }
}
