package org.zhsz.wellbeing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Exact at every band boundary and for PHQ-9 item 9; invalid answers refused; a school can add an instrument. */
class InstrumentScorerTests {

    private static final Instruments CATALOGUE;

    static {
        try {
            CATALOGUE = new Instruments("");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instrument phq9() {
        return CATALOGUE.find("phq9").orElseThrow();
    }

    private static Instrument gad7() {
        return CATALOGUE.find("gad7").orElseThrow();
    }

    /** Answers summing to {@code total} with item 9 (index 8) kept at {@code item9}. */
    static List<Integer> answers(int items, int total, int lastIndex, int lastValue) {
        List<Integer> a = new ArrayList<>(Collections.nCopies(items, 0));
        int rest = total - lastValue;
        a.set(lastIndex, lastValue);
        for (int i = 0; i < items && rest > 0; i++) {
            if (i == lastIndex) {
                continue;
            }
            int v = Math.min(3, rest);
            a.set(i, v);
            rest -= v;
        }
        if (rest > 0) {
            throw new IllegalArgumentException("total too high");
        }
        return a;
    }

    @ParameterizedTest(name = "PHQ-9 total {0} -> {1}")
    @CsvSource({"0, none", "4, none", "5, mild", "9, mild", "10, moderate", "14, moderate", "15, moderately_severe",
            "19, moderately_severe", "20, severe", "24, severe"})
    void phq9BandsAtEveryBoundary(int total, String band) {
        InstrumentScorer.Score s = InstrumentScorer.score(phq9(), answers(9, total, 8, 0));
        assertThat(s.total()).isEqualTo(total);
        assertThat(s.band()).isEqualTo(band);
        assertThat(s.critical()).isFalse();
        assertThat(s.raisesAlert()).isEqualTo(band.equals("severe"));
    }

    @Test
    void phq9MaximumIsSevereAndCritical() {
        InstrumentScorer.Score s = InstrumentScorer.score(phq9(), Collections.nCopies(9, 3));
        assertThat(s.total()).isEqualTo(27);
        assertThat(s.band()).isEqualTo("severe");
        assertThat(s.critical()).isTrue();
    }

    @ParameterizedTest(name = "PHQ-9 item 9 = {0} -> critical {1}")
    @CsvSource({"0, false", "1, true", "2, true", "3, true"})
    void item9AboveZeroIsCriticalWhateverTheTotal(int item9, boolean critical) {
        InstrumentScorer.Score s = InstrumentScorer.score(phq9(), answers(9, item9, 8, item9));
        assertThat(s.critical()).isEqualTo(critical);
        assertThat(s.band()).isEqualTo("none");
        assertThat(s.raisesAlert()).isEqualTo(critical);
        assertThat(s.criticalItems()).isEqualTo(critical ? List.of(9) : List.of());
    }

    @ParameterizedTest(name = "GAD-7 total {0} -> {1}")
    @CsvSource({"0, none", "4, none", "5, mild", "9, mild", "10, moderate", "14, moderate", "15, severe", "21, severe"})
    void gad7BandsAtEveryBoundary(int total, String band) {
        InstrumentScorer.Score s = InstrumentScorer.score(gad7(), answers(7, total, 6, Math.min(3, total)));
        assertThat(s.total()).isEqualTo(total);
        assertThat(s.band()).isEqualTo(band);
        assertThat(s.critical()).isFalse();
    }

    @Test
    void invalidAnswersAreNamed() {
        assertThat(InstrumentScorer.validate(phq9(), List.of(0, 0, 0))).extracting(e -> e.code())
                .containsExactly("wrong_count");
        assertThat(InstrumentScorer.validate(phq9(), List.of(0, 0, 0, 4, 0, 0, -1, 0, 0)))
                .extracting(e -> e.field()).containsExactly("answers[3]", "answers[6]");
        List<Integer> withNull = new ArrayList<>(Collections.nCopies(7, 0));
        withNull.set(2, null);
        assertThat(InstrumentScorer.validate(gad7(), withNull)).extracting(e -> e.field())
                .containsExactly("answers[2]");
        assertThat(InstrumentScorer.validate(gad7(), null)).extracting(e -> e.code()).containsExactly("required");
    }

    @Test
    void theAdolescentWordingIsOffered() {
        Map<String, Object> view = phq9().publicView("adolescent");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) view.get("items");
        assertThat(items).hasSize(9);
        assertThat(items.get(1).get("text").toString()).contains("烦躁").contains("irritable");
        assertThat(phq9().publicView(null).get("items").toString()).doesNotContain("irritable");
    }

    @Test
    void aSchoolAddsALicensedInstrumentAsAFileWithReverseItemsAndSubscales(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("wellness5.json"), """
                {"code": "wellness5", "version": 1, "name": {"zh-CN": "测试量表", "en": "Test scale"},
                 "options": [{"value": 1, "label": {"en": "never"}}, {"value": 2, "label": {"en": "sometimes"}},
                             {"value": 3, "label": {"en": "often"}}],
                 "items": [{"n": 1, "text": {"en": "a"}, "subscale": "mood"},
                           {"n": 2, "text": {"en": "b"}, "subscale": "mood", "reverse": true},
                           {"n": 3, "text": {"en": "c"}, "subscale": "sleep", "critical": {"above": 2}}],
                 "subscales": [{"code": "mood", "label": {"en": "Mood"},
                                "bands": [{"code": "ok", "min": 2, "max": 4}, {"code": "low", "min": 5, "max": 6}]},
                               {"code": "sleep", "label": {"en": "Sleep"}}],
                 "bands": [{"code": "low", "min": 3, "max": 6}, {"code": "high", "min": 7, "max": 9, "alert": true}]}
                """);
        Instruments withFile = new Instruments(dir.toString());
        Instrument w = withFile.find("wellness5").orElseThrow();
        // item 2 is reversed: 1 -> 3
        InstrumentScorer.Score s = InstrumentScorer.score(w, List.of(3, 1, 3));
        assertThat(s.total()).isEqualTo(9);
        assertThat(s.band()).isEqualTo("high");
        assertThat(s.alertBand()).isTrue();
        assertThat(s.subscales()).containsEntry("mood", 6).containsEntry("sleep", 3);
        assertThat(s.subscaleBands()).containsEntry("mood", "low");
        assertThat(s.criticalItems()).containsExactly(3);
        assertThat(withFile.find("phq9")).isPresent();
    }

    @Test
    void aFileWithGapsInItsBandsIsRefusedAtStart(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("broken.json"), """
                {"code": "broken", "version": 1, "name": {"en": "x"},
                 "options": [{"value": 0, "label": {"en": "no"}}, {"value": 1, "label": {"en": "yes"}}],
                 "items": [{"n": 1, "text": {"en": "a"}}, {"n": 2, "text": {"en": "b"}}],
                 "bands": [{"code": "low", "min": 0, "max": 0}, {"code": "high", "min": 2, "max": 2}]}
                """);
        assertThatThrownBy(() -> new Instruments(dir.toString())).hasMessageContaining("score 1 falls in 0 bands");
    }
}
