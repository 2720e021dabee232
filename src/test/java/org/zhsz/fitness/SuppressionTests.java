package org.zhsz.fitness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.zhsz.platform.Suppression;

/**
 * County statistics hide cells under 5 students, and enough other cells that no hidden one can be recomputed from
 * the published totals.
 */
class SuppressionTests {

    private static final String YEAR = "2026-2027";

    /** n tested results of one grade and sex at one school, each with the given total. */
    private static List<Document> results(String school, int grade, String sex, int n, double total) {
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            docs.add(new Document("schoolId", school).append("schoolYear", YEAR).append("grade", grade)
                    .append("sex", sex).append("status", "TESTED").append("totalScore", total)
                    .append("rating", total >= 90 ? "优秀" : total >= 80 ? "良好" : total >= 60 ? "及格" : "不及格")
                    .append("bmiCategory", "正常"));
        }
        return docs;
    }

    private static FitnessStats.Cell cell(FitnessStats.Stats s, Integer grade, String sex) {
        return s.cells().stream().filter(c -> java.util.Objects.equals(c.grade(), grade) && c.sex().equals(sex))
                .findFirst().orElseThrow();
    }

    @Test
    void aSmallCellAndItsComplementsAreHidden() {
        List<Document> docs = new ArrayList<>();
        docs.addAll(results("A", 7, "M", 40, 78));
        docs.addAll(results("A", 7, "F", 3, 91));   // too small
        docs.addAll(results("A", 8, "M", 30, 70));
        docs.addAll(results("A", 8, "F", 25, 72));
        docs.addAll(results("B", 9, "M", 20, 65));
        docs.addAll(results("B", 9, "F", 22, 66));
        FitnessStats.Stats s = FitnessStats.compute("county", "640424", "泾源县", YEAR, docs,
                Map.of("A", "一中", "B", "二中"), true);

        assertThat(cell(s, 7, "F").suppressed()).isTrue();
        assertThat(cell(s, 7, "F").meanTotal()).isNull();
        // row 7: F hidden, so M must go too (7-total minus M would give F)
        assertThat(cell(s, 7, "M").suppressed()).isTrue();
        assertThat(cell(s, 7, "ALL").suppressed()).isFalse();
        // column F: F(7) hidden, so another F cell must go (all-grades F minus the others would give F(7))
        long hiddenF = s.cells().stream().filter(c -> c.grade() != null && c.sex().equals("F") && c.suppressed())
                .count();
        assertThat(hiddenF).isGreaterThanOrEqualTo(2);
        assertNoLineHasExactlyOneHidden(s);
        // nothing hidden reveals a mean: the published 女 mean of all grades cannot be split to recover 初一女
        assertThat(s.suppressionThreshold()).isEqualTo(5);
        assertThat(s.cells()).allSatisfy(c -> assertThat(c.exempt()).isNull());
    }

    @Test
    void aSmallSchoolIsHiddenWithAnother() {
        List<Document> docs = new ArrayList<>();
        docs.addAll(results("A", 7, "M", 40, 78));
        docs.addAll(results("A", 7, "F", 40, 80));
        docs.addAll(results("B", 7, "M", 20, 70));
        docs.addAll(results("B", 7, "F", 20, 70));
        docs.addAll(results("C", 7, "M", 2, 50));
        docs.addAll(results("C", 7, "F", 1, 50));
        FitnessStats.Stats s = FitnessStats.compute("county", "640424", "泾源县", YEAR, docs,
                Map.of("A", "一中", "B", "二中", "C", "教学点"), true);
        Map<String, Boolean> hidden = new HashMap<>();
        s.schools().forEach(r -> hidden.put(r.schoolId(), r.suppressed()));
        assertThat(hidden).containsEntry("C", true).containsEntry("B", true).containsEntry("A", false);
        assertThat(cell(s, null, "ALL").suppressed()).isFalse();
        assertThat(cell(s, null, "ALL").tested()).isEqualTo(123);
    }

    @Test
    void aSchoolViewIsExact() {
        List<Document> docs = new ArrayList<>(results("A", 7, "F", 3, 91));
        docs.add(new Document("schoolId", "A").append("schoolYear", YEAR).append("grade", 7).append("sex", "F")
                .append("status", "EXEMPT"));
        FitnessStats.Stats s = FitnessStats.compute("school", "A", "一中", YEAR, docs, Map.of(), false);
        FitnessStats.Cell c = cell(s, 7, "F");
        assertThat(c.suppressed()).isFalse();
        assertThat(c.tested()).isEqualTo(3);
        assertThat(c.exempt()).isEqualTo(1);
        assertThat(c.meanTotal()).isEqualByComparingTo("91.0");
        assertThat(c.ratings().get("优秀").percent()).isEqualByComparingTo("100.0");
    }

    @Test
    void theSuppressionRuleItself() {
        // a 2 × 2 table with margins: one small cell forces a rectangle of four hidden cells
        Map<String, Integer> sizes = new HashMap<>(Map.of("a1", 3, "a2", 50, "b1", 40, "b2", 60,
                "a", 53, "b", 100, "1", 43, "2", 110, "all", 153));
        List<Suppression.Line<String>> lines = List.of(
                new Suppression.Line<>(List.of("a1", "a2"), "a"),
                new Suppression.Line<>(List.of("b1", "b2"), "b"),
                new Suppression.Line<>(List.of("a1", "b1"), "1"),
                new Suppression.Line<>(List.of("a2", "b2"), "2"),
                new Suppression.Line<>(List.of("a", "b"), "all"),
                new Suppression.Line<>(List.of("1", "2"), "all"));
        Set<String> hidden = Suppression.suppress(sizes, lines, 5);
        assertThat(hidden).containsExactlyInAnyOrder("a1", "a2", "b1", "b2");
        // a hidden total with every member published is exposed by the sum: a member goes too
        Set<String> h2 = Suppression.suppress(Map.of("x", 2, "y", 1, "t", 3),
                List.of(new Suppression.Line<>(List.of("x", "y"), "t")), 5);
        assertThat(h2).containsExactlyInAnyOrder("x", "y", "t");
    }

    private static void assertNoLineHasExactlyOneHidden(FitnessStats.Stats s) {
        Set<Integer> grades = new java.util.TreeSet<>();
        s.cells().stream().filter(c -> c.grade() != null).forEach(c -> grades.add(c.grade()));
        for (int g : grades) {
            long n = List.of("M", "F", "ALL").stream().filter(x -> cell(s, g, x).suppressed()).count();
            assertThat(n).as("grade " + g).isNotEqualTo(1);
        }
        for (String sex : List.of("M", "F", "ALL")) {
            long n = grades.stream().filter(g -> cell(s, g, sex).suppressed()).count()
                    + (cell(s, null, sex).suppressed() ? 1 : 0);
            assertThat(n).as("column " + sex).isNotEqualTo(1);
        }
    }
}
