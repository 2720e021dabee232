package org.zhsz.wellbeing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why an alert was raised, kept as codes (instrument, total, band, critical items) so every reader gets it in their
 * own language from the instrument's data and the bundles. Stored encrypted as {@code v1|phq9|23|severe|9};
 * alerts written before this form (a Chinese sentence with an English band) are read back by pattern.
 */
record AlertReason(String instrument, int total, String band, List<Integer> criticalItems) {

    private static final Pattern LEGACY_TOTAL = Pattern.compile("总分\\s*(\\d+)（([a-z_]+)）");
    private static final Pattern LEGACY_ITEMS = Pattern.compile("第([0-9,，、 \\[\\]]+)题");

    AlertReason {
        criticalItems = criticalItems == null ? List.of() : List.copyOf(criticalItems);
    }

    /** "critical_item" when an answer to a critical item raised it, else "band". */
    String code() {
        return criticalItems.isEmpty() ? "band" : "critical_item";
    }

    String encode() {
        return "v1|" + instrument + "|" + total + "|" + band + "|"
                + String.join(",", criticalItems.stream().map(String::valueOf).toList());
    }

    /** The reason as stored; {@code null} when it is neither form (shown as stored). */
    static AlertReason decode(String text, Instruments instruments) {
        if (text == null) {
            return null;
        }
        if (text.startsWith("v1|")) {
            String[] p = text.split("\\|", -1);
            if (p.length == 5) {
                try {
                    return new AlertReason(p[1], Integer.parseInt(p[2]), p[3], numbers(p[4]));
                } catch (NumberFormatException e) {
                    return null;
                }
            }
            return null;
        }
        Matcher total = LEGACY_TOTAL.matcher(text);
        if (!total.find()) {
            return null;
        }
        String code = instruments.all().stream()
                .filter(i -> i.name() != null && text.startsWith(i.name().getOrDefault("zh-CN", "\u0000")))
                .map(Instrument::code).findFirst().orElse(null);
        if (code == null) {
            return null;
        }
        Matcher items = LEGACY_ITEMS.matcher(text);
        return new AlertReason(code, Integer.parseInt(total.group(1)), total.group(2),
                items.find() ? numbers(items.group(1)) : List.of());
    }

    private static List<Integer> numbers(String s) {
        List<Integer> out = new ArrayList<>();
        for (String part : s.split("[^0-9]+")) {
            if (!part.isEmpty()) {
                out.add(Integer.parseInt(part));
            }
        }
        return out;
    }
}
