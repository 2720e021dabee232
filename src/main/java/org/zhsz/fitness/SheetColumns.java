package org.zhsz.fitness;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The column layout schools use for fitness sheets (and the national student-health data system's upload): the
 * import reads it, the export writes it, so an exported sheet imports back unchanged. Headers are matched after
 * normalising full-width characters, spaces, units in brackets and 1/一, so "身高（cm）" and "1分钟跳绳" match.
 */
final class SheetColumns {

    private SheetColumns() {
    }

    static final String STUDENT_NO = "学籍号";
    static final String NAME = "姓名";
    static final String SEX = "性别";
    static final String TEST_DATE = "测试日期";
    static final String MAKEUP = "补测";
    static final String EXEMPT = "免测";
    static final String EXEMPT_REASON = "免测原因";

    /** The measurement columns in the order schools print them, with their item keys. */
    static final Map<String, String> ITEMS = new LinkedHashMap<>();

    static {
        ITEMS.put("身高", "height_cm");
        ITEMS.put("体重", "weight_kg");
        ITEMS.put("肺活量", "vital_capacity");
        ITEMS.put("50米跑", "run_50m");
        ITEMS.put("坐位体前屈", "sit_and_reach");
        ITEMS.put("一分钟跳绳", "rope_skipping_1min");
        ITEMS.put("一分钟仰卧起坐", "sit_ups_1min");
        ITEMS.put("50米×8往返跑", "shuttle_50x8");
        ITEMS.put("立定跳远", "standing_long_jump");
        ITEMS.put("引体向上", "pull_ups");
        ITEMS.put("1000米跑", "run_1000m");
        ITEMS.put("800米跑", "run_800m");
    }

    /** The header row of an export: identity, measurements, our extras, then read-only results. */
    static final List<String> EXPORT_HEADER;

    /** Columns the export adds for people; the import ignores them. */
    static final List<String> RESULT_COLUMNS = List.of("年级", "班级", "标准分", "附加分", "学年总分", "等级");

    static {
        List<String> h = new java.util.ArrayList<>(List.of(STUDENT_NO, NAME, SEX));
        h.addAll(ITEMS.keySet());
        h.addAll(List.of(TEST_DATE, MAKEUP, EXEMPT, EXEMPT_REASON));
        h.addAll(RESULT_COLUMNS);
        EXPORT_HEADER = List.copyOf(h);
    }

    private static final Map<String, String> FIELDS = new LinkedHashMap<>();

    static {
        for (String s : List.of("学籍号", "全国学籍号", "学籍编号", "studentno")) {
            FIELDS.put(normalize(s), "studentNo");
        }
        FIELDS.put(normalize("姓名"), "name");
        FIELDS.put(normalize("name"), "name");
        FIELDS.put(normalize("性别"), "sex");
        FIELDS.put(normalize("sex"), "sex");
        FIELDS.put(normalize(TEST_DATE), "testDate");
        FIELDS.put(normalize(MAKEUP), "makeup");
        FIELDS.put(normalize(EXEMPT), "exempt");
        FIELDS.put(normalize(EXEMPT_REASON), "exemptReason");
        ITEMS.forEach((header, key) -> {
            FIELDS.put(normalize(header), key);
            FIELDS.put(normalize(key), key);
        });
        FIELDS.put(normalize("50米"), "run_50m");
        FIELDS.put(normalize("跳绳"), "rope_skipping_1min");
        FIELDS.put(normalize("仰卧起坐"), "sit_ups_1min");
        FIELDS.put(normalize("50×8往返跑"), "shuttle_50x8");
        FIELDS.put(normalize("往返跑"), "shuttle_50x8");
        FIELDS.put(normalize("1000米"), "run_1000m");
        FIELDS.put(normalize("800米"), "run_800m");
    }

    /** The field a header names: studentNo, name, sex, testDate, makeup, exempt, exemptReason or an item key. */
    static String field(String header) {
        return header == null ? null : FIELDS.get(normalize(header));
    }

    static String normalize(String header) {
        StringBuilder b = new StringBuilder();
        String h = header.replace("\uFEFF", "");
        int depth = 0;
        for (int i = 0; i < h.length(); i++) {
            char c = h.charAt(i);
            if (c >= '０' && c <= '９') {
                c = (char) (c - '０' + '0');
            } else if (c >= 'Ａ' && c <= 'ｚ') {
                c = (char) (c - 'Ａ' + 'A');
            }
            switch (c) {
                case '(', '（', '[', '【' -> depth++;
                case ')', '）', ']', '】' -> depth = Math.max(0, depth - 1);
                case 'x', 'X', '*', '＊', '✕', '╳' -> {
                    if (depth == 0) {
                        b.append('×');
                    }
                }
                default -> {
                    if (depth == 0 && !Character.isWhitespace(c) && c != '　') {
                        b.append(c);
                    }
                }
            }
        }
        String s = b.toString().toLowerCase(Locale.ROOT).replace("1分钟", "一分钟").replace("m", "米");
        return s;
    }

    /** 是/Y/1/√/true/免测/补测 mean yes; blank, 否, N, 0 mean no. */
    static Boolean flag(String cell) {
        if (cell == null || cell.isBlank()) {
            return false;
        }
        return switch (cell.trim().toLowerCase(Locale.ROOT)) {
            case "是", "y", "yes", "1", "√", "✓", "true", "免测", "补测" -> true;
            case "否", "n", "no", "0", "false" -> false;
            default -> null;
        };
    }
}
