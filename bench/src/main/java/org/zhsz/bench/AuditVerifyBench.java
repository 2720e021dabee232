package org.zhsz.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.zhsz.audit.AuditBenchData;

import com.mongodb.client.model.InsertManyOptions;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What {@code GET /api/v1/audit/verify} costs as the trail grows: the app in-process on its own embedded store, the
 * demo county's trail plus generated events in the stored shape (sealed, signed streams of up to {@code chains}
 * schools' chains), and
 * after each step the county auditor's full verification timed (best of two) against a raw driver read of every
 * event and seal in the same run (the least any full verification must do).
 *
 * <pre>JAVA_OPTS=-Xmx3g bench/run.sh org.zhsz.bench.AuditVerifyBench [steps=25000,50000,100000] [chains=10]</pre>
 */
public final class AuditVerifyBench {

    public static void main(String[] args) throws Exception {
        List<Integer> steps = new ArrayList<>();
        for (String s : (args.length > 0 ? args[0] : "25000,50000,100000").split(",")) {
            steps.add(Integer.parseInt(s.trim()));
        }
        int chains = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        String load0 = BenchResults.loadAverage();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try (BenchApp app = new BenchApp(Map.of())) {
            ReactiveMongoTemplate mongo = app.bean(ReactiveMongoTemplate.class);
            String auditor = app.token("auditor", List.of("auditor"), null);
            // the county's schools are the chains the county auditor verifies
            List<String> schools = mongo.findAll(Document.class, "schools").map(d -> d.get("_id").toString())
                    .take(chains).collectList().block();
            Instant t = Instant.now().minus(Duration.ofDays(400));
            int stored = 0;
            System.out.printf(Locale.ROOT, "%12s %12s %10s %10s %8s %12s%n", "events", "seals", "verify s",
                    "raw s", "ratio", "µs/event");
            for (int target : steps) {
                // a generator "instance" per step: its streams are sealed every 1,000 events and closed
                AuditBenchData gen = new AuditBenchData(app.context(), 1000);
                List<Object> batch = new ArrayList<>();
                for (; stored < target; stored++) {
                    t = t.plusMillis(250);
                    String chain = schools.get(stored % schools.size());
                    batch.addAll(gen.add(chain, t, "teacher_" + chain, "老师", "teacher", "student.read", "student",
                            chain + "-" + (stored % 400), chain + "-" + (stored % 400), "BASIC"));
                    if (batch.size() >= 5000) {
                        insert(mongo, batch);
                    }
                }
                batch.addAll(gen.close(t));
                insert(mongo, batch);
                long events = count(mongo, "audit_events");
                long seals = count(mongo, "audit_seals");
                double best = Double.MAX_VALUE;
                String answer = "";
                for (int round = 0; round < 2; round++) {
                    long t0 = System.nanoTime();
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(app.url(
                                    "/api/v1/audit/verify"))).header("Authorization", "Bearer " + auditor)
                            .timeout(Duration.ofMinutes(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
                    best = Math.min(best, (System.nanoTime() - t0) / 1e9);
                    answer = r.statusCode() + " " + (r.body().contains("\"intact\":true") ? "intact" : r.body());
                }
                double raw = Double.MAX_VALUE;
                for (int round = 0; round < 2; round++) {
                    long t0 = System.nanoTime();
                    mongo.getCollection("audit_events").flatMapMany(c -> Flux.from(c.find()))
                            .concatWith(mongo.getCollection("audit_seals").flatMapMany(c -> Flux.from(c.find())))
                            .count().block();
                    raw = Math.min(raw, (System.nanoTime() - t0) / 1e9);
                }
                System.out.printf(Locale.ROOT, "%,12d %,12d %10.2f %10.2f %8.2f %12.1f   %s%n", events, seals, best,
                        raw, best / raw, best * 1e6 / events, answer);
                BenchResults.row("Audit verification", String.format(Locale.ROOT,
                                "GET /audit/verify, %,d events (s, best of 2)", events),
                        String.format(Locale.ROOT, "%.2f", best),
                        String.format(Locale.ROOT, "%.2f (raw read of events and seals)", raw),
                        String.format(Locale.ROOT, "%.2f", best / raw), answer.startsWith("200 intact") ? "intact"
                                : "NOT intact");
            }
        }
        System.out.printf(Locale.ROOT, "load average before/after: %s / %s%n", load0, BenchResults.loadAverage());
        System.exit(0);
    }

    private static long count(ReactiveMongoTemplate mongo, String coll) {
        return mongo.getCollection(coll).flatMap(c -> Mono.from(c.countDocuments())).block();
    }

    /** Converted with the app's own mapping, inserted per collection, unordered; empties the batch. */
    private static void insert(ReactiveMongoTemplate mongo, List<Object> objects) {
        Map<String, List<Document>> byCollection = new LinkedHashMap<>();
        for (Object o : objects) {
            Document d = new Document();
            mongo.getConverter().write(o, d);
            byCollection.computeIfAbsent(mongo.getCollectionName(o.getClass()), k -> new ArrayList<>()).add(d);
        }
        byCollection.forEach((coll, docs) -> mongo.getCollection(coll).flatMap(c -> Mono.from(c.insertMany(docs,
                new InsertManyOptions().ordered(false)))).block(Duration.ofMinutes(5)));
        objects.clear();
    }
}
