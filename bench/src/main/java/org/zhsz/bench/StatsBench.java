package org.zhsz.bench;

import static org.zhsz.bench.BenchResults.f0;
import static org.zhsz.bench.BenchResults.f1;
import static org.zhsz.bench.BenchResults.f2;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bson.Document;
import org.zhsz.fitness.FitnessBenchData;
import org.zhsz.organization.OrganizationDirectory;
import org.zhsz.organization.SchoolStage;
import org.zhsz.organization.Views.SchoolView;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.reactivestreams.client.MongoCollection;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * County fitness statistics over many results (docs/architecture.md §10): {@code GET /api/v1/fitness/stats/county} as the bureau
 * (JWT, actor, the module's {@code FitnessStats}: projected query of five school years, sums by grade × sex and
 * school, BMI categories, small-cell suppression, JSON) against a baseline in the same run: the same query with the
 * raw driver, computing the same sums in plain Java. The results are stored first, in the shape the module stores
 * them (scored by its own code), spread over the county's schools in the current school year.
 *
 * <pre>bench/run.sh org.zhsz.bench.StatsBench [results=1000000] [rounds=2]</pre>
 */
public final class StatsBench {

    static final String COUNTY = "640424";
    static final int BATCH = 1000;

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        String load0 = BenchResults.loadAverage();
        try (BenchApp app = new BenchApp(Map.of())) {
            ReactiveMongoTemplate mongo = app.bean(ReactiveMongoTemplate.class);
            String year = FitnessBenchData.currentYear();
            List<SchoolView> schools = app.bean(OrganizationDirectory.class).schoolsOfCounty(COUNTY).collectList()
                    .block();
            List<String> schoolIds = schools.stream().map(SchoolView::id).toList();
            List<List<Document>> templates = new ArrayList<>();
            for (SchoolView s : schools) {
                templates.add(FitnessBenchData.templates(2000, grades(s.stage()), year, 42 + templates.size()));
            }
            MongoCollection<Document> coll = mongo.getCollection(FitnessBenchData.collection()).block();

            // ---- load
            long l0 = System.nanoTime();
            int batches = (n + BATCH - 1) / BATCH;
            Flux.range(0, batches).flatMap(b -> {
                List<Document> docs = new ArrayList<>(BATCH);
                for (int i = b * BATCH; i < Math.min(n, (b + 1) * BATCH); i++) {
                    int s = i % schools.size();
                    List<Document> t = templates.get(s);
                    docs.add(FitnessBenchData.copy(t.get(i % t.size()), "B" + i, schoolIds.get(s),
                            schoolIds.get(s) + "-B" + (i / 45), year));
                }
                return Mono.from(coll.insertMany(docs, new InsertManyOptions().ordered(false)));
            }, 2).blockLast(Duration.ofHours(1));
            double loadSeconds = (System.nanoTime() - l0) / 1e9;
            long stored = Mono.from(coll.countDocuments()).block();
            System.out.printf(Locale.ROOT, "loaded %,d results in %.1f s (%,.0f docs/s); collection holds %,d; "
                    + "avg template size %d bytes%n", n, loadSeconds, n / loadSeconds, stored,
                    templates.get(0).get(0).toBsonDocument().toString().length());

            String token = app.token("bureau", List.of("bureau_admin"), null);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpRequest req = HttpRequest.newBuilder(URI.create(app.url("/api/v1/fitness/stats/county?year=" + year)))
                    .timeout(Duration.ofMinutes(20)).header("Authorization", "Bearer " + token).GET().build();
            List<String> years = trendYears(year);

            Figure api = new Figure();
            Figure raw = new Figure();
            String body = null;
            long[] rawTotals = null;
            for (int r = 0; r < rounds; r++) {
                final long[][] holder = new long[1][];
                raw.time(() -> holder[0] = rawScan(coll, schoolIds, years, year));
                rawTotals = holder[0];
                final String[] b = new String[1];
                api.time(() -> {
                    HttpResponse<String> resp = http.send(req, HttpResponse.BodyHandlers.ofString());
                    if (resp.statusCode() != 200) {
                        throw new IllegalStateException("stats: HTTP " + resp.statusCode() + " " + resp.body());
                    }
                    b[0] = resp.body();
                });
                body = b[0];
                System.out.printf(Locale.ROOT, "round %d: raw scan %.2f s (cpu %.2f s, heap +%.0f MB), "
                                + "stats API %.2f s (cpu %.2f s, heap +%.0f MB)%n", r + 1, raw.lastWall, raw.lastCpu,
                        raw.lastHeapMb, api.lastWall, api.lastCpu, api.lastHeapMb);
            }
            // same figures? the all-grades, both-sexes cell of the API against the raw sums
            java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                    "\"gradeName\":\"全部年级\",\"sex\":\"ALL\",\"suppressed\":false,\"tested\":(\\d+)").matcher(body);
            long apiTested = m.find() ? Long.parseLong(m.group(1)) : -1;
            System.out.printf(Locale.ROOT, "tested (all grades, both sexes): API %,d, raw scan %,d%s%n", apiTested,
                    rawTotals[0], apiTested == rawTotals[0] ? " (same)" : " (DIFFERENT)");
            double docs = rawTotals[2];
            String sec = "County statistics";
            String what = String.format(Locale.ROOT, "%,d results", (long) docs);
            BenchResults.row(sec, "county stats, " + what + ", full stack (s, best of " + rounds + ")",
                    f2(api.bestWall), f2(raw.bestWall) + " (raw driver scan + plain Java)",
                    f2(raw.bestWall / api.bestWall), BenchResults.goal(raw.bestWall / api.bestWall >= 0.5)
                            + " (≥ 0.5)" + (apiTested == rawTotals[0] ? "" : " FIGURES DIFFER"));
            BenchResults.row(sec, "county stats, CPU per request (core-s, all threads)", f2(api.bestCpu),
                    f2(raw.bestCpu), f2(raw.bestCpu / api.bestCpu), "");
            BenchResults.row(sec, "county stats, µs per result (wall)", f1(api.bestWall / docs * 1e6),
                    f1(raw.bestWall / docs * 1e6), f2(raw.bestWall / api.bestWall), "");
            BenchResults.row(sec, "county stats, peak heap used - start, incl. garbage (MB)", f0(api.maxHeapMb),
                    f0(raw.maxHeapMb), "", "");
            if (docs < 1_000_000) {
                BenchResults.row(sec, "county stats at 1,000,000 (EXTRAPOLATED linearly, s)",
                        f1(api.bestWall / docs * 1_000_000), f1(raw.bestWall / docs * 1_000_000), "",
                        "extrapolation");
            }
            BenchResults.row(sec, "bulk load into embedded store (docs/s, insertMany 1000)", f0(n / loadSeconds),
                    "", "", "");

            // the module's aggregation code over 1,000,000 projected results, store excluded (a real MongoDB scans
            // far faster than the embedded store, so there this part is what the app pays per request)
            int m1 = 1_000_000;
            List<Document> projected = new ArrayList<>();
            for (int s = 0; s < schools.size(); s++) {
                for (Document t : templates.get(s)) {
                    Document d = new Document();
                    for (String f : FitnessBenchData.statsFields()) {
                        if (t.containsKey(f)) {
                            d.put(f, t.get(f));
                        }
                    }
                    d.put("schoolId", schoolIds.get(s));
                    projected.add(d);
                }
            }
            Map<String, String> names = new java.util.LinkedHashMap<>();
            schools.forEach(sv -> names.put(sv.id(), sv.name()));
            Figure tallyFig = new Figure();
            Figure plainFig = new Figure();
            long[] plainOut = new long[1];
            for (int r = 0; r < 3; r++) {
                plainFig.time(() -> plainOut[0] = plainSums(stream(projected, m1), years, year)[0]);
                tallyFig.time(() -> FitnessBenchData.countyStats(stream(projected, m1), year, names).block());
            }
            BenchResults.row(sec, "aggregation code only, 1,000,000 projected results in memory (s, best of 3)",
                    f2(tallyFig.bestWall), f2(plainFig.bestWall) + " (plain Java sums)",
                    f2(plainFig.bestWall / tallyFig.bestWall), "");
            BenchResults.row(sec, "aggregation code only, CPU µs per result", f2(tallyFig.bestCpu / m1 * 1e6),
                    f2(plainFig.bestCpu / m1 * 1e6), f2(plainFig.bestCpu / tallyFig.bestCpu), "");
            System.out.println("load average before/after: " + load0 + " / " + BenchResults.loadAverage());
        }
        System.exit(0);
    }

    /** {@code n} projected documents cycling over the templates, made as they are consumed (like a cursor). */
    static Flux<Document> stream(List<Document> projected, int n) {
        return Flux.range(0, n).map(i -> {
            Document d = new Document(projected.get(i % projected.size()));
            d.put("studentId", "M" + i);
            return d;
        });
    }

    static int[] grades(SchoolStage stage) {
        return switch (stage) {
            case PRIMARY -> new int[]{1, 2, 3, 4, 5, 6};
            case JUNIOR -> new int[]{7, 8, 9};
            case SENIOR -> new int[]{10, 11, 12};
        };
    }

    static List<String> trendYears(String year) {
        int end = Integer.parseInt(year.substring(0, 4));
        List<String> years = new ArrayList<>();
        for (int y = end - 4; y <= end; y++) {
            years.add(y + "-" + (y + 1));
        }
        return years;
    }

    /**
     * Baseline: the same filter and projection with the raw driver; per document, plain Java sums into arrays.
     * Returns {tested, exempt, documents read}.
     */
    static long[] rawScan(MongoCollection<Document> coll, List<String> schools, List<String> years, String year) {
        return plainSums(Flux.from(coll.find(Filters.and(Filters.in("schoolId", schools),
                        Filters.in("schoolYear", years)))
                .projection(Projections.include(FitnessBenchData.statsFields())).batchSize(BATCH)), years, year);
    }

    /** The baseline's arithmetic: per document, plain Java sums into arrays. */
    static long[] plainSums(Flux<Document> docs, List<String> years, String year) {
        long[] tested = new long[13 * 2];
        long[] exempt = new long[13 * 2];
        double[] total = new double[13 * 2];
        long[][] ratings = new long[13 * 2][4];
        long[][] bmi = new long[13 * 2][4];
        long[] yearTested = new long[years.size()];
        long[] count = new long[1];
        List<String> ratingNames = List.of("优秀", "良好", "及格", "不及格");
        List<String> bmiNames = List.of("正常", "低体重", "超重", "肥胖");
        docs.doOnNext(d -> {
                    count[0]++;
                    boolean tst = "TESTED".equals(d.getString("status"));
                    int yi = years.indexOf(d.getString("schoolYear"));
                    if (tst && yi >= 0) {
                        yearTested[yi]++;
                    }
                    if (!year.equals(d.getString("schoolYear"))) {
                        return;
                    }
                    int g = d.get("grade") instanceof Number num ? num.intValue() : 0;
                    int cell = Math.max(0, Math.min(12, g)) * 2 + ("M".equals(d.getString("sex")) ? 0 : 1);
                    if ("EXEMPT".equals(d.getString("status"))) {
                        exempt[cell]++;
                        return;
                    }
                    int b = bmiNames.indexOf(String.valueOf(d.getString("bmiCategory")));
                    if (b >= 0) {
                        bmi[cell][b]++;
                    }
                    if (tst && d.get("totalScore") instanceof Number t) {
                        tested[cell]++;
                        total[cell] += t.doubleValue();
                        int r = ratingNames.indexOf(String.valueOf(d.getString("rating")));
                        if (r >= 0) {
                            ratings[cell][r]++;
                        }
                    }
                }).blockLast(Duration.ofMinutes(30));
        long t = 0;
        long e = 0;
        for (int i = 0; i < tested.length; i++) {
            t += tested[i];
            e += exempt[i];
        }
        return new long[]{t, e, count[0]};
    }

    interface Run {
        void run() throws Exception;
    }

    /** Wall time, process CPU time and heap growth of a figure; the best of the rounds counts. */
    static final class Figure {
        double bestWall = Double.MAX_VALUE;
        double bestCpu = Double.MAX_VALUE;
        double maxHeapMb;
        double lastWall;
        double lastCpu;
        double lastHeapMb;

        void time(Run r) throws Exception {
            MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
            System.gc();
            long heap0 = mem.getHeapMemoryUsage().getUsed();
            long[] peak = {heap0};
            Thread sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peak[0] = Math.max(peak[0], mem.getHeapMemoryUsage().getUsed());
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.setDaemon(true);
            sampler.start();
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            r.run();
            lastWall = (System.nanoTime() - t0) / 1e9;
            lastCpu = (os.getProcessCpuTime() - c0) / 1e9;
            sampler.interrupt();
            sampler.join();
            lastHeapMb = (peak[0] - heap0) / 1e6;
            bestWall = Math.min(bestWall, lastWall);
            bestCpu = Math.min(bestCpu, lastCpu);
            maxHeapMb = Math.max(maxHeapMb, lastHeapMb);
        }
    }
}
