package org.zhsz.fitness;

/**
 * The 2014 standard as flat int arrays, built once by {@link StandardLoader} and never written afterwards, so one
 * instance is shared by every thread without locks.
 *
 * <p>Layout: a <em>cell</em> is one (item, grade, sex); its rows sit at {@code cell * ROWS}. Thresholds are stored
 * "higher is better" (times are negated), best row first, and padded with {@link Integer#MIN_VALUE}. The score is
 * then {@code rowScores[number of thresholds the value fails]}, a branch-free count over 20 ints: the last real
 * row's next slot holds 0 ("worse than the last row → 0"), and a value at or above the first row fails none and
 * gets 100. Pull-up gaps need no special case: blank rows are simply absent, so one rep under the 80 row gives
 * the next printed row, 76.
 */
final class Standard {

    static final int MAX_GRADE = 16;
    static final int ROWS = 20;
    static final int SCORE_SLOTS = ROWS + 1;
    static final int MALE = 0;
    static final int FEMALE = 1;

    /** Grade numbers 1–16 as the tables name them. */
    static final String[] GRADE_NAMES = {null, "一年级", "二年级", "三年级", "四年级", "五年级", "六年级",
            "初一", "初二", "初三", "高一", "高二", "高三", "大一", "大二", "大三", "大四"};

    static int cell(int item, int grade, int sex) {
        return (item * (MAX_GRADE + 1) + grade) * 2 + sex;
    }

    static int group(int grade, int sex) {
        return grade * 2 + sex;
    }

    static int cellCount() {
        return Item.COUNT * (MAX_GRADE + 1) * 2;
    }

    private final int[] thresholds;
    private final int[] rowScores;
    private final int[] bonusNeeds;
    private final int[] weights;
    private final int[][] profiles;
    private final boolean[] lowerIsBetter;
    /** Per group: inclusive upper bounds (BMI tenths) of 低体重, 正常, 超重; anything above is 肥胖. */
    private final int[] bmiUpper;
    /** Per group × 4 categories: the category's score (80, 100, 80, 60). */
    private final int[] bmiScores;
    private final String[] bmiCategories;
    /** Single-item levels: lowest score of each, best first (90, 80, 60, 0). */
    private final int[] levelMins;
    private final String[] levelNames;
    /** 学年总分 rating: lowest total in tenths of each band, best first (900, 800, 600, 0). */
    private final int[] ratingMinTenths;
    private final String[] ratingNames;

    Standard(int[] thresholds, int[] rowScores, int[] bonusNeeds, int[] weights,
             int[] bmiUpper, int[] bmiScores, String[] bmiCategories, int[] levelMins, String[] levelNames,
             int[] ratingMinTenths, String[] ratingNames) {
        this.thresholds = thresholds;
        this.rowScores = rowScores;
        this.bonusNeeds = bonusNeeds;
        this.weights = weights;
        this.bmiUpper = bmiUpper;
        this.bmiScores = bmiScores;
        this.bmiCategories = bmiCategories;
        this.levelMins = levelMins;
        this.levelNames = levelNames;
        this.ratingMinTenths = ratingMinTenths;
        this.ratingNames = ratingNames;
        this.lowerIsBetter = new boolean[Item.COUNT];
        for (Item item : Item.ALL) {
            lowerIsBetter[item.ordinal()] = item.lowerIsBetter;
        }
        this.profiles = new int[group(MAX_GRADE, FEMALE) + 1][];
        for (int grade = 1; grade <= MAX_GRADE; grade++) {
            for (int sex = 0; sex < 2; sex++) {
                int n = 0;
                int[] p = new int[Item.COUNT];
                for (Item item : Item.ALL) {
                    if (weight(grade, sex, item.ordinal()) > 0) {
                        p[n++] = item.ordinal();
                    }
                }
                profiles[group(grade, sex)] = java.util.Arrays.copyOf(p, n);
            }
        }
    }

    /** Weight in percent of the item in this grade and sex; 0 when the item is not part of its standard. */
    int weight(int grade, int sex, int item) {
        return weights[group(grade, sex) * Item.COUNT + item];
    }

    /** The scored items of a grade and sex (BMI first), as item ordinals. Shared array: do not modify. */
    int[] profile(int grade, int sex) {
        return profiles[group(grade, sex)];
    }

    /** Single-item score for a recorded value; the item must be in this grade and sex's standard. */
    int score(int item, int grade, int sex, int recorded) {
        int c = cell(item, grade, sex);
        int v = lowerIsBetter[item] ? -recorded : recorded;
        int base = c * ROWS;
        int failed = 0;
        for (int r = 0; r < ROWS; r++) {
            failed += v < thresholds[base + r] ? 1 : 0;
        }
        return rowScores[c * SCORE_SLOTS + failed];
    }

    /** 附加分 for a recorded value: how many bonus rows it reaches (rows are worth 1, 2, 3… points). */
    int bonus(int item, int grade, int sex, int recorded) {
        int c = cell(item, grade, sex);
        int v = lowerIsBetter[item] ? -recorded : recorded;
        int base = c * ROWS;
        int reached = 0;
        for (int r = 0; r < ROWS; r++) {
            reached += v >= bonusNeeds[base + r] ? 1 : 0;
        }
        return reached;
    }

    /** Whether the item earns 附加分 in this grade and sex (it has bonus rows). */
    boolean hasBonus(int item, int grade, int sex) {
        return bonusNeeds[cell(item, grade, sex) * ROWS] != Integer.MAX_VALUE;
    }

    /** 0 低体重, 1 正常, 2 超重, 3 肥胖 for a BMI in tenths. */
    int bmiCategory(int grade, int sex, int bmiTenths) {
        int b = group(grade, sex) * 3;
        return (bmiTenths > bmiUpper[b] ? 1 : 0) + (bmiTenths > bmiUpper[b + 1] ? 1 : 0)
                + (bmiTenths > bmiUpper[b + 2] ? 1 : 0);
    }

    int bmiScore(int grade, int sex, int category) {
        return bmiScores[group(grade, sex) * 4 + category];
    }

    String bmiCategoryName(int category) {
        return bmiCategories[category];
    }

    /** 优秀/良好/及格/不及格 of a single-item score. */
    String level(int score) {
        for (int i = 0; i < levelMins.length; i++) {
            if (score >= levelMins[i]) {
                return levelNames[i];
            }
        }
        return levelNames[levelNames.length - 1];
    }

    /** 优秀/良好/及格/不及格 of a total already rounded to tenths. */
    String rating(int totalTenths) {
        for (int i = 0; i < ratingMinTenths.length; i++) {
            if (totalTenths >= ratingMinTenths[i]) {
                return ratingNames[i];
            }
        }
        return ratingNames[ratingNames.length - 1];
    }
}
