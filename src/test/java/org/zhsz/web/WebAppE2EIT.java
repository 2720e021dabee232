package org.zhsz.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.zhsz.support.KeycloakServer;

/**
 * The web app end to end: the real Keycloak (test support, port 18180), the whole app on port 18080 (the port the
 * realm's zhsz-web client allows for this test) with a fresh embedded store holding the demo county, and the
 * playwright-core scenarios of frontend/e2e run by {@code npm run e2e} in Debian's Chromium, signing in on
 * Keycloak's real login page. The built web app must be in target/classes/static (Maven builds it in
 * generate-resources; skipped with -Dskip.frontend=true, and then so is this test).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = "server.port=" + WebAppE2EIT.PORT)
@ActiveProfiles("test")
class WebAppE2EIT {

    static final int PORT = 18080;
    /**
     * A guard against a hung browser, not a speed test: 16 task scenarios, three of which walk about 30 pages of
     * eight roles (4 to 5 minutes at a load average near 20 on the shared 2-core machine); since the menus come from
     * the user's permissions, one walk through every menu page for each of ten demo roles (about 70 pages, 4–6 more
     * minutes under load); and the five family scenarios (notices, home tasks, 五项管理: about 2.6 minutes alone).
     */
    private static final Duration LIMIT = Duration.ofMinutes(18);
    private static final Path PROJECT = KeycloakServer.projectDir();
    private static final Path FRONTEND = PROJECT.resolve("frontend");
    private static final Path WEB_APP = PROJECT.resolve("target/classes/static");
    private static final Path ARTIFACTS = FRONTEND.resolve("e2e/artifacts");

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        registry.add("zhsz.security.issuer-uri", KeycloakServer::issuer);
        // account slips (账号卡) open accounts in the test Keycloak through the realm's provisioning client
        registry.add("zhsz.accounts.client-secret", () -> KeycloakServer.PROVISIONING_SECRET);
        // the built app, not src/test/resources/static/index.html (a stand-in page that comes first on the test classpath)
        registry.add("spring.web.resources.static-locations", () -> WEB_APP.toUri().toString());
    }

    @BeforeAll
    static void webAppIsBuilt() throws IOException {
        assumeFalse(Boolean.getBoolean("zhsz.skip.frontend"), "web app not built (-Dskip.frontend=true)");
        Path index = WEB_APP.resolve("index.html");
        assertThat(index).as("the built web app (run ./mvnw generate-resources, or npm run build in frontend/)").exists();
        assertThat(Files.readString(index)).contains("/assets/").contains("/config.js");
    }

    @Test
    void scenariosPassInChromiumAgainstTheRunningPlatform() throws Exception {
        String base = "http://localhost:" + PORT;
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/classes"))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).as("the app serves the built web app for deep links").contains("/assets/");
        HttpResponse<String> config = http.send(HttpRequest.newBuilder(URI.create(base + "/config.js")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(config.body()).as("/config.js points the browser at the test Keycloak")
                .contains("\"keycloakUrl\":\"http://127.0.0.1:" + KeycloakServer.PORT + "\"");

        Instant started = Instant.now().minusSeconds(1);
        ProcessBuilder npm = new ProcessBuilder("npm", "run", "e2e").directory(FRONTEND.toFile()).redirectErrorStream(true);
        npm.environment().put("ZHSZ_E2E_BASE_URL", base);
        npm.environment().put("ZHSZ_E2E_ARTIFACTS", ARTIFACTS.toString());
        npm.environment().put("NO_COLOR", "1");
        npm.environment().put("NPM_CONFIG_UPDATE_NOTIFIER", "false");
        Process process = npm.start();
        Thread pump = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                out.lines().forEach(line -> System.out.println("[e2e] " + line));
            } catch (IOException e) {
                System.out.println("[e2e] output lost: " + e);
            }
        }, "e2e-output");
        pump.start();
        if (!process.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            pump.join(5_000);
            throw new AssertionError("npm run e2e did not finish within " + LIMIT.toMinutes() + " minutes");
        }
        pump.join(10_000);

        assertThat(process.exitValue()).as("npm run e2e exit code (failures and screenshots in %s)", ARTIFACTS)
                .isZero();
        assertThat(ARTIFACTS.resolve("summary.json")).exists();
        List<Path> shots = screenshotsSince(started);
        assertThat(shots).as("screenshots of this run in %s", ARTIFACTS).hasSizeGreaterThanOrEqualTo(12);
        assertThat(shots).anySatisfy(p -> assertThat(p.toString()).contains("parent-phone"))
                .anySatisfy(p -> assertThat(p.toString()).contains("auditor-verify"));
    }

    private static List<Path> screenshotsSince(Instant since) throws IOException {
        try (Stream<Path> files = Files.walk(ARTIFACTS)) {
            return files.filter(p -> p.toString().endsWith(".png")).filter(p -> {
                try {
                    return Files.getLastModifiedTime(p).compareTo(FileTime.from(since)) >= 0;
                } catch (IOException e) {
                    return false;
                }
            }).toList();
        }
    }
}
