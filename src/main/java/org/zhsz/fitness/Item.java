package org.zhsz.fitness;

import java.math.RoundingMode;

/**
 * Every measurement the scorer accepts, in the order of the bulk API's slots ({@link FitnessScorer#ITEM_KEYS}).
 *
 * <p>A value is "recorded" as an int in the item's printed precision: tenths for height, weight, BMI, 50 m and
 * sit-and-reach, whole units for the rest. {@link #recording} says how a finer raw value is brought to that
 * precision; {@link #min}/{@link #max} are the inclusive plausibility bounds, in recorded units, outside which a
 * value is rejected as physically impossible (not scored 0: a typo must not become a result).
 */
enum Item {
    // key, 中文, decimals, recording, lowerIsBetter, count, time, min, max (recorded units), unit
    HEIGHT_CM("height_cm", "身高", 1, RoundingMode.HALF_UP, false, false, false, 700, 2500, "cm"),
    WEIGHT_KG("weight_kg", "体重", 1, RoundingMode.HALF_UP, false, false, false, 100, 2500, "kg"),
    BMI("bmi", "体重指数", 1, RoundingMode.HALF_UP, false, false, false, 50, 800, "kg/m²"),
    VITAL_CAPACITY("vital_capacity", "肺活量", 0, RoundingMode.FLOOR, false, false, false, 100, 10000, "ml"),
    RUN_50M("run_50m", "50米跑", 1, RoundingMode.CEILING, true, false, true, 50, 600, "s"),
    SIT_AND_REACH("sit_and_reach", "坐位体前屈", 1, RoundingMode.FLOOR, false, false, false, -300, 400, "cm"),
    ROPE_SKIPPING_1MIN("rope_skipping_1min", "一分钟跳绳", 0, RoundingMode.UNNECESSARY, false, true, false, 0, 400,
            "次"),
    SIT_UPS_1MIN("sit_ups_1min", "一分钟仰卧起坐", 0, RoundingMode.UNNECESSARY, false, true, false, 0, 100, "次"),
    SHUTTLE_50X8("shuttle_50x8", "50米×8往返跑", 0, RoundingMode.CEILING, true, false, true, 60, 600, "s"),
    STANDING_LONG_JUMP("standing_long_jump", "立定跳远", 0, RoundingMode.FLOOR, false, false, false, 30, 400, "cm"),
    PULL_UPS("pull_ups", "引体向上", 0, RoundingMode.UNNECESSARY, false, true, false, 0, 100, "次"),
    RUN_1000M("run_1000m", "1000米跑", 0, RoundingMode.CEILING, true, false, true, 120, 1200, "s"),
    RUN_800M("run_800m", "800米跑", 0, RoundingMode.CEILING, true, false, true, 100, 1200, "s");

    static final Item[] ALL = values();
    static final int COUNT = ALL.length;

    final String key;
    final String nameCn;
    /** Printed precision: 1 = tenths, 0 = whole units. */
    final int decimals;
    /** How a raw value finer than the printed precision is recorded; UNNECESSARY = must be a whole count. */
    final RoundingMode recording;
    /** Times: a smaller value is better. */
    final boolean lowerIsBetter;
    /** Counts (reps, jumps): only whole numbers are valid. */
    final boolean count;
    /** Runs: also accept 3'55" / 3:55 / 3分55秒 strings. */
    final boolean time;
    final int min;
    final int max;
    final String unit;

    Item(String key, String nameCn, int decimals, RoundingMode recording, boolean lowerIsBetter, boolean count,
         boolean time, int min, int max, String unit) {
        this.key = key;
        this.nameCn = nameCn;
        this.decimals = decimals;
        this.recording = recording;
        this.lowerIsBetter = lowerIsBetter;
        this.count = count;
        this.time = time;
        this.min = min;
        this.max = max;
        this.unit = unit;
    }

    /** Height and weight are measured but not scored themselves; they give the BMI. */
    boolean scored() {
        return this != HEIGHT_CM && this != WEIGHT_KG;
    }

    static Item byKey(String key) {
        if (key == null) {
            return null;
        }
        for (Item item : ALL) {
            if (item.key.equals(key)) {
                return item;
            }
        }
        return null;
    }

    /** A recorded int as the decimal people read, e.g. 87 → "8.7" for the 50 m. */
    java.math.BigDecimal decimal(int recorded) {
        return java.math.BigDecimal.valueOf(recorded, decimals);
    }
}
