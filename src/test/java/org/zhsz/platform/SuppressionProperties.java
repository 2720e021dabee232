package org.zhsz.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Small-cell suppression as the published tables use it (cells by row and column, row totals, column totals, the
 * grand total): no suppressed cell can be recovered from what is published. A hidden value is recoverable exactly
 * when the published totals and cells pin it down, i.e. when its unit vector lies in the row space of the
 * line equations restricted to the hidden cells; every hidden cell counts at least 1, so a ±1 change along the
 * equations' null space stays a possible table. Checked by ranks over a prime field, computed apart from the production code.
 */
class SuppressionProperties {

    static final int K = 5;

    record Table(int[][] cells) {
    }

    @Provide
    Arbitrary<Table> tables() {
        Arbitrary<Integer> count = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(0, 0)),
                net.jqwik.api.Tuple.of(5, Arbitraries.integers().between(1, K - 1)),
                net.jqwik.api.Tuple.of(6, Arbitraries.integers().between(K, 40)));
        return Arbitraries.integers().between(1, 5).flatMap(rows -> Arbitraries.integers().between(1, 5)
                .flatMap(cols -> count.list().ofSize(rows * cols).map(list -> {
                    int[][] c = new int[rows][cols];
                    for (int i = 0; i < rows * cols; i++) {
                        c[i / cols][i % cols] = list.get(i);
                    }
                    return new Table(c);
                })));
    }

    @Property(tries = 2000)
    void noSuppressedCellCanBeRecoveredFromThePublishedTotalsAndCells(@ForAll("tables") Table t) {
        int rows = t.cells().length;
        int cols = t.cells()[0].length;
        Map<String, Integer> sizes = new LinkedHashMap<>();
        List<Suppression.Line<String>> lines = new ArrayList<>();
        int all = 0;
        int[] colTotals = new int[cols];
        for (int r = 0; r < rows; r++) {
            List<String> members = new ArrayList<>();
            int sum = 0;
            for (int c = 0; c < cols; c++) {
                sizes.put(r + ":" + c, t.cells()[r][c]);
                members.add(r + ":" + c);
                sum += t.cells()[r][c];
                colTotals[c] += t.cells()[r][c];
            }
            sizes.put("r" + r, sum);
            lines.add(new Suppression.Line<>(members, "r" + r));
            all += sum;
        }
        for (int c = 0; c < cols; c++) {
            List<String> members = new ArrayList<>();
            for (int r = 0; r < rows; r++) {
                members.add(r + ":" + c);
            }
            sizes.put("c" + c, colTotals[c]);
            lines.add(new Suppression.Line<>(members, "c" + c));
        }
        sizes.put("all", all);
        List<String> rowTotals = new ArrayList<>();
        List<String> colTotalKeys = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            rowTotals.add("r" + r);
        }
        for (int c = 0; c < cols; c++) {
            colTotalKeys.add("c" + c);
        }
        lines.add(new Suppression.Line<>(rowTotals, "all"));
        lines.add(new Suppression.Line<>(colTotalKeys, "all"));

        Set<String> hidden = Suppression.suppress(sizes, lines, K);

        // primary suppression: every published cell is 0 or at least K
        sizes.forEach((key, n) -> {
            if (!hidden.contains(key)) {
                assertThat(n == 0 || n >= K).as(key + "=" + n + " is published").isTrue();
            }
        });
        // every hidden cell counts at least one person (so ±1 along the null space is a possible table)
        hidden.forEach(key -> assertThat(sizes.get(key)).as(key).isGreaterThanOrEqualTo(1));
        // complementary suppression: no hidden cell is pinned down by the lines
        List<String> vars = new ArrayList<>(hidden);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < vars.size(); i++) {
            index.put(vars.get(i), i);
        }
        List<long[]> equations = new ArrayList<>();
        for (Suppression.Line<String> line : lines) {
            long[] eq = new long[vars.size()];
            boolean any = false;
            for (String m : line.members()) {
                if (index.containsKey(m)) {
                    eq[index.get(m)] += 1;
                    any = true;
                }
            }
            if (index.containsKey(line.total())) {
                eq[index.get(line.total())] -= 1;
                any = true;
            }
            if (any) {
                equations.add(eq);
            }
        }
        int rank = ModP.rank(equations, vars.size());
        for (String v : vars) {
            List<long[]> with = new ArrayList<>(equations);
            long[] unit = new long[vars.size()];
            unit[index.get(v)] = 1;
            with.add(unit);
            assertThat(ModP.rank(with, vars.size())).as(v + " (" + sizes.get(v) + ") can be recovered; hidden "
                    + hidden + " in " + sizes).isGreaterThan(rank);
        }
    }

    /**
     * Rank of an integer matrix, computed independently of {@link Suppression}'s own (fraction-free, exact)
     * elimination: here Gauss–Jordan over the prime field of 2^31 − 1. A rank mod p never exceeds the rational rank
     * and equals it unless p divides every non-zero maximal minor — for these 0/±1 matrices of at most a few dozen
     * columns, not a case the generator reaches — so a slip in the production arithmetic does not repeat here.
     */
    static final class ModP {
        private static final long P = 2_147_483_647L;

        static int rank(List<long[]> rowsIn, int width) {
            List<long[]> rows = new ArrayList<>();
            for (long[] r : rowsIn) {
                long[] m = new long[width];
                for (int i = 0; i < width; i++) {
                    m[i] = Math.floorMod(r[i], P);
                }
                rows.add(m);
            }
            int rank = 0;
            for (int col = 0; col < width && rank < rows.size(); col++) {
                int pivot = rank;
                while (pivot < rows.size() && rows.get(pivot)[col] == 0) {
                    pivot++;
                }
                if (pivot == rows.size()) {
                    continue;
                }
                java.util.Collections.swap(rows, rank, pivot);
                long[] p = rows.get(rank);
                long inverse = java.math.BigInteger.valueOf(p[col]).modInverse(java.math.BigInteger.valueOf(P))
                        .longValueExact();
                for (int i = 0; i < width; i++) {
                    p[i] = p[i] * inverse % P;
                }
                for (long[] x : rows) {
                    long f = x[col];
                    if (x == p || f == 0) {
                        continue;
                    }
                    for (int i = 0; i < width; i++) {
                        x[i] = Math.floorMod(x[i] - f * p[i] % P, P);
                    }
                }
                rank++;
            }
            return rank;
        }
    }
}
