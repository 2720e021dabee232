package org.zhsz.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one text rule, without Spring: what people really type passes, invisible tricks do not. */
class SafeTextTests {

    @ParameterizedTest
    @ValueSource(strings = {"马思远", "拾金不昧，受到表扬！", "Ma Siyuan (马思远)", "二年级（3）班 — 第1名",
            "👍🏽 好样的", "家人 👨‍👩‍👧 一起参加", "❤️ 志愿服务", "🇨🇳", "a b", "O'Neil", "100% 完成; 5/5 @学校",
            "‘引号’“双引号”《书名》", "𠀀𪚥 (rare CJK outside the BMP)", ""})
    void ordinaryTextPasses(String s) {
        assertThat(SafeText.check(s, false)).isNull();
        assertThat(SafeText.check(s, true)).isNull();
    }

    @Test
    void lineBreaksAndTabsOnlyInMultiLineFields() {
        assertThat(SafeText.check("第一行\n第二行\r\n\t缩进", true)).isNull();
        assertThat(SafeText.check("第一行\n第二行", false)).isEqualTo(SafeText.Problem.LINE_BREAK);
        assertThat(SafeText.check("a\rb", false)).isEqualTo(SafeText.Problem.LINE_BREAK);
        assertThat(SafeText.check("a\u2028b", false)).isEqualTo(SafeText.Problem.LINE_BREAK);
        assertThat(SafeText.check("a\tb", false)).isEqualTo(SafeText.Problem.CONTROL_CHARACTER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "\u0007", "x\u001B[31m", "del\u007F", "c1\u0085", "c1\u009B"})
    void controlCharactersAreRefusedEvenInMultiLineFields(String s) {
        assertThat(SafeText.check(s, true)).isEqualTo(SafeText.Problem.CONTROL_CHARACTER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u202Egpj.exe", "a\u202Ab", "\u202B", "\u202C", "\u202D", "\u2066x\u2069", "\u2067",
            "\u2068"})
    void bidiOverridesAndIsolatesAreRefused(String s) {
        assertThat(SafeText.check(s, true)).isEqualTo(SafeText.Problem.BIDI_CONTROL);
    }

    @Test
    void unpairedSurrogatesAreRefused() {
        assertThat(SafeText.check("a\uD800", false)).isEqualTo(SafeText.Problem.UNPAIRED_SURROGATE);
        assertThat(SafeText.check("\uDC00b", false)).isEqualTo(SafeText.Problem.UNPAIRED_SURROGATE);
        assertThat(SafeText.check("\uD800\uD800", false)).isEqualTo(SafeText.Problem.UNPAIRED_SURROGATE);
        assertThat(SafeText.check("\uD83D\uDE00", false)).isNull(); // 😀, a proper pair
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u200B", "\u200B\u200C\u200D", "\uFEFF", "\u2060\u2060", "\u3164", "\u115F\u1160",
            "\u00A0\u200B", "\u3000\u3000", "\u00AD", "\uFE0F", "\u2800", " \u200B "})
    void textMadeOnlyOfInvisibleCharactersIsRefused(String s) {
        assertThat(SafeText.check(s, true)).isEqualTo(SafeText.Problem.INVISIBLE_ONLY);
    }

    @Test
    void invisibleCharactersInsideRealTextAreFine() {
        assertThat(SafeText.check("马\u200B思远", false)).isNull();
        assertThat(SafeText.check("\u3000\u3000第一段", true)).isNull(); // Chinese paragraph indent
    }

    @Test
    void noncharactersAreRefused() {
        assertThat(SafeText.check("a\uFFFE", false)).isEqualTo(SafeText.Problem.NONCHARACTER);
        assertThat(SafeText.check("\uFDD0", false)).isEqualTo(SafeText.Problem.NONCHARACTER);
    }
}
