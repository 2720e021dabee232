package org.zhsz.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Record-create through the whole stack (JWT signature check, actor, access policy from assignments,
 * validation, category lookup, term derivation, insert, hash-chained audit) versus a bare endpoint doing the
 * same single insert with no checks, side by side in one run with 64 concurrent clients.
 * Goals (issue 18): ≥ 0.8 of the bare throughput, CPU per request ≤ 1.25× bare.
 *
 * <pre>bench/run.sh org.zhsz.bench.WritePathBench [seconds]</pre>
 */
public final class WritePathBench {

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int clients = 64;
        try (BenchApp app = new BenchApp(Map.of())) {
            String token = app.token("head_c1", List.of("head_teacher", "teacher"), "S1");
            String[] students = new String[40];
            for (int i = 0; i < 40; i++) {
                students[i] = String.format("S1-C1-%02d", i + 1);
            }
            String json = "{\"dimension\":\"MORAL\",\"category\":\"volunteer_service\",\"title\":\"社区志愿服务\","
                    + "\"description\":\"周末在社区打扫卫生\",\"occurredOn\":\"2026-10-15\",\"hours\":2}";
            LoadGen load = new LoadGen();
            Duration warm = Duration.ofSeconds(5);
            Duration measure = Duration.ofSeconds(seconds);
            java.util.function.IntFunction<java.net.http.HttpRequest> bareReq = n -> LoadGen.post(
                    app.url("/api/v1/public/bench/records"), null,
                    json.replace("}", ",\"studentId\":\"" + students[n % 40] + "\"}")).build();
            java.util.function.IntFunction<java.net.http.HttpRequest> fullReq = n -> LoadGen.post(
                    app.url("/api/v1/students/" + students[n % 40] + "/records"), token, json).build();
            String only = System.getProperty("only"); // -Donly=full|bare: one path for a while, e.g. to profile it
            if (only != null) {
                var r = only.equals("bare") ? bareReq : fullReq;
                load.run("warm " + only, clients, Duration.ofSeconds(1), Duration.ofSeconds(10), r);
                AuthzBench.Fig fig = AuthzBench.fig(load, only, clients, Duration.ofSeconds(2), measure, r);
                System.out.printf("%s: %.0f req/s, %.2f ms CPU per request%n", only, fig.r().throughput(),
                        fig.cpuMs());
                System.exit(0);
            }
            // both paths warmed first (the JIT otherwise favours whichever ran last)
            Duration warmEach = AuthzBench.warmUp();
            for (int w = 0; w < 2; w++) {
                load.run("warm bare", clients, Duration.ofSeconds(1), warmEach, bareReq);
                load.run("warm full", clients, Duration.ofSeconds(1), warmEach, fullReq);
            }
            // bare, full, bare again: the baseline is measured on both sides of the figure
            warm = Duration.ofSeconds(2);
            AuthzBench.Fig b1 = AuthzBench.fig(load, "bare insert", clients, warm, measure, bareReq);
            AuthzBench.Fig f = AuthzBench.fig(load, "full stack", clients, warm, measure, fullReq);
            AuthzBench.Fig b2 = AuthzBench.fig(load, "bare insert (again)", clients, warm, measure, bareReq);
            LoadGen.Result bare1 = b1.r();
            LoadGen.Result full = f.r();
            LoadGen.Result bare2 = b2.r();
            double bare1Cpu = b1.cpuMs();
            double bare2Cpu = b2.cpuMs();
            double fullCpu = f.cpuMs();
            double bare = (bare1.throughput() + bare2.throughput()) / 2;
            System.out.println();
            System.out.println("Write path: record create, " + clients + " concurrent clients, " + seconds
                    + " s per run, embedded store (commit per acknowledged write)");
            System.out.println(LoadGen.row("figure", "full stack", "bare insert (baseline)", "ratio"));
            System.out.println(LoadGen.row("---", "---", "---", "---"));
            System.out.println(LoadGen.row("throughput (req/s)", fmt(full.throughput()), fmt(bare),
                    String.format("%.2f", full.throughput() / bare)));
            for (double p : new double[]{50, 95, 99}) {
                double b = (bare1.p(p) + bare2.p(p)) / 2;
                System.out.println(LoadGen.row("latency p" + (int) p + " (ms)", String.format("%.1f", full.p(p)),
                        String.format("%.1f", b), String.format("%.2f", full.p(p) / b)));
            }
            System.out.println(LoadGen.row("errors", Long.toString(full.errors()),
                    Long.toString(bare1.errors() + bare2.errors()), ""));
            System.out.println(LoadGen.row("bare runs (req/s)", fmt(bare1.throughput()) + " / "
                    + fmt(bare2.throughput()), "", ""));
            double bareCpu = (bare1Cpu + bare2Cpu) / 2;
            boolean ok = full.throughput() / bare >= 0.8 && fullCpu / bareCpu <= 1.25;
            System.out.println("Goal (≥ 0.8 of bare, CPU ≤ 1.25× bare): " + (ok ? "met" : "NOT met"));
            String sec = "Write path";
            BenchResults.row(sec, "record create, req/s", fmt(full.throughput()), fmt(bare)
                    + " (bare insert, " + clients + " clients)", String.format("%.2f", full.throughput() / bare),
                    BenchResults.goal(full.throughput() / bare >= 0.8) + " (≥ 0.8)");
            double bp99 = (bare1.p(99) + bare2.p(99)) / 2;
            BenchResults.row(sec, "record create, p99 (ms)", String.format("%.1f", full.p(99)),
                    String.format("%.1f", bp99), String.format("%.2f", full.p(99) / bp99), "");
            BenchResults.row(sec, "record create, p50 (ms)", String.format("%.1f", full.p(50)),
                    String.format("%.1f", (bare1.p(50) + bare2.p(50)) / 2), "", "");
            BenchResults.row(sec, "CPU per request, process incl. load generator (ms)",
                    String.format("%.2f", fullCpu), String.format("%.2f", bareCpu),
                    String.format("%.2f", fullCpu / bareCpu), BenchResults.goal(fullCpu / bareCpu <= 1.25)
                            + " (≤ 1.25× bare)");
            BenchResults.row(sec, "errors", Long.toString(full.errors()), Long.toString(bare1.errors()
                    + bare2.errors()), "", BenchResults.goal(full.errors() + bare1.errors() + bare2.errors() == 0)
                    + " (0)");
            if (!load.errorSamples.isEmpty()) {
                System.out.println("first errors: " + load.errorSamples);
            }
        }
        System.exit(0);
    }

    private static String fmt(double v) {
        return String.format("%.0f", v);
    }
}
