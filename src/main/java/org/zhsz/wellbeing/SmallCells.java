package org.zhsz.wellbeing;

import java.util.ArrayList;
import java.util.List;

/**
 * Small-cell suppression for published tables: a count from 1 to k−1 is hidden, and where a row or column then
 * has exactly one hidden cell, the smallest other non-zero cell of that row or column is hidden too
 * (complementary suppression), so that no hidden count can be recovered from the totals. Zeros are shown (a
 * zero reveals nothing about anyone). Repeats until stable. Pure; unit-tested.
 */
final class SmallCells {

    static final int K = 5;

    private SmallCells() {
    }

    static Integer[][] suppress(int[][] counts, int k) {
        int rows = counts.length;
        int cols = rows == 0 ? 0 : counts[0].length;
        boolean[][] hidden = new boolean[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                hidden[r][c] = counts[r][c] > 0 && counts[r][c] < k;
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int r = 0; r < rows; r++) {
                List<int[]> line = new ArrayList<>();
                for (int c = 0; c < cols; c++) {
                    line.add(new int[]{r, c});
                }
                changed |= complement(counts, hidden, line);
            }
            for (int c = 0; c < cols; c++) {
                List<int[]> line = new ArrayList<>();
                for (int r = 0; r < rows; r++) {
                    line.add(new int[]{r, c});
                }
                changed |= complement(counts, hidden, line);
            }
        }
        Integer[][] out = new Integer[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[r][c] = hidden[r][c] ? null : counts[r][c];
            }
        }
        return out;
    }

    private static boolean complement(int[][] counts, boolean[][] hidden, List<int[]> line) {
        int hiddenCount = 0;
        int[] best = null;
        for (int[] cell : line) {
            if (hidden[cell[0]][cell[1]]) {
                hiddenCount++;
            } else if (counts[cell[0]][cell[1]] > 0
                    && (best == null || counts[cell[0]][cell[1]] < counts[best[0]][best[1]])) {
                best = cell;
            }
        }
        if (hiddenCount == 1 && best != null) {
            hidden[best[0]][best[1]] = true;
            return true;
        }
        return false;
    }
}
