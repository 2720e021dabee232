package org.zhsz.platform;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The layout of a published statistics table by grade and sex (fitness, vision): one row per grade and sex (M, F
 * and ALL), the all-grades rows (grade 0), and for a county the schools, whose rows add up to the all-grades total.
 * Which cells small-cell suppression hides follows from that layout ({@link Suppression}): each grade's M + F
 * make its ALL, each sex's grades make its all-grades row, and the schools make the county's total.
 */
public final class GradeSexTable {

    /** The sexes of a grade's rows, in the order they are shown. */
    public static final List<String> SEXES = List.of("M", "F", "ALL");

    /** A cell of the table: grade 0 is all grades; sex M, F or ALL. */
    public record Key(int grade, String sex) {

        /** The four cells one record counts in: its grade and sex, its grade, its sex over all grades, all. */
        public static List<Key> cellsOf(int grade, String sex) {
            return List.of(new Key(grade, sex), new Key(grade, "ALL"), new Key(0, sex), new Key(0, "ALL"));
        }
    }

    /** Grades in order with the all-grades rows last; within a grade M, F, ALL. */
    public static final Comparator<Key> ORDER = Comparator
            .comparingInt((Key k) -> k.grade() == 0 ? 99 : k.grade())
            .thenComparingInt(k -> SEXES.indexOf(k.sex()) < 0 ? SEXES.size() - 1 : SEXES.indexOf(k.sex()));

    /** The cells and school rows suppression hides. */
    public record Hidden(Set<Key> cells, Set<String> schools) {

        public static final Hidden NONE = new Hidden(Set.of(), Set.of());

        public boolean cell(Key k) {
            return cells.contains(k);
        }

        public boolean school(String schoolId) {
            return schools.contains(schoolId);
        }
    }

    private GradeSexTable() {
    }

    /** Adds the empty rows a table shows anyway: every listed grade's three sexes and the all-grades rows. */
    public static <A> void complete(Map<Key, A> cells, Iterable<Integer> grades, Supplier<A> empty) {
        for (int g : grades) {
            for (String s : SEXES) {
                cells.computeIfAbsent(new Key(g, s), x -> empty.get());
            }
        }
        for (String s : SEXES) {
            cells.computeIfAbsent(new Key(0, s), x -> empty.get());
        }
    }

    /**
     * What to hide, given how many people each cell and each school row counts ({@code grades}: the grades the
     * table shows).
     */
    public static Hidden hidden(Map<Key, Integer> cellSizes, Iterable<Integer> grades,
                                Map<String, Integer> schoolSizes, int k) {
        Map<Object, Integer> sizes = new HashMap<>(cellSizes);
        schoolSizes.forEach((id, n) -> sizes.put(new SchoolKey(id), n));
        List<Suppression.Line<Object>> lines = new ArrayList<>();
        for (int g : grades) {
            lines.add(new Suppression.Line<>(List.of(new Key(g, "M"), new Key(g, "F")), new Key(g, "ALL")));
        }
        for (String s : SEXES) {
            List<Object> column = new ArrayList<>();
            grades.forEach(g -> column.add(new Key(g, s)));
            lines.add(new Suppression.Line<>(column, new Key(0, s)));
        }
        lines.add(new Suppression.Line<>(List.of(new Key(0, "M"), new Key(0, "F")), new Key(0, "ALL")));
        List<Object> schoolLine = new ArrayList<>();
        schoolSizes.keySet().forEach(id -> schoolLine.add(new SchoolKey(id)));
        lines.add(new Suppression.Line<>(schoolLine, new Key(0, "ALL")));
        Set<Key> cells = new HashSet<>();
        Set<String> schools = new HashSet<>();
        for (Object o : Suppression.suppress(sizes, lines, k)) {
            if (o instanceof Key c) {
                cells.add(c);
            } else if (o instanceof SchoolKey s) {
                schools.add(s.id());
            }
        }
        return new Hidden(cells, schools);
    }

    /** {@code count} of {@code n} in percent to one decimal (half up); null when {@code n} is 0. */
    public static BigDecimal percent(int count, int n) {
        return n == 0 ? null : BigDecimal.valueOf(count * 100L).divide(BigDecimal.valueOf(n), 1, RoundingMode.HALF_UP);
    }

    private record SchoolKey(String id) {
    }
}
