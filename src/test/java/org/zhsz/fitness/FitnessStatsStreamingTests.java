package org.zhsz.fitness;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.zhsz.fitness.FitnessStats.Cell;
import org.zhsz.fitness.FitnessStats.SchoolRow;
import org.zhsz.fitness.FitnessStats.Stats;

import reactor.core.publisher.Flux;

/**
 * The statistics fold documents into sums as they stream from the store instead of collecting them first. Over
 * many random documents, including odd ones (other years, exempt, incomplete, missing fields, unknown ratings,
 * tiny cells that get suppressed): the order they arrive in changes no figure; each grade's figures are what
 * counting the documents by hand gives; and the published table never shows a cell of 1 to K−1 people, nor a
 * line (cells adding up to a published total) that hides exactly one cell, which could be recomputed.
 */
class FitnessStatsStreamingTests {

    private static final String YEAR = "2026-2027";
    private static final Map<String, String> SCHOOLS = new LinkedHashMap<>(
            Map.of("S1", "一中", "S2", "小学", "S9", "没有数据的学校"));

    @Test
    void theOrderDocumentsStreamInChangesNoFigure() {
        for (long seed = 1; seed <= 30; seed++) {
            Random rnd = new Random(seed);
            List<Document> docs = randomDocs(rnd, seed, true);
            for (boolean suppress : new boolean[]{true, false}) {
                Stats stored = FitnessStats.compute("county", "640424", "泾源县", YEAR, docs, SCHOOLS, suppress);
                List<Document> shuffled = new ArrayList<>(docs);
                Collections.shuffle(shuffled, rnd);
                FitnessStats.Tally t = Flux.fromIterable(shuffled)
                        .collect(() -> new FitnessStats.Tally(YEAR, suppress), FitnessStats.Tally::add).block();
                // the schools are listed in the order their first result arrived; everything else is the same
                assertThat(bySchoolId(t.finish("county", "640424", "泾源县", SCHOOLS)))
                        .as("seed %d suppress %s", seed, suppress).isEqualTo(bySchoolId(stored));
            }
        }
    }

    @Test
    void eachGradesFiguresAreTheDocumentsCountedByHand() {
        for (long seed = 1; seed <= 30; seed++) {
            List<Document> docs = randomDocs(new Random(seed), seed, false);
            Stats stats = FitnessStats.compute("county", "640424", "泾源县", YEAR, docs, SCHOOLS, false);
            for (Cell c : stats.cells()) {
                List<Document> in = docs.stream()
                        .filter(d -> YEAR.equals(d.getString("schoolYear")))
                        .filter(d -> c.grade() == null || c.grade().equals(d.get("grade")))
                        .filter(d -> c.sex().equals("ALL") || c.sex().equals(d.getString("sex")))
                        .filter(d -> "TESTED".equals(d.getString("status")) && d.get("totalScore") instanceof Number)
                        .toList();
                String at = "seed " + seed + " " + c.grade() + c.sex();
                assertThat(c.suppressed()).isFalse();
                assertThat(c.tested()).as(at).isEqualTo(in.size());
                BigDecimal sum = in.stream()
                        .map(d -> BigDecimal.valueOf(((Number) d.get("totalScore")).doubleValue())
                                .setScale(2, RoundingMode.HALF_UP))
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                assertThat(c.meanTotal()).as(at)
                        .isEqualTo(in.isEmpty() ? null : sum.divide(BigDecimal.valueOf(in.size()), 1, RoundingMode.HALF_UP));
                for (String r : FitnessStats.RATINGS) {
                    long n = in.stream().filter(d -> r.equals(d.getString("rating"))).count();
                    assertThat(c.ratings().get(r).count()).as(at + r).isEqualTo((int) n);
                    assertThat(c.ratings().get(r).percent()).as(at + r).isEqualTo(in.isEmpty() ? null
                            : BigDecimal.valueOf(n * 100).divide(BigDecimal.valueOf(in.size()), 1, RoundingMode.HALF_UP));
                }
            }
        }
    }

    @Test
    void noSmallCellIsShownAndNoLineHidesExactlyOneCell() {
        for (long seed = 1; seed <= 30; seed++) {
            List<Document> docs = randomDocs(new Random(seed), seed, false);
            Stats stats = FitnessStats.compute("county", "640424", "泾源县", YEAR, docs, SCHOOLS, true);
            Map<String, Cell> cells = new LinkedHashMap<>();
            stats.cells().forEach(c -> cells.put(c.grade() + c.sex(), c));
            for (Cell c : stats.cells()) {
                if (!c.suppressed()) {
                    int n = Math.max(c.tested(), c.bmiMeasured());
                    assertThat(n == 0 || n >= FitnessStats.K).as("seed %d cell %s%s of %d", seed, c.grade(), c.sex(), n)
                            .isTrue();
                }
            }
            List<List<Boolean>> lines = new ArrayList<>();
            List<Integer> grades = stats.cells().stream().map(Cell::grade).filter(g -> g != null).distinct().toList();
            for (Integer g : grades) {
                lines.add(List.of(hidden(cells, g + "M"), hidden(cells, g + "F"), hidden(cells, g + "ALL")));
            }
            for (String sex : List.of("M", "F", "ALL")) {
                List<Boolean> column = new ArrayList<>();
                grades.forEach(g -> column.add(hidden(cells, g + sex)));
                column.add(hidden(cells, "null" + sex));
                lines.add(column);
            }
            lines.add(List.of(hidden(cells, "nullM"), hidden(cells, "nullF"), hidden(cells, "nullALL")));
            List<Boolean> schools = new ArrayList<>();
            stats.schools().forEach(r -> schools.add(r.suppressed()));
            schools.add(hidden(cells, "nullALL"));
            lines.add(schools);
            for (List<Boolean> line : lines) {
                assertThat(line.stream().filter(h -> h).count()).as("seed %d line %s", seed, line).isNotEqualTo(1L);
            }
        }
    }

    private static Stats bySchoolId(Stats s) {
        return s.schools() == null ? s : new Stats(s.scope(), s.scopeId(), s.scopeName(), s.schoolYear(),
                s.suppressionThreshold(), s.cells(),
                s.schools().stream().sorted(Comparator.comparing(SchoolRow::schoolId)).toList(), s.trend());
    }

    private static boolean hidden(Map<String, Cell> cells, String key) {
        return cells.get(key).suppressed();
    }

    /** Some tiny counties, mostly big ones; {@code gradeless}: also results without a grade. */
    private static List<Document> randomDocs(Random rnd, long seed, boolean gradeless) {
        int n = seed <= 3 ? 3 + rnd.nextInt(6) : 200 + rnd.nextInt(3000);
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Document d = randomDoc(rnd);
            if (!gradeless && d.get("grade") == null) {
                d.put("grade", 1);
            }
            docs.add(d);
        }
        return docs;
    }

    private static Document randomDoc(Random rnd) {
        String[] years = {YEAR, YEAR, YEAR, "2025-2026", "2024-2025", "2022-2023", "2019-2020"};
        String[] statuses = {"TESTED", "TESTED", "TESTED", "TESTED", "EXEMPT", "INCOMPLETE"};
        String[] ratings = {"优秀", "良好", "及格", "不及格", "不及格", "?"}; // a stored TESTED result always has one
        String[] bmi = {"正常", "正常", "低体重", "超重", "肥胖", null, "?"};
        Document d = new Document("schoolId", rnd.nextInt(10) < 6 ? "S1" : "S2")
                .append("schoolYear", years[rnd.nextInt(years.length)])
                .append("grade", rnd.nextInt(20) == 0 ? null : 1 + rnd.nextInt(rnd.nextBoolean() ? 9 : 3))
                .append("sex", rnd.nextBoolean() ? "M" : "F")
                .append("status", statuses[rnd.nextInt(statuses.length)]);
        if (rnd.nextInt(10) > 0) {
            // stored at printed precision: two decimals, sometimes a whole number
            d.append("totalScore", rnd.nextInt(8) == 0 ? (Object) (40 + rnd.nextInt(70))
                    : (Object) (Math.round((30 + rnd.nextDouble() * 85) * 100) / 100.0));
        }
        String r = ratings[rnd.nextInt(ratings.length)];
        if (r != null) {
            d.append("rating", r);
        }
        String b = bmi[rnd.nextInt(bmi.length)];
        if (b != null) {
            d.append("bmiCategory", b);
        }
        return d;
    }
}
