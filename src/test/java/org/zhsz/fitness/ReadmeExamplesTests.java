package org.zhsz.fitness;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Examples and traps from shared/reference/fitness-2014/README.md, typed by hand from its prose: an anchor
 * independent of the CSV files (if a table were edited, these would catch it).
 */
class ReadmeExamplesTests {

    private static final FitnessScorer SCORER = new FitnessScorer();

    private static int score(int grade, String sex, String item, Object value) {
        ScoreResult r = SCORER.score(grade, sex, Map.of(item, value));
        assertThat(r.errors()).isEmpty();
        return r.item(item).score();
    }

    @ParameterizedTest(name = "grade {0}{1} {2} {3} → {4}")
    @CsvSource(quoteCharacter = '~', value = {
            // §3 between two rows, better than top, worse than last
            "1, M, vital_capacity, 1699, 95",
            "1, M, vital_capacity, 1600, 95",
            "1, M, vital_capacity, 1700, 100",
            "1, M, vital_capacity, 499, 0",
            "1, M, vital_capacity, 500, 10",
            "7, M, run_1000m, 306, 64",
            "7, M, run_1000m, 305, 66",
            "7, M, run_1000m, 5'06\", 64",
            "7, M, run_1000m, 3'55\", 100",
            "7, M, run_1000m, 420, 10",
            "7, M, run_1000m, 7'00\", 10",
            "7, M, run_1000m, 421, 0",
            // §3 pull-up gaps: 初一 9 → 80, 8 → 76 (no 78 row); 1 rep = 30 in 初一, 20 in 初二, 10 in 初三.
            // (README says "初三 and later, 1 rep = 10"; the table's 10 row is 1 rep only in 初三: 高一 2 … 大四 6)
            "7, M, pull_ups, 9, 80",
            "7, M, pull_ups, 8, 76",
            "7, M, pull_ups, 1, 30",
            "7, M, pull_ups, 0, 0",
            "8, M, pull_ups, 1, 20",
            "8, M, pull_ups, 0, 0",
            "9, M, pull_ups, 1, 10",
            "10, M, pull_ups, 2, 10",
            "10, M, pull_ups, 1, 0",
            "12, M, pull_ups, 4, 10",
            "16, M, pull_ups, 6, 10",
            "16, M, pull_ups, 5, 0",
            // §3 thresholds do not always rise with grade: boys' sit-and-reach 60 row
            "1, M, sit_and_reach, 0.0, 60",
            "2, M, sit_and_reach, -0.4, 60",
            "3, M, sit_and_reach, -0.8, 60",
            "4, M, sit_and_reach, -2.2, 60",
            "5, M, sit_and_reach, -2.6, 60",
            "6, M, sit_and_reach, -4.0, 60",
            "7, M, sit_and_reach, -2.6, 60",
            "7, M, sit_and_reach, -2.7, 50",
            // §10: 高二女 立定跳远 60 row is 149 (not S3's 150)
            "11, F, standing_long_jump, 149, 60",
            "11, F, standing_long_jump, 148, 50",
            // §10: 大三/大四女 坐位体前屈 rows 50…10 are 5.7, 4.9, 4.1, 3.3, 2.5
            "15, F, sit_and_reach, 5.7, 50",
            "15, F, sit_and_reach, 4.9, 40",
            "16, F, sit_and_reach, 4.1, 30",
            "16, F, sit_and_reach, 3.3, 20",
            "16, F, sit_and_reach, 2.5, 10",
            "16, F, sit_and_reach, 2.4, 0",
            // §1: 高一男 肺活量 100/95/90 = 4540/4420/4300
            "10, M, vital_capacity, 4540, 100",
            "10, M, vital_capacity, 4539, 95",
            "10, M, vital_capacity, 4420, 95",
            "10, M, vital_capacity, 4300, 90",
            // §2: boys in grades 3–6 do sit-ups
            "3, M, sit_ups_1min, 48, 100",
    })
    void examples(int grade, String sex, String item, String value, int score) {
        assertThat(score(grade, sex, item, value)).isEqualTo(score);
    }

    @Test
    void universityYearsShareColumnsInPairs() {
        // 大一+大二 and 大三+大四 share a column (S0 说明4): identical scores over a sweep of values
        for (String sex : new String[]{"M", "F"}) {
            String run = sex.equals("M") ? "run_1000m" : "run_800m";
            for (int v = 150; v <= 500; v++) {
                assertThat(score(14, sex, run, v)).isEqualTo(score(13, sex, run, v));
                assertThat(score(16, sex, run, v)).isEqualTo(score(15, sex, run, v));
            }
            for (int v = 1000; v <= 6000; v += 7) {
                assertThat(score(14, sex, "vital_capacity", v)).isEqualTo(score(13, sex, "vital_capacity", v));
                assertThat(score(16, sex, "vital_capacity", v)).isEqualTo(score(15, sex, "vital_capacity", v));
            }
        }
        // … but the two pairs differ: 大三/大四 男 1000 m 100 row is 3'15" vs 3'17" for 大一/大二
        assertThat(score(13, "M", "run_1000m", 197)).isEqualTo(100);
        assertThat(score(15, "M", "run_1000m", 197)).isEqualTo(95);
    }

    @Test
    void aWholeFirstGraderByHand() {
        // 一年级男: 120.0 cm, 22.5 kg → BMI 15.625 → 15.6 正常 100; 肺活量 1699 → 95; 50 m 8.76 → 8.8 → 100;
        // 坐位体前屈 12.37 → 12.3 → 85; 跳绳 131 → 100 + 11.
        // 标准分 = 15 + 14.25 + 20 + 25.5 + 20 = 94.75; 学年总分 = 105.75 → 105.8 优秀
        ScoreResult r = SCORER.score(1, "M", Map.of("height_cm", 120, "weight_kg", 22.5, "vital_capacity", 1699,
                "run_50m", "8.76", "sit_and_reach", 12.37, "rope_skipping_1min", 131));
        assertThat(r.complete()).isTrue();
        assertThat(r.item("bmi").value()).isEqualByComparingTo("15.6");
        assertThat(r.standardScore()).isEqualByComparingTo("94.75");
        assertThat(r.bonus()).isEqualTo(11);
        assertThat(r.totalScore()).isEqualByComparingTo("105.75");
        assertThat(r.totalScoreRounded()).isEqualByComparingTo(new BigDecimal("105.8"));
        assertThat(r.rating()).isEqualTo("优秀");
        assertThat(r.items()).extracting("item").containsExactly("bmi", "vital_capacity", "run_50m",
                "sit_and_reach", "rope_skipping_1min");
    }
}
