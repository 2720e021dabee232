package org.zhsz.family;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zhsz.platform.Suppression;

/** Averaging a student's weeks, shares of respondents, and small rows hidden with their complement. */
class FiveStatsTests {

    private static final List<FiveForms.Target> TARGETS;

    static {
        try {
            TARGETS = new FiveForms("").targets();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Docs.CheckIn week(String student, int week, String bed, String wake, int homework, boolean phone) {
        Map<String, Object> v = Map.of("bedtime", bed, "wakeTime", wake, "homeworkMinutes", homework,
                "phoneAtSchool", phone, "booksRead", 1, "exerciseMinutes", 60);
        return new Docs.CheckIn(student + week, "S", "C", student, 7, "JUNIOR", LocalDate.of(2026, 11, 2 + 7 * week),
                v, FiveRules.sleepMinutes(bed, wake), 1, null, null, null, null);
    }

    @Test
    void aStudentsWeeksAreAveragedAndThePhoneCountsIfEverBrought() {
        FiveStats.StudentPeriod p = FiveStats.period("s1", 7, "JUNIOR", List.of(
                week("s1", 0, "21:30", "06:30", 80, false), // 9 h, 80 min
                week("s1", 1, "22:30", "06:30", 110, true)), TARGETS); // 8 h, 110 min
        assertThat(p.means()).containsEntry("sleepMinutes", 510.0).containsEntry("homeworkMinutes", 95.0);
        assertThat(p.met()).containsEntry("sleep", false).containsEntry("homework", false)
                .containsEntry("phone", false).containsEntry("exercise", true).doesNotContainKey("reading");
        assertThat(p.met()).containsEntry("bedtime", true); // 21:30 and 22:30 average to 22:00, the junior limit
    }

    @Test
    void sharesAreOfRespondents() {
        List<FiveStats.StudentPeriod> ps = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ps.add(FiveStats.period("s" + i, 7, "JUNIOR", List.of(week("s" + i, 0, "21:30", "06:40",
                    i < 6 ? 80 : 120, false)), TARGETS));
        }
        FiveStats.Row r = FiveStats.row("class", "C", "七年级(1)班", 7, 40, ps, TARGETS);
        assertThat(r.respondents()).isEqualTo(8);
        assertThat(r.met()).containsEntry("homework", 6);
        assertThat(r.share()).containsEntry("homework", 75.0).containsEntry("sleep", 100.0);
        assertThat(r.means()).containsEntry("booksRead", 1.0);
    }

    @Test
    void aSmallRowIsHiddenAndSoIsOneThatWouldGiveItAway() {
        List<FiveStats.Row> rows = new ArrayList<>();
        rows.add(row("class", "a", 3));
        rows.add(row("class", "b", 20));
        rows.add(row("class", "c", 30));
        rows.add(row("school", "S", 53));
        List<FiveStats.Row> shown = FiveStats.suppress(rows, List.of(new Suppression.Line<>(
                List.of("class:a", "class:b", "class:c"), "school:S")));
        assertThat(shown).extracting(FiveStats.Row::id, FiveStats.Row::suppressed).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a", true), org.assertj.core.groups.Tuple.tuple("b", true),
                org.assertj.core.groups.Tuple.tuple("c", false), org.assertj.core.groups.Tuple.tuple("S", false));
        assertThat(shown.get(0).respondents()).isNull();
        assertThat(shown.get(0).share()).isNull();
        assertThat(shown.get(0).students()).isEqualTo(40);
    }

    private static FiveStats.Row row(String level, String id, int respondents) {
        return new FiveStats.Row(level, id, id, null, 40, respondents, Map.of(), Map.of(), Map.of("sleep", 50.0),
                Map.of(), false);
    }
}
