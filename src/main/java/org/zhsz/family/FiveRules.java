package org.zhsz.family;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.zhsz.platform.FieldError;

/**
 * 五项管理 rules: what a valid form entry is, how sleep is derived, and whether an entry meets a target for a
 * student's grade and stage. Pure; unit-tested.
 */
final class FiveRules {

    /** An entry may be made for the current week and the four before it. */
    static final int WEEKS_OPEN = 4;

    private FiveRules() {
    }

    /** Values checked against the form and normalized (times as HH:mm, numbers as Integer, booleans). */
    record Checked(Map<String, Object> values, List<FieldError> errors) {
    }

    static Checked check(FiveForms.Form form, Map<String, Object> raw, String prefix) {
        Map<String, Object> values = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        Map<String, Object> in = raw == null ? Map.of() : raw;
        for (String key : in.keySet()) {
            if (form.field(key).isEmpty()) {
                errors.add(new FieldError(prefix + key, "unknown", "unknown field"));
            }
        }
        for (FiveForms.Field f : form.fields()) {
            Object v = in.get(f.code());
            String name = prefix + f.code();
            if (v == null || (v instanceof String s && s.isBlank())) {
                if (f.required()) {
                    errors.add(new FieldError(name, "required", f.code() + " is required"));
                }
                continue;
            }
            switch (f.type()) {
                case TIME -> {
                    LocalTime t = time(v);
                    if (t == null) {
                        errors.add(new FieldError(name, "time", "a time of day like 21:30"));
                    } else {
                        values.put(f.code(), String.format("%02d:%02d", t.getHour(), t.getMinute()));
                    }
                }
                case MINUTES, COUNT -> {
                    Integer n = whole(v);
                    if (n == null) {
                        errors.add(new FieldError(name, "type", "a whole number"));
                    } else if ((f.min() != null && n < f.min()) || (f.max() != null && n > f.max())) {
                        errors.add(new FieldError(name, "out_of_range", "between " + f.min() + " and " + f.max()));
                    } else {
                        values.put(f.code(), n);
                    }
                }
                case BOOLEAN -> {
                    if (v instanceof Boolean b) {
                        values.put(f.code(), b);
                    } else {
                        errors.add(new FieldError(name, "type", "true or false"));
                    }
                }
                case TEXT -> {
                    String s = String.valueOf(v).strip();
                    if (f.maxLength() != null && s.codePointCount(0, s.length()) > f.maxLength()) {
                        errors.add(new FieldError(name, "too_long", "at most " + f.maxLength() + " characters"));
                    } else {
                        values.put(f.code(), s);
                    }
                }
            }
        }
        return new Checked(values, errors);
    }

    private static LocalTime time(Object v) {
        if (!(v instanceof String s) || !s.matches("\\d{1,2}:\\d{2}")) {
            return null;
        }
        try {
            return LocalTime.parse(s.length() == 4 ? "0" + s : s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Integer whole(Object v) {
        if (v instanceof Integer i) {
            return i;
        }
        if (v instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
            return l.intValue();
        }
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && Math.abs(n.doubleValue()) < 1e6) {
            return (int) n.doubleValue();
        }
        return null;
    }

    /** Minutes from bedtime to waking (across midnight). */
    static int sleepMinutes(String bedtime, String wakeTime) {
        int bed = minutesOfDay(bedtime);
        int wake = minutesOfDay(wakeTime);
        return Math.floorMod(wake - bed, 24 * 60);
    }

    /** A night's sleep shorter than 3 h or longer than 16 h is a slip of the finger, not a night. */
    static boolean plausibleSleep(int minutes) {
        return minutes >= 180 && minutes <= 16 * 60;
    }

    static int minutesOfDay(String hhmm) {
        return Integer.parseInt(hhmm.substring(0, 2)) * 60 + Integer.parseInt(hhmm.substring(3, 5));
    }

    /** A bedtime on the evening-to-morning scale (12:00 → 0 … 11:59 → 1439), so 00:30 is later than 22:00. */
    static int nightMinutes(String hhmm) {
        return Math.floorMod(minutesOfDay(hhmm) - 12 * 60, 24 * 60);
    }

    /** The week's Monday, or an error code: not a Monday, in the future, or closed. */
    static String weekProblem(LocalDate weekStart, LocalDate today) {
        if (weekStart.getDayOfWeek() != DayOfWeek.MONDAY) {
            return "not_monday";
        }
        LocalDate thisWeek = monday(today);
        if (weekStart.isAfter(thisWeek)) {
            return "in_future";
        }
        if (weekStart.isBefore(thisWeek.minusWeeks(WEEKS_OPEN))) {
            return "week_closed";
        }
        return null;
    }

    static LocalDate monday(LocalDate d) {
        return d.minusDays(d.getDayOfWeek().getValue() - 1L);
    }

    /** The limit of a target for a grade and stage, or null when the target sets none for them. */
    static Object limit(FiveForms.Target t, int grade, String stage) {
        if (t.compare() == FiveForms.Compare.REPORTED) {
            return null;
        }
        if (t.compare() == FiveForms.Compare.IS_FALSE) {
            return Boolean.FALSE;
        }
        if (t.byGrade() != null) {
            return t.byGrade().get(String.valueOf(grade));
        }
        if (t.byStage() != null) {
            return t.byStage().get(stage);
        }
        return t.value();
    }

    /** Whether a value meets a target for this grade and stage; null when there is no target or no value. */
    static Boolean meets(FiveForms.Target t, Object value, int grade, String stage) {
        Object limit = limit(t, grade, stage);
        if (limit == null || value == null) {
            return null;
        }
        return switch (t.compare()) {
            case IS_FALSE -> Boolean.FALSE.equals(value);
            case AT_LEAST -> number(value, t) >= number(limit, t);
            case AT_MOST -> number(value, t) <= number(limit, t);
            case REPORTED -> null;
        };
    }

    /** Numbers compare as numbers; times (bedtime) on the evening-to-morning scale. */
    private static double number(Object v, FiveForms.Target t) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        String s = String.valueOf(v);
        return "bedtime".equals(t.measure()) ? nightMinutes(s) : Double.parseDouble(s);
    }

    /** The value a target measures in a check-in ({@code sleepMinutes} is derived). */
    static Object measure(FiveForms.Target t, Map<String, Object> values, Integer sleepMinutes) {
        return "sleepMinutes".equals(t.measure()) ? sleepMinutes : values.get(t.measure());
    }
}
