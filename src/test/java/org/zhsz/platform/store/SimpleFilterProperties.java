package org.zhsz.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Random;

import de.bwaldvogel.mongo.backend.DefaultQueryMatcher;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The compiled filters answer every document exactly as the library's matcher does: random documents (fields
 * missing, null, strings, booleans, numbers, dates, arrays, sub-documents) against random filters of the compiled
 * grammar (equality, $eq, $ne, $in, $nin, $exists, $regex, nested $and / $or). Where the compiled filter leaves a
 * document to the library, the library answers; documents of strings, booleans and nulls only are never left.
 */
class SimpleFilterProperties {

    private static final String[] FIELDS = {"a", "b", "c"};
    private static final Object[] SCALARS = {null, "x", "y", "xy", "X", true, false};

    @Property(tries = 300)
    void compiledFiltersAnswerAsTheLibrary(@ForAll long seed) {
        Random rnd = new Random(seed);
        DefaultQueryMatcher library = new DefaultQueryMatcher();
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            docs.add(document(rnd, i % 3 == 0));
        }
        for (int q = 0; q < 20; q++) {
            Document filter = filter(rnd, 2);
            SimpleFilter compiled = SimpleFilter.compile(filter);
            assertThat(compiled).as("compiles %s", filter).isNotNull();
            for (Document d : docs) {
                int mine = compiled.matches(d);
                boolean theirs = library.matches(d, filter);
                if (mine == SimpleFilter.UNDECIDED) {
                    assertThat(onlySimpleValues(d)).as("left %s to the library for %s", d, filter).isFalse();
                } else {
                    assertThat(mine == SimpleFilter.YES).as("%s against %s", d, filter).isEqualTo(theirs);
                }
            }
        }
    }

    @Property(tries = 50)
    void filtersOutsideTheGrammarAreLeftToTheLibrary(@ForAll long seed) {
        Random rnd = new Random(seed);
        List<Document> outside = List.of(
                new Document("a.b", "x"),
                new Document("a", 1),
                new Document("a", new Document("$gt", "x")),
                new Document("a", new Document("$in", List.of(1, "x"))),
                new Document("a", new Document("$in", List.of(new BsonRegularExpression("^x", "")))),
                new Document("a", new Document("$size", 1)),
                new Document("a", new Document("k", "x")),
                new Document("a", List.of("x")),
                new Document("$nor", List.of(new Document("a", "x"))),
                new Document("$or", List.of()),
                new Document("$comment", "c"),
                new Document("a", new Document("$regex", "x").append("$ne", "y")),
                new Document("$and", List.of(filter(rnd, 1), new Document("a", new Date()))));
        for (Document f : outside) {
            assertThat(SimpleFilter.compile(f)).as("%s", f).isNull();
        }
    }

    private static boolean onlySimpleValues(Document d) {
        return d.values().stream().allMatch(v -> v == null || v instanceof String || v instanceof Boolean);
    }

    private static Document document(Random rnd, boolean simple) {
        Document d = new Document("_id", "d" + rnd.nextInt(1000));
        for (String f : FIELDS) {
            int k = rnd.nextInt(simple ? 3 : 5);
            switch (k) {
                case 0 -> { } // missing
                case 1, 2 -> d.append(f, SCALARS[rnd.nextInt(SCALARS.length)]);
                case 3 -> d.append(f, List.of(2, 2.0, new Date(0), Arrays.asList("x", "y"), List.of(),
                        Arrays.asList((Object) null), Arrays.asList("x", null), new Document("k", "x"), 1L, "x")
                        .get(rnd.nextInt(10)));
                default -> d.append(f, List.of(Arrays.asList(true, "y"), List.of("xy")).get(rnd.nextInt(2)));
            }
        }
        return d;
    }

    private static Object scalar(Random rnd) {
        return SCALARS[rnd.nextInt(SCALARS.length)];
    }

    private static List<Object> scalars(Random rnd) {
        List<Object> out = new ArrayList<>();
        int n = rnd.nextInt(4);
        for (int i = 0; i < n; i++) {
            out.add(scalar(rnd));
        }
        return out;
    }

    private static Document filter(Random rnd, int depth) {
        Document f = new Document();
        int n = 1 + rnd.nextInt(3);
        for (int i = 0; i < n; i++) {
            if (depth > 0 && rnd.nextInt(4) == 0) {
                List<Document> parts = new ArrayList<>();
                int m = 1 + rnd.nextInt(3);
                for (int j = 0; j < m; j++) {
                    parts.add(filter(rnd, depth - 1));
                }
                f.append(rnd.nextBoolean() ? "$and" : "$or", parts);
                continue;
            }
            String field = FIELDS[rnd.nextInt(FIELDS.length)];
            Object condition = switch (rnd.nextInt(9)) {
                case 0, 1 -> scalar(rnd);
                case 2 -> new Document("$eq", scalar(rnd));
                case 3 -> new Document("$ne", scalar(rnd));
                case 4 -> new Document("$in", scalars(rnd));
                case 5 -> new Document("$nin", scalars(rnd));
                case 6 -> new Document("$exists", rnd.nextBoolean());
                case 7 -> rnd.nextBoolean() ? new Document("$regex", List.of("^x", "y$", "X", "ru", "^(x|y)$")
                        .get(rnd.nextInt(5))).append("$options", rnd.nextBoolean() ? "" : "i")
                        : new BsonRegularExpression(List.of("^x", "y", "e").get(rnd.nextInt(3)), "");
                default -> new Document("$ne", scalar(rnd)).append("$in", scalars(rnd));
            };
            f.append(field, condition);
        }
        return f;
    }
}
