package org.zhsz.bench;

import static org.zhsz.bench.BenchResults.f0;
import static org.zhsz.bench.BenchResults.f1;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.zhsz.audit.AuditBenchData;
import org.zhsz.fitness.FitnessBenchData;
import org.zhsz.organization.OrgBenchData;
import org.zhsz.record.RecordBenchData;
import org.zhsz.student.StudentBenchData;

import com.mongodb.client.model.InsertManyOptions;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * County-size data and the endpoints whose cost could grow with it.
 *
 * <p>Generates a county — {@code --schools} schools (two primary schools for each junior middle school) with
 * {@code --students} students on the roll now, three school years of history (the cohorts that graduated in those
 * years included), {@code --records} 写实记录 per student and term (a fifth of them self-reports; in the current term
 * some still wait for review), one fitness result per student and year, {@code --audit} audit events per student
 * and year (record writes, and sensitive reads that show in the families' access logs) in sealed streams — in the
 * modules' own stored shapes, into the store of an app started in-process ({@link BenchApp}: the embedded store, or a
 * real MongoDB with {@code --uri}). The current school year is loaded first, then one older year at a time; after
 * each step the same requests are timed (one client, sequential: the cost of one request, not throughput):
 * school record coverage, school fitness statistics, the review queue (head teacher and school admin), a
 * student's timeline, a family's access log, the auditor's first page of events. Each request's data is
 * constant across the steps (the same current term, the same students); only the history grows, so a latency that
 * grows from step to step is a query that is not bounded by what it returns.
 *
 * <pre>
 * bench/run.sh org.zhsz.bench.CountyScaleBench [--students 2000] [--schools 3] [--records 10] [--audit 40]
 *     [--samples 15] [--uri mongodb://…/zhsz_county] [--generate-only] [--explain]
 * </pre>
 * The full county is {@code --students 30000 --schools 60}: about 1.9 million records, 3.6 million audit events
 * and 0.1 million fitness results — meant for a real MongoDB ({@code --uri}); the embedded store keeps ~10 KB of
 * heap per document, so size the run to its heap (the defaults need about -Xmx4g).
 */
public final class CountyScaleBench {

    static final String COUNTY = "640424";

    record School(String id, String stage, int classesPerGrade) {
        int years() {
            return stage.equals("PRIMARY") ? 6 : 3;
        }
    }

    record Cohort(School school, int entryYear, List<String> classIds) {
    }

    record StudentRef(String id, String schoolId, String classId, int entryYear, String guardian) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new HashMap<>(Map.of("--students", "2000", "--schools", "3", "--records", "10",
                "--audit", "40", "--samples", "15"));
        boolean generateOnly = false;
        boolean explain = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--generate-only" -> generateOnly = true;
                case "--explain" -> explain = true;
                default -> opt.put(args[i], args[++i]);
            }
        }
        int students = Integer.parseInt(opt.get("--students"));
        int schools = Integer.parseInt(opt.get("--schools"));
        int recordsPerTerm = Integer.parseInt(opt.get("--records"));
        int auditPerYear = Integer.parseInt(opt.get("--audit"));
        int samples = Integer.parseInt(opt.get("--samples"));
        Map<String, Object> props = new HashMap<>();
        if (opt.containsKey("--uri")) {
            props.put("zhsz.store.mongodb-uri", opt.get("--uri"));
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            props.put("zhsz.encryption.keys", "bench:" + Base64.getEncoder().encodeToString(key));
        }
        String load0 = BenchResults.loadAverage();
        long t0 = System.nanoTime();
        try (BenchApp app = new BenchApp(props)) {
            CountyScaleBench bench = new CountyScaleBench(app, students, schools, recordsPerTerm, auditPerYear);
            bench.plan();
            bench.organization();
            List<Map<String, double[]>> steps = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            for (int back = 0; back < 3; back++) {
                int start = bench.current - back;
                bench.year(start);
                System.out.printf(Locale.ROOT, "%n== loaded school year %d-%d (%d steps): %s%n", start, start + 1,
                        back + 1, bench.counts());
                if (!generateOnly) {
                    labels.add((back + 1) + " year" + (back == 0 ? "" : "s"));
                    steps.add(bench.measure(samples));
                }
                if (explain) {
                    bench.explain();
                }
            }
            bench.finishAudit();
            if (!generateOnly) {
                bench.report(labels, steps);
                bench.verify();
            }
            System.out.printf(Locale.ROOT, "%ntotal %.0f s; load average before/after: %s / %s%n",
                    (System.nanoTime() - t0) / 1e9, load0, BenchResults.loadAverage());
        }
        System.exit(0);
    }

    private final BenchApp app;
    private final ReactiveMongoTemplate mongo;
    private final int students;
    private final int schoolCount;
    private final int recordsPerTerm;
    private final int auditPerYear;
    private final int current;
    private final Instant now = Instant.now();
    private final Random rnd = new Random(42);
    private final List<School> schools = new ArrayList<>();
    private final List<Cohort> cohorts = new ArrayList<>();
    private final Map<Cohort, List<StudentRef>> studentsOf = new LinkedHashMap<>();
    private final AuditBenchData audit;
    private final Map<String, List<Document>> templates = new HashMap<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private long documents;

    CountyScaleBench(BenchApp app, int students, int schools, int recordsPerTerm, int auditPerYear) {
        this.app = app;
        this.mongo = app.bean(ReactiveMongoTemplate.class);
        this.students = students;
        this.schoolCount = schools;
        this.recordsPerTerm = recordsPerTerm;
        this.auditPerYear = auditPerYear;
        this.current = Integer.parseInt(FitnessBenchData.currentYear().substring(0, 4));
        this.audit = new AuditBenchData(app.context(), 1000);
    }

    // ------------------------------------------------------------------ the county

    /** Schools (one junior middle school per two primary schools), cohorts, students on the roll and graduated. */
    void plan() {
        int juniors = Math.max(1, schoolCount / 3);
        // a class holds 40; a primary school's roll is 6 grades, a junior school's 3 grades of larger classes
        double perSchool = (double) students / schoolCount;
        for (int i = 0; i < schoolCount; i++) {
            String stage = i < juniors ? "JUNIOR" : "PRIMARY";
            int years = stage.equals("PRIMARY") ? 6 : 3;
            int perGrade = Math.max(1, (int) Math.round(perSchool / years / 40));
            schools.add(new School(String.format("G%03d", i + 1), stage, perGrade));
        }
        int studentNo = 0;
        for (School s : schools) {
            // every cohort in the school during the three years: those on the roll now and those that left
            for (int entry = current - s.years() - 1; entry <= current; entry++) {
                List<String> classes = new ArrayList<>();
                for (int c = 1; c <= s.classesPerGrade(); c++) {
                    classes.add(s.id() + "-" + entry + "-" + c);
                }
                Cohort co = new Cohort(s, entry, classes);
                cohorts.add(co);
                List<StudentRef> list = new ArrayList<>();
                for (String cls : classes) {
                    for (int k = 0; k < 40; k++) {
                        String id = String.format("%s-%02d", cls, k + 1);
                        list.add(new StudentRef(id, s.id(), cls, entry, "parent_" + id));
                        studentNo++;
                    }
                }
                studentsOf.put(co, list);
            }
        }
        System.out.printf(Locale.ROOT, "county %s: %d schools, %d students on the roll now, %d in three years%n",
                COUNTY, schools.size(), studentsOf.entrySet().stream().filter(e -> onRoll(e.getKey(), current))
                        .mapToInt(e -> e.getValue().size()).sum(), studentNo);
    }

    private static boolean onRoll(Cohort c, int schoolYearStart) {
        int offset = schoolYearStart - c.entryYear();
        return offset >= 0 && offset < c.school().years();
    }

    private static String term(int start, int semester) {
        return start + "-" + (start + 1) + "-" + semester;
    }

    /** Schools, classes, terms, staff, assignments, and every student (those who left as graduated). */
    void organization() {
        List<Object> out = new ArrayList<>();
        for (School s : schools) {
            out.add(OrgBenchData.school(s.id(), COUNTY, "泾源县第" + s.id().substring(1) + (s.stage().equals("PRIMARY")
                    ? "小学" : "中学"), s.id(), s.stage(), now));
            out.add(OrgBenchData.staff("admin_" + s.id(), s.id(), "管理员", Set.of(), now));
            for (int y = current - 2; y <= current; y++) {
                for (int sem = 1; sem <= 2; sem++) {
                    out.add(OrgBenchData.term(s.id(), term(y, sem), now));
                }
            }
        }
        String currentTerm = OrgBenchData.termCode(LocalDate.now(org.zhsz.platform.SchoolClock.ZONE));
        for (Cohort c : cohorts) {
            boolean active = onRoll(c, current);
            for (String cls : c.classIds()) {
                int classNo = Integer.parseInt(cls.substring(cls.lastIndexOf('-') + 1));
                out.add(OrgBenchData.schoolClass(cls, c.school().id(), c.school().stage(), c.entryYear(), classNo,
                        active, now));
                String head = "head_" + cls;
                out.add(OrgBenchData.staff(head, c.school().id(), "班主任" + classNo, Set.of("语文"), now));
                for (int y = current - 2; y <= current; y++) {
                    int offset = y - c.entryYear();
                    if (offset < 0 || offset >= c.school().years()) {
                        continue;
                    }
                    for (int sem = 1; sem <= 2; sem++) {
                        String t = term(y, sem);
                        out.add(OrgBenchData.assignment(cls + ":" + t + ":head", c.school().id(), t, head,
                                "HEAD_TEACHER", cls, null, now));
                    }
                }
            }
            for (StudentRef st : studentsOf.get(c)) {
                int gradYear = c.entryYear() + c.school().years();
                boolean graduated = !active && gradYear <= current;
                LocalDate from = LocalDate.of(c.entryYear(), 9, 1);
                out.add(StudentBenchData.student(st.id(), c.school().id(), "G" + st.id().replace("-", ""),
                        "学生" + st.id().substring(st.id().length() - 2), rnd.nextBoolean(),
                        LocalDate.of(c.entryYear() - (c.school().stage().equals("PRIMARY") ? 6 : 12), 3, 1),
                        graduated ? null : st.classId(), graduated, st.guardian(), "家长", st.classId(), from,
                        graduated ? LocalDate.of(gradYear, 7, 10) : null, now));
            }
        }
        insert(out);
        System.out.printf(Locale.ROOT, "organization and students: %d documents (current term %s)%n", out.size(),
                currentTerm);
    }

    /** One school year of history: records of both terms, fitness results, audit events. */
    void year(int start) {
        long before = documents;
        List<Object> batch = new ArrayList<>();
        String year = FitnessBenchData.yearOfStart(start);
        for (Cohort c : cohorts) {
            int offset = start - c.entryYear();
            if (offset < 0 || offset >= c.school().years()) {
                continue;
            }
            int grade = OrgBenchData.gradeLevel(c.school().stage(), c.entryYear(), start);
            String chain = c.school().id();
            for (StudentRef st : studentsOf.get(c)) {
                String head = "head_" + st.classId();
                for (int sem = 1; sem <= 2; sem++) {
                    String t = term(start, sem);
                    LocalDate from = OrgBenchData.termStart(t);
                    boolean newest = start == current && sem == currentSemester();
                    for (int r = 0; r < recordsPerTerm; r++) {
                        boolean self = r % 5 == 4;
                        LocalDate on = from.plusDays(rnd.nextInt(100));
                        batch.add(RecordBenchData.record(org.zhsz.platform.Ids.newId(), chain, st.id(), st.classId(),
                                t, on, self, self && newest && rnd.nextInt(3) == 0, head, "班主任", "student_" + st.id(),
                                rnd));
                    }
                }
                batch.add(fitness(st, grade, year));
                for (int a = 0; a < auditPerYear; a++) {
                    // spread over the school year, in time order per chain
                    Instant at = LocalDate.of(start, 9, 1).atStartOfDay(org.zhsz.platform.SchoolClock.ZONE)
                            .toInstant().plusSeconds((long) a * 300 * 24 * 3600 / auditPerYear + rnd.nextInt(60));
                    batch.addAll(auditEvent(chain, st, head, at, a));
                }
                if (batch.size() >= 5000) {
                    insert(batch);
                    batch.clear();
                }
            }
        }
        insert(batch);
        System.out.printf(Locale.ROOT, "school year %s: %,d documents%n", year, documents - before);
    }

    private static int currentSemester() {
        String code = OrgBenchData.termCode(LocalDate.now(org.zhsz.platform.SchoolClock.ZONE));
        return Integer.parseInt(code.substring(code.length() - 1));
    }

    private Document fitness(StudentRef st, int grade, String year) {
        List<Document> t = templates.computeIfAbsent(grade + ":" + year, k ->
                FitnessBenchData.templates(50, new int[]{grade}, year, grade * 31L + year.hashCode()));
        return FitnessBenchData.copy(t.get(rnd.nextInt(t.size())), st.id(), st.schoolId(), st.classId(), year);
    }

    private List<Object> auditEvent(String chain, StudentRef st, String head, Instant at, int i) {
        return switch (i % 5) {
            case 0 -> audit.add(chain, at, "pe_" + st.schoolId(), "体育老师", "teacher", "fitness.read", "fitness",
                    st.id(), st.id(), "FITNESS_SCORE");
            case 1 -> audit.add(chain, at, head, "班主任", "head_teacher", "student.read", "student", st.id(), st.id(),
                    "PROFILE_PRIVATE");
            case 2 -> audit.add(chain, at, "admin_" + st.schoolId(), "管理员", "school_admin", "archive.read", "archive",
                    st.id(), st.id(), "ARCHIVE");
            default -> audit.add(chain, at, head, "班主任", "head_teacher", "record.create", "record",
                    org.zhsz.platform.Ids.newId(), st.id(), null);
        };
    }

    void finishAudit() {
        insert(audit.close(now));
    }

    /** Converted with the app's own mapping and inserted per collection, unordered, 1,000 at a time. */
    private void insert(List<?> objects) {
        Map<String, List<Document>> byCollection = new LinkedHashMap<>();
        for (Object o : objects) {
            Document d;
            String coll;
            if (o instanceof Document raw) {
                d = raw;
                coll = FitnessBenchData.collection();
            } else {
                d = new Document();
                mongo.getConverter().write(o, d);
                coll = mongo.getCollectionName(o.getClass());
            }
            byCollection.computeIfAbsent(coll, k -> new ArrayList<>()).add(d);
        }
        for (Map.Entry<String, List<Document>> e : byCollection.entrySet()) {
            List<Document> docs = e.getValue();
            for (int i = 0; i < docs.size(); i += 1000) {
                List<Document> part = docs.subList(i, Math.min(docs.size(), i + 1000));
                mongo.getCollection(e.getKey()).flatMap(c -> Mono.from(c.insertMany(part,
                        new InsertManyOptions().ordered(false)))).block(Duration.ofMinutes(5));
                documents += part.size();
            }
        }
    }

    String counts() {
        StringBuilder sb = new StringBuilder();
        for (String c : List.of("students", "records", "fitness_results", "audit_events", "audit_seals")) {
            sb.append(c).append(' ').append(String.format(Locale.ROOT, "%,d", mongo.getCollection(c)
                    .flatMap(x -> Mono.from(x.estimatedDocumentCount())).block())).append("; ");
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ measuring

    /** The largest junior school, one class of its newest cohort, a student of that class. */
    private record Subjects(String school, String classId, String student) {
    }

    private Subjects subjects() {
        School s = schools.get(0);
        Cohort newest = cohorts.stream().filter(c -> c.school() == s && c.entryYear() == current).findFirst()
                .orElseThrow();
        return new Subjects(s.id(), newest.classIds().get(0), studentsOf.get(newest).get(0).id());
    }

    Map<String, double[]> measure(int samples) throws Exception {
        Subjects x = subjects();
        String admin = app.token("admin_" + x.school(), List.of("school_admin"), x.school());
        String head = app.token("head_" + x.classId(), List.of("head_teacher", "teacher"), x.school());
        String parent = app.token("parent_" + x.student(), List.of("parent"), x.school());
        String auditor = app.token("auditor", List.of("auditor"), null);
        Map<String, double[]> out = new LinkedHashMap<>();
        out.put("school record coverage (admin)", time(samples, "/api/v1/schools/" + x.school() + "/coverage", admin));
        out.put("school fitness statistics (admin)", time(samples, "/api/v1/fitness/stats", admin));
        out.put("review queue (head teacher)", time(samples, "/api/v1/records/review-queue", head));
        out.put("review queue (school admin)", time(samples, "/api/v1/records/review-queue", admin));
        out.put("student timeline (head teacher)", time(samples, "/api/v1/students/" + x.student() + "/records",
                head));
        out.put("family access log (parent)", time(samples, "/api/v1/students/" + x.student() + "/access-log",
                parent));
        out.put("auditor: events, first page", time(samples, "/api/v1/audit/events", auditor));
        // what the coverage query reads now (the school's current students) against what it read before (the school)
        List<String> roll = studentsOf.entrySet().stream().filter(e -> e.getKey().school().id().equals(x.school())
                && onRoll(e.getKey(), current)).flatMap(e -> e.getValue().stream().map(StudentRef::id)).toList();
        out.put("coverage: records read, by current students (docs)", new double[]{countFacts(Criteria.where("studentId")
                .in(roll).and("schoolId").is(x.school())), 0});
        out.put("coverage: records read, by school as before (docs)", new double[]{countFacts(Criteria.where(
                "schoolId").is(x.school())), 0});
        return out;
    }

    private double countFacts(Criteria scope) {
        Query q = Query.query(scope).addCriteria(Criteria.where("status").in("APPROVED", "SUBMITTED"))
                .addCriteria(new Criteria().orOperator(Criteria.where("skill").ne(null),
                        Criteria.where("dimension").is("LABOUR")));
        return mongo.count(q, "records").block();
    }

    /** p50 and p95 in ms of {@code samples} sequential GETs after as many unmeasured ones; fails on any non-200. */
    private double[] time(int samples, String path, String token) throws Exception {
        double[] ms = new double[samples];
        for (int i = -samples; i < samples; i++) {
            long t = System.nanoTime();
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(app.url(path)))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofMinutes(2)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(path + " -> " + r.statusCode() + " " + new String(r.body(),
                        java.nio.charset.StandardCharsets.UTF_8));
            }
            if (i >= 0) {
                ms[i] = (System.nanoTime() - t) / 1e6;
            }
        }
        Arrays.sort(ms);
        return new double[]{ms[samples / 2], ms[Math.min(samples - 1, (int) Math.ceil(samples * 0.95) - 1)]};
    }

    void report(List<String> labels, List<Map<String, double[]>> steps) {
        System.out.printf(Locale.ROOT, "%n%-52s", "request (p50 / p95 ms; one client)");
        labels.forEach(l -> System.out.printf(Locale.ROOT, " | %-17s", l));
        System.out.printf(Locale.ROOT, " | %s%n", "3 years / 1 year (p50)");
        for (String k : steps.get(0).keySet()) {
            System.out.printf(Locale.ROOT, "%-52s", k);
            for (Map<String, double[]> s : steps) {
                double[] v = s.get(k);
                System.out.printf(Locale.ROOT, " | %-17s", k.endsWith("(docs)") ? f0(v[0])
                        : f1(v[0]) + " / " + f1(v[1]));
            }
            double ratio = steps.get(steps.size() - 1).get(k)[0] / Math.max(1e-9, steps.get(0).get(k)[0]);
            System.out.printf(Locale.ROOT, " | %.2f%n", ratio);
            BenchResults.row("County scale", k + ", 1 / 2 / 3 years of history",
                    steps.stream().map(s -> k.endsWith("(docs)") ? f0(s.get(k)[0]) : f1(s.get(k)[0]))
                            .reduce((a, b) -> a + " / " + b).orElse(""), "", String.format(Locale.ROOT, "%.2f", ratio),
                    "");
        }
    }

    /** The auditor's verification of the whole county's trail (it reads everything: a sizing figure). */
    void verify() throws Exception {
        String auditor = app.token("auditor", List.of("auditor"), null);
        long t = System.nanoTime();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(app.url("/api/v1/audit/verify")))
                .header("Authorization", "Bearer " + auditor).timeout(Duration.ofMinutes(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        double s = (System.nanoTime() - t) / 1e9;
        String body = r.body().length() > 400 ? r.body().substring(0, 400) + "…" : r.body();
        System.out.printf(Locale.ROOT, "%naudit verification of the county: HTTP %d in %.1f s: %s%n", r.statusCode(), s,
                body);
        // baseline in the same run: only reading every event and seal through the driver, no checks
        long events = mongo.getCollection("audit_events").flatMap(x -> Mono.from(x.estimatedDocumentCount())).block();
        long t1 = System.nanoTime();
        long read = mongo.getCollection("audit_events").flatMapMany(x -> Flux.from(x.find()))
                .concatWith(mongo.getCollection("audit_seals").flatMapMany(x -> Flux.from(x.find())))
                .count().block();
        double raw = (System.nanoTime() - t1) / 1e9;
        System.out.printf(Locale.ROOT, "raw read of %,d events and seals: %.1f s; verification %.1f µs per event%n",
                read, raw, s * 1e6 / Math.max(1, events));
        BenchResults.row("County scale", "audit verification of the whole county (s)", f1(s),
                f1(raw) + " (raw read of events and seals)", String.format(Locale.ROOT, "%.2f", s / raw),
                r.body().contains("\"intact\":true") ? "intact" : "NOT intact");
        BenchResults.row("County scale", "audit verification, µs per event (" + String.format(Locale.ROOT, "%,d",
                events) + " events)", f1(s * 1e6 / Math.max(1, events)), "", "", "");
    }

    /** The query plans a real MongoDB chooses for the queries above (the embedded store has no explain). */
    void explain() {
        Subjects x = subjects();
        Map<String, Document> queries = new LinkedHashMap<>();
        queries.put("records: review queue of a class", new Document("find", "records").append("filter",
                new Document("classId", new Document("$in", List.of(x.classId()))).append("status", "SUBMITTED")));
        queries.put("records: review queue of a school", new Document("find", "records").append("filter",
                new Document("schoolId", x.school()).append("status", "SUBMITTED")));
        queries.put("records: a student's timeline", new Document("find", "records").append("filter",
                new Document("studentId", x.student()).append("status", new Document("$ne", "DRAFT")))
                .append("sort", new Document("occurredOn", -1).append("createdAt", -1)).append("limit", 20));
        queries.put("records: coverage facts of current students", new Document("find", "records").append("filter",
                new Document("studentId", new Document("$in", List.of(x.student()))).append("schoolId", x.school())
                        .append("status", new Document("$in", List.of("APPROVED")))));
        queries.put("audit_events: a family's access log", new Document("find", "audit_events").append("filter",
                new Document("studentId", x.student()).append("outcome", "ALLOWED"))
                .append("sort", new Document("at", -1)).append("limit", 20));
        queries.put("fitness_results: school statistics", new Document("find", "fitness_results").append("filter",
                new Document("schoolId", new Document("$in", List.of(x.school()))).append("schoolYear",
                        new Document("$in", List.of(FitnessBenchData.currentYear())))));
        for (Map.Entry<String, Document> q : queries.entrySet()) {
            try {
                Document plan = mongo.executeCommand(new Document("explain", q.getValue()).append("verbosity",
                        "executionStats")).block();
                Document qp = (Document) plan.get("queryPlanner");
                Document stats = (Document) plan.get("executionStats");
                System.out.printf(Locale.ROOT, "explain %s: %s; examined %s keys / %s docs, returned %s%n", q.getKey(),
                        qp == null ? plan.toJson() : ((Document) qp.get("winningPlan")).toJson(),
                        stats == null ? "?" : stats.get("totalKeysExamined"),
                        stats == null ? "?" : stats.get("totalDocsExamined"),
                        stats == null ? "?" : stats.get("nReturned"));
            } catch (RuntimeException e) {
                System.out.printf(Locale.ROOT, "explain %s: not available here (%s)%n", q.getKey(), e.getMessage());
            }
        }
    }
}
