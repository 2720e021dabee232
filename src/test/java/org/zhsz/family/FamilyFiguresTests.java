package org.zhsz.family;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.zhsz.organization.TermCalendar;
import org.zhsz.support.ZhszTest;

/** The read API other modules use (early warning, growth portrait), over the demo county's family data. */
@ZhszTest
class FamilyFiguresTests {

    @Autowired
    FamilyFigures figures;

    private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private final String term = TermCalendar.codeOf(today);

    @Test
    void aStudentsCheckInsOldestFirstWithSleepDerived() {
        var weeks = figures.checkIns("S1-C1-03", today.minusWeeks(5), today).collectList().block();
        assertThat(weeks).isNotEmpty().isSortedAccordingTo((a, b) -> a.weekStart().compareTo(b.weekStart()));
        assertThat(weeks).allSatisfy(w -> {
            assertThat(w.sleepMinutes()).isBetween(180, 960);
            assertThat(w.bedtime()).matches("\\d{2}:\\d{2}");
            assertThat(w.homeworkMinutes()).isNotNull();
        });
    }

    @Test
    void homeTasksOfATerm() {
        FamilyFigures.HomeTaskSummary s = figures.homeTasks("S1-C1-01", term).block();
        assertThat(s.confirmed()).isGreaterThanOrEqualTo(2); // the demo's two family-confirmed tasks
        assertThat(figures.homeTasks("S1-C1-01", "2000-2001-1").block().confirmed()).isZero();
    }

    @Test
    void aClassesNoticeConfirmationShare() {
        FamilyFigures.NoticeConfirmation c = figures.noticeConfirmation("S1-C1", term).block();
        assertThat(c.notices()).isGreaterThanOrEqualTo(3);
        assertThat(c.askingConfirmation()).isGreaterThanOrEqualTo(1);
        assertThat(c.confirmedShare()).isBetween(0.1, 100.0);
        assertThat(figures.noticeConfirmation("S2-C1", term).block().confirmedShare()).isNull();
    }
}
