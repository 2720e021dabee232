package org.zhsz.bench;

import static org.zhsz.bench.BenchResults.f0;
import static org.zhsz.bench.BenchResults.f1;
import static org.zhsz.bench.BenchResults.f2;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

import java.net.http.HttpRequest;

/**
 * Cost of the access policy per request: {@code GET /api/v1/students/{id}} as the head teacher of the class through
 * the full stack (JWT, actor, relationship resolution from assignments and the current term, decision, read)
 * against the same reads (student and class) behind the JWT check with no policy, and with no checks at all, side
 * by side in one run. Besides throughput and latency, the process CPU time per request is given: it does not
 * depend on what else the machine runs, and the difference between two figures is what the policy costs.
 *
 * <pre>bench/run.sh org.zhsz.bench.AuthzBench [seconds=10] [clients=32]</pre>
 */
public final class AuthzBench {

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        String load0 = BenchResults.loadAverage();
        try (BenchApp app = new BenchApp(Map.of())) {
            String token = app.token("head_c1", List.of("head_teacher", "teacher"), "S1");
            String[] students = new String[40];
            for (int i = 0; i < 40; i++) {
                students[i] = String.format("S1-C1-%02d", i + 1);
            }
            LoadGen load = new LoadGen();
            Duration warm = Duration.ofSeconds(3);
            Duration measure = Duration.ofSeconds(seconds);
            IntFunction<HttpRequest> bareReq = n -> LoadGen.get(app.url("/api/v1/public/bench/students/"
                    + students[n % 40]), null).build();
            IntFunction<HttpRequest> jwtReq = n -> LoadGen.get(app.url("/api/v1/bench/students/"
                    + students[n % 40]), token).build();
            IntFunction<HttpRequest> fullReq = n -> LoadGen.get(app.url("/api/v1/students/" + students[n % 40]),
                    token).build();
            // warm all three paths first (the JIT otherwise favours whichever ran last), then bare, token only,
            // full, and the baselines again in reverse order
            Duration warmEach = warmUp();
            for (int w = 0; w < 2; w++) {
                for (IntFunction<HttpRequest> r : List.of(bareReq, jwtReq, fullReq)) {
                    load.run("warm", clients, Duration.ofSeconds(1), warmEach, r);
                }
            }
            Fig bare1 = fig(load, "bare", clients, warm, measure, bareReq);
            Fig jwt1 = fig(load, "token only", clients, warm, measure, jwtReq);
            Fig full = fig(load, "full stack", clients, warm, measure, fullReq);
            Fig jwt2 = fig(load, "token only (again)", clients, warm, measure, jwtReq);
            Fig bare2 = fig(load, "bare (again)", clients, warm, measure, bareReq);
            double bare = (bare1.r.throughput() + bare2.r.throughput()) / 2;
            double jwt = (jwt1.r.throughput() + jwt2.r.throughput()) / 2;
            double bareCpu = (bare1.cpuMs + bare2.cpuMs) / 2;
            double jwtCpu = (jwt1.cpuMs + jwt2.cpuMs) / 2;
            String sec = "Authorization overhead";
            String c = " (" + clients + " clients)";
            BenchResults.row(sec, "GET /students/{id} full stack, req/s", f0(full.r.throughput()),
                    f0(bare) + " bare / " + f0(jwt) + " token only" + c, f2(full.r.throughput() / bare) + " / "
                            + f2(full.r.throughput() / jwt),
                    BenchResults.goal(full.r.throughput() / bare >= 0.85) + " (≥ 0.85 of bare)");
            BenchResults.row(sec, "GET /students/{id} full stack, p50 / p99 (ms)",
                    f1(full.r.p(50)) + " / " + f1(full.r.p(99)),
                    f1((bare1.r.p(50) + bare2.r.p(50)) / 2) + " / " + f1((bare1.r.p(99) + bare2.r.p(99)) / 2)
                            + " bare", "", "");
            BenchResults.row(sec, "CPU per request, process incl. load generator (ms)", f2(full.cpuMs),
                    f2(bareCpu) + " bare / " + f2(jwtCpu) + " token only", f2(full.cpuMs / bareCpu), "");
            BenchResults.row(sec, "CPU cost of the access policy per request (ms)", f2(full.cpuMs - jwtCpu),
                    "", "", "");
            BenchResults.row(sec, "CPU cost of JWT check + actor per request (ms)", f2(jwtCpu - bareCpu), "", "",
                    "");
            BenchResults.row(sec, "errors", Long.toString(full.r.errors() + jwt1.r.errors() + jwt2.r.errors()),
                    Long.toString(bare1.r.errors() + bare2.r.errors()), "", BenchResults.goal(
                            full.r.errors() + jwt1.r.errors() + jwt2.r.errors() + bare1.r.errors()
                                    + bare2.r.errors() == 0) + " (0)");
            System.out.println("load average before/after: " + load0 + " / " + BenchResults.loadAverage());
            if (!load.errorSamples.isEmpty()) {
                System.out.println("first errors: " + load.errorSamples);
            }
        }
        System.exit(0);
    }

    record Fig(LoadGen.Result r, double cpuMs) {
    }

    /**
     * How long each path is warmed before the figures, twice in turn: {@code -Dwarm=<seconds>}, 3 s by default. The
     * JIT needs far longer than that to settle on 2 busy cores (compiler threads were 27–38 % of the process's CPU
     * samples during 30 s figures), and more for the full stack, which has more code to compile; a longer warm-up
     * measures the steady state a server reaches. Give such a run a larger heap ({@code -Xmx4g}): the embedded store
     * keeps every record and audit event in memory (1.8 GB live after the write path's 40 s warm-ups), and with
     * {@code -Xmx1g} the last figures measured the garbage collector, not the app.
     */
    static Duration warmUp() {
        return Duration.ofSeconds(Long.getLong("warm", 3));
    }

    /** One figure with the process CPU time it took per request (warm-up excluded only approximately). */
    static Fig fig(LoadGen load, String name, int clients, Duration warm, Duration measure,
                   IntFunction<HttpRequest> req) throws InterruptedException {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long[] cpuAtMeasure = new long[1];
        Thread marker = new Thread(() -> {
            try {
                Thread.sleep(warm.toMillis());
                cpuAtMeasure[0] = os.getProcessCpuTime();
            } catch (InterruptedException e) {
                // ignore
            }
        });
        marker.start();
        LoadGen.Result r = load.run(name, clients, warm, measure, req);
        long cpu = os.getProcessCpuTime() - cpuAtMeasure[0];
        marker.join();
        double cpuMs = cpu / 1e6 / Math.max(1, r.requests() + r.errors());
        System.out.printf(Locale.ROOT, "%-20s %8.0f req/s  p50 %7.1f ms  p99 %7.1f ms  cpu %.2f ms/req  errors %d%n",
                name, r.throughput(), r.p(50), r.p(99), cpuMs, r.errors());
        return new Fig(r, cpuMs);
    }
}
