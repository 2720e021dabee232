package org.zhsz.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * The rows a benchmark contributes to the suite table (figure | value | baseline | ratio | goal met?). Each row is
 * printed, and when the suite runs the benchmark in a child JVM (system property {@code zhsz.bench.results} names a
 * file) also appended to that file as one tab-separated line, which the suite collects.
 */
public final class BenchResults {

    private BenchResults() {
    }

    /**
     * @param goal "met", "NOT met" or "" when the figure has no goal (e.g. a figure reported for sizing)
     */
    public static void row(String section, String figure, String value, String baseline, String ratio, String goal) {
        String line = String.join("\t", section, figure, value, baseline, ratio, goal);
        System.out.println("RESULT\t" + line);
        String file = System.getProperty("zhsz.bench.results");
        if (file != null) {
            try {
                Files.writeString(Path.of(file), line.replace('\n', ' ') + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A row written by the suite itself (a step that timed out, figures read from a log). */
    static void rowTo(Path file, String section, String figure, String value, String baseline, String ratio,
                      String goal) throws IOException {
        Files.writeString(file, String.join("\t", section, figure, value, baseline, ratio, goal) + "\n",
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    static String goal(boolean met) {
        return met ? "met" : "NOT met";
    }

    static String f0(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    static String f1(double v) {
        return String.format(Locale.ROOT, "%,.1f", v);
    }

    static String f2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static String f3(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    /** The 1-minute load average, as the machine reports it (shared machines: always print it beside figures). */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    /** CPU time (user + system) consumed so far by process {@code pid}, in milliseconds, from /proc. */
    static long processCpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14, 15)
            return ticks * 1000 / 100; // USER_HZ is 100 on Linux
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Peak resident set size (VmHWM) of process {@code pid} in MB, or -1. */
    static double peakRssMb(long pid) {
        return statusKb(pid, "VmHWM:") / 1024.0;
    }

    static double rssMb(long pid) {
        return statusKb(pid, "VmRSS:") / 1024.0;
    }

    private static long statusKb(long pid, String key) {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (l.startsWith(key)) {
                    return Long.parseLong(l.substring(key.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall through
        }
        return -1024;
    }
}
