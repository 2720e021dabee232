package org.zhsz.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zhsz.support.KeycloakServer;

import tools.jackson.databind.json.JsonMapper;

/**
 * The embedded store's online backup, as an operator runs it: the packaged app takes writes from three clients
 * while {@code ./run.sh backup DIR} runs; {@code ./run.sh restore DIR} puts the backup into a fresh data directory
 * and an app started on it has every write acknowledged before the backup began — and, per client, no gap (the
 * backup is one point in time) — and the same field-encryption keys.
 */
class EmbeddedStoreBackupIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final List<Process> apps = new ArrayList<>();

    @AfterEach
    void stop() {
        apps.forEach(Process::destroyForcibly);
    }

    private record Write(int client, int n, String id, long ackedAt) {
    }

    @Test
    void aBackupUnderWriteLoadRestoresEveryAcknowledgedWrite() throws Exception {
        Path root = KeycloakServer.projectDir().resolve("target/it-backup");
        deleteRecursively(root);
        Path live = root.resolve("live");
        Path backup = root.resolve("backup");
        Path restored = root.resolve("restored");
        Files.createDirectories(live);
        String issuer = KeycloakServer.issuer();
        int port = freePort();
        int management = freePort();
        Process app = start(live, port, management, issuer);
        String token = KeycloakServer.token("admin_s1");

        // read while the writers append: a concurrent queue (a synchronizedList's stream is not synchronized and
        // throws ConcurrentModificationException when a writer appends during the count)
        Queue<Write> acked = new ConcurrentLinkedQueue<>();
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            int client = c;
            Thread t = new Thread(() -> {
                try {
                    for (int n = 0; running.get() && n < 900; n++) {
                        String id = create(port, token, client, n);
                        acked.add(new Write(client, n, id, System.nanoTime()));
                    }
                } catch (RuntimeException e) {
                    failures.add(e);
                }
            }, "writer-" + c);
            t.start();
            clients.add(t);
        }
        // the backup starts once every client has had writes acknowledged (however long that takes here)
        awaitWrites(acked, failures, 5);

        // while the app runs, a restore is refused
        assertThat(runSh(Map.of("ZHSZ_DATA_DIR", restored.toString(), "ZHSZ_MANAGEMENT_PORT",
                Integer.toString(management)), "restore", live.toString()).exit()).isNotZero();

        long backupStarted = System.nanoTime();
        Result b = runSh(Map.of("ZHSZ_MANAGEMENT_PORT", Integer.toString(management)), "backup", backup.toString());
        assertThat(b.exit()).as(b.output()).isZero();
        assertThat(b.output()).contains("verified");
        int atBackupEnd = acked.size();
        awaitWrites(acked, failures, atBackupEnd / 3 + 3); // writes go on after the backup too
        running.set(false);
        for (Thread t : clients) {
            t.join(120_000);
            assertThat(t.isAlive()).as("%s stopped", t.getName()).isFalse();
        }
        assertThat(failures).as("writers' failures").isEmpty();
        List<Write> before = acked.stream().filter(w -> w.ackedAt() < backupStarted).toList();
        assertThat(before).hasSizeGreaterThanOrEqualTo(15);
        assertThat(acked).hasSizeGreaterThan(before.size()); // writes went on during and after the backup
        app.destroy();
        app.waitFor(60, TimeUnit.SECONDS);

        Result r = runSh(Map.of("ZHSZ_DATA_DIR", restored.toString(), "ZHSZ_MANAGEMENT_PORT",
                Integer.toString(freePort())), "restore", backup.toString());
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(Files.readAllBytes(restored.resolve("keys/field-keys")))
                .as("the field-encryption key came along").isEqualTo(Files.readAllBytes(live.resolve("keys/field-keys")));

        int port2 = freePort();
        start(restored, port2, freePort(), issuer);
        String fresh = KeycloakServer.token("admin_s1"); // the first may have expired while two apps started
        for (Write w : before) {
            assertThat(status(port2, fresh, w.id())).as("write %d of client %d, acknowledged before the backup",
                    w.n(), w.client()).isEqualTo(200);
        }
        // one point in time: per client, what the backup has is a prefix of what the client wrote
        for (int c = 0; c < 3; c++) {
            int client = c;
            List<Write> mine = acked.stream().filter(w -> w.client() == client)
                    .sorted((x, y) -> Integer.compare(x.n(), y.n())).toList();
            boolean missingSeen = false;
            int present = 0;
            for (Write w : mine) {
                boolean there = status(port2, fresh, w.id()) == 200;
                assertThat(there && missingSeen).as("client %d: write %d present after a missing one", client, w.n())
                        .isFalse();
                missingSeen |= !there;
                present += there ? 1 : 0;
            }
            System.out.printf("backup under load: client %d wrote %d, %d acknowledged before the backup, %d in it%n",
                    client, mine.size(), before.stream().filter(w -> w.client() == client).count(), present);
        }
    }

    /** Until every one of the three clients has at least {@code each} acknowledged writes. */
    private static void awaitWrites(Queue<Write> acked, Queue<Throwable> failures, int each) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos(); // a guard against a hang
        while (true) {
            assertThat(failures).as("writers' failures").isEmpty();
            boolean enough = true;
            for (int c = 0; c < 3; c++) {
                int client = c;
                enough &= acked.stream().filter(w -> w.client() == client).count() >= each;
            }
            if (enough) {
                return;
            }
            assertThat(System.nanoTime()).as("writes acknowledged").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static String create(int port, String token, int client, int n) {
        String studentNo = "G" + idNumber(LocalDate.of(2005, 1, 1).plusDays(client * 30L), n % 900 + 100);
        String body = "{\"studentNo\":\"" + studentNo + "\",\"name\":\"备份" + "甲乙丙".charAt(client)
                + "\",\"sex\":\"F\",\"birthDate\":\"2013-12-01\",\"ethnicity\":\"汉族\",\"classId\":\"S1-C1\"}";
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + "/api/v1/students")).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 201) {
                throw new IllegalStateException(r.statusCode() + " " + r.body());
            }
            return JSON.readTree(r.body()).get("id").asString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int status(int port, String token, String id) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/students/" + id))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private record Result(int exit, String output) {
    }

    private static Result runSh(Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("bash", KeycloakServer.projectDir().resolve("run.sh").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out);
    }

    private Process start(Path dir, int port, int management, String issuer) throws Exception {
        File jar;
        try (Stream<Path> s = Files.list(KeycloakServer.projectDir().resolve("target"))) {
            jar = s.filter(p -> p.getFileName().toString().matches("zhsz-.*\\.jar")
                    && !p.getFileName().toString().endsWith(".original")).findFirst().orElseThrow().toFile();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-jar", jar.getAbsolutePath(),
                "--server.port=" + port, "--management.server.port=" + management,
                "--management.server.address=127.0.0.1", "--zhsz.security.issuer-uri=" + issuer,
                "--logging.level.root=warn")
                .redirectErrorStream(true).redirectOutput(dir.getParent().resolve("app-" + dir.getFileName() + "-"
                        + System.nanoTime() + ".log").toFile());
        pb.environment().put("ZHSZ_DATA_DIR", dir.toString());
        Process p = pb.start();
        apps.add(p);
        // a guard against a hang, not a speed check: at a load average of ~36 on the 2-core machine the app took
        // over 180 s to start
        long deadline = System.nanoTime() + Duration.ofSeconds(420).toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("app exited; see " + dir.getParent());
            }
            try {
                HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + management
                        + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return p;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException("app did not become ready");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String idNumber(LocalDate birth, int seq) {
        String body = "640424" + String.format("%04d%02d%02d", birth.getYear(), birth.getMonthValue(),
                birth.getDayOfMonth()) + String.format("%03d", seq);
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * w[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
        }
    }
}
