package org.zhsz.fitness;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.zhsz.platform.FieldError;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Scores one sitting on save and turns the scorer's result into what is stored: recorded values, item scores,
 * totals. Counts every scored sitting in {@code zhsz.fitness.scored} (tag {@code source}: preview, grid, api,
 * import, demo).
 */
@Component
class ResultScoring {

    /** The outcome: errors (nothing to store) or the attempt. */
    record Scored(List<FieldError> errors, FitnessResult.Attempt attempt, ScoreResult result) {
        boolean valid() {
            return errors.isEmpty();
        }
    }

    private final FitnessScorer scorer;
    private final MeterRegistry meters;
    private final Map<String, Counter> counters = new java.util.concurrent.ConcurrentHashMap<>();

    ResultScoring(FitnessScorer scorer, MeterRegistry meters) {
        this.scorer = scorer;
        this.meters = meters;
    }

    FitnessScorer scorer() {
        return scorer;
    }

    void count(String source, int n) {
        counters.computeIfAbsent(source, s -> Counter.builder("zhsz.fitness.scored")
                .description("Students scored against the national fitness standard").tag("source", s)
                .register(meters)).increment(n);
    }

    /** Scores without counting (callers count once per batch). */
    Scored score(int grade, String sex, Map<String, ?> items, LocalDate testDate, String tester, String testerName,
                 String source, Instant at) {
        ScoreResult r = scorer.score(grade, sex, items);
        if (!r.errors().isEmpty()) {
            return new Scored(r.errors(), null, r);
        }
        return new Scored(List.of(), attempt(r, scorer.bonusItems(grade, sex), testDate, tester, testerName, source,
                at), r);
    }

    static FitnessResult.Attempt attempt(ScoreResult r, List<String> bonusItems, LocalDate testDate, String tester,
                                         String testerName, String source, Instant at) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        if (r.heightCm() != null) {
            values.put("height_cm", r.heightCm());
        }
        if (r.weightKg() != null) {
            values.put("weight_kg", r.weightKg());
        }
        Map<String, FitnessResult.ItemOutcome> items = new LinkedHashMap<>();
        for (ItemScore s : r.items()) {
            if (s.item().equals("bmi")) {
                if (r.heightCm() == null || r.weightKg() == null) {
                    values.put("bmi", s.value());
                }
            } else {
                values.put(s.item(), s.value());
            }
            items.put(s.item(), new FitnessResult.ItemOutcome(s.value(), s.score(), s.level(),
                    bonusItems.contains(s.item()) ? s.bonus() : null));
        }
        return new FitnessResult.Attempt(testDate, tester, testerName, source, at, values, items, r.missingItems(),
                r.standardScore(), r.bonus(), r.totalScore(), r.totalScoreRounded(), r.rating());
    }
}
