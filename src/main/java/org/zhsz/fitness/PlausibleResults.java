package org.zhsz.fitness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Believable test values for demo data, drawn from the standard's own tables: each student has an ability, each
 * item a target "score" around it (mean 75, so most pass and some fall into each band), and the value is read back
 * from the item's table by interpolating between its rows. Heights follow the grade and sex; BMI mostly normal,
 * with some under- and overweight students.
 */
final class PlausibleResults {

    private static final String[] GRADE_NAMES = Standard.GRADE_NAMES;
    /** item|sex|grade → rows (score, threshold) best first */
    private final Map<String, List<double[]>> tables = new HashMap<>();
    private final FitnessScorer scorer;

    PlausibleResults(FitnessScorer scorer) {
        this.scorer = scorer;
        for (String key : FitnessScorer.ITEM_KEYS) {
            if (key.equals("height_cm") || key.equals("weight_kg") || key.equals("bmi")) {
                continue;
            }
            load(key);
        }
    }

    private void load(String key) {
        try (InputStream in = getClass().getResourceAsStream("/fitness/2014/" + key + ".csv")) {
            if (in == null) {
                throw new IllegalStateException("missing table " + key);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line = r.readLine();
            while ((line = r.readLine()) != null) {
                String[] f = line.split(",");
                tables.computeIfAbsent(key + "|" + f[2] + "|" + f[3], k -> new ArrayList<>())
                        .add(new double[]{Double.parseDouble(f[5]), Double.parseDouble(f[6])});
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One student's items for the grade and sex, as strings the scorer reads (runs as 3'55" now and then, as
     * schools write them).
     *
     * @param ability standard-normal ability of the student
     */
    Map<String, Object> items(int grade, String sex, double ability, Random rnd) {
        boolean male = "M".equals(sex);
        Map<String, Object> items = new LinkedHashMap<>();
        double height = heightMean(grade, male) + rnd.nextGaussian() * 6.5;
        double bmi = bmiMean(grade) + Math.abs(rnd.nextGaussian()) * 2.6 * (rnd.nextInt(10) < 7 ? 1 : -0.7);
        double weight = bmi * (height / 100) * (height / 100);
        items.put("height_cm", decimal(height, 1));
        items.put("weight_kg", decimal(weight, 1));
        for (String key : scorer.requiredItems(grade, sex)) {
            if (key.equals("height_cm") || key.equals("weight_kg")) {
                continue;
            }
            double target = 75 + ability * 13 + rnd.nextGaussian() * 9;
            double value = valueAt(key, grade, male, target);
            int decimals = FitnessScorer.itemDecimals(key);
            items.put(key, decimal(value, decimals));
        }
        return items;
    }

    /** The value that would score {@code target} (0–115), interpolated between the item's rows. */
    double valueAt(String key, int grade, boolean male, double target) {
        List<double[]> rows = tables.get(key + "|" + (male ? "男" : "女") + "|" + GRADE_NAMES[grade]);
        if (rows == null || rows.isEmpty()) {
            throw new IllegalArgumentException(key + " is not tested in grade " + grade);
        }
        double[] top = rows.get(0);
        double[] last = rows.get(rows.size() - 1);
        if (target >= top[0]) {
            double step = rows.size() > 1 ? top[1] - rows.get(1)[1] : 1;
            return top[1] + step * (target - top[0]) / 5.0;
        }
        for (int i = 1; i < rows.size(); i++) {
            double[] hi = rows.get(i - 1);
            double[] lo = rows.get(i);
            if (target >= lo[0]) {
                double t = (target - lo[0]) / (hi[0] - lo[0]);
                return lo[1] + t * (hi[1] - lo[1]);
            }
        }
        double step = rows.size() > 1 ? rows.get(rows.size() - 2)[1] - last[1] : 1;
        return last[1] - step * Math.min(2, (last[0] - target) / 10.0);
    }

    private static double heightMean(int grade, boolean male) {
        double[] m = {0, 120, 126, 132, 138, 143, 149, 156, 163, 168, 170, 171, 172, 172, 172, 172, 172};
        double[] f = {0, 119, 125, 131, 137, 144, 150, 154, 157, 158, 158, 159, 159, 160, 160, 160, 160};
        return male ? m[grade] : f[grade];
    }

    private static double bmiMean(int grade) {
        double[] b = {0, 15.2, 15.5, 16.0, 16.5, 17.0, 17.6, 18.3, 18.9, 19.4, 19.9, 20.3, 20.6,
            21.0, 21.0, 21.0, 21.0};
        return b[grade];
    }

    private static String decimal(double v, int decimals) {
        return BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }
}
