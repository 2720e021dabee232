package org.zhsz.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The whole benchmark suite in one command, with settings short enough for about 10–15 minutes on 2 cores:
 * write path, fitness import (when {@code FitnessImportBench} is on the classpath), scorer, PDF export, county
 * statistics and authorization overhead. Each benchmark runs in its own JVM (its log in {@code bench/results/});
 * their rows make one table, printed and written to {@code bench/results/latest.md}.
 *
 * <pre>bench/run.sh org.zhsz.bench.Suite [--stats-results N] [--only name,name]</pre>
 * Steps: write-path, authz, load, scorer, pdf, stats, fitness-import; {@code county} (county-size data) only
 * when named in {@code --only}.
 */
public final class Suite {

    /** One benchmark: a main class, its short-run arguments, its heap and a time limit. */
    record Step(String name, String mainClass, List<String> args, String heap, int timeoutMinutes) {
    }

    public static void main(String[] args) throws Exception {
        int statsResults = 1_000_000; // ~2.5 min to load into the embedded store; it holds them in the heap (~14 GB)
        List<String> only = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--stats-results" -> statsResults = Integer.parseInt(args[++i]);
                case "--only" -> only = List.of(args[++i].split(","));
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Path dir = Path.of("bench", "results");
        Files.createDirectories(dir);
        Path rows = dir.resolve("rows.tsv");
        Files.deleteIfExists(rows);

        List<Step> steps = new ArrayList<>();
        steps.add(new Step("write-path", "org.zhsz.bench.WritePathBench", List.of("10"), "-Xmx1g", 6));
        steps.add(new Step("authz", "org.zhsz.bench.AuthzBench", List.of("8", "32"), "-Xmx1g", 6));
        // the mixed load test (its app in a child JVM of its own: CPU and RSS are the app's)
        steps.add(new Step("load", "org.zhsz.bench.LoadTest", List.of("60", "32"), "-Xmx512m", 8));
        steps.add(new Step("scorer", "org.zhsz.bench.ScorerBench", List.of(), "-Xmx512m", 5));
        steps.add(new Step("pdf", "org.zhsz.bench.PdfBench", List.of("3", "2", "500", "15"), "-Xmx1g", 8));
        steps.add(new Step("stats", "org.zhsz.bench.StatsBench", List.of(Integer.toString(statsResults), "2"),
                "-Xmx" + Math.max(3, (int) Math.ceil(statsResults * 14.0 / 1_000_000)) + "g", 25));
        // the fitness import benchmark (merged from the fitness branch); the hook stays so the suite runs without it
        boolean hasImport = exists("org.zhsz.bench.FitnessImportBench");
        if (hasImport) {
            steps.add(new Step("fitness-import", "org.zhsz.bench.FitnessImportBench", List.of("100000"), "-Xmx6g",
                    8));
        }
        // county-size data (heavy: only with --only county)
        boolean county = only != null && only.contains("county");
        if (county) {
            steps.add(new Step("county", "org.zhsz.bench.CountyScaleBench", List.of("--students", "2000",
                    "--schools", "3"), "-Xmx6g", 60));
        }

        String started = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        String load0 = BenchResults.loadAverage();
        long t0 = System.nanoTime();
        List<String> notes = new ArrayList<>();
        for (Step s : steps) {
            if (only != null && !only.contains(s.name())) {
                continue;
            }
            System.out.printf(Locale.ROOT, "== %s (%s) — load average %s%n", s.name(), s.mainClass(),
                    BenchResults.loadAverage());
            long s0 = System.nanoTime();
            int code = runChild(s, dir.resolve(s.name() + ".log"), rows);
            double secs = (System.nanoTime() - s0) / 1e9;
            String note = String.format(Locale.ROOT, "%s: %.0f s, exit %s, log bench/results/%s.log", s.name(), secs,
                    code == Integer.MIN_VALUE ? "timed out" : Integer.toString(code), s.name());
            notes.add(note);
            System.out.println("   " + note);
            if (s.name().equals("fitness-import")) {
                importRows(dir.resolve(s.name() + ".log"), rows);
            }
        }
        if (!hasImport) {
            notes.add("fitness-import: FitnessImportBench is not on this branch yet; the suite runs it (20,000 rows) "
                    + "as soon as it is");
        }
        double minutes = (System.nanoTime() - t0) / 60e9;
        String load1 = BenchResults.loadAverage();

        List<String[]> table = new ArrayList<>();
        if (Files.exists(rows)) {
            for (String line : Files.readAllLines(rows, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t", -1);
                if (f.length >= 6) {
                    table.add(f);
                }
            }
        }
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark suite results\n\n");
        md.append(String.format(Locale.ROOT, "Run %s, %.1f minutes, %d cores, JDK %s; load average (1/5/15 min) "
                        + "%s at the start, %s at the end. Baselines are measured in the same run.%n%n", started,
                minutes, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), load0, load1));
        md.append("| section | figure | value | baseline (same run) | ratio | goal met? |\n");
        md.append("|---|---|---:|---:|---:|---|\n");
        for (String[] r : table) {
            md.append("| ").append(String.join(" | ", r[0], r[1], r[2], r[3], r[4], r[5].isEmpty() ? "–" : r[5]))
                    .append(" |\n");
        }
        md.append("\n");
        for (String n : notes) {
            md.append("- ").append(n).append('\n');
        }
        Files.writeString(dir.resolve("latest.md"), md.toString(), StandardCharsets.UTF_8);

        System.out.println();
        System.out.printf(Locale.ROOT, "%-24s | %-58s | %-16s | %-34s | %-11s | %s%n", "section", "figure", "value",
                "baseline (same run)", "ratio", "goal met?");
        System.out.println("-".repeat(170));
        for (String[] r : table) {
            System.out.printf(Locale.ROOT, "%-24s | %-58s | %-16s | %-34s | %-11s | %s%n", r[0], r[1], r[2], r[3],
                    r[4], r[5].isEmpty() ? "–" : r[5]);
        }
        System.out.println();
        notes.forEach(n -> System.out.println("- " + n));
        System.out.printf(Locale.ROOT, "%.1f minutes; load average %s -> %s; table in bench/results/latest.md%n",
                minutes, load0, load1);
        System.exit(0);
    }

    static boolean exists(String className) {
        try {
            Class.forName(className, false, Suite.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** Runs a step in a child JVM with the same classpath; exit code, or MIN_VALUE when it ran out of time. */
    static int runChild(Step s, Path log, Path rows) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add(s.heap());
        cmd.add("-Dzhsz.bench.results=" + rows.toAbsolutePath());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(s.mainClass());
        cmd.addAll(s.args());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(s.timeoutMinutes(), TimeUnit.MINUTES)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor();
            BenchResults.rowTo(rows, s.name(), "TIMED OUT after " + s.timeoutMinutes() + " min", "", "", "",
                    "NOT measured");
            return Integer.MIN_VALUE;
        }
        return p.exitValue();
    }

    /** FitnessImportBench prints its own table; its figures are read from its log. */
    static void importRows(Path log, Path rows) throws IOException {
        String out = Files.readString(log, StandardCharsets.UTF_8);
        if (out.contains("RESULT\t")) {
            return; // it reports rows itself
        }
        Matcher imp = Pattern.compile("(?m)^import: .* in ([0-9.]+) s").matcher(out);
        Matcher raw = Pattern.compile("raw insert: ([0-9,]+) documents in ([0-9.]+) s").matcher(out);
        Matcher ratio = Pattern.compile("import/raw ratio: ([0-9.]+) \\(goal >= 0.5: ([A-Za-z ]+)\\)").matcher(out);
        Matcher heap = Pattern.compile("peak after GC ([0-9]+) MB").matcher(out);
        Matcher cpu = Pattern.compile("import/raw ratio by CPU time: ([0-9.]+)").matcher(out);
        Matcher rowsM = Pattern.compile("import of ([0-9,]+) rows").matcher(out);
        if (imp.find() && raw.find() && ratio.find() && rowsM.find()) {
            double n = Double.parseDouble(rowsM.group(1).replace(",", ""));
            double importRate = n / Double.parseDouble(imp.group(1));
            double rawRate = Double.parseDouble(raw.group(1).replace(",", "")) / Double.parseDouble(raw.group(2));
            BenchResults.rowTo(rows, "Fitness import", "rows/s, XLSX upload+parse+score+upsert, "
                            + rowsM.group(1) + " rows", BenchResults.f0(importRate),
                    BenchResults.f0(rawRate) + " (raw insertMany)", ratio.group(1), ratio.group(2).trim()
                            + " (≥ 0.5)");
            if (cpu.find()) {
                BenchResults.rowTo(rows, "Fitness import", "import / raw insert by CPU time", cpu.group(1), "", "",
                        "");
            }
            if (heap.find()) {
                BenchResults.rowTo(rows, "Fitness import", "heap during the import, peak after GC (MB)",
                        heap.group(1), "", "", "");
            }
        } else {
            BenchResults.rowTo(rows, "Fitness import", "see bench/results/fitness-import.log", "", "", "", "");
        }
    }

    static String classpathOf(Class<?> c) {
        return new File(c.getProtectionDomain().getCodeSource().getLocation().getPath()).toString();
    }
}
