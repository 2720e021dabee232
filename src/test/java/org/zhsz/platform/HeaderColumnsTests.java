package org.zhsz.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Header rows as Excel and WPS write them reach the importers' fields; stray columns and short rows do no harm. */
class HeaderColumnsTests {

    private static final Map<String, String> ALIASES = Map.of("学籍号", "studentNo", "studentno", "studentNo",
            "姓名", "name", "name", "name");

    @Test
    void byteOrderMarkSpacesAndCaseDoNotHideAColumn() {
        HeaderColumns h = HeaderColumns.of(List.of("\uFEFF学籍号", " Student No ", "姓 名"), ALIASES);
        assertThat(h.has("studentNo")).isTrue();
        assertThat(h.has("name")).isTrue();
        assertThat(h.has("sex")).isFalse();
    }

    @Test
    void aRowIsReadByFieldTrimmedAndWithoutUnknownColumns() {
        HeaderColumns h = HeaderColumns.of(List.of("备注", "姓名", "学籍号"), ALIASES);
        assertThat(h.values(List.of("转学生", " 马思远 ", "G640424201301010011", "多余")))
                .containsExactlyInAnyOrderEntriesOf(Map.of("name", "马思远", "studentNo", "G640424201301010011"));
        assertThat(h.values(List.of("转学生", "马思远"))).containsExactlyInAnyOrderEntriesOf(Map.of("name", "马思远"));
        assertThat(h.values(Arrays.asList(null, null, "G1"))).containsExactlyInAnyOrderEntriesOf(
                Map.of("studentNo", "G1"));
    }
}
