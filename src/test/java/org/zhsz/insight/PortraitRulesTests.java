package org.zhsz.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zhsz.record.Dimension;

import tools.jackson.databind.json.JsonMapper;

/** The portrait's scoring rules from the shipped data file, without Spring. */
class PortraitRulesTests {

    static final PortraitRules RULES = PortraitRules.load();

    static PortraitRules.Scored of(List<PortraitRules.Scored> all, Dimension d) {
        return all.stream().filter(s -> s.dimension() == d).findFirst().orElseThrow();
    }

    @Test
    void everyDimensionIsScoredAndLevelled() {
        assertThat(RULES.dimensions()).containsExactly(Dimension.MORAL, Dimension.ACADEMIC, Dimension.PHYSICAL,
                Dimension.ARTS, Dimension.LABOUR, Dimension.SOCIAL_PRACTICE);
        Map<String, Double> f = new HashMap<>();
        f.put("records.MORAL", 4.0);
        f.put("violations", 0.0);
        f.put("records.ACADEMIC", 1.0);
        f.put("fitnessTotal", 80.0);
        f.put("sportsSkills", 1.0);
        f.put("records.PHYSICAL", 3.0);
        f.put("artsSkills", 0.0);
        f.put("records.ARTS", 3.0);
        f.put("labourHours", 8.0);
        f.put("records.SOCIAL_PRACTICE", 5.0);
        List<PortraitRules.Scored> s = RULES.score(f);
        assertThat(of(s, Dimension.MORAL).score()).isEqualTo(100);
        assertThat(of(s, Dimension.MORAL).level()).isEqualTo("EXCELLENT");
        assertThat(of(s, Dimension.ACADEMIC).score()).isEqualTo(33);
        assertThat(of(s, Dimension.ACADEMIC).level()).isEqualTo("IMPROVE");
        // 0.6 × 80 + 0.2 × 100 + 0.2 × 100
        assertThat(of(s, Dimension.PHYSICAL).score()).isEqualTo(88);
        assertThat(of(s, Dimension.ARTS).score()).isEqualTo(50);
        assertThat(of(s, Dimension.ARTS).level()).isEqualTo("PASS");
        assertThat(of(s, Dimension.LABOUR).score()).isEqualTo(50);
        // more than full marks counts as full marks
        assertThat(of(s, Dimension.SOCIAL_PRACTICE).score()).isEqualTo(100);

        // a violation costs 25 points of 思想品德
        f.put("violations", 1.0);
        assertThat(of(RULES.score(f), Dimension.MORAL).score()).isEqualTo(75);
        assertThat(of(RULES.score(f), Dimension.MORAL).level()).isEqualTo("GOOD");
    }

    @Test
    void aFigureTheViewerMayNotReadIsLeftOutNotCountedAsZero() {
        // a viewer without FITNESS_SCORE: PHYSICAL from skills and records alone
        Map<String, Double> f = Map.of("sportsSkills", 1.0, "records.PHYSICAL", 3.0);
        assertThat(of(RULES.score(f), Dimension.PHYSICAL).score()).isEqualTo(100);
        // nothing readable: no score, no level
        PortraitRules.Scored none = of(RULES.score(Map.of()), Dimension.LABOUR);
        assertThat(none.score()).isNull();
        assertThat(none.level()).isNull();
    }

    @Test
    void theFileIsCheckedWhenLoaded() {
        String noZero = """
                {"version":"x","levels":[{"code":"A","minScore":50}],"dimensions":[]}
                """;
        assertThatThrownBy(() -> PortraitRules.parse(JsonMapper.builder().build().readTree(noZero)))
                .hasMessageContaining("0");
        String badWeight = """
                {"version":"x","levels":[{"code":"A","minScore":0}],
                 "dimensions":[{"dimension":"LABOUR","parts":[{"figure":"labourHours","weight":0,"full":16}]}]}
                """;
        assertThatThrownBy(() -> PortraitRules.parse(JsonMapper.builder().build().readTree(badWeight)))
                .hasMessageContaining("positive");
    }
}
