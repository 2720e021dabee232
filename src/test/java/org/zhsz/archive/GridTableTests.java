package org.zhsz.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GridTableTests {

    static final float SIZE = 9f;

    @Test
    void shortTextStaysOnOneLine() {
        assertThat(GridTable.wrap("泾源县初中数学学科竞赛", SIZE, 200f)).containsExactly("泾源县初中数学学科竞赛");
    }

    @Test
    void chineseWrapsAtAnyCharacterAndKeepsEverything() {
        String text = "完成研究性学习课题《黄河流域生态保护现状调查》，负责资料查阅与数据整理";
        List<String> lines = GridTable.wrap(text, SIZE, 100f);
        assertThat(lines).hasSizeGreaterThan(2);
        assertThat(String.join("", lines)).isEqualTo(text);
        for (String line : lines) {
            assertThat(width(line)).isLessThanOrEqualTo(100f);
        }
    }

    @Test
    void closingPunctuationNeverStartsALineAndOpeningNeverEndsOne() {
        String text = "甲乙丙丁戊己庚辛壬癸，（子丑寅卯）辰巳午未申酉戌亥。《天地玄黄》宇宙洪荒，日月盈昃";
        for (float w = 30f; w < 200f; w += 3f) {
            List<String> lines = GridTable.wrap(text, SIZE, w);
            assertThat(String.join("", lines)).isEqualTo(text);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (i > 0) {
                    assertThat("，。）》").as("width %s line %s", w, line).doesNotContain(line.substring(0, 1));
                }
                if (i < lines.size() - 1) {
                    assertThat("（《").as("width %s line %s", w, line).doesNotContain(line.substring(line.length() - 1));
                }
            }
        }
    }

    @Test
    void latinWordsAndNumbersAreNotCutInTheMiddle() {
        List<String> lines = GridTable.wrap("校春季运动会 4x400 relay 接力", SIZE, 60f);
        assertThat(String.join(" ", lines)).contains("4x400", "relay");
    }

    @Test
    void rareCharactersAreMeasuredWithTheFallbackFont() {
        assertThat(GridTable.width(0x4DAE, SIZE)).isGreaterThan(SIZE * 0.8f);
    }

    @Test
    void aRunawayTextIsCutRatherThanOutgrowingThePage() {
        List<String> lines = GridTable.wrap("很长的记录".repeat(2_000), SIZE, 100f);
        assertThat(lines).hasSize(30);
        assertThat(lines.get(29)).endsWith("…");
    }

    private static float width(String s) {
        float w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            w += GridTable.width(cp, SIZE);
            i += Character.charCount(cp);
        }
        return w;
    }
}
