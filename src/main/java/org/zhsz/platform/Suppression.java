package org.zhsz.platform;

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
 * A heuristic in the spirit of τ-ARGUS's hypercube method, not an optimal solution. The one routine every module's
 * published statistics use (fitness, health, family).
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
        return hidden;
    }
}
