package org.zhsz.fitness;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How raw values become recorded values (policy: printed precision, never in the student's favour — times up,
 * lengths and volumes down), and how run times are read.
 */
class RecordingTests {

    private static final FitnessScorer SCORER = new FitnessScorer();

    @ParameterizedTest(name = "{0} = {1} s")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "235            | 235",
            "8.76           | 8.76",
            "3'55\"         | 235",
            "3′55″          | 235",
            "3’55”          | 235",
            "3:55           | 235",
            "3：55          | 235",
            "3'55           | 235",
            "3'55''         | 235",
            "3:55.4         | 235.4",
            "3'55\"2        | 235.2",
            "8\"7           | 8.7",
            "3分55秒         | 235",
            "55秒           | 55",
            "1'36\"         | 96",
            "0:59           | 59",
            "' 4 ' 05 \"'   | -1",
            "１２.３         | 12.3",
            " 4'05\" | 245",
    })
    void runTimes(String text, String seconds) {
        Optional<BigDecimal> parsed = FitnessScorer.parseSeconds(text);
        if (seconds.equals("-1")) {
            assertThat(parsed).isEmpty();
        } else {
            assertThat(parsed).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo(seconds));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "3'60\"", "3:75", "3'55\"x", "-3", "1:2:3", "3.5.5", "'55"})
    void unreadableTimes(String text) {
        assertThat(FitnessScorer.parseSeconds(text)).isEmpty();
    }

    /** (grade, sex, item, raw value, recorded value, score). */
    @ParameterizedTest(name = "{2} {3} → {4} → {5}")
    @CsvSource(quoteCharacter = '~', value = {
            // 50 m, 一年级男: 100 = 10.2, 95 = 10.3 … times round UP to 0.1
            "1, M, run_50m, 10.2, 10.2, 100",
            "1, M, run_50m, 10.21, 10.3, 95",
            "1, M, run_50m, 10.25, 10.3, 95",
            "1, M, run_50m, 10.2000001, 10.3, 95",
            "1, M, run_50m, 10.29, 10.3, 95",
            "1, M, run_50m, 8.76, 8.8, 100",
            "1, M, run_50m, 8.71, 8.8, 100",
            "1, M, run_50m, 8.70, 8.7, 100",
            // 1000 m, 初一男: 100 = 235 s (3'55"), 95 = 245 s; whole seconds, rounded up
            "7, M, run_1000m, 235, 235, 100",
            "7, M, run_1000m, 235.2, 236, 95",
            "7, M, run_1000m, 3'55\"2, 236, 95",
            "7, M, run_1000m, 3:55, 235, 100",
            // sit-and-reach, 一年级男: 100 = 16.1, 95 = 14.6; lengths round DOWN to 0.1, also below zero
            "1, M, sit_and_reach, 16.1, 16.1, 100",
            "1, M, sit_and_reach, 16.09, 16.0, 95",
            "1, M, sit_and_reach, 16.19, 16.1, 100",
            "1, M, sit_and_reach, -2.35, -2.4, 30",
            "1, M, sit_and_reach, -1.61, -1.7, 30",
            "1, M, sit_and_reach, -1.6, -1.6, 40",
            // standing long jump, 初一男: 100 = 225 cm, 95 = 218 cm: whole cm, rounded down
            "7, M, standing_long_jump, 225.9, 225, 100",
            "7, M, standing_long_jump, 224.99, 224, 95",
            // 肺活量, 一年级男: 100 = 1700 ml, 95 = 1600 ml
            "1, M, vital_capacity, 1699.9, 1699, 95",
            "1, M, vital_capacity, 1700.0, 1700, 100",
            // counts written with a trailing .0 are whole numbers
            "7, M, pull_ups, 9.0, 9, 80",
    })
    void rawValuesAreRecordedAtThePrintedPrecisionBeforeLookup(int grade, String sex, String item, String raw,
                                                               String recorded, int score) {
        ScoreResult r = SCORER.score(grade, sex, Map.of(item, raw));
        assertThat(r.errors()).isEmpty();
        assertThat(r.item(item).value()).isEqualByComparingTo(recorded);
        assertThat(r.item(item).score()).isEqualTo(score);
    }

    @org.junit.jupiter.api.Test
    void doublesAreReadAsTheirShortestDecimal() {
        // 8.3 as a double is 8.300000000000000710…; recorded as 8.3, not rounded up to 8.4
        assertThat(recorded50m(8.3)).isEqualByComparingTo("8.3");
        assertThat(recorded50m(10.3)).isEqualByComparingTo("10.3");
        assertThat(recorded50m(9.1)).isEqualByComparingTo("9.1");
        assertThat(recorded50m(10.3f)).isEqualByComparingTo("10.3");
        // 0.1 + 8.2 = 8.299999999999999, a different double from 8.3: rounded up to 8.3
        assertThat(recorded50m(0.1 + 8.2)).isEqualByComparingTo("8.3");
        assertThat(recorded50m(new BigDecimal("8.300000000000000710542735760100185871124267578125")))
                .as("an exact BigDecimal is taken as it is").isEqualByComparingTo("8.4");
    }

    private static BigDecimal recorded50m(Object value) {
        ScoreResult r = SCORER.score(1, "M", Map.of("run_50m", value));
        assertThat(r.errors()).isEmpty();
        return r.item("run_50m").value();
    }
}
