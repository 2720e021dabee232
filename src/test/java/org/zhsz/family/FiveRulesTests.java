package org.zhsz.family;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zhsz.platform.FieldError;

/**
 * 五项管理 targets from the data file, at their boundaries: sleep 10 h / 9 h / 8 h by stage, bedtime by stage, written
 * homework none in grades 1–2, ≤ 60 min in 3–6, ≤ 90 min in 7–9 and no national limit in senior high; phone;
 * exercise ≥ 60 min; reading reported only.
 */
class FiveRulesTests {

    private static final FiveForms FORMS;

    static {
        try {
            FORMS = new FiveForms("");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static FiveForms.Target target(String code) {
        return FORMS.targets().stream().filter(t -> t.code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void theShippedFileNamesItsSources() {
        assertThat(FiveForms.problems(FORMS.catalogue())).isEmpty();
        assertThat(FORMS.catalogue().sources()).extracting(FiveForms.Source::number)
                .contains("教基厅函〔2021〕11号", "教基厅函〔2021〕13号", "教基厅函〔2021〕3号", "教材〔2021〕2号",
                        "教体艺厅函〔2021〕16号");
    }

    @Test
    void sleepByStageAtTheBoundary() {
        FiveForms.Target sleep = target("sleep");
        assertThat(FiveRules.meets(sleep, 600, 4, "PRIMARY")).isTrue();
        assertThat(FiveRules.meets(sleep, 599, 4, "PRIMARY")).isFalse();
        assertThat(FiveRules.meets(sleep, 540, 7, "JUNIOR")).isTrue();
        assertThat(FiveRules.meets(sleep, 539, 7, "JUNIOR")).isFalse();
        assertThat(FiveRules.meets(sleep, 480, 11, "SENIOR")).isTrue();
        assertThat(FiveRules.meets(sleep, 479, 11, "SENIOR")).isFalse();
    }

    @Test
    void homeworkByGradeAtTheBoundary() {
        FiveForms.Target hw = target("homework");
        assertThat(FiveRules.meets(hw, 0, 1, "PRIMARY")).isTrue();
        assertThat(FiveRules.meets(hw, 1, 2, "PRIMARY")).isFalse();
        assertThat(FiveRules.meets(hw, 60, 3, "PRIMARY")).isTrue();
        assertThat(FiveRules.meets(hw, 61, 6, "PRIMARY")).isFalse();
        assertThat(FiveRules.meets(hw, 90, 7, "JUNIOR")).isTrue();
        assertThat(FiveRules.meets(hw, 91, 9, "JUNIOR")).isFalse();
        // the 2021 notice sets no limit for senior high: no target, not "met"
        assertThat(FiveRules.limit(hw, 10, "SENIOR")).isNull();
        assertThat(FiveRules.meets(hw, 200, 10, "SENIOR")).isNull();
    }

    @Test
    void bedtimeAfterMidnightIsLate() {
        FiveForms.Target bed = target("bedtime");
        assertThat(FiveRules.meets(bed, "22:00", 8, "JUNIOR")).isTrue();
        assertThat(FiveRules.meets(bed, "22:01", 8, "JUNIOR")).isFalse();
        assertThat(FiveRules.meets(bed, "00:30", 8, "JUNIOR")).isFalse();
        assertThat(FiveRules.meets(bed, "21:20", 2, "PRIMARY")).isTrue();
        assertThat(FiveRules.meets(bed, "21:21", 2, "PRIMARY")).isFalse();
    }

    @Test
    void phoneExerciseAndReading() {
        assertThat(FiveRules.meets(target("phone"), false, 7, "JUNIOR")).isTrue();
        assertThat(FiveRules.meets(target("phone"), true, 7, "JUNIOR")).isFalse();
        assertThat(FiveRules.meets(target("exercise"), 60, 7, "JUNIOR")).isTrue();
        assertThat(FiveRules.meets(target("exercise"), 59, 7, "JUNIOR")).isFalse();
        assertThat(FiveRules.meets(target("reading"), 0, 7, "JUNIOR")).isNull();
    }

    @Test
    void sleepIsCountedAcrossMidnight() {
        assertThat(FiveRules.sleepMinutes("21:30", "06:30")).isEqualTo(540);
        assertThat(FiveRules.sleepMinutes("00:15", "06:45")).isEqualTo(390);
        assertThat(FiveRules.plausibleSleep(FiveRules.sleepMinutes("06:30", "06:00"))).isFalse();
        assertThat(FiveRules.plausibleSleep(FiveRules.sleepMinutes("06:00", "07:00"))).isFalse();
    }

    @Test
    void aCheckInIsCheckedAgainstTheForm() {
        Map<String, Object> v = new HashMap<>(Map.of("bedtime", "9:45", "wakeTime", "06:40", "homeworkMinutes", 80,
                "phoneAtSchool", false, "booksRead", 1, "exerciseMinutes", 45));
        FiveRules.Checked ok = FiveRules.check(FORMS.form(FiveForms.CHECK_IN), v, "values.");
        assertThat(ok.errors()).isEmpty();
        assertThat(ok.values()).containsEntry("bedtime", "09:45");
        v.put("bedtime", "25:00");
        v.put("homeworkMinutes", 601);
        v.put("booksRead", 1.5);
        v.put("phoneAtSchool", "no");
        v.put("mood", "good");
        assertThat(FiveRules.check(FORMS.form(FiveForms.CHECK_IN), v, "values.").errors())
                .extracting(e -> e.field() + ":" + e.code()).containsExactlyInAnyOrder("values.mood:unknown",
                        "values.bedtime:time", "values.homeworkMinutes:out_of_range", "values.booksRead:type",
                        "values.phoneAtSchool:type");
        v.clear();
        assertThat(FiveRules.check(FORMS.form(FiveForms.CHECK_IN), v, "").errors()).extracting(FieldError::code)
                .containsOnly("required").hasSize(6);
    }

    @Test
    void weeksAreMondaysOfThisWeekAndTheFourBefore() {
        LocalDate today = LocalDate.of(2026, 12, 9); // a Wednesday
        assertThat(FiveRules.weekProblem(LocalDate.of(2026, 12, 7), today)).isNull();
        assertThat(FiveRules.weekProblem(LocalDate.of(2026, 12, 8), today)).isEqualTo("not_monday");
        assertThat(FiveRules.weekProblem(LocalDate.of(2026, 12, 14), today)).isEqualTo("in_future");
        assertThat(FiveRules.weekProblem(LocalDate.of(2026, 11, 9), today)).isNull();
        assertThat(FiveRules.weekProblem(LocalDate.of(2026, 11, 2), today)).isEqualTo("week_closed");
    }

    @Test
    void aBrokenFileIsRefused() {
        FiveForms.Catalogue c = FORMS.catalogue();
        FiveForms.Catalogue broken = new FiveForms.Catalogue(2, c.about(), c.sources().subList(1, 2), c.forms(),
                c.targets());
        assertThat(FiveForms.problems(broken)).anyMatch(p -> p.contains("has no source"));
    }
}
