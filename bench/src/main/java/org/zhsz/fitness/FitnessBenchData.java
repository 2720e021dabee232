package org.zhsz.fitness;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.bson.Document;
import org.zhsz.platform.SchoolClock;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Benchmark data in exactly the shape the fitness module stores: results scored by the module's own
 * {@link ResultScoring} from {@link PlausibleResults} values and turned into documents by {@link ResultDocuments}.
 * Bench sources only (lives in this package to reach the package-private types).
 */
public final class FitnessBenchData {

    private FitnessBenchData() {
    }

    /** The current school year, as the statistics default to it. */
    public static String currentYear() {
        return SchoolYears.of(LocalDate.now(SchoolClock.ZONE));
    }

    /** The school year that starts in {@code start}, e.g. "2026-2027". */
    public static String yearOfStart(int start) {
        return SchoolYears.ofStart(start);
    }

    /** The projection the statistics read (the same list the module uses). */
    public static List<String> statsFields() {
        return FitnessStats.FIELDS;
    }

    /**
     * {@code count} distinct scored result documents for the grades given (about 2% 免测, the rest a complete first
     * attempt), for a school year. Ids are placeholders: {@link #copy} gives each stored document its own.
     */
    public static List<Document> templates(int count, int[] grades, String year, long seed) {
        FitnessScorer scorer = new FitnessScorer();
        ResultScoring scoring = new ResultScoring(scorer, new SimpleMeterRegistry());
        PlausibleResults gen = new PlausibleResults(scorer);
        Random rnd = new Random(seed);
        Instant now = Instant.now();
        LocalDate date = LocalDate.of(SchoolYears.start(year), 10, 15);
        List<Document> out = new ArrayList<>(count);
        while (out.size() < count) {
            int grade = grades[rnd.nextInt(grades.length)];
            String sex = rnd.nextBoolean() ? "M" : "F";
            String student = "T" + out.size();
            FitnessResult r = FitnessResult.empty("S", student, "C", year, grade, sex, now, "bench");
            if (rnd.nextInt(50) == 0) {
                r = r.withExemption(new FitnessResult.Exemption("骨折恢复期", "doc" + out.size(), "证明.pdf",
                        "application/pdf", 120_000, now, "pe_bench"), now, "pe_bench");
            } else {
                Map<String, Object> items = gen.items(grade, sex, rnd.nextGaussian(), rnd);
                ResultScoring.Scored sc = scoring.score(grade, sex, items, date, "pe_bench", "体育组", "import", now);
                if (!sc.valid()) {
                    continue;
                }
                r = r.withFirst(sc.attempt(), "C", grade, sex, now, "pe_bench");
            }
            out.add(ResultDocuments.toDocument(r));
        }
        return out;
    }

    /** A stored copy of a template for another student (nested documents are shared, not copied). */
    public static Document copy(Document template, String studentId, String schoolId, String classId, String year) {
        Document d = new Document(template);
        d.put("_id", SchoolYears.resultId(studentId, year));
        d.put("schoolId", schoolId);
        d.put("studentId", studentId);
        d.put("classId", classId);
        d.put("schoolYear", year);
        return d;
    }

    /** The county statistics as {@code FitnessStats} computes them, over a stream of projected documents. */
    public static reactor.core.publisher.Mono<Object> countyStats(reactor.core.publisher.Flux<Document> docs,
                                                                  String year, Map<String, String> schoolNames) {
        return docs.collect(() -> new FitnessStats.Tally(year, true), FitnessStats.Tally::add)
                .map(t -> t.finish("county", "640424", "county", schoolNames));
    }

    public static String collection() {
        return ResultDocuments.COLLECTION;
    }
}
