package org.zhsz.fitness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/**
 * The primitive bulk path agrees with the checked Map path on random students (seeded, so a failure reproduces),
 * and one scorer is safe to share between threads.
 */
class BulkPathTests {

    private static final FitnessScorer SCORER = new FitnessScorer();
    private static final int N = FitnessScorer.ITEM_COUNT;

    /** A random, valid, complete student: every required item near its table (10 steps either side). */
    record Student(int grade, String sex, Map<String, Object> items, int[] recorded) {
    }

    static Student randomStudent(Random rnd) {
        int grade = 1 + rnd.nextInt(16);
        String sex = rnd.nextBoolean() ? "M" : "F";
        Map<String, Object> items = new LinkedHashMap<>();
        int[] recorded = new int[N];
        Arrays.fill(recorded, FitnessScorer.ABSENT);
        for (String item : ReferenceTables.weights(grade, sex).keySet()) {
            if (item.equals("bmi")) {
                if (rnd.nextBoolean()) {
                    BigDecimal bmi = BigDecimal.valueOf(120 + rnd.nextInt(200), 1);
                    items.put("bmi", bmi);
                    recorded[FitnessScorer.slotOf("bmi")] = bmi.movePointRight(1).intValueExact();
                } else {
                    BigDecimal h = BigDecimal.valueOf(1100 + rnd.nextInt(800), 1);
                    BigDecimal w = BigDecimal.valueOf(180 + rnd.nextInt(700), 1);
                    items.put("height_cm", h);
                    items.put("weight_kg", w);
                    recorded[FitnessScorer.slotOf("height_cm")] = h.movePointRight(1).intValueExact();
                    recorded[FitnessScorer.slotOf("weight_kg")] = w.movePointRight(1).intValueExact();
                }
                continue;
            }
            ReferenceTables.Cell cell = ReferenceTables.cell(item, grade, sex);
            BigDecimal step = ReferenceTables.step(item);
            BigDecimal best = cell.thresholds().get(0);
            BigDecimal worst = cell.thresholds().get(cell.thresholds().size() - 1);
            BigDecimal lo = best.min(worst).subtract(step.multiply(BigDecimal.TEN));
            BigDecimal hi = best.max(worst).add(step.multiply(BigDecimal.TEN));
            BigDecimal[] bounds = ReferenceTables.BOUNDS.get(item);
            lo = lo.max(bounds[0]);
            hi = hi.min(bounds[1]);
            int steps = hi.subtract(lo).divide(step).intValueExact();
            BigDecimal v = lo.add(step.multiply(BigDecimal.valueOf(rnd.nextInt(steps + 1))));
            items.put(item, v);
            recorded[FitnessScorer.slotOf(item)] = v.movePointRight(step.scale()).intValueExact();
        }
        return new Student(grade, sex, items, recorded);
    }

    @Test
    void bulkPathAgreesWithTheCheckedPath() {
        Random rnd = new Random(20140701);
        int[] out = new int[2 * N];
        int compared = 0;
        for (int i = 0; i < 20_000; i++) {
            Student s = randomStudent(rnd);
            ScoreResult checked = SCORER.score(s.grade(), s.sex(), s.items());
            if (!checked.errors().isEmpty()) {
                // a random height/weight pair may give an implausible BMI; the bulk path does not validate
                assertThat(checked.errors()).extracting("field").containsOnly("bmi");
                continue;
            }
            int total = SCORER.scoreRecorded(s.grade(), s.sex().equals("M"), s.recorded(), out);
            assertThat(total).as("student %d %s", i, s).isEqualTo(
                    checked.totalScore().movePointRight(2).intValueExact());
            for (ItemScore item : checked.items()) {
                int slot = FitnessScorer.slotOf(item.item());
                assertThat(out[slot]).as("%s of %s", item.item(), s).isEqualTo(item.score());
                assertThat(out[N + slot]).isEqualTo(item.bonus());
            }
            compared++;
        }
        assertThat(compared).isGreaterThan(15_000);
    }

    @Test
    void incompleteWhenARequiredItemIsAbsent() {
        Random rnd = new Random(7);
        int[] out = new int[2 * N];
        for (int i = 0; i < 200; i++) {
            Student s = randomStudent(rnd);
            int[] recorded = s.recorded().clone();
            int[] required = Arrays.stream(recorded).filter(v -> v != FitnessScorer.ABSENT).toArray();
            assertThat(required).isNotEmpty();
            String drop = new ArrayList<>(s.items().keySet()).get(rnd.nextInt(s.items().size()));
            recorded[FitnessScorer.slotOf(drop)] = FitnessScorer.ABSENT;
            assertThat(SCORER.scoreRecorded(s.grade(), s.sex().equals("M"), recorded, out))
                    .isEqualTo(FitnessScorer.INCOMPLETE);
            assertThat(out[FitnessScorer.slotOf(drop)]).isEqualTo(-1);
        }
    }

    @Test
    void bulkPathExamples() {
        int[] rec = new int[N];
        int[] out = new int[2 * N];
        Arrays.fill(rec, FitnessScorer.ABSENT);
        // 一年级男 from ReadmeExamplesTests: 120.0 cm, 22.5 kg, 1699 ml, 8.8 s, 12.3 cm, 131 jumps → 105.75
        rec[FitnessScorer.slotOf("height_cm")] = 1200;
        rec[FitnessScorer.slotOf("weight_kg")] = 225;
        rec[FitnessScorer.slotOf("vital_capacity")] = 1699;
        rec[FitnessScorer.slotOf("run_50m")] = 88;
        rec[FitnessScorer.slotOf("sit_and_reach")] = 123;
        rec[FitnessScorer.slotOf("rope_skipping_1min")] = 131;
        assertThat(SCORER.scoreRecorded(1, true, rec, out)).isEqualTo(10575);
        assertThat(out[FitnessScorer.slotOf("bmi")]).isEqualTo(100);
        assertThat(out[FitnessScorer.slotOf("vital_capacity")]).isEqualTo(95);
        assertThat(out[FitnessScorer.slotOf("sit_and_reach")]).isEqualTo(85);
        assertThat(out[N + FitnessScorer.slotOf("rope_skipping_1min")]).isEqualTo(11);
        assertThat(out[FitnessScorer.slotOf("height_cm")]).isEqualTo(-1);
        assertThat(FitnessScorer.bmiTenths(2000, 714)).isEqualTo(179);
        assertThat(FitnessScorer.ITEM_KEYS).hasSize(N).startsWith("height_cm", "weight_kg", "bmi");
        assertThat(FitnessScorer.slotOf("nope")).isEqualTo(-1);
        assertThatThrownBy(() -> SCORER.scoreRecorded(0, true, rec, out))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void oneScorerIsSafeToShareBetweenThreads() throws Exception {
        Random rnd = new Random(42);
        List<Student> students = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            students.add(randomStudent(rnd));
        }
        List<ScoreResult> expected = students.stream().map(s -> SCORER.score(s.grade(), s.sex(), s.items()))
                .toList();
        FitnessScorer shared = new FitnessScorer();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<ScoreResult>>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                runs.add(pool.submit(() -> students.stream()
                        .map(s -> shared.score(s.grade(), s.sex(), s.items())).toList()));
            }
            for (Future<List<ScoreResult>> run : runs) {
                assertThat(run.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
