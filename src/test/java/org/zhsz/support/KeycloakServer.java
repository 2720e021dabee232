package org.zhsz.support;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.json.JsonMapper;

/**
 * The real Keycloak for integration tests, started once per test JVM with the same launcher as ./run.sh
 * (keycloak/keycloak.sh) on its own port and directory, and stopped when the JVM exits. If a Keycloak with the
 * zhsz realm already answers on that port, it is reused.
 */
public final class KeycloakServer {

    public static final int PORT = Integer.getInteger("zhsz.it.keycloak.port", 18180);
    /** The test Keycloak's master-realm admin (bootstrap admin of the dev database). */
    public static final String ADMIN = "it-admin";
    public static final String ADMIN_PASSWORD = "it-admin-password";
    /** The demo realm's provisioning client secret (keycloak/zhsz-realm.json). */
    public static final String PROVISIONING_SECRET = "zhsz-demo-provisioning";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static Process process;

    private KeycloakServer() {
    }

    public static String issuer() {
        ensureStarted();
        return "http://127.0.0.1:" + PORT + "/realms/zhsz";
    }

    /** The server's base URL (no realm). */
    public static String baseUrl() {
        ensureStarted();
        return "http://127.0.0.1:" + PORT;
    }

    /** A master-realm admin token (for tests that set up realms or look at users). */
    public static String adminToken() {
        ensureStarted();
        String form = "grant_type=password&client_id=admin-cli&username=" + ADMIN + "&password=" + ADMIN_PASSWORD;
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl()
                                    + "/realms/master/protocol/openid-connect/token"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("admin token request failed: " + r.statusCode() + " " + r.body()
                        + " (the test Keycloak's database predates its bootstrap admin: delete .keycloak/it)");
            }
            return JsonMapper.builder().build().readTree(r.body()).get("access_token").asString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Path projectDir() {
        return Path.of(System.getProperty("zhsz.project.dir", ".")).toAbsolutePath();
    }

    private static synchronized void ensureStarted() {
        if (answers()) {
            return;
        }
        if (process == null) {
            Path root = projectDir();
            File log = root.resolve("target/keycloak-it.log").toFile();
            ProcessBuilder pb = new ProcessBuilder("bash", root.resolve("keycloak/keycloak.sh").toString(),
                    "--port", Integer.toString(PORT), "--dir", root.resolve(".keycloak/it").toString())
                    .redirectErrorStream(true).redirectOutput(log);
            // a master-realm admin, created when the dev database is (re)initialised: ProductionRealmIT imports the
            // production realm through the admin API with it (test Keycloak on loopback only)
            pb.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
            pb.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
            try {
                process = pb.start();
            } catch (IOException e) {
                throw new IllegalStateException("cannot start Keycloak", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(KeycloakServer::stop));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(360).toNanos();
        while (!answers()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue()
                        + "; see target/keycloak-it.log");
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Keycloak did not start in time; see target/keycloak-it.log");
            }
            sleep(1000);
        }
    }

    private static void stop() {
        if (process != null && process.isAlive()) {
            process.destroy(); // SIGTERM: kc.sh forwards it to the server
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static boolean answers() {
        try {
            HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT
                            + "/realms/zhsz/.well-known/openid-configuration")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A password-grant access token from the realm (client zhsz-cli unless named), password zhsz-demo. */
    public static String token(String username) {
        return token("zhsz-cli", username);
    }

    public static String token(String clientId, String username) {
        String form = Map.of("grant_type", "password", "client_id", clientId, "username", username,
                        "password", "zhsz-demo").entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(issuer()
                                    + "/protocol/openid-connect/token"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("token request failed: " + r.statusCode() + " " + r.body());
            }
            return JsonMapper.builder().build().readTree(r.body()).get("access_token").asString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
