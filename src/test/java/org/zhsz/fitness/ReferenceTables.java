package org.zhsz.fitness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The reference CSVs as the tests read them: a deliberately separate, minimal reader (no commons-csv, nothing
 * from the loader), so expectations come from the tables themselves and never from the code under test.
 */
final class ReferenceTables {

    /** Grade names in the CSVs → 1–16, typed out here independently of production code. */
    static final List<String> GRADE_NAMES = List.of("一年级", "二年级", "三年级", "四年级", "五年级", "六年级",
            "初一", "初二", "初三", "高一", "高二", "高三", "大一", "大二", "大三", "大四");

    /** Items whose printed precision is 0.1 (README §3); all others are whole numbers. */
    static final List<String> TENTHS_ITEMS = List.of("run_50m", "sit_and_reach");

    static final List<String> ITEM_TABLES = List.of("vital_capacity", "run_50m", "sit_and_reach",
            "rope_skipping_1min", "sit_ups_1min", "shuttle_50x8", "standing_long_jump", "pull_ups", "run_1000m",
            "run_800m");

    static final List<String> BONUS_TABLES = List.of("rope_skipping_1min", "sit_ups_1min", "pull_ups",
            "run_1000m", "run_800m");

    /** The documented plausibility bounds (docs/fitness-scoring.md), inclusive: {min, max}. */
    static final Map<String, BigDecimal[]> BOUNDS = Map.ofEntries(
            Map.entry("height_cm", bd("70.0", "250.0")),
            Map.entry("weight_kg", bd("10.0", "250.0")),
            Map.entry("bmi", bd("5.0", "80.0")),
            Map.entry("vital_capacity", bd("100", "10000")),
            Map.entry("run_50m", bd("5.0", "60.0")),
            Map.entry("sit_and_reach", bd("-30.0", "40.0")),
            Map.entry("rope_skipping_1min", bd("0", "400")),
            Map.entry("sit_ups_1min", bd("0", "100")),
            Map.entry("shuttle_50x8", bd("60", "600")),
            Map.entry("standing_long_jump", bd("30", "400")),
            Map.entry("pull_ups", bd("0", "100")),
            Map.entry("run_1000m", bd("120", "1200")),
            Map.entry("run_800m", bd("100", "1200")));

    private static BigDecimal[] bd(String min, String max) {
        return new BigDecimal[]{new BigDecimal(min), new BigDecimal(max)};
    }

    private ReferenceTables() {
    }

    static int grade(String name) {
        int i = GRADE_NAMES.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException(name);
        }
        return i + 1;
    }

    static String sex(String cn) {
        return switch (cn) {
            case "男" -> "M";
            case "女" -> "F";
            default -> throw new IllegalArgumentException(cn);
        };
    }

    static BigDecimal step(String item) {
        return TENTHS_ITEMS.contains(item) ? new BigDecimal("0.1") : BigDecimal.ONE;
    }

    /** Every row of a table under classpath {@code fitness/2014/}, as column → text. */
    private static final Map<String, List<Map<String, String>>> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    static List<Map<String, String>> read(String file) {
        return CACHE.computeIfAbsent(file, ReferenceTables::readUncached);
    }

    private static List<Map<String, String>> readUncached(String file) {
        String text;
        try (InputStream in = ReferenceTables.class.getClassLoader().getResourceAsStream("fitness/2014/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing " + file);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<List<String>> lines = parse(text);
        List<String> header = lines.get(0);
        List<Map<String, String>> rows = new ArrayList<>();
        for (List<String> line : lines.subList(1, lines.size())) {
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), i < line.size() ? line.get(i) : "");
            }
            rows.add(java.util.Collections.unmodifiableMap(row));
        }
        return List.copyOf(rows);
    }

    /** RFC 4180 just enough for these files: commas, double quotes, "" inside quotes. */
    private static List<List<String>> parse(String text) {
        List<List<String>> lines = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                field.setLength(0);
                if (!(fields.size() == 1 && fields.get(0).isEmpty())) {
                    lines.add(fields);
                }
                fields = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !fields.isEmpty()) {
            fields.add(field.toString());
            lines.add(fields);
        }
        return lines;
    }

    /** One (item, grade, sex) score table, rows best first as printed. */
    record Cell(String item, int grade, String sex, boolean lowerIsBetter, List<Integer> scores,
                List<BigDecimal> thresholds) {

        BigDecimal thresholdFor(int score) {
            int i = scores.indexOf(score);
            if (i < 0) {
                throw new IllegalArgumentException(item + " has no " + score + " row in grade " + grade);
            }
            return thresholds.get(i);
        }

        /** A value one printed step worse than the last row: scores 0. */
        BigDecimal belowLastRow() {
            BigDecimal last = thresholds.get(thresholds.size() - 1);
            return lowerIsBetter ? last.add(step(item)) : last.subtract(step(item));
        }

        @Override
        public String toString() {
            return item + " " + GRADE_NAMES.get(grade - 1) + sex;
        }
    }

    private static final Map<String, List<Cell>> CELLS = new java.util.concurrent.ConcurrentHashMap<>();

    static List<Cell> cells(String item) {
        return CELLS.computeIfAbsent(item, ReferenceTables::cellsUncached);
    }

    private static List<Cell> cellsUncached(String item) {
        Map<String, List<Map<String, String>>> byCell = read(item + ".csv").stream()
                .collect(Collectors.groupingBy(r -> r.get("grade") + "|" + r.get("sex"), LinkedHashMap::new,
                        Collectors.toList()));
        List<Cell> cells = new ArrayList<>();
        for (List<Map<String, String>> rows : byCell.values()) {
            Map<String, String> first = rows.get(0);
            cells.add(new Cell(item, grade(first.get("grade")), sex(first.get("sex")),
                    "lower_is_better".equals(first.get("direction")),
                    rows.stream().map(r -> Integer.parseInt(r.get("score"))).toList(),
                    rows.stream().map(r -> new BigDecimal(r.get("threshold"))).toList()));
        }
        return List.copyOf(cells);
    }

    static Cell cell(String item, int grade, String sex) {
        return cells(item).stream().filter(c -> c.grade() == grade && c.sex().equals(sex)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(item + " " + grade + sex));
    }

    /** Weight in percent per item for a grade and sex, from weights.csv. */
    static Map<String, Integer> weights(int grade, String sex) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Map<String, String> r : read("weights.csv")) {
            String grades = r.get("grades");
            boolean gradeMatches;
            if (grades.contains("..")) {
                String[] ends = grades.split("\\.\\.");
                gradeMatches = grade >= grade(ends[0]) && grade <= grade(ends[1]);
            } else {
                gradeMatches = List.of(grades.split(";")).contains(GRADE_NAMES.get(grade - 1));
            }
            boolean sexMatches = r.get("sex").equals("男女") || sex(r.get("sex")).equals(sex);
            if (gradeMatches && sexMatches) {
                out.put(r.get("item"), Integer.parseInt(r.get("weight_percent")));
            }
        }
        return out;
    }
}
