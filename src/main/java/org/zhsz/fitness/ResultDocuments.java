package org.zhsz.fitness;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;

/**
 * {@link FitnessResult} ⇄ BSON by hand: the import writes 100,000 of these in seconds, so no reflection on the hot
 * path. Measurements and totals are stored as numbers at their printed precision (8.8, 165.2, 78.45), dates as
 * ISO text, instants as dates. The official totals are copied to the top level for lists, exports and statistics.
 */
final class ResultDocuments {

    static final String COLLECTION = "fitness_results";

    private ResultDocuments() {
    }

    static Document toDocument(FitnessResult r) {
        Document d = new Document("_id", r.id())
                .append("schoolId", r.schoolId())
                .append("studentId", r.studentId())
                .append("classId", r.classId())
                .append("schoolYear", r.schoolYear())
                .append("grade", r.grade())
                .append("sex", r.sex())
                .append("status", r.status().name());
        FitnessResult.Official official = r.official();
        FitnessResult.Attempt o = r.officialAttempt();
        d.append("official", official == null ? null : official.name());
        if (o != null && o.complete()) {
            d.append("standardScore", num(o.standardScore()))
                    .append("bonus", o.bonus())
                    .append("totalScore", num(o.totalScore()))
                    .append("totalScoreRounded", num(o.totalScoreRounded()))
                    .append("rating", o.rating());
        }
        if (o != null && o.bmiCategory() != null) {
            d.append("bmiCategory", o.bmiCategory());
        }
        if (r.first() != null) {
            d.append("first", attempt(r.first()));
        }
        if (r.makeup() != null) {
            d.append("makeup", attempt(r.makeup()));
        }
        if (r.exemption() != null) {
            FitnessResult.Exemption e = r.exemption();
            d.append("exemption", new Document("reason", e.reason()).append("documentId", e.documentId())
                    .append("documentName", e.documentName()).append("contentType", e.contentType())
                    .append("size", e.size()).append("at", date(e.at())).append("by", e.by()));
        }
        return d.append("version", r.version())
                .append("createdAt", date(r.createdAt())).append("createdBy", r.createdBy())
                .append("updatedAt", date(r.updatedAt())).append("updatedBy", r.updatedBy());
    }

    private static Document attempt(FitnessResult.Attempt a) {
        Document values = new Document();
        a.values().forEach((k, v) -> values.append(k, num(v)));
        Document items = new Document();
        a.items().forEach((k, v) -> {
            Document item = new Document("value", num(v.value())).append("score", v.score()).append("level", v.level());
            if (v.bonus() != null) {
                item.append("bonus", v.bonus());
            }
            items.append(k, item);
        });
        Document d = new Document("testDate", a.testDate() == null ? null : a.testDate().toString())
                .append("tester", a.tester()).append("testerName", a.testerName()).append("source", a.source())
                .append("recordedAt", date(a.recordedAt()))
                .append("values", values).append("items", items).append("missingItems", a.missingItems());
        if (a.complete()) {
            d.append("standardScore", num(a.standardScore())).append("bonus", a.bonus())
                    .append("totalScore", num(a.totalScore())).append("totalScoreRounded", num(a.totalScoreRounded()))
                    .append("rating", a.rating());
        }
        return d;
    }

    static FitnessResult fromDocument(Document d) {
        Document ex = d.get("exemption", Document.class);
        FitnessResult.Exemption exemption = ex == null ? null : new FitnessResult.Exemption(ex.getString("reason"),
                ex.getString("documentId"), ex.getString("documentName"), ex.getString("contentType"),
                longOf(ex.get("size")), instant(ex.get("at")), ex.getString("by"));
        return new FitnessResult(d.getString("_id"), d.getString("schoolId"), d.getString("studentId"),
                d.getString("classId"), d.getString("schoolYear"), intOf(d.get("grade")), d.getString("sex"),
                attemptOf(d.get("first", Document.class)), attemptOf(d.get("makeup", Document.class)), exemption,
                longOf(d.get("version")), instant(d.get("createdAt")), d.getString("createdBy"),
                instant(d.get("updatedAt")), d.getString("updatedBy"));
    }

    private static FitnessResult.Attempt attemptOf(Document a) {
        if (a == null) {
            return null;
        }
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        Document v = a.get("values", Document.class);
        if (v != null) {
            v.forEach((k, x) -> values.put(k, decimal(x, Math.max(0, FitnessScorer.itemDecimals(k)))));
        }
        Map<String, FitnessResult.ItemOutcome> items = new LinkedHashMap<>();
        Document it = a.get("items", Document.class);
        if (it != null) {
            it.forEach((k, x) -> {
                Document item = (Document) x;
                Object bonus = item.get("bonus");
                items.put(k, new FitnessResult.ItemOutcome(decimal(item.get("value"),
                        Math.max(0, FitnessScorer.itemDecimals(k))), intOf(item.get("score")), item.getString("level"),
                        bonus == null ? null : intOf(bonus)));
            });
        }
        List<String> missing = new ArrayList<>();
        List<?> m = a.get("missingItems", List.class);
        if (m != null) {
            m.forEach(x -> missing.add(String.valueOf(x)));
        }
        String testDate = a.getString("testDate");
        Object bonus = a.get("bonus");
        return new FitnessResult.Attempt(testDate == null ? null : LocalDate.parse(testDate), a.getString("tester"),
                a.getString("testerName"), a.getString("source"), instant(a.get("recordedAt")), values, items, missing,
                decimal(a.get("standardScore"), 2), bonus == null ? null : intOf(bonus),
                decimal(a.get("totalScore"), 2), decimal(a.get("totalScoreRounded"), 1), a.getString("rating"));
    }

    static Object num(BigDecimal v) {
        if (v == null) {
            return null;
        }
        return v.scale() <= 0 ? (Object) v.intValueExact() : (Object) v.doubleValue();
    }

    /** A stored number back at its printed precision: 8.8 stays 8.8, 90 becomes 90.0 for one decimal. */
    static BigDecimal decimal(Object o, int scale) {
        if (o == null) {
            return null;
        }
        BigDecimal d;
        if (o instanceof Integer || o instanceof Long) {
            d = BigDecimal.valueOf(((Number) o).longValue());
        } else if (o instanceof Number n) {
            d = BigDecimal.valueOf(n.doubleValue());
        } else {
            d = new BigDecimal(o.toString());
        }
        return d.setScale(scale, RoundingMode.HALF_UP);
    }

    private static int intOf(Object o) {
        return o == null ? 0 : ((Number) o).intValue();
    }

    private static long longOf(Object o) {
        return o == null ? 0L : ((Number) o).longValue();
    }

    private static Date date(Instant i) {
        return i == null ? null : Date.from(i);
    }

    private static Instant instant(Object o) {
        return o instanceof Date dt ? dt.toInstant() : null;
    }
}
