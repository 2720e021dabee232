package org.zhsz.student;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
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
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.zhsz.support.KeycloakServer;

import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Accounts for real people against the real Keycloak (demo realm, its provisioning client): a class's students and
 * guardians get accounts named after the 学籍号 and the mobile number, with a one-time password Keycloak makes them
 * replace (the password grant answers "Account is not fully set up"); a second run makes none; siblings' guardian
 * gets one account; a name taken by someone else gets a suffix; printable slips; leaving disables, coming back
 * enables; staff get their roles and school. Keycloak is reached through a small pass-through proxy the test can
 * make fail after a number of user creations: then nothing is linked and the accounts made so far are gone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AccountProvisioningIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** POST …/users answered 503 once this many users were created through the proxy (-1: never). */
    private static final AtomicInteger FAIL_AFTER = new AtomicInteger(-1);
    private static final AtomicInteger CREATED = new AtomicInteger();
    private static HttpServer proxy;

    @DynamicPropertySource
    static void keycloak(DynamicPropertyRegistry registry) throws IOException {
        registry.add("zhsz.security.issuer-uri", KeycloakServer::issuer);
        registry.add("zhsz.accounts.client-secret", () -> KeycloakServer.PROVISIONING_SECRET);
        proxy = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        proxy.createContext("/", exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().toString();
                boolean creation = "POST".equals(exchange.getRequestMethod()) && path.matches(".*/admin/realms/zhsz/users");
                if (creation && FAIL_AFTER.get() >= 0 && CREATED.get() >= FAIL_AFTER.get()) {
                    exchange.sendResponseHeaders(503, -1);
                    return;
                }
                byte[] body = exchange.getRequestBody().readAllBytes();
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(KeycloakServer.baseUrl() + path))
                        .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
                exchange.getRequestHeaders().forEach((k, v) -> {
                    if (!List.of("host", "content-length", "connection", "upgrade", "expect")
                            .contains(k.toLowerCase())) {
                        v.forEach(value -> b.header(k, value));
                    }
                });
                HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
                if (creation && r.statusCode() == 201) {
                    CREATED.incrementAndGet();
                }
                r.headers().map().forEach((k, v) -> {
                    if (!List.of("content-length", "transfer-encoding", "connection", ":status").contains(k.toLowerCase())) {
                        exchange.getResponseHeaders().put(k, v);
                    }
                });
                exchange.sendResponseHeaders(r.statusCode(), r.body().length == 0 ? -1 : r.body().length);
                if (r.body().length > 0) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(r.body());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        proxy.start();
        registry.add("zhsz.accounts.keycloak-url", () -> "http://127.0.0.1:" + proxy.getAddress().getPort());
    }

    @AfterAll
    static void stopProxy() {
        if (proxy != null) {
            proxy.stop(0);
        }
    }

    @LocalServerPort
    int port;

    private WebTestClient as(String user) {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(180))
                .defaultHeader("Authorization", "Bearer " + KeycloakServer.token(user)).build();
    }

    // ---- Keycloak, seen by its administrator

    private static JsonNode keycloakUser(String username) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(KeycloakServer.baseUrl()
                        + "/admin/realms/zhsz/users?exact=true&briefRepresentation=false&username="
                        + URLEncoder.encode(username, StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + KeycloakServer.adminToken()).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode list = JSON.readTree(r.body());
        return list.isEmpty() ? null : list.get(0);
    }

    private static List<String> realmRoles(JsonNode user) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(KeycloakServer.baseUrl()
                        + "/admin/realms/zhsz/users/" + user.path("id").asString() + "/role-mappings/realm"))
                .header("Authorization", "Bearer " + KeycloakServer.adminToken()).build(),
                HttpResponse.BodyHandlers.ofString());
        List<String> out = new ArrayList<>();
        JSON.readTree(r.body()).forEach(x -> out.add(x.path("name").asString()));
        return out;
    }

    /** Removes accounts an earlier run of this test left, so every run starts from the same Keycloak. */
    private static void deleteKeycloakUsers(String... usernames) throws Exception {
        for (String u : usernames) {
            for (String candidate : List.of(u, u + "-2", u + "-3")) {
                JsonNode found = keycloakUser(candidate);
                if (found != null) {
                    HTTP.send(HttpRequest.newBuilder(URI.create(KeycloakServer.baseUrl() + "/admin/realms/zhsz/users/"
                                    + found.path("id").asString()))
                            .header("Authorization", "Bearer " + KeycloakServer.adminToken()).DELETE().build(),
                            HttpResponse.BodyHandlers.discarding());
                }
            }
        }
    }

    private static HttpResponse<String> passwordGrant(String username, String password) throws Exception {
        String form = "grant_type=password&client_id=zhsz-cli&username=" + URLEncoder.encode(username,
                StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return HTTP.send(HttpRequest.newBuilder(URI.create(KeycloakServer.issuer() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode student(String id) throws Exception {
        return JSON.readTree(as("admin_s1").get().uri("/api/v1/students/" + id).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
    }

    private String usernameOf(String studentNo) {
        return studentNo.toLowerCase();
    }

    // ---- the tests

    @Test
    void aClassGetsAccountsOnceWithOneTimePasswordsAndLeavingDisablesThem() throws Exception {
        JsonNode a = student("S1-C2-05");
        JsonNode b = student("S1-C2-06");
        JsonNode c = student("S1-C2-07");
        String phoneA = a.path("guardians").get(0).path("phone").asString();
        String phoneC = c.path("guardians").get(0).path("phone").asString();
        // b is a's sibling: the same father (name and phone) is b's guardian too
        as("admin_s1").put().uri("/api/v1/students/S1-C2-06/guardians").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(List.of(Map.of("name", a.path("guardians").get(0).path("name").asString(),
                        "relation", "父亲", "phone", phoneA))).exchange().expectStatus().isOk();
        deleteKeycloakUsers(usernameOf(a.path("studentNo").asString()), usernameOf(b.path("studentNo").asString()),
                usernameOf(c.path("studentNo").asString()), phoneA, phoneC);
        // someone else already has c's father's phone number as username: he gets the next name
        createForeignUser(phoneC);

        FAIL_AFTER.set(-1);
        JsonNode result = JSON.readTree(as("admin_s1").post().uri("/api/v1/classes/S1-C2/accounts")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("studentIds", List.of("S1-C2-05", "S1-C2-06", "S1-C2-07"))).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Cache-Control", "no-store")
                .expectBody(String.class).returnResult().getResponseBody());
        Map<String, JsonNode> created = new java.util.LinkedHashMap<>();
        result.path("created").forEach(n -> created.put(n.path("username").asString(), n));
        String fatherA = phoneA;
        String fatherC = phoneC + "-2";
        assertThat(created.keySet()).containsExactly(usernameOf(a.path("studentNo").asString()), fatherA,
                usernameOf(b.path("studentNo").asString()), usernameOf(c.path("studentNo").asString()), fatherC);
        assertThat(result.path("existing").asInt()).isZero();
        assertThat(created.get(fatherA).path("role").asString()).isEqualTo("parent");
        assertThat(created.get(usernameOf(a.path("studentNo").asString())).path("role").asString()).isEqualTo("student");
        assertThat(created.get(usernameOf(a.path("studentNo").asString())).path("name").asString())
                .isEqualTo(a.path("name").asString());
        for (JsonNode n : created.values()) {
            assertThat(n.path("temporaryPassword").asString()).matches("[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}");
        }

        // in Keycloak: enabled, the realm role, the school, a password to replace at first login
        JsonNode kcStudent = keycloakUser(usernameOf(a.path("studentNo").asString()));
        assertThat(kcStudent.path("enabled").asBoolean()).isTrue();
        assertThat(kcStudent.path("attributes").path("school_id").get(0).asString()).isEqualTo("S1");
        assertThat(kcStudent.path("requiredActions").toString()).contains("UPDATE_PASSWORD");
        assertThat(kcStudent.path("lastName").asString() + kcStudent.path("firstName").asString())
                .isEqualTo(a.path("name").asString());
        assertThat(realmRoles(kcStudent)).contains("student");
        assertThat(realmRoles(keycloakUser(fatherA))).contains("parent");
        HttpResponse<String> firstLogin = passwordGrant(usernameOf(a.path("studentNo").asString()),
                created.get(usernameOf(a.path("studentNo").asString())).path("temporaryPassword").asString());
        assertThat(firstLogin.statusCode()).isEqualTo(400);
        assertThat(firstLogin.body()).contains("Account is not fully set up");
        assertThat(passwordGrant(fatherA, "wrong-password-1").body()).contains("invalid_grant")
                .doesNotContain("not fully set up");

        // linked in the platform: siblings share their father's account
        assertThat(student("S1-C2-05").path("username").asString()).isEqualTo(usernameOf(a.path("studentNo").asString()));
        JsonNode listing = JSON.readTree(as("head_c1").get().uri("/api/v1/classes/S1-C1/accounts").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        assertThat(listing.path("withAccount").asInt()).isGreaterThanOrEqualTo(2); // student_c1a, parent_c1a
        JsonNode c2 = JSON.readTree(as("admin_s1").get().uri("/api/v1/classes/S1-C2/accounts").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        for (JsonNode s : c2.path("students")) {
            if (s.path("studentId").asString().equals("S1-C2-06")) {
                assertThat(s.path("guardians").get(0).path("username").asString()).isEqualTo(fatherA);
            }
        }

        // a second run makes nothing
        JsonNode again = JSON.readTree(as("admin_s1").post().uri("/api/v1/classes/S1-C2/accounts")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("studentIds", List.of("S1-C2-05", "S1-C2-06", "S1-C2-07"))).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        assertThat(again.path("created")).isEmpty();
        assertThat(again.path("existing").asInt()).isEqualTo(5);

        // a transferred-out student's account is disabled; the father keeps his, b is still at school
        long version = student("S1-C2-05").path("version").asLong();
        as("admin_s1").patch().uri("/api/v1/students/S1-C2-05").header("If-Match", Long.toString(version))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("status", "TRANSFERRED_OUT"))
                .exchange().expectStatus().isOk();
        assertThat(keycloakUser(usernameOf(a.path("studentNo").asString())).path("enabled").asBoolean()).isFalse();
        assertThat(keycloakUser(fatherA).path("enabled").asBoolean()).isTrue();
        // b graduates too: now the father has no child at school
        as("admin_s1").patch().uri("/api/v1/students/S1-C2-06").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("status", "GRADUATED")).exchange().expectStatus().isOk();
        assertThat(keycloakUser(fatherA).path("enabled").asBoolean()).isFalse();
        // the same change again changes nothing
        as("admin_s1").patch().uri("/api/v1/students/S1-C2-06").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("status", "GRADUATED")).exchange().expectStatus().isOk();
        assertThat(keycloakUser(fatherA).path("enabled").asBoolean()).isFalse();
        // a transfers back in: a and the father are enabled again
        as("admin_s1").patch().uri("/api/v1/students/S1-C2-05").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("status", "ENROLLED")).exchange().expectStatus().isOk();
        assertThat(keycloakUser(usernameOf(a.path("studentNo").asString())).path("enabled").asBoolean()).isTrue();
        assertThat(keycloakUser(fatherA).path("enabled").asBoolean()).isTrue();
    }

    private static void createForeignUser(String username) throws Exception {
        String body = JSON.writeValueAsString(Map.of("username", username, "enabled", true, "firstName", "另",
                "lastName", "某", "attributes", Map.of("school_id", List.of("S2"))));
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(KeycloakServer.baseUrl()
                        + "/admin/realms/zhsz/users")).header("Authorization", "Bearer " + KeycloakServer.adminToken())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    @Test
    void keycloakFailingHalfWayLeavesNothingAndTheNextRunMakesEverything() throws Exception {
        JsonNode d = student("S1-C2-10");
        JsonNode e = student("S1-C2-11");
        String[] usernames = {usernameOf(d.path("studentNo").asString()), usernameOf(e.path("studentNo").asString()),
                d.path("guardians").get(0).path("phone").asString(), e.path("guardians").get(0).path("phone").asString()};
        deleteKeycloakUsers(usernames);

        CREATED.set(0);
        FAIL_AFTER.set(2);
        try {
            as("head_c1").post().uri("/api/v1/classes/S1-C1/accounts").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("studentIds", List.of("S1-C2-10"))).exchange().expectStatus()
                    .isEqualTo(422); // not a student of head_c1's class
            as("admin_s1").post().uri("/api/v1/classes/S1-C2/accounts").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("studentIds", List.of("S1-C2-10", "S1-C2-11"))).exchange()
                    .expectStatus().isEqualTo(503)
                    .expectBody().jsonPath("$.code").isEqualTo("accounts_unavailable");
        } finally {
            FAIL_AFTER.set(-1);
        }
        assertThat(CREATED.get()).as("accounts made before Keycloak failed").isEqualTo(2);
        for (String u : usernames) {
            assertThat(keycloakUser(u)).as(u + " was removed again").isNull();
        }
        assertThat(student("S1-C2-10").path("username").isMissingNode() || student("S1-C2-10").path("username").isNull())
                .as("nothing linked").isTrue();

        byte[] pdf = as("admin_s1").post().uri("/api/v1/classes/S1-C2/accounts").accept(MediaType.APPLICATION_PDF)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("studentIds", List.of("S1-C2-10", "S1-C2-11")))
                .exchange().expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_PDF)
                .expectHeader().valueEquals("X-Accounts-Created", "4")
                .expectBody(byte[].class).returnResult().getResponseBody();
        String text = pdfText(pdf);
        assertThat(text).contains("账号卡").contains("初始密码").contains("首次登录时须设置新密码")
                .contains(d.path("name").asString()).contains(usernames[0]).contains(usernames[2]);
        for (String u : usernames) {
            assertThat(keycloakUser(u)).as(u).isNotNull();
        }
    }

    private static String pdfText(byte[] pdf) throws Exception {
        Path file = Files.createTempFile("slips-", ".pdf");
        try {
            Files.write(file, pdf);
            Process p = new ProcessBuilder("pdftotext", "-layout", file.toString(), "-").redirectErrorStream(true)
                    .start();
            try (InputStream in = p.getInputStream()) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                p.waitFor();
                return text;
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void staffGetTheirRolesAndSchoolAndLeavingDisablesTheAccount() throws Exception {
        String username = "it_staff_" + Long.toString(System.nanoTime(), 36);
        JsonNode created = JSON.readTree(as("admin_s1").post().uri("/api/v1/staff")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "name", "欧阳明远", "roles", List.of("head_teacher")))
                .exchange().expectStatus().isCreated()
                .expectHeader().valueEquals("Cache-Control", "no-store")
                .expectBody(String.class).returnResult().getResponseBody());
        assertThat(created.path("account").path("username").asString()).isEqualTo(username);
        String password = created.path("account").path("temporaryPassword").asString();
        assertThat(password).matches("[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}");
        JsonNode kc = keycloakUser(username);
        assertThat(kc.path("lastName").asString()).isEqualTo("欧阳");
        assertThat(kc.path("attributes").path("school_id").get(0).asString()).isEqualTo("S1");
        assertThat(realmRoles(kc)).contains("head_teacher", "teacher").doesNotContain("school_admin");
        assertThat(passwordGrant(username, password).body()).contains("Account is not fully set up");

        as("admin_s1").patch().uri("/api/v1/staff/" + username).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("active", false)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.active").isEqualTo(false);
        assertThat(keycloakUser(username).path("enabled").asBoolean()).isFalse();
        as("admin_s1").patch().uri("/api/v1/staff/" + username).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("active", false)).exchange().expectStatus().isOk();
        assertThat(keycloakUser(username).path("enabled").asBoolean()).isFalse();
        as("admin_s1").patch().uri("/api/v1/staff/" + username).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("active", true)).exchange().expectStatus().isOk();
        assertThat(keycloakUser(username).path("enabled").asBoolean()).isTrue();

        // roles a school admin may not hand out are refused before anything is made
        as("admin_s1").post().uri("/api/v1/staff").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username + "x", "name", "某人", "roles", List.of("auditor")))
                .exchange().expectStatus().isEqualTo(422);
        assertThat(keycloakUser(username + "x")).isNull();
    }

    @Test
    void aSchoolMakesItsSchoolDoctorsAccount() throws Exception {
        String username = "it_doctor_" + Long.toString(System.nanoTime(), 36);
        JsonNode created = JSON.readTree(as("admin_s1").post().uri("/api/v1/staff")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "name", "海玉兰", "roles", List.of("school_doctor")))
                .exchange().expectStatus().isCreated()
                .expectBody(String.class).returnResult().getResponseBody());
        assertThat(created.path("roles").get(0).asString()).isEqualTo("school_doctor");
        assertThat(created.path("account").path("temporaryPassword").asString()).isNotBlank();
        JsonNode kc = keycloakUser(username);
        assertThat(kc.path("attributes").path("school_id").get(0).asString()).isEqualTo("S1");
        assertThat(realmRoles(kc)).contains("school_doctor").doesNotContain("teacher", "school_admin");
    }
}
