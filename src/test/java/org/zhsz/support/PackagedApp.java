package org.zhsz.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The packaged app (target/zhsz-*.jar) started as an operator starts it, for ITs that kill, restart or back it up:
 * its own JVM, its output in a log file, and ready when its management port says so. Also the small helpers such
 * tests need (a free port, a clean directory, a valid 身份证号).
 */
public final class PackagedApp {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private PackagedApp() {
    }

    /** The jar the package phase built. */
    public static File jar() throws IOException {
        try (Stream<Path> s = Files.list(KeycloakServer.projectDir().resolve("target"))) {
            return s.filter(p -> p.getFileName().toString().matches("zhsz-.*\\.jar")
                    && !p.getFileName().toString().endsWith(".original")).findFirst().orElseThrow().toFile();
        }
    }

    /**
     * Starts {@code java -Xmx512m <jvmArgs> -jar <jar> <appArgs>} with {@code env} added, output to {@code log}, and
     * waits until its readiness on {@code management} answers 200 ({@code limit}: a guard against a hang).
     */
    public static Process start(List<String> jvmArgs, List<String> appArgs, Map<String, String> env, Path log,
                                int management, Duration limit) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m"));
        cmd.addAll(jvmArgs);
        cmd.addAll(List.of("-jar", jar().getAbsolutePath()));
        cmd.addAll(appArgs);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        try {
            awaitReady(p, management, limit, log);
        } catch (Exception e) {
            p.destroyForcibly();
            throw e;
        }
        return p;
    }

    private static void awaitReady(Process p, int management, Duration limit, Path log) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("app exited; see " + log);
            }
            try {
                HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + management
                        + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException("app did not become ready; see " + log);
    }

    /** A port nobody listens on now. */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Deletes a directory and all below it (nothing if it is not there). */
    public static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
        }
    }

    /** A valid 18-digit 身份证号 of the county (640424) for this birth date and sequence number. */
    public static String idNumber(LocalDate birth, int seq) {
        String body = "640424" + String.format("%04d%02d%02d", birth.getYear(), birth.getMonthValue(),
                birth.getDayOfMonth()) + String.format("%03d", seq);
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * w[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }
}
