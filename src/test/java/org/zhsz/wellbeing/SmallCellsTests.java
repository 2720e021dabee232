package org.zhsz.wellbeing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmallCellsTests {

    @Test
    void hidesSmallCellsAndOneMoreSoTheyCannotBeDerived() {
        int[][] counts = {{20, 3, 12}, {15, 9, 7}};
        Integer[][] out = SmallCells.suppress(counts, 5);
        assertThat(out[0][1]).isNull();
        // row 0 had one hidden cell: the smallest other non-zero (12) is hidden too
        assertThat(out[0][2]).isNull();
        // columns 1 and 2 now have one hidden cell each: their smallest others (9, 7) are hidden
        assertThat(out[1][1]).isNull();
        assertThat(out[1][2]).isNull();
        assertThat(out[0][0]).isEqualTo(20);
        assertThat(out[1][0]).isEqualTo(15);
        // every row and column has 0 or ≥ 2 hidden cells
        for (Integer[] row : out) {
            int hidden = 0;
            for (Integer v : row) {
                hidden += v == null ? 1 : 0;
            }
            assertThat(hidden).isNotEqualTo(1);
        }
    }

    @Test
    void zerosAndLargeCellsStay() {
        Integer[][] out = SmallCells.suppress(new int[][]{{0, 30}, {10, 0}}, 5);
        assertThat(out[0][0]).isZero();
        assertThat(out[0][1]).isEqualTo(30);
        assertThat(out[1][0]).isEqualTo(10);
    }
}
