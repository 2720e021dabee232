package org.zhsz.family;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.zhsz.platform.FieldError;

/** When a home task may be ticked done, and what a checklist item is. */
class HomeTaskRulesTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 9); // Wednesday
    private static final String TERM = "2026-2027-1";

    private static Docs.Task task(Docs.Frequency f) {
        return new Docs.Task("t", "整理房间", null, f, new BigDecimal("0.5"), false, null, null);
    }

    private static String problem(Docs.Frequency f, LocalDate on, LocalDate... earlier) {
        return HomeTaskRules.completionProblem(task(f), on, TODAY, TERM, java.util.Arrays.stream(earlier)
                .map(d -> new HomeTaskRules.Done(d, TERM)).toList());
    }

    @Test
    void dailyTasksOnceADay() {
        assertThat(problem(Docs.Frequency.DAILY, TODAY)).isNull();
        assertThat(problem(Docs.Frequency.DAILY, TODAY, TODAY)).isEqualTo("already_done_today");
        assertThat(problem(Docs.Frequency.DAILY, TODAY, TODAY.minusDays(1))).isNull();
    }

    @Test
    void weeklyTasksOnceACalendarWeek() {
        assertThat(problem(Docs.Frequency.WEEKLY, TODAY, LocalDate.of(2026, 12, 7))).isEqualTo("already_done_this_week");
        assertThat(problem(Docs.Frequency.WEEKLY, TODAY, LocalDate.of(2026, 12, 6))).isNull(); // Sunday before
        assertThat(problem(Docs.Frequency.WEEKLY, LocalDate.of(2026, 12, 6), LocalDate.of(2026, 11, 30)))
                .isEqualTo("already_done_this_week");
    }

    @Test
    void oneOffTasksOnceATerm() {
        assertThat(problem(Docs.Frequency.ONCE, TODAY, TODAY.minusDays(10))).isEqualTo("already_done");
        assertThat(HomeTaskRules.completionProblem(task(Docs.Frequency.ONCE), TODAY, TODAY, TERM,
                List.of(new HomeTaskRules.Done(TODAY.minusDays(100), "2025-2026-2")))).isNull();
    }

    @Test
    void notInTheFutureNorLongAgoNorOutsideTheWindow() {
        assertThat(problem(Docs.Frequency.DAILY, TODAY.plusDays(1))).isEqualTo("in_future");
        assertThat(problem(Docs.Frequency.DAILY, TODAY.minusDays(14))).isNull();
        assertThat(problem(Docs.Frequency.DAILY, TODAY.minusDays(15))).isEqualTo("too_old");
        Docs.Task holiday = new Docs.Task("h", "寒假：准备年夜饭", null, Docs.Frequency.ONCE, BigDecimal.ONE, true,
                LocalDate.of(2027, 1, 20), LocalDate.of(2027, 2, 20));
        assertThat(HomeTaskRules.completionProblem(holiday, TODAY, TODAY, TERM, List.of()))
                .isEqualTo("outside_window");
    }

    @Test
    void checklistItemsAreValidated() {
        List<Docs.Task> items = List.of(
                new Docs.Task("tidy_room", "整理房间", null, Docs.Frequency.WEEKLY, new BigDecimal("0.5"), false, null,
                        null),
                new Docs.Task("tidy_room", "重复", null, Docs.Frequency.WEEKLY, new BigDecimal("0.5"), false, null,
                        null),
                new Docs.Task("Bad Code", "", null, null, new BigDecimal("0.05"), false, LocalDate.of(2027, 2, 1),
                        LocalDate.of(2027, 1, 1)),
                new Docs.Task("long", "长".repeat(41), null, Docs.Frequency.DAILY, new BigDecimal("8.5"), false, null,
                        null));
        assertThat(HomeTaskRules.validateChecklist(items)).extracting(e -> e.field() + ":" + e.code())
                .containsExactly("items[1].code:duplicate", "items[2].code:invalid", "items[2].title:required",
                        "items[2].frequency:required", "items[2].hours:out_of_range",
                        "items[2].availableTo:before_start", "items[3].title:too_long", "items[3].hours:out_of_range");
        assertThat(HomeTaskRules.validateChecklist(List.of())).extracting(FieldError::code).containsExactly("required");
    }

    @Test
    void importRowsReadChineseWords() {
        assertThat(Checklists.frequency("每天")).isEqualTo(Docs.Frequency.DAILY);
        assertThat(Checklists.frequency("每周")).isEqualTo(Docs.Frequency.WEEKLY);
        assertThat(Checklists.frequency("每学期一次")).isEqualTo(Docs.Frequency.ONCE);
        assertThat(Checklists.frequency("偶尔")).isNull();
        assertThat(Checklists.grade("七年级", org.zhsz.organization.SchoolStage.JUNIOR)).isEqualTo(7);
        assertThat(Checklists.grade("初三", org.zhsz.organization.SchoolStage.JUNIOR)).isEqualTo(9);
        assertThat(Checklists.grade("8", org.zhsz.organization.SchoolStage.JUNIOR)).isEqualTo(8);
        assertThat(Checklists.grade("五年级", org.zhsz.organization.SchoolStage.JUNIOR)).isNull();
        // a task named only by its title gets the same code every time (re-importing changes nothing)
        assertThat(Checklists.codeOf("洗碗")).isEqualTo(Checklists.codeOf(" 洗碗 ")).matches("t[0-9a-f]{10}");
    }
}
