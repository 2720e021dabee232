package org.zhsz.access;

import java.util.ArrayList;
import java.util.List;

/** Rows for the feature modules' endpoints (records, fitness, wellbeing, archive), kept apart for readability. */
final class MatrixExtensions {

    private MatrixExtensions() {
    }

    static List<AccessMatrix.Row> rows() {
        List<AccessMatrix.Row> rows = new ArrayList<>();
        rows.addAll(FitnessMatrixRows.rows());
        return rows;
    }
}
