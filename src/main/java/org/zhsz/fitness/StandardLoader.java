package org.zhsz.fitness;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Builds the {@link Standard} from the CSV tables under {@code fitness/2014/} on the classpath (copies of
 * shared/reference/fitness-2014/tables). Checks every structural rule it relies on (row order, score ladder,
 * contiguous BMI bands, consecutive bonus points, weights summing to 100, values inside the plausibility bounds)
 * and fails at startup with the file and line rather than scoring wrongly later.
 */
final class StandardLoader {

    static final String BASE = "fitness/2014/";

    private static final String[] BMI_ORDER = {"低体重", "正常", "超重", "肥胖"};
    private static final Map<String, Integer> GRADES = new HashMap<>();

    static {
        for (int g = 1; g <= Standard.MAX_GRADE; g++) {
            GRADES.put(Standard.GRADE_NAMES[g], g);
        }
    }

    private StandardLoader() {
    }

    /** The standard, loaded on first use and then shared; immutable, so sharing it is safe. */
    static Standard shared() {
        return Shared.STANDARD;
    }

    /** Lazy holder: the class initialiser runs once, thread-safely, on the first call of {@link #shared()}. */
    private static final class Shared {
        static final Standard STANDARD = load(StandardLoader.class.getClassLoader(), BASE);
    }

    static Standard load(ClassLoader loader, String base) {
        return new Builder(loader, base).build();
    }

    private static final class Builder {
        private final ClassLoader loader;
        private final String base;
        private final int[] thresholds = new int[Standard.cellCount() * Standard.ROWS];
        private final int[] rowScores = new int[Standard.cellCount() * Standard.SCORE_SLOTS];
        private final int[] rowCounts = new int[Standard.cellCount()];
        private final int[] bonusNeeds = new int[Standard.cellCount() * Standard.ROWS];
        private final int[] bonusCounts = new int[Standard.cellCount()];
        private final int[] weights = new int[(Standard.group(Standard.MAX_GRADE, Standard.FEMALE) + 1) * Item.COUNT];
        private final int[] bmiUpper = new int[(Standard.group(Standard.MAX_GRADE, Standard.FEMALE) + 1) * 3];
        private final int[] bmiScores = new int[(Standard.group(Standard.MAX_GRADE, Standard.FEMALE) + 1) * 4];
        /** Best (100-point) threshold per cell in recorded units, for checking the bonus tables. */
        private final int[] top = new int[Standard.cellCount()];
        private int[] levelMins;
        private String[] levelNames;
        private int[] ratingMins;
        private String[] ratingNames;

        Builder(ClassLoader loader, String base) {
            this.loader = loader;
            this.base = base;
            Arrays.fill(thresholds, Integer.MIN_VALUE);
            Arrays.fill(bonusNeeds, Integer.MAX_VALUE);
        }

        Standard build() {
            loadRatingBands();
            for (Item item : Item.ALL) {
                if (item.scored() && item != Item.BMI) {
                    loadItem(item);
                }
            }
            for (Item item : List.of(Item.ROPE_SKIPPING_1MIN, Item.SIT_UPS_1MIN, Item.PULL_UPS, Item.RUN_1000M,
                    Item.RUN_800M)) {
                loadBonus(item);
            }
            loadBmi();
            loadWeights();
            return new Standard(thresholds, rowScores, bonusNeeds, weights, bmiUpper,
                    bmiScores, BMI_ORDER.clone(), levelMins, levelNames, ratingMins, ratingNames);
        }

        private void loadRatingBands() {
            List<Integer> lm = new ArrayList<>();
            List<String> ln = new ArrayList<>();
            List<Integer> rm = new ArrayList<>();
            List<String> rn = new ArrayList<>();
            for (CSVRecord r : read("rating_bands.csv")) {
                String appliesTo = r.get("applies_to");
                BigDecimal min = new BigDecimal(r.get("min_inclusive"));
                if (appliesTo.startsWith("single item")) {
                    lm.add(min.intValueExact());
                    ln.add(r.get("level"));
                } else if (appliesTo.startsWith("学年总分")) {
                    rm.add(min.movePointRight(1).intValueExact());
                    rn.add(r.get("level"));
                } else {
                    throw bad("rating_bands.csv", r, "unknown applies_to");
                }
            }
            levelMins = descending(lm, "rating_bands.csv (single item)");
            levelNames = ln.toArray(String[]::new);
            ratingMins = descending(rm, "rating_bands.csv (学年总分)");
            ratingNames = rn.toArray(String[]::new);
        }

        private static int[] descending(List<Integer> mins, String what) {
            int[] a = mins.stream().mapToInt(Integer::intValue).toArray();
            if (a.length == 0 || a[a.length - 1] != 0) {
                throw new IllegalStateException(what + ": bands must end at 0");
            }
            for (int i = 1; i < a.length; i++) {
                if (a[i] >= a[i - 1]) {
                    throw new IllegalStateException(what + ": bands must be listed best first");
                }
            }
            return a;
        }

        private void loadItem(Item item) {
            String file = item.key + ".csv";
            for (CSVRecord r : read(file)) {
                if (!item.key.equals(r.get("item"))) {
                    throw bad(file, r, "item is not " + item.key);
                }
                String direction = item.lowerIsBetter ? "lower_is_better" : "higher_is_better";
                if (!direction.equals(r.get("direction"))) {
                    throw bad(file, r, "direction is not " + direction);
                }
                int grade = grade(file, r);
                int sex = sex(file, r);
                int c = Standard.cell(item.ordinal(), grade, sex);
                int score = Integer.parseInt(r.get("score"));
                int value = inBounds(item, recorded(item, new BigDecimal(r.get("threshold")), file, r), file, r);
                int n = rowCounts[c];
                if (n == Standard.ROWS) {
                    throw bad(file, r, "more than " + Standard.ROWS + " rows");
                }
                if (n == 0 && score != 100) {
                    throw bad(file, r, "first row must be the 100-point row");
                }
                int normalized = item.lowerIsBetter ? -value : value;
                if (n > 0) {
                    if (score >= rowScores[c * Standard.SCORE_SLOTS + n - 1]) {
                        throw bad(file, r, "scores must fall row by row");
                    }
                    if (normalized >= thresholds[c * Standard.ROWS + n - 1]) {
                        throw bad(file, r, "each row must need a worse result than the one above");
                    }
                }
                if (!levelOf(score).equals(r.get("level"))) {
                    throw bad(file, r, "level does not match the score");
                }
                if (n == 0) {
                    top[c] = value;
                }
                thresholds[c * Standard.ROWS + n] = normalized;
                rowScores[c * Standard.SCORE_SLOTS + n] = score;
                rowCounts[c] = n + 1;
            }
        }

        private String levelOf(int score) {
            for (int i = 0; i < levelMins.length; i++) {
                if (score >= levelMins[i]) {
                    return levelNames[i];
                }
            }
            return levelNames[levelNames.length - 1];
        }

        private void loadBonus(Item item) {
            String file = "bonus_" + item.key + ".csv";
            int[] lastPoints = new int[Standard.cellCount()];
            for (CSVRecord r : read(file)) {
                if (!item.key.equals(r.get("item"))) {
                    throw bad(file, r, "item is not " + item.key);
                }
                int grade = grade(file, r);
                int sex = sex(file, r);
                int c = Standard.cell(item.ordinal(), grade, sex);
                if (rowCounts[c] == 0) {
                    throw bad(file, r, "bonus for an item without a score table");
                }
                int points = Integer.parseInt(r.get("bonus_points"));
                int needed = inBounds(item, recorded(item, new BigDecimal(r.get("value_needed")), file, r), file, r);
                int top100 = recorded(item, new BigDecimal(r.get("threshold_100pt")), file, r);
                int beyond = recorded(item, new BigDecimal(r.get("beyond_100pt_threshold")), file, r);
                if (top100 != top[c]) {
                    throw bad(file, r, "threshold_100pt differs from the item table's 100-point row");
                }
                if (beyond <= 0 || needed != (item.lowerIsBetter ? top100 - beyond : top100 + beyond)) {
                    throw bad(file, r, "value_needed is not the 100-point row plus the excess");
                }
                // rows are listed from the most points down to 1; stored from 1 point up, so that the bonus is
                // the number of rows a result reaches
                int previous = lastPoints[c];
                if (previous == 0 ? points < 1 || points > Standard.ROWS : points != previous - 1) {
                    throw bad(file, r, "bonus points must fall by one per row, from at most " + Standard.ROWS);
                }
                int idx = points - 1;
                int normalized = item.lowerIsBetter ? -needed : needed;
                if (previous != 0 && normalized >= bonusNeeds[c * Standard.ROWS + idx + 1]) {
                    throw bad(file, r, "each bonus row must need a better result than the one below");
                }
                bonusNeeds[c * Standard.ROWS + idx] = normalized;
                if (previous == 0) {
                    bonusCounts[c] = points;
                }
                lastPoints[c] = points;
            }
            for (int c = 0; c < Standard.cellCount(); c++) {
                if (lastPoints[c] > 1) {
                    throw new IllegalStateException(file + ": bonus rows must run down to 1 point");
                }
            }
        }

        private void loadBmi() {
            String file = "bmi.csv";
            int[] seen = new int[bmiScores.length / 4];
            int[] lastMax = new int[seen.length];
            for (CSVRecord r : read(file)) {
                int grade = grade(file, r);
                int sex = sex(file, r);
                int g = Standard.group(grade, sex);
                int k = seen[g];
                if (k == 4 || !BMI_ORDER[k].equals(r.get("category"))) {
                    throw bad(file, r, "categories must be 低体重, 正常, 超重, 肥胖 in that order");
                }
                String min = r.get("bmi_min");
                String max = r.get("bmi_max");
                if (k == 0 ? !min.isEmpty() : min.isEmpty()) {
                    throw bad(file, r, "only 低体重 is open below");
                }
                if (k == 3 ? !max.isEmpty() : max.isEmpty()) {
                    throw bad(file, r, "only 肥胖 is open above");
                }
                if (k > 0 && recorded(Item.BMI, new BigDecimal(min), file, r) != lastMax[g] + 1) {
                    throw bad(file, r, "band must start 0.1 above the previous band");
                }
                if (k < 3) {
                    int upper = recorded(Item.BMI, new BigDecimal(max), file, r);
                    if (k > 0 && upper < recorded(Item.BMI, new BigDecimal(min), file, r)) {
                        throw bad(file, r, "empty band");
                    }
                    bmiUpper[g * 3 + k] = upper;
                    lastMax[g] = upper;
                }
                bmiScores[g * 4 + k] = Integer.parseInt(r.get("score"));
                seen[g] = k + 1;
            }
            for (int grade = 1; grade <= Standard.MAX_GRADE; grade++) {
                for (int sex = 0; sex < 2; sex++) {
                    if (seen[Standard.group(grade, sex)] != 4) {
                        throw new IllegalStateException(file + ": no BMI bands for " + Standard.GRADE_NAMES[grade]);
                    }
                }
            }
        }

        private void loadWeights() {
            String file = "weights.csv";
            for (CSVRecord r : read(file)) {
                Item item = Item.byKey(r.get("item"));
                if (item == null || !item.scored()) {
                    throw bad(file, r, "unknown item");
                }
                int percent = Integer.parseInt(r.get("weight_percent"));
                for (int grade : grades(file, r, r.get("grades"))) {
                    for (int sex : sexes(file, r, r.get("sex"))) {
                        int w = Standard.group(grade, sex) * Item.COUNT + item.ordinal();
                        if (weights[w] != 0) {
                            throw bad(file, r, "weight given twice");
                        }
                        if (item != Item.BMI && rowCounts[Standard.cell(item.ordinal(), grade, sex)] == 0) {
                            throw bad(file, r, "weighted item has no table for " + Standard.GRADE_NAMES[grade]);
                        }
                        weights[w] = percent;
                    }
                }
            }
            for (int grade = 1; grade <= Standard.MAX_GRADE; grade++) {
                for (int sex = 0; sex < 2; sex++) {
                    int sum = 0;
                    for (Item item : Item.ALL) {
                        int w = weights[Standard.group(grade, sex) * Item.COUNT + item.ordinal()];
                        sum += w;
                        if (w == 0 && item.scored() && item != Item.BMI
                                && rowCounts[Standard.cell(item.ordinal(), grade, sex)] > 0) {
                            throw new IllegalStateException(file + ": " + item.key + " has a table but no weight in "
                                    + Standard.GRADE_NAMES[grade]);
                        }
                    }
                    if (sum != 100) {
                        throw new IllegalStateException(file + ": weights of " + Standard.GRADE_NAMES[grade]
                                + (sex == 0 ? "男" : "女") + " sum to " + sum);
                    }
                }
            }
        }

        private List<Integer> grades(String file, CSVRecord r, String spec) {
            List<Integer> out = new ArrayList<>();
            if (spec.contains("..")) {
                String[] ends = spec.split("\\.\\.");
                int from = gradeNamed(file, r, ends[0]);
                int to = gradeNamed(file, r, ends[1]);
                for (int g = from; g <= to; g++) {
                    out.add(g);
                }
            } else {
                for (String name : spec.split(";")) {
                    out.add(gradeNamed(file, r, name));
                }
            }
            return out;
        }

        private List<Integer> sexes(String file, CSVRecord r, String spec) {
            return switch (spec) {
                case "男" -> List.of(Standard.MALE);
                case "女" -> List.of(Standard.FEMALE);
                case "男女" -> List.of(Standard.MALE, Standard.FEMALE);
                default -> throw bad(file, r, "unknown sex " + spec);
            };
        }

        private int grade(String file, CSVRecord r) {
            return gradeNamed(file, r, r.get("grade"));
        }

        private int gradeNamed(String file, CSVRecord r, String name) {
            Integer g = GRADES.get(name.trim());
            if (g == null) {
                throw bad(file, r, "unknown grade " + name);
            }
            return g;
        }

        private int sex(String file, CSVRecord r) {
            return switch (r.get("sex")) {
                case "男" -> Standard.MALE;
                case "女" -> Standard.FEMALE;
                default -> throw bad(file, r, "unknown sex");
            };
        }

        private static int recorded(Item item, BigDecimal value, String file, CSVRecord r) {
            if (value.stripTrailingZeros().scale() > item.decimals) {
                throw bad(file, r, "value finer than the printed precision of " + item.key);
            }
            return value.movePointRight(item.decimals).intValueExact();
        }

        /** Every printed result must itself pass validation, or users could not enter it. */
        private static int inBounds(Item item, int v, String file, CSVRecord r) {
            if (v < item.min || v > item.max) {
                throw bad(file, r, "value outside the plausibility bounds of " + item.key);
            }
            return v;
        }

        private List<CSVRecord> read(String file) {
            String path = base + file;
            try (InputStream in = loader.getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("fitness standard table missing on the classpath: " + path);
                }
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
                CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
                try (CSVParser parser = CSVParser.parse(reader, format)) {
                    return parser.getRecords();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + path, e);
            }
        }

        private static IllegalStateException bad(String file, CSVRecord r, String why) {
            return new IllegalStateException(file + " line " + (r.getRecordNumber() + 1) + ": " + why);
        }
    }
}
