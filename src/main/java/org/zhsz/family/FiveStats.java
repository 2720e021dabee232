package org.zhsz.family;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.zhsz.platform.Suppression;

/**
 * 五项管理 aggregates. Each student's check-ins of the period are first averaged (numbers: mean; the phone: never
 * brought to school), then a group's share of respondents meeting each target is counted. Published rows with fewer
 * than {@value Suppression#K} respondents are hidden, and so many others that no hidden row can be recovered from a
 * published total (the platform's {@link Suppression}). Pure; unit-tested.
 */
final class FiveStats {

    private FiveStats() {
    }

    /** One student's period: the mean of each numeric measure, and whether each target is met. */
    record StudentPeriod(String studentId, int grade, String stage, int weeks, Map<String, Double> means,
                         Map<String, Boolean> met) {
    }

    static StudentPeriod period(String studentId, int grade, String stage, List<Docs.CheckIn> checkIns,
                                List<FiveForms.Target> targets) {
        Map<String, Double> means = new LinkedHashMap<>();
        Map<String, Boolean> met = new LinkedHashMap<>();
        for (FiveForms.Target t : targets) {
            List<Object> values = new ArrayList<>();
            for (Docs.CheckIn c : checkIns) {
                Object v = FiveRules.measure(t, c.values(), c.sleepMinutes());
                if (v != null) {
                    values.add(v);
                }
            }
            if (values.isEmpty()) {
                continue;
            }
            Object summary;
            if (t.compare() == FiveForms.Compare.IS_FALSE) {
                summary = values.stream().anyMatch(Boolean.TRUE::equals);
            } else if ("bedtime".equals(t.measure())) {
                double night = values.stream().mapToInt(v -> FiveRules.nightMinutes(String.valueOf(v))).average()
                        .orElse(0);
                int m = Math.floorMod((int) Math.round(night) + 12 * 60, 24 * 60);
                summary = String.format("%02d:%02d", m / 60, m % 60);
                means.put(t.measure(), night);
            } else {
                double mean = values.stream().mapToDouble(v -> ((Number) v).doubleValue()).average().orElse(0);
                summary = mean;
                means.put(t.measure(), mean);
            }
            Boolean ok = FiveRules.meets(t, summary, grade, stage);
            if (ok != null) {
                met.put(t.code(), ok);
            }
        }
        return new StudentPeriod(studentId, grade, stage, checkIns.size(), means, met);
    }

    /**
     * A published row. {@code respondents}: students with at least one check-in; {@code met}/{@code share}: per
     * target, among the respondents the target applies to; {@code means}: mean of the students' means. Everything
     * but {@code students} is null when suppressed.
     */
    record Row(String level, String id, @Nullable String name, @Nullable Integer grade, int students,
               @Nullable Integer respondents,
               @Nullable Map<String, Integer> met, @Nullable Map<String, Integer> applicable,
               @Nullable Map<String, Double> share,
               @Nullable Map<String, Double> means, boolean suppressed) {
    }

    static Row row(String level, String id, String name, Integer grade, int students, List<StudentPeriod> periods,
                   List<FiveForms.Target> targets) {
        Map<String, Integer> met = new LinkedHashMap<>();
        Map<String, Integer> applicable = new LinkedHashMap<>();
        Map<String, Double> share = new LinkedHashMap<>();
        Map<String, Double> sums = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        for (FiveForms.Target t : targets) {
            if (t.compare() == FiveForms.Compare.REPORTED) {
                continue;
            }
            int k = 0;
            int n = 0;
            for (StudentPeriod p : periods) {
                Boolean ok = p.met().get(t.code());
                if (ok != null) {
                    n++;
                    k += ok ? 1 : 0;
                }
            }
            if (n > 0) {
                met.put(t.code(), k);
                applicable.put(t.code(), n);
                share.put(t.code(), Math.round(1000.0 * k / n) / 10.0);
            }
        }
        for (StudentPeriod p : periods) {
            p.means().forEach((m, v) -> {
                sums.merge(m, v, Double::sum);
                counts.merge(m, 1, Integer::sum);
            });
        }
        Map<String, Double> means = new LinkedHashMap<>();
        sums.forEach((m, s) -> means.put(m, Math.round(10.0 * s / counts.get(m)) / 10.0));
        return new Row(level, id, name, grade, students, periods.size(), met, applicable, share, means, false);
    }

    static Row hidden(Row r) {
        return new Row(r.level(), r.id(), r.name(), r.grade(), r.students(), null, null, null, null, null, true);
    }

    /**
     * Hides rows by their respondents: members of each line add up to its total row. A row with no respondent at all
     * shows as zero (it reveals nobody's answers).
     */
    static List<Row> suppress(List<Row> rows, List<Suppression.Line<String>> lines) {
        Map<String, Integer> sizes = new HashMap<>();
        rows.forEach(r -> sizes.put(key(r), r.respondents()));
        Set<String> hide = Suppression.suppress(sizes, lines, Suppression.K);
        return rows.stream().map(r -> hide.contains(key(r)) ? hidden(r) : r).toList();
    }

    static String key(Row r) {
        return r.level() + ":" + r.id();
    }
}
