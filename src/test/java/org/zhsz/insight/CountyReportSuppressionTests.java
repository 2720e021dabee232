package org.zhsz.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zhsz.organization.SchoolStage;
import org.zhsz.organization.Views.SchoolView;

/** How the county report publishes rates: small counts and remainders hidden, and none recoverable from the county. */
class CountyReportSuppressionTests {

    static CountyReport.SchoolCounts school(String id, long count, long of) {
        Map<String, CountyReport.Count> c = Map.of("fitness_pass", new CountyReport.Count(count, of));
        return new CountyReport.SchoolCounts(new SchoolView(id, "640424", id, id, SchoolStage.JUNIOR, null, 0L), c,
                c);
    }

    @Test
    void aSchoolWithThreeFailuresIsHiddenAndSoIsAnotherSoTheCountyRateGivesNothingAway() {
        // S1: 40 of 50 pass; S2: 27 of 30 pass (3 fail: a small remainder); S3: 60 of 70
        var p = CountyReport.publish(List.of(school("S1", 40, 50), school("S2", 27, 30), school("S3", 60, 70)),
                "fitness_pass", true, true);
        assertThat(p.bySchool().get("S2")).isNull();
        // the county rate is published, so a second school must be hidden with S2
        assertThat(p.county()).isEqualByComparingTo(new BigDecimal("84.7"));
        long hidden = p.bySchool().values().stream().filter(v -> v == null).count();
        assertThat(hidden).isGreaterThanOrEqualTo(2);
    }

    @Test
    void largeCountsArePublishedExactly() {
        var p = CountyReport.publish(List.of(school("S1", 40, 50), school("S2", 20, 30)), "fitness_pass", true, true);
        assertThat(p.bySchool().get("S1")).isEqualByComparingTo(new BigDecimal("80.0"));
        assertThat(p.bySchool().get("S2")).isEqualByComparingTo(new BigDecimal("66.7"));
        assertThat(p.county()).isEqualByComparingTo(new BigDecimal("75.0"));
    }

    @Test
    void attendanceCountsDaysNotPeopleAndIsNotSuppressed() {
        var p = CountyReport.publish(List.of(school("S1", 998, 1000), school("S2", 500, 500)), "fitness_pass", true,
                false);
        assertThat(p.bySchool().get("S1")).isEqualByComparingTo(new BigDecimal("99.8"));
    }
}
