package org.zhsz.platform;

import java.util.List;

/** Chinese personal names as an identity provider wants them: a family name and a given name, both non-empty. */
public final class PersonNames {

    /** Compound surnames (复姓) common enough to matter. */
    private static final List<String> COMPOUND_SURNAMES = List.of("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟",
            "公孙", "慕容", "长孙", "宇文", "司徒", "令狐", "夏侯", "轩辕", "端木", "南宫", "西门", "独孤", "百里", "呼延",
            "申屠", "太史", "闻人", "澹台", "公冶", "万俟", "赫连", "钟离", "拓跋");

    private PersonNames() {
    }

    /**
     * {family, given}: the first character, or a 复姓; names written given·family (阿依古丽·买买提) split at the
     * dot; a one-character name is both.
     */
    public static String[] familyAndGiven(String fullName) {
        String n = fullName.trim();
        int dot = n.indexOf('·');
        if (dot > 0 && dot < n.length() - 1) {
            return new String[]{n.substring(dot + 1), n.substring(0, dot)};
        }
        if (n.codePointCount(0, n.length()) <= 1) {
            return new String[]{n, n};
        }
        for (String compound : COMPOUND_SURNAMES) {
            if (n.startsWith(compound) && n.length() > compound.length()) {
                return new String[]{compound, n.substring(compound.length())};
            }
        }
        int first = n.offsetByCodePoints(0, 1);
        return new String[]{n.substring(0, first), n.substring(first)};
    }
}
