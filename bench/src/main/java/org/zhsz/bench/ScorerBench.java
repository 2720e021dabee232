package org.zhsz.bench;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.zhsz.fitness.FitnessScorer;

/**
 * Throughput of the 2014 fitness scorer: students fully scored per second on one thread (every item of the
 * student's grade, BMI from height and weight, bonus, weighted 学年总分), against a baseline measured in the same
 * run: a bare array-lookup loop over the same inputs (one table load per item, summed), the floor any scorer
 * pays to read a student's values. Goal: ≥ 1,000,000 students/s per core on the bulk path.
 *
 * <p>Run: {@code bench/run.sh org.zhsz.bench.ScorerBench}. One op = one student.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ScorerBench {

    static final int STUDENTS = 4096;
    private static final int N = FitnessScorer.ITEM_COUNT;

    private FitnessScorer scorer;
    private int[] grades;
    private boolean[] males;
    private int[][] recorded;
    /** The slots each student carries (their grade's items, with height and weight for the BMI). */
    private int[][] slots;
    private List<Map<String, Object>> maps;
    private int[] out;
    private int[] lut;

    @Setup
    public void setUp() {
        scorer = new FitnessScorer();
        SplittableRandom rnd = new SplittableRandom(20140701);
        grades = new int[STUDENTS];
        males = new boolean[STUDENTS];
        recorded = new int[STUDENTS][];
        slots = new int[STUDENTS][];
        maps = new ArrayList<>(STUDENTS);
        for (int i = 0; i < STUDENTS; i++) {
            int grade = 1 + rnd.nextInt(16);
            boolean male = rnd.nextBoolean();
            int[] rec = new int[N];
            Arrays.fill(rec, FitnessScorer.ABSENT);
            List<String> keys = scorer.requiredItems(grade, male ? "M" : "F");
            int[] s = new int[keys.size()];
            Map<String, Object> map = new LinkedHashMap<>();
            for (int k = 0; k < keys.size(); k++) {
                String key = keys.get(k);
                int slot = FitnessScorer.slotOf(key);
                int v = plausible(key, rnd);
                rec[slot] = v;
                s[k] = slot;
                boolean tenths = key.equals("height_cm") || key.equals("weight_kg") || key.equals("run_50m")
                        || key.equals("sit_and_reach");
                map.put(key, tenths ? BigDecimal.valueOf(v, 1) : Integer.valueOf(v));
            }
            grades[i] = grade;
            males[i] = male;
            recorded[i] = rec;
            slots[i] = s;
            maps.add(map);
        }
        out = new int[2 * N];
        lut = new int[N << 12];
        for (int i = 0; i < lut.length; i++) {
            lut[i] = rnd.nextInt(101);
        }
    }

    /** Values in recorded units spread over (and a little beyond) every grade's table. */
    static int plausible(String key, SplittableRandom rnd) {
        return switch (key) {
            case "height_cm" -> rnd.nextInt(1100, 1900);
            case "weight_kg" -> rnd.nextInt(200, 900);
            case "vital_capacity" -> rnd.nextInt(450, 5600);
            case "run_50m" -> rnd.nextInt(62, 152);
            case "sit_and_reach" -> rnd.nextInt(-100, 280);
            case "rope_skipping_1min" -> rnd.nextInt(0, 210);
            case "sit_ups_1min" -> rnd.nextInt(4, 72);
            case "shuttle_50x8" -> rnd.nextInt(85, 170);
            case "standing_long_jump" -> rnd.nextInt(110, 285);
            case "pull_ups" -> rnd.nextInt(0, 26);
            case "run_1000m" -> rnd.nextInt(190, 440);
            case "run_800m" -> rnd.nextInt(140, 360);
            default -> throw new IllegalArgumentException(key);
        };
    }

    /** Baseline: for every item of every student, one load from a 4096-entry table and a sum. */
    @Benchmark
    @OperationsPerInvocation(STUDENTS)
    public long baselineLookup() {
        long sum = 0;
        for (int i = 0; i < STUDENTS; i++) {
            int[] rec = recorded[i];
            for (int slot : slots[i]) {
                sum += lut[(slot << 12) | (rec[slot] & 0xFFF)];
            }
        }
        return sum;
    }

    /** The bulk path an import uses: {@link FitnessScorer#scoreRecorded}. */
    @Benchmark
    @OperationsPerInvocation(STUDENTS)
    public long scoreBulk() {
        long sum = 0;
        for (int i = 0; i < STUDENTS; i++) {
            sum += scorer.scoreRecorded(grades[i], males[i], recorded[i], out);
        }
        return sum;
    }

    /** The checked path an API request uses: parse, validate, score, build the result. */
    @Benchmark
    @OperationsPerInvocation(STUDENTS)
    public long scoreChecked() {
        long sum = 0;
        for (int i = 0; i < STUDENTS; i++) {
            sum += scorer.score(grades[i], males[i] ? "M" : "F", maps.get(i)).totalScore().unscaledValue()
                    .longValue();
        }
        return sum;
    }

    public static void main(String[] args) throws RunnerException {
        Options opts = new OptionsBuilder()
                .include(ScorerBench.class.getName() + "\\.")
                .forks(1)
                .warmupIterations(2).warmupTime(TimeValue.seconds(1))
                .measurementIterations(3).measurementTime(TimeValue.seconds(1))
                .threads(1)
                .build();
        Collection<RunResult> results = new Runner(opts).run();
        double baseline = 0;
        double bulk = 0;
        double checked = 0;
        double baselineErr = 0;
        double bulkErr = 0;
        double checkedErr = 0;
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            double score = r.getPrimaryResult().getScore();
            double err = r.getPrimaryResult().getScoreError();
            if (name.endsWith("baselineLookup")) {
                baseline = score;
                baselineErr = err;
            } else if (name.endsWith("scoreBulk")) {
                bulk = score;
                bulkErr = err;
            } else if (name.endsWith("scoreChecked")) {
                checked = score;
                checkedErr = err;
            }
        }
        System.out.println();
        System.out.println("Fitness scorer, students scored per second, 1 thread (one op = one whole student)");
        System.out.printf(Locale.ROOT, "%-44s %16s %14s%n", "figure", "students/s", "± (99.9%)");
        System.out.printf(Locale.ROOT, "%-44s %,16.0f %,14.0f%n", "baseline: bare array lookup per item", baseline,
                baselineErr);
        System.out.printf(Locale.ROOT, "%-44s %,16.0f %,14.0f%n", "scoreRecorded (bulk path)", bulk, bulkErr);
        System.out.printf(Locale.ROOT, "%-44s %,16.0f %,14.0f%n", "score(Map) (checked path)", checked,
                checkedErr);
        System.out.printf(Locale.ROOT, "%-44s %16.3f%n", "ratio bulk / baseline", bulk / baseline);
        System.out.printf(Locale.ROOT, "%-44s %16.3f%n", "ratio checked / baseline", checked / baseline);
        System.out.printf(Locale.ROOT, "%-44s %16s%n", "goal ≥ 1,000,000 students/s/core (bulk)",
                bulk >= 1_000_000 ? "met" : "NOT met");
        BenchResults.row("Fitness scorer", "students scored/s, bulk path, 1 thread", BenchResults.f0(bulk),
                BenchResults.f0(baseline) + " (array lookup)", BenchResults.f3(bulk / baseline),
                BenchResults.goal(bulk >= 1_000_000) + " (≥ 1,000,000/s)");
        BenchResults.row("Fitness scorer", "students scored/s, checked path (API), 1 thread",
                BenchResults.f0(checked), BenchResults.f0(baseline), BenchResults.f3(checked / baseline), "");
    }
}
