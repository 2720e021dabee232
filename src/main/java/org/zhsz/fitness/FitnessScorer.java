package org.zhsz.fitness;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.zhsz.platform.FieldError;
import org.zhsz.platform.Messages;

/**
 * Scores students against the 《国家学生体质健康标准（2014年修订）》. The tables are data
 * ({@code classpath:fitness/2014/*.csv}), loaded once and shared; an instance holds no mutable state, so one
 * instance (e.g. a Spring bean created with {@code new FitnessScorer()}) serves every thread.
 *
 * <h2>Inputs</h2>
 * Grades 1–16: 1–6 小学一至六年级, 7–9 初一至初三, 10–12 高一至高三, 13–16 大一至大四. Sex {@code M}/{@code F}
 * (男/女 also accepted). Item keys are {@link #ITEM_KEYS}; times in seconds, and runs also as {@code 3'55"},
 * {@code 3′55″}, {@code 3:55} or {@code 3分55秒} (see {@link #parseSeconds}). Values may be numbers or strings; a null
 * or blank value counts as not sent.
 *
 * <h2>Policy (decisions the standard leaves to us; see docs/fitness-scoring.md)</h2>
 * <ul>
 * <li><b>Recording a raw value.</b> Results are recorded at the printed precision before lookup (50 m and
 * sit-and-reach to 0.1, everything else whole units, runs whole seconds), and never in the student's favour:
 * times are rounded <em>up</em> (8.71 s and 8.76 s → 8.8 s; 3'55.2" → 236 s), lengths and volumes are rounded
 * <em>down</em> (sit-and-reach 12.37 → 12.3, −2.35 → −2.4; long jump 185.9 → 185 cm; 肺活量 1699.9 → 1699 ml).
 * Counts (跳绳, 仰卧起坐, 引体向上) must be whole numbers. Height and weight are recorded half-up to 0.1.</li>
 * <li><b>BMI</b> = kg / m², computed exactly from the recorded height and weight and rounded half-up to 0.1 before
 * banding (71.4 kg at 200.0 cm = 17.85 → 17.9). A BMI sent directly is rounded half-up to 0.1; if height and
 * weight are sent too, they must give the same BMI.</li>
 * <li><b>Totals.</b> 标准分 = Σ score × weight (exact, 2 decimals); 学年总分 = 标准分 + 附加分; the rating reads
 * 学年总分 rounded half-up to 0.1 (89.95 → 90.0 → 优秀; 89.94 → 89.9 → 良好).</li>
 * <li><b>Bounds.</b> Values outside these inclusive bounds are rejected ({@code out_of_range}), not scored 0:
 * height 70.0–250.0 cm, weight 10.0–250.0 kg, BMI 5.0–80.0, 肺活量 100–10000 ml, 50 m 5.0–60.0 s, sit-and-reach
 * −30.0–40.0 cm, 跳绳 0–400, 仰卧起坐 0–100, 50×8 60–600 s, 立定跳远 30–400 cm, 引体向上 0–100, 1000 m
 * 120–1200 s, 800 m 100–1200 s. Every value printed in the tables lies inside them.</li>
 * </ul>
 *
 * <h2>Errors</h2>
 * Bad input never throws from {@link #score} or {@link #graduation}: it yields {@link FieldError}s with codes
 * {@code out_of_range} (grade, values), {@code invalid} (sex), {@code unknown_item}, {@code not_in_standard},
 * {@code not_a_number}, {@code not_integer}, {@code inconsistent} (BMI vs height/weight).
 */
public final class FitnessScorer {

    /**
     * Item keys, in the slot order of the bulk API. Recorded units per slot: tenths for {@code height_cm},
     * {@code weight_kg}, {@code bmi}, {@code run_50m}, {@code sit_and_reach}; whole units for the others.
     */
    public static final List<String> ITEM_KEYS = Arrays.stream(Item.ALL).map(i -> i.key).toList();
    /** Number of item slots; the bulk API's {@code out} array needs {@code 2 * ITEM_COUNT} ints. */
    public static final int ITEM_COUNT = Item.COUNT;
    /** Marks a slot of the bulk API's input as not measured. */
    public static final int ABSENT = Integer.MIN_VALUE;
    /** Returned by {@link #scoreRecorded} when a required item is absent. */
    public static final int INCOMPLETE = -1;
    public static final int MIN_GRADE = 1;
    public static final int MAX_GRADE = Standard.MAX_GRADE;

    private static final int BMI = Item.BMI.ordinal();
    private static final int HEIGHT = Item.HEIGHT_CM.ordinal();
    private static final int WEIGHT = Item.WEIGHT_KG.ordinal();
    private static final BigDecimal MAX_TOTAL = BigDecimal.valueOf(120);

    private final Standard standard;

    /** The 2014 standard from the classpath tables (loaded on first use, then shared). */
    public FitnessScorer() {
        this(StandardLoader.shared());
    }

    FitnessScorer(Standard standard) {
        this.standard = standard;
    }

    /** Same as {@code new FitnessScorer()}; reads well in a {@code @Bean} method. */
    public static FitnessScorer standard2014() {
        return new FitnessScorer();
    }

    /** 一年级 … 大四 for grades 1–16, null otherwise. */
    public static String gradeName(int grade) {
        return grade >= MIN_GRADE && grade <= MAX_GRADE ? Standard.GRADE_NAMES[grade] : null;
    }

    /** The slot of an item key in {@link #ITEM_KEYS}, or −1. */
    public static int slotOf(String key) {
        Item item = Item.byKey(key);
        return item == null ? -1 : item.ordinal();
    }

    /** Exact BMI in tenths from height in tenths of a cm and weight in tenths of a kg, rounded half-up. */
    public static int bmiTenths(int heightTenthsCm, int weightTenthsKg) {
        return Measurements.bmiTenths(heightTenthsCm, weightTenthsKg);
    }

    /**
     * Seconds from a run time: {@code 235}, {@code 8.76}, {@code 3'55"}, {@code 3′55″}, {@code 3:55},
     * {@code 3:55.4}, {@code 3'55"2} (235.2), {@code 8"7} (8.7), {@code 3分55秒}. Exact; not yet rounded to the
     * printed precision. Empty when unreadable or when the seconds after a minutes mark are 60 or more.
     */
    public static Optional<BigDecimal> parseSeconds(String text) {
        return Measurements.parseSeconds(text);
    }

    /**
     * The input keys a grade and sex must send, in slot order: {@code height_cm}, {@code weight_kg} (or {@code bmi}
     * instead of both), then the tested items. Empty for an unknown grade or sex.
     */
    public List<String> requiredItems(int grade, String sex) {
        int s = sexIndex(sex);
        if (s < 0 || grade < MIN_GRADE || grade > MAX_GRADE) {
            return List.of();
        }
        List<String> keys = new ArrayList<>();
        for (int item : standard.profile(grade, s)) {
            if (item == BMI) {
                keys.add(Item.HEIGHT_CM.key);
                keys.add(Item.WEIGHT_KG.key);
            } else {
                keys.add(Item.ALL[item].key);
            }
        }
        return List.copyOf(keys);
    }

    /**
     * The item keys that earn 附加分 for a grade and sex: 一分钟跳绳 in 小学; from 初一 引体向上 and 1000米 for boys,
     * 一分钟仰卧起坐 and 800米 for girls. Empty for an unknown grade or sex.
     */
    public List<String> bonusItems(int grade, String sex) {
        int s = sexIndex(sex);
        if (s < 0 || grade < MIN_GRADE || grade > MAX_GRADE) {
            return List.of();
        }
        List<String> keys = new ArrayList<>();
        for (int item : standard.profile(grade, s)) {
            if (item != BMI && standard.hasBonus(item, grade, s)) {
                keys.add(Item.ALL[item].key);
            }
        }
        return List.copyOf(keys);
    }

    /** 中文 name of an item key (身高, 50米跑, …), or null for an unknown key. */
    public static String itemName(String key) {
        Item item = Item.byKey(key);
        return item == null ? null : item.nameCn;
    }

    /** Decimals an item is recorded with (1 for height, weight, BMI, 50 m, sit-and-reach; 0 otherwise), or −1. */
    public static int itemDecimals(String key) {
        Item item = Item.byKey(key);
        return item == null ? -1 : item.decimals;
    }

    /** Whether the item is a run whose time may be written 3'55". */
    public static boolean isTimedItem(String key) {
        Item item = Item.byKey(key);
        return item != null && item.time;
    }

    // ------------------------------------------------------------------------------------------------ bulk path

    /**
     * Scores one student from recorded values without validation or allocation: the path for bulk imports and
     * benchmarks. {@code recorded[slot]} holds each item in recorded units (see {@link #ITEM_KEYS}) or
     * {@link #ABSENT}; the BMI slot, when absent, is computed from height and weight. Writes each item's score to
     * {@code out[slot]} (−1 where not scored) and its bonus to {@code out[ITEM_COUNT + slot]}.
     *
     * @return 学年总分 in hundredths of a point (0–12000), or {@link #INCOMPLETE} when a required item is absent
     * @throws IllegalArgumentException for a grade outside 1–16 (a caller bug, not user input)
     */
    public int scoreRecorded(int grade, boolean male, int[] recorded, int[] out) {
        if (grade < MIN_GRADE || grade > MAX_GRADE) {
            throw new IllegalArgumentException("grade must be 1–16: " + grade);
        }
        int sex = male ? Standard.MALE : Standard.FEMALE;
        Arrays.fill(out, 0, ITEM_COUNT, -1);
        Arrays.fill(out, ITEM_COUNT, 2 * ITEM_COUNT, 0);
        int weighted = 0;
        int bonus = 0;
        boolean complete = true;
        for (int item : standard.profile(grade, sex)) {
            int score;
            if (item == BMI) {
                int bmi = recorded[BMI];
                if (bmi == ABSENT) {
                    int h = recorded[HEIGHT];
                    int w = recorded[WEIGHT];
                    if (h == ABSENT || w == ABSENT || h <= 0) {
                        complete = false;
                        continue;
                    }
                    bmi = Measurements.bmiTenths(h, w);
                }
                score = standard.bmiScore(grade, sex, standard.bmiCategory(grade, sex, bmi));
            } else {
                int v = recorded[item];
                if (v == ABSENT) {
                    complete = false;
                    continue;
                }
                score = standard.score(item, grade, sex, v);
                if (score == 100) { // only a result beyond the 100 row can earn 附加分
                    int b = standard.bonus(item, grade, sex, v);
                    out[ITEM_COUNT + item] = b;
                    bonus += b;
                }
            }
            out[item] = score;
            weighted += score * standard.weight(grade, sex, item);
        }
        return complete ? weighted + bonus * 100 : INCOMPLETE;
    }

    // ---------------------------------------------------------------------------------------------- checked path

    /**
     * Scores any subset of one student's results for a school year. Never throws for bad input: invalid grade,
     * sex, keys or values come back as {@link ScoreResult#errors()}; valid items are scored regardless, and the
     * totals are filled only when there is no error and no required item is missing.
     */
    public ScoreResult score(int grade, String sex, Map<String, ?> items) {
        List<FieldError> errors = new ArrayList<>();
        int s = sexIndex(sex);
        if (grade < MIN_GRADE || grade > MAX_GRADE) {
            errors.add(FieldError.of("grade", "out_of_range", "field.grade_range"));
        }
        if (s < 0) {
            errors.add(FieldError.of("sex", "invalid", "field.sex_value"));
        }
        if (!errors.isEmpty()) {
            return new ScoreResult(grade, null, null, null, List.of(), List.of(), errors, null, null, null, null,
                    null);
        }
        String sexCode = s == Standard.MALE ? "M" : "F";
        Map<String, ?> input = items == null ? Map.of() : items;

        int[] recorded = new int[ITEM_COUNT];
        Arrays.fill(recorded, ABSENT);
        boolean[] sent = new boolean[ITEM_COUNT];
        TreeSet<String> unknown = new TreeSet<>();
        for (Map.Entry<String, ?> e : input.entrySet()) {
            Item item = Item.byKey(e.getKey());
            if (item == null) {
                unknown.add(String.valueOf(e.getKey()));
            }
        }
        for (String key : unknown) {
            errors.add(FieldError.of(key, "unknown_item", "field.unknown_item", key));
        }
        for (Item item : Item.ALL) {
            Object raw = input.get(item.key);
            if (raw == null || raw instanceof CharSequence cs && cs.toString().isBlank()) {
                continue;
            }
            sent[item.ordinal()] = true;
            if (item.scored() && standard.weight(grade, s, item.ordinal()) == 0) {
                errors.add(FieldError.of(item.key, "not_in_standard", "field.not_in_standard_for",
                        Standard.GRADE_NAMES[grade], Messages.term(s == Standard.MALE ? "sex.M" : "sex.F")));
                continue;
            }
            FieldError error = record(item, raw, recorded);
            if (error != null) {
                errors.add(error);
            }
        }

        // BMI from height and weight; if a BMI was sent as well, the two must agree
        int bmi = recorded[BMI];
        if (recorded[HEIGHT] != ABSENT && recorded[WEIGHT] != ABSENT) {
            int computed = Measurements.bmiTenths(recorded[HEIGHT], recorded[WEIGHT]);
            if (computed < Item.BMI.min || computed > Item.BMI.max) {
                errors.add(FieldError.of(Item.BMI.key, "out_of_range", "field.bmi_out_of_range",
                        Item.BMI.decimal(computed).toPlainString(), Item.BMI.decimal(Item.BMI.min).toPlainString(),
                        Item.BMI.decimal(Item.BMI.max).toPlainString()));
                bmi = ABSENT;
            } else if (bmi != ABSENT && bmi != computed) {
                errors.add(FieldError.of(Item.BMI.key, "inconsistent", "field.bmi_inconsistent",
                        Item.BMI.decimal(bmi).toPlainString(), Item.BMI.decimal(computed).toPlainString()));
                bmi = ABSENT;
            } else {
                bmi = computed;
            }
        }

        List<String> missing = new ArrayList<>();
        List<ItemScore> scored = new ArrayList<>();
        int weighted = 0;
        int bonus = 0;
        for (int item : standard.profile(grade, s)) {
            Item it = Item.ALL[item];
            int weight = standard.weight(grade, s, item);
            if (item == BMI) {
                if (!sent[BMI] && !(sent[HEIGHT] && sent[WEIGHT])) {
                    if (!sent[HEIGHT]) {
                        missing.add(Item.HEIGHT_CM.key);
                    }
                    if (!sent[WEIGHT]) {
                        missing.add(Item.WEIGHT_KG.key);
                    }
                }
                if (bmi == ABSENT) {
                    continue;
                }
                int category = standard.bmiCategory(grade, s, bmi);
                int score = standard.bmiScore(grade, s, category);
                scored.add(new ItemScore(it.key, it.decimal(bmi), score, standard.bmiCategoryName(category), 0,
                        weight, BigDecimal.valueOf((long) score * weight, 2)));
                weighted += score * weight;
                continue;
            }
            if (!sent[item]) {
                missing.add(it.key);
                continue;
            }
            int v = recorded[item];
            if (v == ABSENT) {
                continue; // sent but invalid: reported in errors
            }
            int score = standard.score(item, grade, s, v);
            int b = standard.bonus(item, grade, s, v);
            scored.add(new ItemScore(it.key, it.decimal(v), score, standard.level(score), b, weight,
                    BigDecimal.valueOf((long) score * weight, 2)));
            weighted += score * weight;
            bonus += b;
        }

        BigDecimal height = recorded[HEIGHT] == ABSENT ? null : Item.HEIGHT_CM.decimal(recorded[HEIGHT]);
        BigDecimal weightKg = recorded[WEIGHT] == ABSENT ? null : Item.WEIGHT_KG.decimal(recorded[WEIGHT]);
        if (!errors.isEmpty() || !missing.isEmpty()) {
            return new ScoreResult(grade, sexCode, height, weightKg, scored, missing, errors, null, null, null, null,
                    null);
        }
        int totalHundredths = weighted + bonus * 100;
        int tenths = roundHundredthsToTenths(totalHundredths);
        return new ScoreResult(grade, sexCode, height, weightKg, scored, missing, errors,
                BigDecimal.valueOf(weighted, 2), bonus, BigDecimal.valueOf(totalHundredths, 2),
                BigDecimal.valueOf(tenths, 1), standard.rating(tenths));
    }

    /** Parses, records and range-checks one value into {@code recorded}; returns the error or null. */
    private static FieldError record(Item item, Object raw, int[] recorded) {
        BigDecimal value;
        if (raw instanceof BigDecimal d) {
            value = d;
        } else if (raw instanceof Integer || raw instanceof Long || raw instanceof Short || raw instanceof Byte) {
            value = BigDecimal.valueOf(((Number) raw).longValue());
        } else if (raw instanceof java.math.BigInteger bi) {
            value = new BigDecimal(bi);
        } else if (raw instanceof Double || raw instanceof Float) {
            double d = ((Number) raw).doubleValue();
            if (!Double.isFinite(d)) {
                return FieldError.of(item.key, "not_a_number", "field.not_a_number");
            }
            // the shortest decimal that reads back as this double: 8.3 stays 8.3, not 8.300000000000000711
            value = raw instanceof Float ? new BigDecimal(raw.toString()) : BigDecimal.valueOf(d);
        } else if (raw instanceof CharSequence cs) {
            String text = cs.toString();
            Optional<BigDecimal> parsed = item.time ? Measurements.parseSeconds(text) : Optional.empty();
            if (parsed.isEmpty()) {
                parsed = Measurements.parseDecimal(text);
            }
            if (parsed.isEmpty()) {
                return FieldError.of(item.key, "not_a_number", item.time ? "field.not_a_time" : "field.not_a_number_text",
                        abbreviate(text));
            }
            value = parsed.get();
        } else {
            return FieldError.of(item.key, "not_a_number", "field.not_a_number");
        }
        Integer v = Measurements.record(item, value);
        if (v == null) {
            return FieldError.of(item.key, "not_integer", "field.not_integer");
        }
        if (v < item.min || v > item.max) {
            return FieldError.of(item.key, "out_of_range", "field.between_unit", item.decimal(item.min).toPlainString(),
                    item.decimal(item.max).toPlainString(), Messages.term("unit." + item.unit));
        }
        recorded[item.ordinal()] = v;
        return null;
    }

    private static String abbreviate(String text) {
        return text.length() <= 20 ? text : text.substring(0, 20) + "…";
    }

    private static int sexIndex(String sex) {
        if (sex == null) {
            return -1;
        }
        return switch (sex.trim()) {
            case "M", "m", "男" -> Standard.MALE;
            case "F", "f", "女" -> Standard.FEMALE;
            default -> -1;
        };
    }

    /** Half-up from hundredths to tenths, for the non-negative totals here. */
    static int roundHundredthsToTenths(int hundredths) {
        return (hundredths + 5) / 10;
    }

    /** 优秀/良好/及格/不及格 for a total in hundredths, after rounding it half-up to tenths. */
    String rate(int totalHundredths) {
        return standard.rating(roundHundredthsToTenths(totalHundredths));
    }

    // ------------------------------------------------------------------------------------------------ graduation

    /**
     * 毕业成绩 = 毕业当年学年总分 × 50% + 其他学年学年总分的平均 × 50% (S0 说明8), rated with the 学年总分 bands
     * after rounding half-up to 0.1. The inputs are 学年总分 (bonus included, 0–120, at most 2 decimals), so the
     * result may exceed 100. With no other year on record (e.g. a student who joined in the final year) the result
     * is the final year's 学年总分. Never throws for bad input.
     *
     * @param graduationGrade     the grade of the final year, 1–16 (decides whether the 结业/肄业 rule applies)
     * @param graduationYearTotal 毕业当年学年总分
     * @param otherYearTotals     学年总分 of the other years
     */
    public GraduationResult graduation(int graduationGrade, Number graduationYearTotal,
                                       List<? extends Number> otherYearTotals) {
        List<FieldError> errors = new ArrayList<>();
        if (graduationGrade < MIN_GRADE || graduationGrade > MAX_GRADE) {
            errors.add(FieldError.of("graduationGrade", "out_of_range", "field.grade_range"));
        }
        long last = hundredths(graduationYearTotal, "graduationYearTotal", errors);
        List<? extends Number> others = otherYearTotals == null ? List.of() : otherYearTotals;
        long sum = 0;
        for (int i = 0; i < others.size(); i++) {
            sum += hundredths(others.get(i), "otherYearTotals[" + i + "]", errors);
        }
        if (!errors.isEmpty()) {
            return new GraduationResult(null, null, null, false, errors);
        }
        int n = others.size();
        // exact: score = (last·n + sum) / (2n) hundredths; with no other year, score = last
        long num = n == 0 ? last : last * n + sum;
        long den = n == 0 ? 1 : 2L * n;
        BigDecimal score = BigDecimal.valueOf(num).divide(BigDecimal.valueOf(den * 100), 3, RoundingMode.HALF_UP);
        long tenths = (2 * num + 10 * den) / (20 * den);
        String rating = standard.rating((int) tenths);
        boolean below = graduationGrade >= 10 && tenths < 500;
        return new GraduationResult(score, BigDecimal.valueOf(tenths, 1), rating, below, errors);
    }

    private static long hundredths(Number total, String field, List<FieldError> errors) {
        BigDecimal d;
        if (total == null) {
            errors.add(FieldError.of(field, "required", "field.required"));
            return 0;
        } else if (total instanceof BigDecimal b) {
            d = b;
        } else if (total instanceof Double || total instanceof Float) {
            if (!Double.isFinite(total.doubleValue())) {
                errors.add(FieldError.of(field, "not_a_number", "field.not_a_number"));
                return 0;
            }
            d = total instanceof Float ? new BigDecimal(total.toString()) : BigDecimal.valueOf(total.doubleValue());
        } else {
            try {
                d = new BigDecimal(total.toString());
            } catch (NumberFormatException e) {
                errors.add(FieldError.of(field, "not_a_number", "field.not_a_number"));
                return 0;
            }
        }
        if (d.signum() < 0 || d.compareTo(MAX_TOTAL) > 0) {
            errors.add(FieldError.of(field, "out_of_range", "field.between", 0, 120));
            return 0;
        }
        if (d.stripTrailingZeros().scale() > 2) {
            errors.add(FieldError.of(field, "too_precise", "field.max_decimals", 2));
            return 0;
        }
        return d.movePointRight(2).longValueExact();
    }
}
