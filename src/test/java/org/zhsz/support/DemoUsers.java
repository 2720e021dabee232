package org.zhsz.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.JwtMutator;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo users exactly as the realm file defines them (roles, school_id, county_id, names), so tests with
 * mock tokens cannot drift from what Keycloak issues.
 */
public final class DemoUsers {

    public record User(String username, List<String> roles, Map<String, String> attributes, String family,
                       String given) {
    }

    private static final Map<String, User> USERS = load();

    private DemoUsers() {
    }

    private static Map<String, User> load() {
        try {
            Path realm = Path.of(System.getProperty("zhsz.project.dir", ".")).resolve("keycloak/zhsz-realm.json");
            JsonNode root = JsonMapper.builder().build().readTree(Files.readString(realm));
            Map<String, User> users = new LinkedHashMap<>();
            for (JsonNode u : root.get("users")) {
                if (u.has("serviceAccountClientId")) {
                    continue; // a client's service account (provisioning), not a person
                }
                List<String> roles = new ArrayList<>();
                u.get("realmRoles").forEach(r -> roles.add(r.asString()));
                Map<String, String> attrs = new LinkedHashMap<>();
                JsonNode a = u.get("attributes");
                if (a != null) {
                    a.properties().forEach(e -> attrs.put(e.getKey(), e.getValue().get(0).asString()));
                }
                users.put(u.get("username").asString(), new User(u.get("username").asString(), roles, attrs,
                        u.get("lastName").asString(), u.get("firstName").asString()));
            }
            return users;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<String> usernames() {
        return List.copyOf(USERS.keySet());
    }

    public static User get(String username) {
        User u = USERS.get(username);
        if (u == null) {
            throw new IllegalArgumentException("no demo user " + username);
        }
        return u;
    }

    /** A mock JWT for the demo user, with the claims Keycloak would put into the access token. */
    public static JwtMutator jwt(String username) {
        User u = get(username);
        List<GrantedAuthority> authorities = new ArrayList<>();
        u.roles().forEach(r -> authorities.add(new SimpleGrantedAuthority("ROLE_" + r.toUpperCase())));
        return SecurityMockServerConfigurers.mockJwt().jwt(j -> {
            j.subject("sub-" + username).claim("preferred_username", username)
                    .claim("realm_access", Map.of("roles", u.roles()))
                    .claim("family_name", u.family()).claim("given_name", u.given())
                    .claim("name", u.given() + " " + u.family())
                    .audience(List.of("zhsz-api"));
            u.attributes().forEach(j::claim);
        }).authorities(authorities);
    }

    /** A mock JWT with arbitrary claims (for malformed-token tests). */
    public static JwtMutator jwtWith(Map<String, Object> claims) {
        return SecurityMockServerConfigurers.mockJwt().jwt(j -> {
            j.subject("sub-x");
            claims.forEach(j::claim);
        });
    }
}
