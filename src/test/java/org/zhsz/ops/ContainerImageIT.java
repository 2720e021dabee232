package org.zhsz.ops;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zhsz.support.KeycloakServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Smoke test of the container image the build wrote (target/zhsz-image.tar): Debian's podman loads it and runs it
 * the way the Helm chart does — as user 10001, read-only root file system, a writable data volume — with host
 * networking against the test Keycloak, JSON logs switched on by one setting. It must become healthy on the
 * management port, accept a real token, render a signed Chinese dossier (the CJK font is in the image) and keep
 * actuator off the API port.
 *
 * <p>podman runs here with a private --root/--runroot and a CONTAINERS_CONF naming the runc runtime (crun refuses
 * this machine's hybrid cgroups) and nofile/nproc ulimits root may set here (the defaults it would copy from the
 * host are higher than this machine allows).
 */
class ContainerImageIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path TARGET = KeycloakServer.projectDir().resolve("target");
    private static final Path IMAGE = TARGET.resolve("zhsz-image.tar");
    private static final Path PODMAN = TARGET.resolve("podman");

    private String container;
    private String image;

    @AfterEach
    void cleanUp() throws Exception {
        if (container != null) {
            podman(60, "rm", "-f", "-t", "5", container);
        }
        if (image != null) {
            podman(60, "rmi", "-f", image);
        }
    }

    @Test
    void theImageRunsAsANonRootUserOnAReadOnlyRootFileSystem() throws Exception {
        assertThat(IMAGE).as("the image archive (built by a full ./mvnw verify, or -Pimage)").isRegularFile();
        String issuer = KeycloakServer.issuer();
        Files.createDirectories(PODMAN);
        Files.writeString(PODMAN.resolve("containers.conf"), """
                [containers]
                default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]
                log_driver = "k8s-file"
                [engine]
                runtime = "runc"
                cgroup_manager = "cgroupfs"
                events_logger = "file"
                """);

        long t0 = System.nanoTime();
        String loaded = podman(300, "load", "-q", "-i", IMAGE.toString());
        image = loaded.lines().filter(l -> l.contains("Loaded image")).map(l -> l.substring(l.indexOf(':') + 1).trim())
                .findFirst().orElseThrow(() -> new AssertionError("podman load said: " + loaded));
        long loadedAt = System.nanoTime();

        Path data = Files.createTempDirectory(PODMAN, "data-");
        Files.setAttribute(data, "unix:uid", 10001);
        Files.setAttribute(data, "unix:gid", 10001);
        int port = freePort();
        int management = freePort();
        container = "zhsz-smoke-" + ProcessHandle.current().pid();
        podman(120, "run", "-d", "--name", container, "--network", "host", "--read-only",
                "--user", "10001:10001", "--memory", "1g", "-v", data + ":/data",
                "-e", "ZHSZ_PORT=" + port, "-e", "ZHSZ_MANAGEMENT_PORT=" + management,
                "-e", "ZHSZ_ISSUER_URI=" + issuer,
                "-e", "LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs",
                image);

        JsonNode health = waitForHealth(management, Duration.ofSeconds(420)); // 146 s measured at load ~36
        long healthyAt = System.nanoTime();
        System.out.printf("container image: podman load %.1f s, start to healthy %.1f s%n",
                (loadedAt - t0) / 1e9, (healthyAt - loadedAt) / 1e9);
        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("mongo").path("details").path("store").asString())
                .isEqualTo("embedded");

        // the JVM runs as 10001, the root file system refuses writes, the data volume takes them
        assertThat(podman(30, "exec", container, "id", "-u").trim()).isEqualTo("10001");
        assertThat(podmanExit(30, "exec", container, "touch", "/app/probe")).isNotZero();
        assertThat(data.resolve("zhsz.snapshot")).exists();

        // a real Keycloak token is accepted; a signed Chinese dossier renders with the embedded CJK font
        HttpResponse<String> me = get(port, "/api/v1/me", KeycloakServer.token("admin_s1"));
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(JSON.readTree(me.body()).path("username").asString()).isEqualTo("admin_s1");
        HttpResponse<byte[]> pdf = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/v1/students/S1-C1-01/dossier.pdf"))
                .header("Authorization", "Bearer " + KeycloakServer.token("student_c1a")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        assertThat(new String(pdf.body(), StandardCharsets.ISO_8859_1)).contains("WenQuanYi");

        // actuator stays off the API port
        assertThat(get(port, "/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(get(port, "/actuator/health", null).body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(get(management, "/actuator/prometheus", null).body()).contains("zhsz_audit_chain_verified");

        // JSON logs, one setting away: every line the app wrote is an ECS JSON document
        List<String> lines = podman(30, "logs", container).lines().filter(l -> !l.isBlank()).toList();
        assertThat(lines).isNotEmpty();
        for (String line : lines) {
            if (line.startsWith("{")) {
                JsonNode entry = JSON.readTree(line);
                assertThat(entry.has("@timestamp") && entry.has("message")).as(line).isTrue();
            }
        }
        assertThat(lines).anyMatch(l -> l.startsWith("{") && l.contains("Store: embedded"));
    }

    private static JsonNode waitForHealth(int port, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = get(port, "/actuator/health", null);
                if (r.statusCode() == 200) {
                    return JSON.readTree(r.body());
                }
                last = r.statusCode() + " " + r.body();
            } catch (IOException notYet) {
                last = notYet.toString();
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the container did not become healthy (" + last + ")");
    }

    private static HttpResponse<String> get(int port, String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String podman(int seconds, String... args) throws Exception {
        Result r = run(seconds, args);
        if (r.exit != 0) {
            throw new AssertionError("podman " + String.join(" ", args) + " failed (" + r.exit + "): " + r.output);
        }
        return r.output;
    }

    private int podmanExit(int seconds, String... args) throws Exception {
        return run(seconds, args).exit;
    }

    private record Result(int exit, String output) {
    }

    private Result run(int seconds, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("podman", "--root", PODMAN.resolve("root").toString(),
                "--runroot", PODMAN.resolve("runroot").toString(), "--cgroup-manager", "cgroupfs"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("CONTAINERS_CONF", PODMAN.resolve("containers.conf").toString());
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("podman " + String.join(" ", args) + " took more than " + seconds + " s");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
