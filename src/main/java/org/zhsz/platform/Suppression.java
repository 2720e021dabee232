package org.zhsz.platform;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Small-cell suppression for published tables. Primary: every cell counting 1 to k−1 people is hidden.
 * Complementary: a hidden cell could be recomputed from a published total minus the other cells of its line, so
 * every line (the cells that add up to a published total, the total included) must hide either none or at least
 * two of its cells; while some line hides exactly one, the smallest other non-empty cell of that line is hidden too
 * (or, if there is none, its total). Repeated until stable, since each new suppression can open another line.
 * Then, since lines that each hide two cells can still pin one down together, an exact check: while the published
 * lines (as linear equations over the hidden cells) determine a hidden cell, the smallest published cell that frees
 * it is hidden too. A heuristic in the spirit of τ-ARGUS's hypercube method, not an optimal solution; it protects
 * against recomputation from the totals, not against narrowing a cell down by bounds. The one routine every
 * module's published statistics use (fitness, health, family, insight); {@code SuppressionProperties} checks it.
 */
public final class Suppression {

    /** The smallest count published: 1 to {@code K − 1} people are hidden. */
    public static final int K = 5;

    /** Cells that add up to {@code total} (itself a published cell). */
    public record Line<K>(List<K> members, K total) {
    }

    private Suppression() {
    }

    /** The cells to hide, given each cell's number of people and the lines of the table. */
    public static <K> Set<K> suppress(Map<K, Integer> sizes, List<Line<K>> lines, int k) {
        Set<K> hidden = new HashSet<>();
        sizes.forEach((key, n) -> {
            if (n != null && n > 0 && n < k) {
                hidden.add(key);
            }
        });
        balanceLines(sizes, lines, hidden);
        // Lines hiding two or more cells each can still pin a hidden cell down together (e.g. a row and a column
        // that share it, through the grand total). While the published lines determine some hidden cell, hide the
        // smallest published cell that frees it (checked exactly), and balance the lines again.
        boolean changed = true;
        while (changed) {
            changed = false;
            List<K> vars = new ArrayList<>(hidden);
            K determined = firstDetermined(vars, lines);
            if (determined == null) {
                break;
            }
            List<K> candidates = new ArrayList<>();
            for (Map.Entry<K, Integer> e : sizes.entrySet()) {
                if (!hidden.contains(e.getKey()) && e.getValue() != null && e.getValue() > 0) {
                    candidates.add(e.getKey());
                }
            }
            candidates.sort(Comparator.comparingInt(c -> sizes.getOrDefault(c, 0)));
            for (K c : candidates) {
                List<K> more = new ArrayList<>(vars);
                more.add(c);
                if (!isDetermined(determined, more, lines)) {
                    hidden.add(c);
                    balanceLines(sizes, lines, hidden);
                    changed = true;
                    break;
                }
            }
        }
        return hidden;
    }

    /** While some line hides exactly one cell, hide another of it (the smallest non-empty member, else the total). */
    private static <K> void balanceLines(Map<K, Integer> sizes, List<Line<K>> lines, Set<K> hidden) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Line<K> line : lines) {
                int count = hidden.contains(line.total()) ? 1 : 0;
                for (K m : line.members()) {
                    if (hidden.contains(m)) {
                        count++;
                    }
                }
                if (count != 1) {
                    continue;
                }
                List<K> candidates = new ArrayList<>();
                for (K m : line.members()) {
                    if (!hidden.contains(m) && sizes.getOrDefault(m, 0) > 0) {
                        candidates.add(m);
                    }
                }
                if (!candidates.isEmpty()) {
                    candidates.sort(Comparator.comparingInt(m -> sizes.getOrDefault(m, 0)));
                    hidden.add(candidates.get(0));
                } else if (!hidden.contains(line.total())) {
                    hidden.add(line.total());
                } else {
                    continue; // the total alone is hidden and every member is empty: nothing to protect
                }
                changed = true;
            }
        }
    }

    private static <K> K firstDetermined(List<K> vars, List<Line<K>> lines) {
        List<BigInteger[]> eqs = equations(vars, lines);
        int rank = rank(copy(eqs), vars.size());
        for (int i = 0; i < vars.size(); i++) {
            if (rankWithUnit(eqs, vars.size(), i) == rank) {
                return vars.get(i);
            }
        }
        return null;
    }

    /** Whether the published lines pin {@code x} down: its unit vector lies in the row space of the equations. */
    private static <K> boolean isDetermined(K x, List<K> vars, List<Line<K>> lines) {
        List<BigInteger[]> eqs = equations(vars, lines);
        return rankWithUnit(eqs, vars.size(), vars.indexOf(x)) == rank(copy(eqs), vars.size());
    }

    /** Each line as an equation over the hidden cells: hidden members minus the hidden total = published rest. */
    private static <K> List<BigInteger[]> equations(List<K> vars, List<Line<K>> lines) {
        java.util.Map<K, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < vars.size(); i++) {
            index.put(vars.get(i), i);
        }
        List<BigInteger[]> eqs = new ArrayList<>();
        for (Line<K> line : lines) {
            BigInteger[] eq = new BigInteger[vars.size()];
            java.util.Arrays.fill(eq, BigInteger.ZERO);
            boolean any = false;
            for (K m : line.members()) {
                Integer i = index.get(m);
                if (i != null) {
                    eq[i] = eq[i].add(BigInteger.ONE);
                    any = true;
                }
            }
            Integer t = index.get(line.total());
            if (t != null) {
                eq[t] = eq[t].subtract(BigInteger.ONE);
                any = true;
            }
            if (any) {
                eqs.add(eq);
            }
        }
        return eqs;
    }

    private static int rankWithUnit(List<BigInteger[]> eqs, int width, int unit) {
        List<BigInteger[]> with = copy(eqs);
        BigInteger[] u = new BigInteger[width];
        java.util.Arrays.fill(u, BigInteger.ZERO);
        u[unit] = BigInteger.ONE;
        with.add(u);
        return rank(with, width);
    }

    private static List<BigInteger[]> copy(List<BigInteger[]> rows) {
        List<BigInteger[]> out = new ArrayList<>(rows.size());
        rows.forEach(r -> out.add(r.clone()));
        return out;
    }

    /** Rank by fraction-free Gaussian elimination (exact; the tables are small). */
    private static int rank(List<BigInteger[]> rows, int width) {
        int rank = 0;
        for (int col = 0; col < width && rank < rows.size(); col++) {
            int pivot = -1;
            for (int r = rank; r < rows.size(); r++) {
                if (rows.get(r)[col].signum() != 0) {
                    pivot = r;
                    break;
                }
            }
            if (pivot < 0) {
                continue;
            }
            java.util.Collections.swap(rows, rank, pivot);
            BigInteger[] p = rows.get(rank);
            for (int r = 0; r < rows.size(); r++) {
                BigInteger[] x = rows.get(r);
                if (r == rank || x[col].signum() == 0) {
                    continue;
                }
                BigInteger f = x[col];
                BigInteger pc = p[col];
                for (int i = 0; i < width; i++) {
                    x[i] = x[i].multiply(pc).subtract(p[i].multiply(f));
                }
                BigInteger g = BigInteger.ZERO;
                for (BigInteger v : x) {
                    g = g.gcd(v);
                }
                if (g.signum() != 0 && !g.equals(BigInteger.ONE)) {
                    for (int i = 0; i < width; i++) {
                        x[i] = x[i].divide(g);
                    }
                }
            }
            rank++;
        }
        return rank;
    }
}
