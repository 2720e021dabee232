package org.zhsz.platform.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A query filter compiled once per query instead of interpreted per document, for the filters the platform sends
 * most: top-level fields compared with strings, booleans or null by equality, {@code $eq}, {@code $ne},
 * {@code $in}, {@code $nin}, {@code $exists} and {@code $regex}, combined with {@code $and} / {@code $or}. The
 * library's matcher splits every key, normalises every value and walks its operator tables for each document it
 * looks at; in the load test that interpretation was an eighth of the application's CPU.
 *
 * <p>It answers exactly as the library's {@code DefaultQueryMatcher} does, and only where that is plain to see: a
 * filter outside this grammar is not compiled ({@link #compile} answers null), and a document whose field holds
 * anything but a string, a boolean or null (an array, a sub-document, a number, a date…) is answered "ask the
 * library" for that document ({@link #UNDECIDED}). {@code SimpleFilterProperties} checks both against the library
 * on random documents and filters.
 */
final class SimpleFilter {

    /** The answer for a document this filter leaves to the library. */
    static final int UNDECIDED = -1;
    static final int NO = 0;
    static final int YES = 1;

    private final Node root;

    private SimpleFilter(Node root) {
        this.root = root;
    }

    /** The compiled filter, or null when the filter is outside the grammar (the library decides then). */
    static @Nullable SimpleFilter compile(Document query) {
        Node n = compileAll(query);
        return n == null ? null : new SimpleFilter(n);
    }

    /** {@link #YES}, {@link #NO} or {@link #UNDECIDED}. */
    int matches(Document document) {
        return root.test(document);
    }

    private interface Node {
        int test(Document d);
    }

    private static @Nullable Node compileAll(Document query) {
        List<Node> parts = new ArrayList<>();
        for (Map.Entry<String, Object> e : query.entrySet()) {
            Node n = compileEntry(e.getKey(), e.getValue());
            if (n == null) {
                return null;
            }
            parts.add(n);
        }
        return and(parts);
    }

    private static @Nullable Node compileEntry(String key, @Nullable Object value) {
        if (key.equals("$and") || key.equals("$or")) {
            if (!(value instanceof List<?> list) || list.isEmpty()) {
                return null;
            }
            List<Node> parts = new ArrayList<>();
            for (Object o : list) {
                if (!(o instanceof Document sub) || sub.isEmpty()) {
                    return null;
                }
                Node n = compileAll(sub);
                if (n == null) {
                    return null;
                }
                parts.add(n);
            }
            return key.equals("$and") ? and(parts) : or(parts);
        }
        if (key.isEmpty() || key.startsWith("$") || key.indexOf('.') >= 0) {
            return null;
        }
        if (isScalar(value)) {
            return field(key, equalTo(value));
        }
        if (BsonRegularExpression.isRegularExpression(value)) {
            if (value instanceof Document d && (!(d.get("$regex") instanceof String)
                    || !List.of("$regex", "$options").containsAll(d.keySet()))) {
                return null;
            }
            BsonRegularExpression regex;
            try {
                regex = BsonRegularExpression.convertToRegularExpression(value);
                regex.matcher(""); // compiles it once here; a pattern the library cannot compile stays its error
            } catch (RuntimeException e) {
                return null;
            }
            return field(key, (present, v) -> v != null && regex.matcher(v.toString()).find());
        }
        if (!(value instanceof Document ops) || ops.isEmpty()) {
            return null;
        }
        List<Test> tests = new ArrayList<>();
        for (Map.Entry<String, Object> op : ops.entrySet()) {
            Object operand = op.getValue();
            Test t = switch (op.getKey()) {
                case "$eq" -> isScalar(operand) ? equalTo(operand) : null;
                case "$ne" -> isScalar(operand) ? not(equalTo(operand)) : null;
                case "$in" -> scalars(operand) ? in((Collection<?>) operand) : null;
                case "$nin" -> scalars(operand) ? not(in((Collection<?>) operand)) : null;
                case "$exists" -> operand instanceof Boolean b ? (present, v) -> present == b : null;
                default -> null;
            };
            if (t == null) {
                return null;
            }
            tests.add(t);
        }
        return field(key, (present, v) -> {
            for (Test t : tests) {
                if (!t.test(present, v)) {
                    return false;
                }
            }
            return true;
        });
    }

    /** A test of one field's value: whether the field is present, and its value (a string, a boolean or null). */
    private interface Test {
        boolean test(boolean present, @Nullable Object value);
    }

    private static Node field(String key, Test test) {
        return d -> {
            Object v = d.get(key);
            if (v != null && !(v instanceof String) && !(v instanceof Boolean)) {
                return UNDECIDED; // arrays, sub-documents, numbers, dates: the library's rules
            }
            return test.test(v != null || d.containsKey(key), v) ? YES : NO;
        };
    }

    private static Test equalTo(@Nullable Object operand) {
        return operand == null ? (present, v) -> v == null : (present, v) -> operand.equals(v);
    }

    private static Test in(Collection<?> operands) {
        List<Object> values = new ArrayList<>(operands);
        boolean withNull = values.contains(null);
        return (present, v) -> v == null ? withNull : values.contains(v);
    }

    private static Test not(Test t) {
        return (present, v) -> !t.test(present, v);
    }

    /** All parts: NO as soon as one says NO; else UNDECIDED if one left the document to the library; else YES. */
    private static Node and(List<Node> parts) {
        return parts.size() == 1 ? parts.get(0) : either(parts, NO, YES);
    }

    /** Any part: YES as soon as one says YES; else UNDECIDED if one left the document to the library; else NO. */
    private static Node or(List<Node> parts) {
        return either(parts, YES, NO);
    }

    /** The parts in order: {@code decisive} as soon as one answers it, otherwise {@code otherwise} (or UNDECIDED). */
    private static Node either(List<Node> parts, int decisive, int otherwise) {
        Node[] p = parts.toArray(Node[]::new);
        return d -> {
            boolean undecided = false;
            for (Node n : p) {
                int r = n.test(d);
                if (r == decisive) {
                    return decisive;
                }
                undecided |= r == UNDECIDED;
            }
            return undecided ? UNDECIDED : otherwise;
        };
    }

    private static boolean isScalar(@Nullable Object o) {
        return o == null || o instanceof String || o instanceof Boolean;
    }

    private static boolean scalars(@Nullable Object o) {
        if (!(o instanceof Collection<?> c)) {
            return false;
        }
        for (Object x : c) {
            if (!isScalar(x)) {
                return false;
            }
        }
        return true;
    }
}
