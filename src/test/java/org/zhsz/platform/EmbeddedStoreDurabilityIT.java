package org.zhsz.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhsz.support.PackagedApp.deleteRecursively;
import static org.zhsz.support.PackagedApp.freePort;
import static org.zhsz.support.PackagedApp.idNumber;

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

import org.junit.jupiter.api.AfterEach;
import org.zhsz.support.KeycloakServer;
import org.zhsz.support.PackagedApp;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The packaged app with the embedded store, killed with SIGKILL right after acknowledging writes: after a
 * restart every acknowledged write is there. Also checks that the store file stays compact.
 */
class EmbeddedStoreDurabilityIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private Process app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.destroyForcibly();
        }
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "engine {0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"journal", "h2"})
    void acknowledgedWritesSurviveKillMinus9(String engine) throws Exception {
        Path dir = KeycloakServer.projectDir().resolve("target/it-durability-" + engine);
        deleteRecursively(dir);
        Files.createDirectories(dir);
        int port = freePort();
        String issuer = KeycloakServer.issuer();
        app = start(dir, port, issuer, engine);
        String token = KeycloakServer.token("admin_s1");

        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String studentNo = "G" + idNumber(LocalDate.of(2013, 12, 1), 700 + i);
            String body = "{\"studentNo\":\"" + studentNo + "\",\"name\":\"持久" + "甲乙丙丁戊己庚辛壬癸".charAt(i % 10)
                    + "\",\"sex\":\"F\",\"birthDate\":\"2013-12-01\",\"ethnicity\":\"回族\",\"classId\":\"S1-C1\"}";
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + "/api/v1/students")).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            ids.add(JSON.readTree(r.body()).get("id").asString());
        }
        // the moment the last write is acknowledged: SIGKILL, no shutdown hooks, no flush
        app.destroyForcibly().waitFor();

        app = start(dir, port, issuer, engine);
        for (String id : ids) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + "/api/v1/students/" + id)).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as("student %s after kill -9", id).isEqualTo(200);
            JsonNode s = JSON.readTree(r.body());
            assertThat(s.get("name").asString()).startsWith("持久");
        }
        long size;
        try (Stream<Path> files = Files.list(dir)) {
            size = files.filter(p -> p.getFileName().toString().startsWith("zhsz.")).mapToLong(p -> p.toFile().length())
                    .sum();
        }
        System.out.println("embedded store (" + engine + ") after demo data and restart: " + size / 1024 + " KiB");
        assertThat(size).as("store files stay compact").isLessThan(20L * 1024 * 1024);
    }

    private static Process start(Path dir, int port, String issuer, String engine) throws Exception {
        int management = freePort();
        return PackagedApp.start(List.of("-Dzhsz.experiment.nocommit=true"), List.of("--server.port=" + port,
                        "--management.server.port=" + management, "--zhsz.store.embedded-path=" + dir.resolve("zhsz.mv"),
                        "--zhsz.security.issuer-uri=" + issuer, "--zhsz.store.embedded-engine=" + engine,
                        "--logging.level.root=warn"),
                Map.of(), dir.resolve("app-" + System.nanoTime() + ".log"), management, Duration.ofSeconds(120));
    }
}
