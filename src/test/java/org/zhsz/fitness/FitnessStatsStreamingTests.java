package org.zhsz.fitness;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.zhsz.platform.Suppression;
import org.zhsz.fitness.FitnessStats.Cell;
import org.zhsz.fitness.FitnessStats.Key;
import org.zhsz.fitness.FitnessStats.Rate;
import org.zhsz.fitness.FitnessStats.SchoolRow;
import org.zhsz.fitness.FitnessStats.Stats;
import org.zhsz.fitness.FitnessStats.TrendRow;
import org.zhsz.organization.SchoolStage;

import reactor.core.publisher.Flux;

/**
 * The statistics now fold documents into sums as they stream from the store instead of collecting them first.
 * The figures must not change: the streaming tally is compared with the previous implementation (kept below,
 * verbatim, as the oracle) over many random documents, including odd ones (other years, exempt, incomplete,
 * missing fields, unknown ratings, tiny cells that get suppressed), in any order.
 */
class FitnessStatsStreamingTests {

    private static final String YEAR = "2026-2027";

    @Test
    void streamingTallyGivesTheSameStatisticsAsCollectingFirst() {
        for (long seed = 1; seed <= 30; seed++) {
            Random rnd = new Random(seed);
            int n = seed <= 3 ? 3 + rnd.nextInt(6) : 200 + rnd.nextInt(3000); // some tiny counties, mostly big
            List<Document> docs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                docs.add(randomDoc(rnd));
            }
            Map<String, String> schools = new LinkedHashMap<>();
            schools.put("S1", "一中");
            schools.put("S2", "小学");
            schools.put("S9", "没有数据的学校");
            for (boolean suppress : new boolean[]{true, false}) {
                Stats expected = oldCompute("county", "640424", "泾源县", YEAR, docs, schools, suppress);
                assertThat(FitnessStats.compute("county", "640424", "泾源县", YEAR, docs, schools, suppress))
                        .as("seed %d suppress %s", seed, suppress).isEqualTo(expected);
                java.util.Collections.shuffle(docs, rnd);
                FitnessStats.Tally t = Flux.fromIterable(docs)
                        .collect(() -> new FitnessStats.Tally(YEAR, suppress), FitnessStats.Tally::add).block();
                assertThat(t.finish("county", "640424", "泾源县", schools)).as("streamed, seed %d", seed)
                        .isEqualTo(oldCompute("county", "640424", "泾源县", YEAR, docs, schools, suppress));
            }
        }
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

    // ------------------------------------------------------------- the implementation before streaming (oracle)

    /** Running sums of one cell (as before streaming). */
    static final class OldAcc {
        int tested;
        int exempt;
        long totalHundredths;
        final int[] ratings = new int[FitnessStats.RATINGS.size()];
        int bmiMeasured;
        final int[] bmi = new int[FitnessStats.BMI.size()];

        void add(Document d) {
            String status = d.getString("status");
            if ("EXEMPT".equals(status)) {
                exempt++;
                return;
            }
            String cat = d.getString("bmiCategory");
            int b = cat == null ? -1 : FitnessStats.BMI.indexOf(cat);
            if (b >= 0) {
                bmiMeasured++;
                bmi[b]++;
            }
            if ("TESTED".equals(status) && d.get("totalScore") instanceof Number n) {
                tested++;
                totalHundredths += BigDecimal.valueOf(n.doubleValue()).movePointRight(2)
                        .setScale(0, RoundingMode.HALF_UP).longValue();
                int r = FitnessStats.RATINGS.indexOf(d.getString("rating"));
                if (r >= 0) {
                    ratings[r]++;
                }
            }
        }

        int size() {
            return Math.max(tested, bmiMeasured);
        }
    }

    static Stats oldCompute(String scope, String scopeId, String scopeName, String year, Collection<Document> docs,
                         Map<String, String> schoolNames, boolean suppress) {
        Map<Key, OldAcc> cells = new LinkedHashMap<>();
        Map<String, OldAcc> bySchool = new LinkedHashMap<>();
        Map<String, OldAcc> byYear = new LinkedHashMap<>();
        TreeSet<Integer> grades = new TreeSet<>();
        for (String y : trendYears(year)) {
            byYear.put(y, new OldAcc());
        }
        for (Document d : docs) {
            String y = d.getString("schoolYear");
            OldAcc ya = byYear.get(y);
            if (ya != null) {
                ya.add(d);
            }
            if (!year.equals(y)) {
                continue;
            }
            int grade = d.get("grade") instanceof Number n ? n.intValue() : 0;
            String sex = d.getString("sex");
            grades.add(grade);
            for (Key k : List.of(new Key(grade, sex), new Key(grade, "ALL"), new Key(0, sex), new Key(0, "ALL"))) {
                cells.computeIfAbsent(k, x -> new OldAcc()).add(d);
            }
            if (suppress) {
                bySchool.computeIfAbsent(d.getString("schoolId"), x -> new OldAcc()).add(d);
            }
        }
        for (int g : grades) {
            for (String s : List.of("M", "F", "ALL")) {
                cells.computeIfAbsent(new Key(g, s), x -> new OldAcc());
            }
        }
        for (String s : List.of("M", "F", "ALL")) {
            cells.computeIfAbsent(new Key(0, s), x -> new OldAcc());
        }
        if (suppress) {
            schoolNames.keySet().forEach(id -> bySchool.computeIfAbsent(id, x -> new OldAcc()));
        }

        Set<Object> hidden = Set.of();
        if (suppress) {
            Map<Object, Integer> sizes = new HashMap<>();
            cells.forEach((k, a) -> sizes.put(k, a.size()));
            bySchool.forEach((k, a) -> sizes.put("school:" + k, a.size()));
            List<Suppression.Line<Object>> lines = new ArrayList<>();
            for (int g : grades) {
                lines.add(new Suppression.Line<>(List.of(new Key(g, "M"), new Key(g, "F")), new Key(g, "ALL")));
            }
            for (String s : List.of("M", "F", "ALL")) {
                List<Object> column = new ArrayList<>();
                grades.forEach(g -> column.add(new Key(g, s)));
                lines.add(new Suppression.Line<>(column, new Key(0, s)));
            }
            lines.add(new Suppression.Line<>(List.of(new Key(0, "M"), new Key(0, "F")), new Key(0, "ALL")));
            List<Object> schoolLine = new ArrayList<>();
            bySchool.keySet().forEach(id -> schoolLine.add("school:" + id));
            lines.add(new Suppression.Line<>(schoolLine, new Key(0, "ALL")));
            hidden = Suppression.suppress(sizes, lines, FitnessStats.K);
        }

        List<Cell> out = new ArrayList<>();
        List<Key> keys = new ArrayList<>(cells.keySet());
        keys.sort((a, b) -> a.grade() != b.grade() ? Integer.compare(a.grade() == 0 ? 99 : a.grade(),
                b.grade() == 0 ? 99 : b.grade()) : Integer.compare(sexOrder(a.sex()), sexOrder(b.sex())));
        for (Key k : keys) {
            OldAcc a = cells.get(k);
            Integer grade = k.grade() == 0 ? null : k.grade();
            String gradeName = grade == null ? "全部年级" : SchoolStage.gradeName(grade);
            if (hidden.contains(k)) {
                out.add(new Cell(grade, gradeName, k.sex(), true, null, null, null, null, null, null));
            } else {
                out.add(new Cell(grade, gradeName, k.sex(), false, a.tested, suppress ? null : a.exempt, mean(a),
                        rates(FitnessStats.RATINGS, a.ratings, a.tested), a.bmiMeasured, rates(FitnessStats.BMI, a.bmi, a.bmiMeasured)));
            }
        }
        List<SchoolRow> schools = new ArrayList<>();
        if (suppress) {
            for (Map.Entry<String, OldAcc> e : bySchool.entrySet()) {
                OldAcc a = e.getValue();
                String name = schoolNames.getOrDefault(e.getKey(), e.getKey());
                schools.add(hidden.contains("school:" + e.getKey())
                        ? new SchoolRow(e.getKey(), name, true, null, null, null)
                        : new SchoolRow(e.getKey(), name, false, a.tested, mean(a),
                        rates(FitnessStats.RATINGS, a.ratings, a.tested)));
            }
        }
        List<TrendRow> trend = new ArrayList<>();
        for (Map.Entry<String, OldAcc> e : byYear.entrySet()) {
            OldAcc a = e.getValue();
            boolean small = suppress && a.size() > 0 && a.size() < FitnessStats.K;
            trend.add(small ? new TrendRow(e.getKey(), true, null, null, null)
                    : new TrendRow(e.getKey(), false, a.tested, mean(a), rates(FitnessStats.RATINGS, a.ratings, a.tested)));
        }
        return new Stats(scope, scopeId, scopeName, year, suppress ? FitnessStats.K : null, out, suppress ? schools : null, trend);
    }

    private static int sexOrder(String s) {
        return switch (s) {
            case "M" -> 0;
            case "F" -> 1;
            default -> 2;
        };
    }

    private static BigDecimal mean(OldAcc a) {
        return a.tested == 0 ? null : BigDecimal.valueOf(a.totalHundredths)
                .divide(BigDecimal.valueOf(a.tested * 100L), 1, RoundingMode.HALF_UP);
    }

    private static Map<String, Rate> rates(List<String> names, int[] counts, int n) {
        Map<String, Rate> m = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            m.put(names.get(i), new Rate(counts[i], n == 0 ? null : BigDecimal.valueOf(counts[i] * 100L)
                    .divide(BigDecimal.valueOf(n), 1, RoundingMode.HALF_UP)));
        }
        return m;
    }

    private static List<String> trendYears(String year) {
        List<String> years = new ArrayList<>();
        int end = SchoolYears.start(year);
        for (int y = end - FitnessStats.TREND_YEARS + 1; y <= end; y++) {
            years.add(SchoolYears.ofStart(y));
        }
        return years;
    }

}
