package org.zhsz.organization;

/**
 * School stages (学段). A class's grade level (1–12, as the fitness standard counts) follows from the stage,
 * the class's entry year and the term.
 */
public enum SchoolStage {
    PRIMARY(1, 6, "小学"), JUNIOR(7, 3, "初中"), SENIOR(10, 3, "高中");

    private final int firstGradeLevel;
    private final int years;
    private final String label;

    SchoolStage(int firstGradeLevel, int years, String label) {
        this.firstGradeLevel = firstGradeLevel;
        this.years = years;
        this.label = label;
    }

    public int firstGradeLevel() {
        return firstGradeLevel;
    }

    public int years() {
        return years;
    }

    public String label() {
        return label;
    }

    /** Grade level 1–12 of a class that entered in {@code entryYear}, during the school year starting {@code startYear}. */
    public int gradeLevel(int entryYear, int schoolYearStart) {
        return firstGradeLevel + (schoolYearStart - entryYear);
    }

    /** Whether a class of this entry year is still in this stage in the given school year. */
    public boolean inStage(int entryYear, int schoolYearStart) {
        int offset = schoolYearStart - entryYear;
        return offset >= 0 && offset < years;
    }

    /** 届: the year the class graduates from this stage. */
    public int graduationYear(int entryYear) {
        return entryYear + years;
    }

    private static final String[] GRADE_NAMES = {"一年级", "二年级", "三年级", "四年级", "五年级", "六年级", "七年级",
            "八年级", "九年级", "高一", "高二", "高三"};

    public static String gradeName(int gradeLevel) {
        if (gradeLevel < 1 || gradeLevel > 12) {
            return gradeLevel < 1 ? "未入学" : "已毕业";
        }
        return GRADE_NAMES[gradeLevel - 1];
    }

    /** "七年级(1)班" */
    public String className(int entryYear, int schoolYearStart, int classNo) {
        int offset = schoolYearStart - entryYear;
        if (offset >= years) {
            return graduationYear(entryYear) + "届(" + classNo + ")班";
        }
        return gradeName(gradeLevel(entryYear, schoolYearStart)) + "(" + classNo + ")班";
    }
}
