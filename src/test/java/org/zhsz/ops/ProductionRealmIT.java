package org.zhsz.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zhsz.support.KeycloakServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * keycloak/realm-production.json imported into the real Keycloak (through the admin API, under another realm name
 * and with the site's address and a known provisioning secret filled in, as an operator would), then used: the
 * provisioning client gets a token and may create users but not touch clients; no client accepts a password
 * directly; the password policy refuses a short password; a teacher logs in with username and password alone
 * (redirected back to the web app with a code), while a school admin is sent to set up a one-time code.
 */
class ProductionRealmIT {

    private static final String REALM = "zhsz-production-check";
    private static final String SITE = "http://127.0.0.1:18099";
    private static final String SECRET = "production-check-secret";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void deleteRealm() throws Exception {
        send("DELETE", "/admin/realms/" + REALM, KeycloakServer.adminToken(), null);
    }

    @Test
    void theProductionRealmImportsAndBehavesAsConfigured() throws Exception {
        String admin = KeycloakServer.adminToken();
        send("DELETE", "/admin/realms/" + REALM, admin, null);
        ObjectNode realm = (ObjectNode) JSON.readTree(Files.readString(
                KeycloakServer.projectDir().resolve(Path.of("keycloak", "realm-production.json")))
                .replace("https://zhsz.example.org", SITE));
        realm.put("realm", REALM);
        for (JsonNode c : realm.path("clients")) {
            if ("zhsz-provisioning".equals(c.path("clientId").asString())) {
                ((ObjectNode) c).put("secret", SECRET);
            }
        }
        HttpResponse<String> imported = send("POST", "/admin/realms", admin, JSON.writeValueAsString(realm));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);

        String issuer = KeycloakServer.baseUrl() + "/realms/" + REALM;
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration"))
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

        // no client takes a password directly
        HttpResponse<String> direct = form(issuer + "/protocol/openid-connect/token", Map.of("grant_type", "password",
                "client_id", "zhsz-web", "username", "anyone", "password", "whatever-long-1"));
        assertThat(direct.statusCode()).isIn(400, 401);
        assertThat(direct.body()).contains("unauthorized_client");

        // the provisioning client: users yes, clients no
        HttpResponse<String> t = form(issuer + "/protocol/openid-connect/token", Map.of("grant_type",
                "client_credentials", "client_id", "zhsz-provisioning", "client_secret", SECRET));
        assertThat(t.statusCode()).as(t.body()).isEqualTo(200);
        String prov = JSON.readTree(t.body()).path("access_token").asString();
        assertThat(send("GET", "/admin/realms/" + REALM + "/clients", prov, null).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/admin/realms/" + REALM + "/users?max=1", prov, null).statusCode()).isEqualTo(200);

        String teacherPassword = "Teacher-password-2026";
        String adminPassword = "School-admin-password-2026";
        createUser(prov, "t_check", "teacher", teacherPassword);
        createUser(prov, "a_check", "school_admin", adminPassword);

        // the password policy refuses a short one and one equal to the username
        String teacherId = userId(prov, "t_check");
        for (String bad : new String[]{"short-1", "t_check"}) {
            HttpResponse<String> reset = send("PUT", "/admin/realms/" + REALM + "/users/" + teacherId
                    + "/reset-password", prov, "{\"type\":\"password\",\"value\":\"" + bad + "\",\"temporary\":false}");
            assertThat(reset.statusCode()).as(bad).isEqualTo(400);
        }

        // browser logins: the teacher gets a code, the school admin must set up a one-time code first
        HttpResponse<String> teacher = browserLogin(issuer, "t_check", teacherPassword);
        assertThat(teacher.statusCode()).isEqualTo(302);
        assertThat(teacher.headers().firstValue("Location").orElseThrow()).startsWith(SITE + "/").contains("code=");
        HttpResponse<String> schoolAdmin = browserLogin(issuer, "a_check", adminPassword);
        assertThat(schoolAdmin.statusCode()).isEqualTo(302);
        assertThat(schoolAdmin.headers().firstValue("Location").orElseThrow())
                .as("no code without a second factor: sent to set up a one-time code first")
                .doesNotStartWith(SITE).contains("/login-actions/required-action").contains("CONFIGURE_TOTP");
    }

    private void createUser(String token, String username, String role, String password) throws Exception {
        String body = JSON.writeValueAsString(Map.of("username", username, "enabled", true, "firstName", "测试",
                "lastName", "用户", "attributes", Map.of("school_id", new String[]{"S1"}),
                "credentials", new Object[]{Map.of("type", "password", "value", password, "temporary", false)}));
        HttpResponse<String> r = send("POST", "/admin/realms/" + REALM + "/users", token, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        // the provisioning client may not read /roles (view-realm): it maps from the user's available roles
        String id = userId(token, username);
        JsonNode roleRep = null;
        for (JsonNode available : JSON.readTree(send("GET", "/admin/realms/" + REALM + "/users/" + id
                + "/role-mappings/realm/available", token, null).body())) {
            if (role.equals(available.path("name").asString())) {
                roleRep = available;
            }
        }
        assertThat(roleRep).as("role " + role + " available to map").isNotNull();
        HttpResponse<String> mapped = send("POST", "/admin/realms/" + REALM + "/users/" + id
                + "/role-mappings/realm", token, "[" + JSON.writeValueAsString(roleRep) + "]");
        assertThat(mapped.statusCode()).as(mapped.body()).isEqualTo(204);
    }

    private String userId(String token, String username) throws Exception {
        return JSON.readTree(send("GET", "/admin/realms/" + REALM + "/users?exact=true&username=" + username, token,
                null).body()).get(0).path("id").asString();
    }

    /** The authorization-code flow with PKCE as the web app starts it, the login form filled in. */
    private static HttpResponse<String> browserLogin(String issuer, String username, String password)
            throws Exception {
        // cookies by hand: Keycloak marks its login cookies Secure, which browsers send to http://127.0.0.1 (a
        // secure context) but java.net.CookieManager does not
        HttpClient browser = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        String verifier = "v".repeat(20) + System.nanoTime() + "-verifier-of-at-least-43-chars";
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String auth = issuer + "/protocol/openid-connect/auth?client_id=zhsz-web&response_type=code&scope=openid"
                + "&redirect_uri=" + URLEncoder.encode(SITE + "/", StandardCharsets.UTF_8)
                + "&code_challenge=" + challenge + "&code_challenge_method=S256&state=s1";
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(auth)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        Matcher action = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"|<form[^>]*action=\"([^\"]+)\"[^>]*id=\"kc-form-login\"")
                .matcher(page.body());
        assertThat(action.find()).as("login form").isTrue();
        String url = (action.group(1) != null ? action.group(1) : action.group(2)).replace("&amp;", "&");
        String formBody = Map.of("username", username, "password", password, "credentialId", "").entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String cookies = page.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0])
                .collect(Collectors.joining("; "));
        return browser.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookies)
                .POST(HttpRequest.BodyPublishers.ofString(formBody)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> form(String url, Map<String, String> fields) throws Exception {
        String body = fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> send(String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(KeycloakServer.baseUrl() + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(60));
        if (json != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
