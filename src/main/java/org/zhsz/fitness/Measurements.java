package org.zhsz.fitness;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading raw values as people type them, and bringing them to the printed precision. Pure. */
final class Measurements {

    // After normalisation: ' = minutes mark, " = seconds mark.
    private static final Pattern SECONDS = Pattern.compile("(\\d{1,4}(?:\\.\\d+)?)\"?");
    private static final Pattern MIN_SEC = Pattern.compile("(\\d{1,2})[':](\\d{1,2}(?:\\.\\d+)?)\"?");
    // 8"7 = 8.7 s and 3'55"2 = 235.2 s: the stopwatch style 秒"十分位 seen on paper score sheets.
    private static final Pattern SEC_TENTHS = Pattern.compile("(?:(\\d{1,2})')?(\\d{1,2})\"(\\d{1,2})");

    private Measurements() {
    }

    /**
     * Seconds from a run time as schools write it: {@code 235}, {@code 8.76}, {@code 3'55"}, {@code 3′55″},
     * {@code 3’55”}, {@code 3:55}, {@code 3:55.4}, {@code 3'55"2} (= 235.2), {@code 8"7} (= 8.7), {@code 3分55秒},
     * {@code 55秒}. Seconds after a minutes mark must be below 60. Empty when unreadable.
     */
    static Optional<BigDecimal> parseSeconds(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = normalize(text);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = SECONDS.matcher(s);
        if (m.matches()) {
            return Optional.of(new BigDecimal(m.group(1)));
        }
        m = MIN_SEC.matcher(s);
        if (m.matches()) {
            BigDecimal sec = new BigDecimal(m.group(2));
            if (sec.compareTo(BigDecimal.valueOf(60)) >= 0) {
                return Optional.empty();
            }
            return Optional.of(BigDecimal.valueOf(Long.parseLong(m.group(1)) * 60).add(sec));
        }
        m = SEC_TENTHS.matcher(s);
        if (m.matches()) {
            long min = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
            long sec = Long.parseLong(m.group(2));
            if (m.group(1) != null && sec >= 60) {
                return Optional.empty();
            }
            BigDecimal frac = new BigDecimal("0." + m.group(3));
            return Optional.of(BigDecimal.valueOf(min * 60 + sec).add(frac));
        }
        return Optional.empty();
    }

    private static String normalize(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '′', '’', '‘', '`', '´', '分' -> b.append('\'');
                case '″', '”', '“', '秒' -> b.append('"');
                case '：' -> b.append(':');
                case '．' -> b.append('.');
                default -> {
                    if (c >= '０' && c <= '９') {
                        b.append((char) (c - '０' + '0'));
                    } else if (!Character.isWhitespace(c)) {
                        b.append(c);
                    }
                }
            }
        }
        // two apostrophes typed for a seconds mark: 3'55''
        return b.toString().replace("''", "\"");
    }

    /** A plain decimal number (also full-width digits), or empty. */
    static Optional<BigDecimal> parseDecimal(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = normalize(text);
        if (s.isEmpty() || !s.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)")) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(s));
    }

    /**
     * The raw value at the item's printed precision, as an int in recorded units (tenths or whole units), or
     * null when it cannot be recorded: a count that is not a whole number. Values too large for an int are
     * clamped so that the range check rejects them.
     */
    static Integer record(Item item, BigDecimal raw) {
        BigDecimal scaled;
        if (item.recording == RoundingMode.UNNECESSARY) {
            if (raw.stripTrailingZeros().scale() > 0) {
                return null;
            }
            scaled = raw;
        } else {
            scaled = raw.setScale(item.decimals, item.recording);
        }
        BigDecimal units = scaled.movePointRight(item.decimals);
        if (units.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE / 2)) > 0) {
            return Integer.MAX_VALUE / 2;
        }
        if (units.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE / 2)) < 0) {
            return Integer.MIN_VALUE / 2;
        }
        return units.intValueExact();
    }

    /**
     * BMI in tenths from height in tenths of a cm and weight in tenths of a kg, rounded half-up, exactly:
     * BMI = (W/10) / (H/1000)² = W·10⁵ / H², so BMI·10 = W·10⁶ / H². Integer arithmetic, so 71.4 kg at 200.0 cm
     * is exactly 17.85 and becomes 17.9 (a double would say 17.849999… and give 17.8).
     */
    static int bmiTenths(int heightTenthsCm, int weightTenthsKg) {
        long h2 = (long) heightTenthsCm * heightTenthsCm;
        long num = (long) weightTenthsKg * 1_000_000L;
        return (int) ((2 * num + h2) / (2 * h2));
    }
}
