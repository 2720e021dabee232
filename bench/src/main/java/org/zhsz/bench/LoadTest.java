package org.zhsz.bench;

import static org.zhsz.bench.BenchResults.f0;
import static org.zhsz.bench.BenchResults.f1;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * A bounded load test of the running platform: a fixed number of closed-loop clients for a fixed time, loopback
 * only, mixing what the demo county's users do at term end: teachers reading class rosters and timelines and
 * creating records, students writing self-reports and reading their own records, the head teacher reviewing them,
 * parents reading who read their child's file, the counselor reading alerts, the school admin reading statistics.
 * Reports throughput, p50/p95/p99 per operation and overall, errors (with the first few), the app's peak RSS
 * (VmHWM) and its CPU time per request.
 *
 * <pre>
 * bench/run.sh org.zhsz.bench.LoadTest [seconds=60] [clients=32]
 *     the app in a child JVM (-Xmx512m, own embedded store, demo county, local JWKS): RSS and CPU are its own
 * bench/run.sh org.zhsz.bench.LoadTest [seconds] [clients] --jfr
 *     the same, the app's JVM recording a CPU profile to bench/results/loadtest-app.jfr
 * bench/run.sh org.zhsz.bench.LoadTest 60 32 --url http://localhost:8080 [--keycloak http://127.0.0.1:8180] [--pid N]
 *     against ./run.sh, with real Keycloak tokens (password grant of zhsz-cli, demo password); RSS/CPU with --pid
 * JAVA_OPTS="-Dwarm=40 -DchildJvmArgs=-agentpath:..." bench/run.sh org.zhsz.bench.LoadTest 60 32
 *     a longer warm-up (seconds; default a quarter of the run, 5–20 s), and extra options for the app's JVM
 *     (e.g. a profiler agent, or JIT settings to compare); -Donly=coverage runs the operations named like it alone
 * </pre>
 */
public final class LoadTest {

    static final int MAX_SECONDS = 900;
    /** Where the child JVM's log goes (the app logs warnings and errors, with their stack traces). */
    static final Path APP_LOG = Path.of("bench", "results", "loadtest-app.log");

    /** One kind of request: who sends it, how often (weight), and how it is built. */
    record Op(String name, String user, int weight, Builder builder) {
    }

    interface Builder {
        HttpRequest build(Ctx ctx, SplittableRandom rnd);
    }

    /** What the operations share: base URL, tokens, the queue of self-reports waiting for review. */
    static final class Ctx {
        final String base;
        final Map<String, String> tokens = new java.util.concurrent.ConcurrentHashMap<>();
        final ConcurrentLinkedQueue<String[]> toReview = new ConcurrentLinkedQueue<>();

        Ctx(String base) {
            this.base = base;
        }

        HttpRequest.Builder get(String user, String path) {
            return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + tokens.get(user)).GET();
        }

        HttpRequest.Builder post(String user, String path, String json) {
            return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + tokens.get(user)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json));
        }
    }

    static final String[] CLASS_C1 = new String[40];

    static {
        for (int i = 0; i < 40; i++) {
            CLASS_C1[i] = String.format("S1-C1-%02d", i + 1);
        }
    }

    static String student(SplittableRandom rnd) {
        return CLASS_C1[rnd.nextInt(CLASS_C1.length)];
    }

    static String day(SplittableRandom rnd) {
        return LocalDate.now().minusDays(1 + rnd.nextInt(60)).toString();
    }

    static List<Op> ops() {
        List<Op> ops = new ArrayList<>();
        ops.add(new Op("teacher: class roster", "teacher_c1", 14,
                (c, r) -> c.get("teacher_c1", "/api/v1/students?classId=S1-C1&size=50").build()));
        ops.add(new Op("teacher: student timeline", "teacher_c1", 14,
                (c, r) -> c.get("teacher_c1", "/api/v1/students/" + student(r) + "/records").build()));
        ops.add(new Op("PE teacher: create record", "pe_c1", 8,
                (c, r) -> c.post("pe_c1", "/api/v1/students/" + student(r) + "/records",
                        "{\"dimension\":\"PHYSICAL\",\"category\":\"health_habit\",\"title\":\"坚持晨跑\","
                                + "\"description\":\"每天晨跑两公里\",\"occurredOn\":\"" + day(r) + "\"}").build()));
        ops.add(new Op("head teacher: create record", "head_c1", 6,
                (c, r) -> c.post("head_c1", "/api/v1/students/" + student(r) + "/records",
                        "{\"dimension\":\"MORAL\",\"category\":\"volunteer_service\",\"title\":\"社区志愿服务\","
                                + "\"description\":\"周末在社区打扫卫生\",\"occurredOn\":\"" + day(r)
                                + "\",\"hours\":2}").build()));
        ops.add(new Op("head teacher: review queue", "head_c1", 5,
                (c, r) -> c.get("head_c1", "/api/v1/records/review-queue").build()));
        ops.add(new Op("head teacher: review a self-report", "head_c1", 5, (c, r) -> {
            String[] item = c.toReview.poll();
            if (item == null) {
                return c.get("head_c1", "/api/v1/records/review-queue").build();
            }
            return c.post("head_c1", "/api/v1/students/" + item[0] + "/records/" + item[1] + "/review",
                    "{\"decision\":\"APPROVE\"}").build();
        }));
        ops.add(new Op("student: write self-report", "student_c1a", 5,
                (c, r) -> c.post("student_c1a", "/api/v1/students/S1-C1-01/records",
                        "{\"dimension\":\"LABOUR\",\"category\":\"household\",\"title\":\"帮家里做饭\","
                                + "\"description\":\"周末为家人做了两个菜\",\"occurredOn\":\"" + day(r)
                                + "\",\"hours\":1,\"submit\":true}").build()));
        ops.add(new Op("student: own records", "student_c1a", 12,
                (c, r) -> c.get("student_c1a", "/api/v1/students/S1-C1-01/records").build()));
        ops.add(new Op("student: own profile", "student_c1a", 5,
                (c, r) -> c.get("student_c1a", "/api/v1/students/S1-C1-01").build()));
        ops.add(new Op("parent: access log", "parent_c1a", 8,
                (c, r) -> c.get("parent_c1a", "/api/v1/students/S1-C1-01/access-log").build()));
        ops.add(new Op("counselor: alerts", "counselor_s1", 6,
                (c, r) -> c.get("counselor_s1", "/api/v1/wellbeing/alerts").build()));
        ops.add(new Op("admin: fitness statistics", "admin_s1", 4,
                (c, r) -> c.get("admin_s1", "/api/v1/fitness/stats").build()));
        ops.add(new Op("admin: record coverage", "admin_s1", 4,
                (c, r) -> c.get("admin_s1", "/api/v1/schools/S1/coverage").build()));
        return ops;
    }

    static final Map<String, List<String>> ROLES = Map.of(
            "teacher_c1", List.of("teacher"), "pe_c1", List.of("teacher"),
            "head_c1", List.of("head_teacher", "teacher"), "student_c1a", List.of("student"),
            "parent_c1a", List.of("parent"), "counselor_s1", List.of("counselor"),
            "admin_s1", List.of("school_admin"));

    public static void main(String[] args) throws Exception {
        List<String> pos = new ArrayList<>();
        String url = null;
        String keycloak = "http://127.0.0.1:8180";
        long pid = -1;
        boolean jfr = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--jfr" -> jfr = true;
                case "--url" -> url = args[++i];
                case "--keycloak" -> keycloak = args[++i];
                case "--pid" -> pid = Long.parseLong(args[++i]);
                default -> pos.add(args[i]);
            }
        }
        int seconds = Math.min(MAX_SECONDS, pos.size() > 0 ? Integer.parseInt(pos.get(0)) : 60);
        int clients = pos.size() > 1 ? Integer.parseInt(pos.get(1)) : 32;
        String load0 = BenchResults.loadAverage();

        Process child = null;
        BenchApp.Signer signer = null;
        Ctx ctx;
        if (url == null) {
            signer = new BenchApp.Signer();
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Xmx512m"));
            if (jfr) { // a CPU profile of the app alone: bench/results/loadtest-app.jfr
                cmd.add("-XX:StartFlightRecording=filename=" + APP_LOG.resolveSibling("loadtest-app.jfr")
                        + ",settings=profile,dumponexit=true");
            }
            String childArgs = System.getProperty("childJvmArgs", "").strip(); // e.g. a profiler's -agentpath
            if (!childArgs.isEmpty()) {
                cmd.addAll(List.of(childArgs.split("\\s+")));
            }
            cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), BenchServer.class.getName(),
                    signer.jwksUri()));
            child = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8));
            String line;
            int port = -1;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("READY ")) {
                    String[] f = line.split(" ");
                    port = Integer.parseInt(f[1]);
                    pid = Long.parseLong(f[2]);
                    break;
                }
            }
            if (port < 0) {
                throw new IllegalStateException("the app did not start");
            }
            // the app's log (everything after READY) is kept beside the results, so an error's cause can be read
            java.nio.file.Files.createDirectories(APP_LOG.getParent());
            java.io.Writer logFile = java.nio.file.Files.newBufferedWriter(APP_LOG, StandardCharsets.UTF_8);
            Thread drain = new Thread(() -> {
                try (logFile) {
                    char[] buf = new char[8192];
                    for (int n; (n = out.read(buf)) >= 0; ) {
                        logFile.write(buf, 0, n);
                        logFile.flush();
                    }
                } catch (java.io.IOException e) {
                    // gone
                }
            });
            drain.setDaemon(true);
            drain.start();
            ctx = new Ctx("http://127.0.0.1:" + port);
            for (Map.Entry<String, List<String>> e : ROLES.entrySet()) {
                ctx.tokens.put(e.getKey(), signer.token(e.getKey(), e.getValue(), "S1"));
            }
        } else {
            ctx = new Ctx(url.replaceAll("/$", ""));
            for (String user : ROLES.keySet()) {
                ctx.tokens.put(user, keycloakToken(keycloak, user));
            }
        }

        appPid = pid;
        List<Op> ops = ops();
        String only = System.getProperty("only"); // one operation alone (a part of its name): its own CPU per request
        if (only != null) {
            ops = ops.stream().filter(op -> op.name().contains(only)).toList();
            if (ops.isEmpty()) {
                throw new IllegalArgumentException("no operation named like " + only);
            }
        }
        int totalWeight = ops.stream().mapToInt(Op::weight).sum();
        Op[] wheel = new Op[totalWeight];
        int k = 0;
        for (Op op : ops) {
            for (int w = 0; w < op.weight(); w++) {
                wheel[k++] = op;
            }
        }
        Map<String, Stat> stats = new LinkedHashMap<>();
        ops.forEach(op -> stats.put(op.name(), new Stat()));
        Stat all = new Stat();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(4)).version(HttpClient.Version.HTTP_1_1).build();

        // warm-up (not counted), then the measured window
        int warmup = Integer.getInteger("warm", Math.min(20, Math.max(5, seconds / 4)));
        System.out.printf(Locale.ROOT, "load test: %d clients, %d s warm-up + %d s, %s, %d operations%n", clients,
                warmup, seconds, ctx.base, ops.size());
        long start = System.nanoTime();
        long from = start + warmup * 1_000_000_000L;
        long end = from + seconds * 1_000_000_000L;
        long cpuFrom = -1;
        CompletableFuture<?>[] loops = new CompletableFuture<?>[clients];
        for (int c = 0; c < clients; c++) {
            loops[c] = loop(http, ctx, wheel, new SplittableRandom(1000 + c), stats, all, from, end);
        }
        long refreshAt = start + 240_000_000_000L;
        while (!CompletableFuture.allOf(loops).isDone()) {
            Thread.sleep(200);
            long now = System.nanoTime();
            if (cpuFrom < 0 && now >= from && pid > 0) {
                cpuFrom = BenchResults.processCpuMillis(pid);
            }
            if (url != null && now > refreshAt) { // Keycloak access tokens live 15 minutes in the demo realm
                for (String user : ROLES.keySet()) {
                    ctx.tokens.put(user, keycloakToken(keycloak, user));
                }
                refreshAt = now + 240_000_000_000L;
            }
        }
        double wall = (System.nanoTime() - from) / 1e9;
        long cpuTo = pid > 0 ? BenchResults.processCpuMillis(pid) : -1;
        double hwm = pid > 0 ? BenchResults.peakRssMb(pid) : -1;
        double rss = pid > 0 ? BenchResults.rssMb(pid) : -1;
        String load1 = BenchResults.loadAverage();

        System.out.println();
        System.out.printf(Locale.ROOT, "%-36s %9s %8s %8s %8s %8s %7s%n", "operation", "requests", "req/s", "p50 ms",
                "p95 ms", "p99 ms", "errors");
        for (Map.Entry<String, Stat> e : stats.entrySet()) {
            print(e.getKey(), e.getValue(), wall);
        }
        print("ALL", all, wall);
        long requests = all.ok.get() + all.errors.get();
        double cpuPerReq = cpuFrom >= 0 && cpuTo >= 0 ? (double) (cpuTo - cpuFrom) / requests : -1;
        System.out.println();
        System.out.printf(Locale.ROOT, "throughput %.0f req/s over %.1f s; errors %d%n", all.ok.get() / wall, wall,
                all.errors.get());
        if (pid > 0) {
            System.out.printf(Locale.ROOT, "app pid %d: peak RSS (VmHWM) %.0f MB, RSS at end %.0f MB, CPU %.2f ms "
                    + "per request (%.2f cores busy on average)%n", pid, hwm, rss, cpuPerReq,
                    (cpuTo - cpuFrom) / 1000.0 / wall);
        }
        System.out.println("load average before/after: " + load0 + " / " + load1);
        if (!all.samples.isEmpty()) {
            System.out.println("first errors:");
            all.samples.forEach(s -> System.out.println("  " + s));
        }
        if (!WARMUP_SAMPLES.isEmpty()) {
            System.out.println("errors during the warm-up (" + WARMUP_ERRORS.get() + "):");
            WARMUP_SAMPLES.forEach(s -> System.out.println("  " + s));
        }
        String sec = "Load test";
        String what = clients + " clients, " + seconds + " s, " + (url == null ? "in-process app (child JVM)" : url);
        BenchResults.row(sec, "mixed throughput, req/s (" + what + ")", f0(all.ok.get() / wall), "", "", "");
        double p99 = all.h.getValueAtPercentile(99) / 1000.0;
        BenchResults.row(sec, "mixed p50 / p95 / p99 (ms)", f1(all.h.getValueAtPercentile(50) / 1000.0) + " / "
                + f1(all.h.getValueAtPercentile(95) / 1000.0) + " / " + f1(p99), "", "",
                clients == 32 ? BenchResults.goal(p99 < 150) + " (p99 < 150 ms at 32 clients)" : "");
        BenchResults.row(sec, "errors", Long.toString(all.errors.get()) + (WARMUP_ERRORS.get() > 0
                ? " (+ " + WARMUP_ERRORS.get() + " in the warm-up)" : ""), "", "",
                BenchResults.goal(all.errors.get() + WARMUP_ERRORS.get() == 0) + " (0)");
        BenchResults.row(sec, "stalls (unanswered after 10 s)", Long.toString(STALLS.get()), "", "",
                BenchResults.goal(STALLS.get() == 0) + " (0)");
        if (pid > 0) {
            BenchResults.row(sec, "app peak RSS (VmHWM, MB)", f0(hwm), "", "", "");
            BenchResults.row(sec, "app CPU per request, mix (ms)", String.format(Locale.ROOT, "%.2f", cpuPerReq), "",
                    "", BenchResults.goal(cpuPerReq <= 3) + " (≤ 3 ms)");
        }

        if (child != null) {
            child.getOutputStream().close();
            if (!child.waitFor(60, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
        if (signer != null) {
            signer.close();
        }
        long failures = all.errors.get() + WARMUP_ERRORS.get() + STALLS.get();
        if (failures > 0) {
            System.out.println();
            System.out.printf(Locale.ROOT, "FAILED: %d error(s), %d in the warm-up, %d stall(s)%n", all.errors.get(),
                    WARMUP_ERRORS.get(), STALLS.get());
            if (child != null) {
                System.out.println("the app's log: " + APP_LOG + "; its first errors:");
                firstAppErrors(APP_LOG, 5).forEach(l -> System.out.println("  " + l));
            }
            System.exit(1);
        }
        System.exit(0);
    }

    static void print(String name, Stat s, double wall) {
        Histogram h = s.h;
        System.out.printf(Locale.ROOT, "%-36s %9d %8.1f %8.1f %8.1f %8.1f %7d%n", name, s.ok.get() + s.errors.get(),
                s.ok.get() / wall, h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(95) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0, s.errors.get());
    }

    static final class Stat {
        final AtomicLong ok = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final Histogram h = new ConcurrentHistogram(60_000_000L, 3);
        final List<String> samples = new java.util.concurrent.CopyOnWriteArrayList<>();
    }

    private static final Pattern CREATED_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    static CompletableFuture<Void> loop(HttpClient http, Ctx ctx, Op[] wheel, SplittableRandom rnd,
                                        Map<String, Stat> stats, Stat all, long from, long end) {
        long t0 = System.nanoTime();
        if (t0 >= end) {
            return CompletableFuture.completedFuture(null);
        }
        Op op = wheel[rnd.nextInt(wheel.length)];
        HttpRequest req = op.builder().build(ctx, rnd);
        // a request still unanswered after 10 s: dump the app's threads once, to see where it waits
        java.util.concurrent.ScheduledFuture<?> watchdog = WATCHDOG.schedule(() -> stallDump(op.name(), req),
                10, TimeUnit.SECONDS);
        return http.sendAsync(req, HttpResponse.BodyHandlers.ofString()).handle((resp, err) -> {
            watchdog.cancel(false);
            long t1 = System.nanoTime();
            boolean failed = err != null || resp.statusCode() >= 400;
            if (!failed && op.name().startsWith("student: write")) {
                Matcher m = CREATED_ID.matcher(resp.body());
                if (m.find()) {
                    ctx.toReview.add(new String[]{"S1-C1-01", m.group(1)});
                }
            }
            if (t0 < from && failed) { // not timed, but an error in the warm-up is still an error
                WARMUP_ERRORS.incrementAndGet();
                if (WARMUP_SAMPLES.size() < 8) {
                    WARMUP_SAMPLES.add(op.name() + ": " + req.method() + " " + req.uri().getPath() + " -> "
                            + (err != null ? err : resp.statusCode() + " " + abbreviate(resp.body())));
                }
            }
            if (t0 >= from) {
                Stat s = stats.get(op.name());
                for (Stat x : new Stat[]{s, all}) {
                    if (failed) {
                        x.errors.incrementAndGet();
                        if (x.samples.size() < 8) {
                            x.samples.add(op.name() + ": " + req.method() + " " + req.uri().getPath() + " -> "
                                    + (err != null ? err : resp.statusCode() + " " + abbreviate(resp.body())));
                        }
                    } else {
                        x.ok.incrementAndGet();
                        x.h.recordValue(Math.max(1, Math.min(59_000_000L, (t1 - t0) / 1000)));
                    }
                }
            }
            return null;
        }).thenCompose(x -> loop(http, ctx, wheel, rnd, stats, all, from, end));
    }

    static final java.util.concurrent.ScheduledExecutorService WATCHDOG =
            Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "stall-watchdog");
                t.setDaemon(true);
                return t;
            });
    static volatile long appPid = -1;
    static final java.util.concurrent.atomic.AtomicBoolean DUMPED = new java.util.concurrent.atomic.AtomicBoolean();

    static final AtomicLong STALLS = new AtomicLong();
    static final AtomicLong WARMUP_ERRORS = new AtomicLong();
    static final List<String> WARMUP_SAMPLES = new java.util.concurrent.CopyOnWriteArrayList<>();

    static void stallDump(String op, HttpRequest req) {
        STALLS.incrementAndGet();
        System.out.println("STALL: " + op + " " + req.method() + " " + req.uri().getPath() + " unanswered after 10 s");
        if (appPid > 0 && DUMPED.compareAndSet(false, true)) {
            try {
                Path out = Path.of("bench", "results", "loadtest-stall-threads.txt");
                java.nio.file.Files.createDirectories(out.getParent());
                new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                        Long.toString(appPid), "Thread.print").redirectErrorStream(true)
                        .redirectOutput(out.toFile()).start().waitFor(30, TimeUnit.SECONDS);
                System.out.println("STALL: app threads dumped to " + out);
            } catch (Exception e) {
                System.out.println("STALL: no thread dump: " + e);
            }
        }
    }

    /**
     * The first {@code max} errors the app logged: each ERROR line with its exception and the innermost
     * {@code Caused by} and the first frames below it.
     */
    static List<String> firstAppErrors(Path log, int max) {
        List<String> out = new ArrayList<>();
        List<String> lines;
        try {
            lines = java.nio.file.Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return List.of("(no log: " + e + ")");
        }
        int found = 0;
        for (int i = 0; i < lines.size() && found < max; i++) {
            if (!lines.get(i).contains(" ERROR ")) {
                continue;
            }
            found++;
            out.add(lines.get(i));
            int cause = -1;
            int j = i + 1;
            for (; j < lines.size() && !lines.get(j).matches("^\\d{4}-\\d{2}-\\d{2}.*"); j++) {
                if (lines.get(j).startsWith("Caused by:")) {
                    cause = j;
                }
            }
            int from = cause >= 0 ? cause : i + 1;
            for (int k = from; k < Math.min(j, from + 8); k++) {
                out.add("    " + lines.get(k));
            }
            i = j - 1;
        }
        if (found == 0) {
            out.add("(no ERROR in the app's log)");
        }
        return out;
    }

    static String abbreviate(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    /** A real token from Keycloak: password grant of the public client zhsz-cli with the demo password. */
    static String keycloakToken(String keycloak, String user) throws Exception {
        String form = "grant_type=password&client_id=zhsz-cli&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(System.getProperty("zhsz.demo.password", "zhsz-demo"),
                StandardCharsets.UTF_8);
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(keycloak + "/realms/zhsz/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
        if (r.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("token for " + user + ": HTTP " + r.statusCode() + " " + r.body());
        }
        return m.group(1);
    }
}
