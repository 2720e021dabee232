package org.zhsz.health;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The vision sheet's columns: the export writes {@link #EXPORT_HEADER}, the import reads it back and also the
 * national upload's vision columns (右眼裸眼视力, 右眼屈光球镜S …, 是否为角膜塑形镜（OK镜）佩戴者), so both files import.
 * Headers match after dropping spaces and bracketed notes and folding full-width characters.
 */
final class VisionColumns {

    private VisionColumns() {
    }

    static final String STUDENT_NO = "学籍号";
    static final String NAME = "姓名";
    static final String SEX = "性别";
    static final String GRADE = "年级";
    static final String CLASS = "班级";
    static final String DATE = "筛查日期";
    static final String GLASSES = "戴镜情况";
    static final String OK_LENS = "是否为角膜塑形镜（OK镜）佩戴者";

    /** Field keys of the eye columns, as {@code side.item}. */
    static final List<String> EYE_FIELDS = List.of("right.uncorrected", "left.uncorrected", "right.corrected",
            "left.corrected", "right.sphere", "right.cylinder", "right.axis", "left.sphere", "left.cylinder",
            "left.axis");

    static final Map<String, String> EYE_HEADERS = Map.of(
            "right.uncorrected", "右眼裸眼视力", "left.uncorrected", "左眼裸眼视力",
            "right.corrected", "右眼矫正视力", "left.corrected", "左眼矫正视力",
            "right.sphere", "右眼屈光球镜S", "right.cylinder", "右眼屈光柱镜C", "right.axis", "右眼屈光轴位A",
            "left.sphere", "左眼屈光球镜S", "left.cylinder", "左眼屈光柱镜C", "left.axis", "左眼屈光轴位A");

    /** Result columns the export adds for people; the import ignores them. */
    static final List<String> RESULT_COLUMNS = List.of("右眼视力等级", "左眼视力等级", "视力等级", "筛查性近视", "建议");

    static final List<String> EXPORT_HEADER;

    static {
        List<String> h = new java.util.ArrayList<>(List.of(STUDENT_NO, NAME, SEX, GRADE, CLASS, DATE, GLASSES));
        EYE_FIELDS.forEach(f -> h.add(EYE_HEADERS.get(f)));
        h.addAll(RESULT_COLUMNS);
        EXPORT_HEADER = List.copyOf(h);
    }

    private static final Map<String, String> FIELDS = new HashMap<>();

    static {
        for (String s : List.of("学籍号", "全国学籍号", "学籍编号", "studentNo")) {
            FIELDS.put(normalize(s), "studentNo");
        }
        FIELDS.put(normalize(NAME), "name");
        FIELDS.put(normalize(SEX), "sex");
        for (String s : List.of(DATE, "检查日期", "体检日期", "测试日期")) {
            FIELDS.put(normalize(s), "examinedOn");
        }
        for (String s : List.of(GLASSES, "戴镜类型", "戴镜")) {
            FIELDS.put(normalize(s), "glasses");
        }
        FIELDS.put(normalize(OK_LENS), "okLens");
        FIELDS.put(normalize("是否为角膜塑形镜佩戴者"), "okLens");
        EYE_HEADERS.forEach((field, header) -> FIELDS.put(normalize(header), field));
        for (String side : List.of("左", "右")) {
            String key = side.equals("左") ? "left" : "right";
            FIELDS.put(normalize(side + "眼球镜"), key + ".sphere");
            FIELDS.put(normalize(side + "眼屈光球镜"), key + ".sphere");
            FIELDS.put(normalize(side + "眼柱镜"), key + ".cylinder");
            FIELDS.put(normalize(side + "眼屈光柱镜"), key + ".cylinder");
            FIELDS.put(normalize(side + "眼轴位"), key + ".axis");
            FIELDS.put(normalize(side + "眼屈光轴位"), key + ".axis");
            // the 2021 national notice writes 左屈光轴位A
            FIELDS.put(normalize(side + "屈光轴位A"), key + ".axis");
            FIELDS.put(normalize(side + "眼视力"), key + ".uncorrected");
        }
    }

    /** studentNo, name, sex, examinedOn, glasses, okLens or an eye field; null for other columns. */
    static String field(String header) {
        return header == null ? null : FIELDS.get(normalize(header));
    }

    static String normalize(String header) {
        StringBuilder b = new StringBuilder();
        int depth = 0;
        for (char c : header.replace("\uFEFF", "").toCharArray()) {
            if (c >= '！' && c <= '～') {
                c = (char) (c - 0xFEE0);
            }
            if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0 && !Character.isWhitespace(c) && c != '　') {
                b.append(c);
            }
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }

    static String glassesLabel(VisionRules.Glasses g) {
        return switch (g) {
            case NONE -> "不戴镜";
            case FRAME -> "框架眼镜";
            case CONTACT -> "隐形眼镜";
            case ORTHO_K -> "角膜塑形镜";
        };
    }

    static String categoryLabel(String category) {
        if (category == null) {
            return "";
        }
        return switch (category) {
            case "normal" -> "正常";
            case "mild" -> "轻度视力不良";
            case "moderate" -> "中度视力不良";
            case "severe" -> "重度视力不良";
            default -> category;
        };
    }

    static String adviceLabel(VisionRules.Advice a) {
        return switch (a) {
            case NONE -> "保持良好用眼习惯";
            case RECHECK -> "建议复查";
            case SEE_DOCTOR -> "建议就医";
        };
    }
}
