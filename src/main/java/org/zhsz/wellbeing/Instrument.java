package org.zhsz.wellbeing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A screening instrument as its data file describes it: items (texts in Chinese and English, an adolescent
 * variant where the instrument has one), answer options and values, reverse-scored items, subscales, bands and
 * critical items. Adding a licensed instrument is adding a file.
 */
record Instrument(String code, int version, Map<String, String> name, Map<String, String> studentTitle,
                  String licence, Map<String, String> stem, Map<String, Map<String, Object>> variants,
                  List<Option> options, List<Item> items, List<Band> bands, List<Subscale> subscales) {

    /** What students read when no neutral title is given in the file. */
    static final Map<String, String> NEUTRAL = Map.of("zh-CN", "自评问卷", "en", "Questionnaire");

    Instrument {
        variants = variants == null ? Map.of() : variants;
        subscales = subscales == null ? List.of() : subscales;
        studentTitle = studentTitle == null || studentTitle.isEmpty() ? NEUTRAL : studentTitle;
    }

    /** A text of the file in the caller's language (zh-CN unless English is asked for). */
    static String in(Map<String, String> text, java.util.Locale locale) {
        if (text == null) {
            return null;
        }
        String en = text.get("en");
        return "en".equals(locale.getLanguage()) && en != null ? en : text.getOrDefault("zh-CN", en);
    }

    /** The band's label in the caller's language; the code when the file has none. */
    String bandLabel(String band, java.util.Locale locale) {
        return bands.stream().filter(b -> b.code().equals(band)).findFirst()
                .map(b -> in(b.label(), locale)).orElse(band);
    }

    /**
     * What a student answering sees: a neutral title (e.g. 心情自评), never the clinical name, and no licence
     * text naming it; the items and options are the instrument's own.
     */
    Map<String, Object> studentView(String variant) {
        Map<String, Object> m = publicView(variant);
        m.put("name", studentTitle);
        m.remove("licence");
        return m;
    }

    record Option(int value, Map<String, String> label) {
    }

    /** {@code critical.above}: an answer above this value is critical (e.g. PHQ-9 item 9 > 0). */
    record Item(int n, Map<String, String> text, Map<String, String> adolescent, boolean reverse, String subscale,
                Critical critical) {
    }

    record Critical(Integer above) {
    }

    record Band(String code, int min, int max, Map<String, String> label, boolean alert) {
    }

    record Subscale(String code, Map<String, String> label, List<Band> bands) {
    }

    int minValue() {
        return options.stream().mapToInt(Option::value).min().orElse(0);
    }

    int maxValue() {
        return options.stream().mapToInt(Option::value).max().orElse(0);
    }

    /** Checks the file makes sense: items numbered 1..n, bands covering every possible total without overlap. */
    List<String> problems() {
        List<String> out = new ArrayList<>();
        if (code == null || !code.matches("[a-z0-9_]{2,32}")) {
            out.add("code must be 2–32 characters a-z0-9_");
        }
        if (options == null || options.isEmpty()) {
            out.add("no answer options");
            return out;
        }
        if (items == null || items.isEmpty()) {
            out.add("no items");
            return out;
        }
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).n() != i + 1) {
                out.add("items must be numbered 1.." + items.size());
                break;
            }
        }
        out.addAll(bandProblems("total", bands, items.size() * minValue(), items.size() * maxValue()));
        for (Subscale s : subscales) {
            long count = items.stream().filter(it -> s.code().equals(it.subscale())).count();
            if (count == 0) {
                out.add("subscale " + s.code() + " has no items");
            } else if (s.bands() != null && !s.bands().isEmpty()) {
                out.addAll(bandProblems(s.code(), s.bands(), (int) count * minValue(), (int) count * maxValue()));
            }
        }
        return out;
    }

    private static List<String> bandProblems(String what, List<Band> bands, int min, int max) {
        List<String> out = new ArrayList<>();
        if (bands == null || bands.isEmpty()) {
            out.add(what + ": no bands");
            return out;
        }
        for (int v = min; v <= max; v++) {
            int value = v;
            long n = bands.stream().filter(b -> value >= b.min() && value <= b.max()).count();
            if (n != 1) {
                out.add(what + ": score " + v + " falls in " + n + " bands");
                break;
            }
        }
        return out;
    }

    Map<String, Object> publicView(String variant) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code);
        m.put("version", version);
        m.put("name", name);
        m.put("studentTitle", studentTitle);
        @SuppressWarnings("unchecked")
        Map<String, String> variantStem = variant != null && variants.containsKey(variant)
                ? (Map<String, String>) variants.get(variant).get("stem") : null;
        m.put("stem", variantStem != null ? variantStem : stem);
        m.put("options", options);
        List<Map<String, Object>> its = new ArrayList<>();
        for (Item it : items) {
            Map<String, Object> im = new LinkedHashMap<>();
            im.put("n", it.n());
            im.put("text", "adolescent".equals(variant) && it.adolescent() != null ? it.adolescent() : it.text());
            its.add(im);
        }
        m.put("items", its);
        m.put("licence", licence);
        return m;
    }
}
