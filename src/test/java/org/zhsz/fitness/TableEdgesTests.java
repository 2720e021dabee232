package org.zhsz.fitness;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.zhsz.fitness.ReferenceTables.Cell;

/**
 * Every row of every single-item table, for every grade and sex: a result exactly at a row's threshold gets that
 * row's score, one printed step worse gets the next printed row's score (0 after the last row; pull-up gaps
 * included, since blank rows are not in the CSV), better than the top row gets 100.
 */
class TableEdgesTests {

    private static final FitnessScorer SCORER = new FitnessScorer();

    static Stream<Arguments> rows() {
        return ReferenceTables.ITEM_TABLES.stream().flatMap(item -> ReferenceTables.cells(item).stream())
                .flatMap(cell -> {
                    Stream.Builder<Arguments> b = Stream.builder();
                    for (int i = 0; i < cell.scores().size(); i++) {
                        int next = i + 1 < cell.scores().size() ? cell.scores().get(i + 1) : 0;
                        b.add(Arguments.of(cell, cell.thresholds().get(i), cell.scores().get(i), next));
                    }
                    return b.build();
                });
    }

    static Stream<Cell> cells() {
        return ReferenceTables.ITEM_TABLES.stream().flatMap(item -> ReferenceTables.cells(item).stream());
    }

    private static int scoreOf(Cell cell, Object value) {
        ScoreResult r = SCORER.score(cell.grade(), cell.sex(), Map.of(cell.item(), value));
        assertThat(r.errors()).as("errors for %s = %s", cell, value).isEmpty();
        return r.item(cell.item()).score();
    }

    @ParameterizedTest(name = "{0} at {1} → {2}, one step worse → {3}")
    @MethodSource("rows")
    void atThresholdGetsTheRowOneStepWorseTheNextRow(Cell cell, BigDecimal threshold, int score, int nextScore) {
        assertThat(scoreOf(cell, threshold.toPlainString())).as("%s at %s", cell, threshold).isEqualTo(score);
        BigDecimal step = ReferenceTables.step(cell.item());
        BigDecimal worse = cell.lowerIsBetter() ? threshold.add(step) : threshold.subtract(step);
        // as a double on purpose: 10.3 is not exact in binary, and must still be recorded as 10.3
        assertThat(scoreOf(cell, worse.doubleValue())).as("%s at %s", cell, worse).isEqualTo(nextScore);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cells")
    void betterThanTheTopRowGets100AndWorseThanTheLastGets0(Cell cell) {
        BigDecimal top = cell.thresholds().get(0);
        BigDecimal step = ReferenceTables.step(cell.item());
        BigDecimal better = cell.lowerIsBetter() ? top.subtract(step) : top.add(step);
        assertThat(scoreOf(cell, better)).isEqualTo(100);
        BigDecimal muchBetter = cell.lowerIsBetter() ? top.subtract(step.multiply(BigDecimal.TEN))
                : top.add(step.multiply(BigDecimal.TEN));
        assertThat(scoreOf(cell, muchBetter)).isEqualTo(100);
        assertThat(scoreOf(cell, cell.belowLastRow())).isZero();
        // the worst value the documented bounds accept
        BigDecimal[] bounds = ReferenceTables.BOUNDS.get(cell.item());
        BigDecimal muchWorse = cell.lowerIsBetter() ? bounds[1] : bounds[0];
        assertThat(scoreOf(cell, muchWorse)).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cells")
    void levelFollowsTheScore(Cell cell) {
        for (int i = 0; i < cell.scores().size(); i++) {
            ScoreResult r = SCORER.score(cell.grade(), cell.sex(),
                    Map.of(cell.item(), cell.thresholds().get(i)));
            int score = cell.scores().get(i);
            String expected = score >= 90 ? "优秀" : score >= 80 ? "良好" : score >= 60 ? "及格" : "不及格";
            assertThat(r.item(cell.item()).level()).as("%s score %d", cell, score).isEqualTo(expected);
        }
        assertThat(SCORER.score(cell.grade(), cell.sex(), Map.of(cell.item(), cell.belowLastRow()))
                .item(cell.item()).level()).isEqualTo("不及格");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cells")
    void everyTableHasTheTwentyRowLadderOrThePullUpLadder(Cell cell) {
        // guards the test data itself: a truncated CSV would otherwise make the edge tests pass vacuously
        List<Integer> full = List.of(100, 95, 90, 85, 80, 78, 76, 74, 72, 70, 68, 66, 64, 62, 60, 50, 40, 30, 20, 10);
        if (cell.item().equals("pull_ups")) {
            List<Integer> pull = full.stream().filter(s -> s != 78 && s != 74 && s != 70 && s != 66 && s != 62)
                    .toList();
            List<Integer> expected = switch (cell.grade()) {
                case 7 -> pull.subList(0, pull.size() - 2);
                case 8 -> pull.subList(0, pull.size() - 1);
                default -> pull;
            };
            assertThat(cell.scores()).isEqualTo(expected);
        } else {
            assertThat(cell.scores()).isEqualTo(full);
        }
    }
}
