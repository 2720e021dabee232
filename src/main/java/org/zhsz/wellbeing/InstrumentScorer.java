package org.zhsz.wellbeing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.zhsz.platform.FieldError;

/** Scores answers against an instrument: reverse items, total, band, subscales, critical items. Pure. */
final class InstrumentScorer {

    private InstrumentScorer() {
    }

    record Score(int total, String band, boolean alertBand, boolean critical, List<Integer> criticalItems,
                 Map<String, Integer> subscales, Map<String, String> subscaleBands) {

        /** A critical item or an alerting band: the counselors are told in the same request. */
        boolean raisesAlert() {
            return critical || alertBand;
        }
    }

    static List<FieldError> validate(Instrument in, List<Integer> answers) {
        List<FieldError> errors = new ArrayList<>();
        if (answers == null) {
            errors.add(new FieldError("answers", "required", "answers are required"));
            return errors;
        }
        if (answers.size() != in.items().size()) {
            errors.add(FieldError.of("answers", "wrong_count", "field.wrong_count", in.items().size(), answers.size()));
            return errors;
        }
        for (int i = 0; i < answers.size(); i++) {
            Integer a = answers.get(i);
            if (a == null || in.options().stream().noneMatch(o -> o.value() == a)) {
                errors.add(FieldError.of("answers[" + i + "]", "out_of_range", "field.answer_option", i + 1));
            }
        }
        return errors;
    }

    /** Assumes {@link #validate} found nothing. */
    static Score score(Instrument in, List<Integer> answers) {
        int total = 0;
        boolean critical = false;
        List<Integer> criticalItems = new ArrayList<>();
        Map<String, Integer> subscales = new LinkedHashMap<>();
        for (int i = 0; i < answers.size(); i++) {
            Instrument.Item item = in.items().get(i);
            int raw = answers.get(i);
            int value = item.reverse() ? in.maxValue() + in.minValue() - raw : raw;
            total += value;
            if (item.subscale() != null) {
                subscales.merge(item.subscale(), value, Integer::sum);
            }
            if (item.critical() != null && item.critical().above() != null && raw > item.critical().above()) {
                critical = true;
                criticalItems.add(item.n());
            }
        }
        Instrument.Band band = band(in.bands(), total);
        Map<String, String> subscaleBands = new LinkedHashMap<>();
        for (Instrument.Subscale s : in.subscales()) {
            if (s.bands() != null && !s.bands().isEmpty() && subscales.containsKey(s.code())) {
                subscaleBands.put(s.code(), band(s.bands(), subscales.get(s.code())).code());
            }
        }
        return new Score(total, band.code(), band.alert(), critical, criticalItems, subscales, subscaleBands);
    }

    private static Instrument.Band band(List<Instrument.Band> bands, int value) {
        return bands.stream().filter(b -> value >= b.min() && value <= b.max()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no band for " + value));
    }
}
