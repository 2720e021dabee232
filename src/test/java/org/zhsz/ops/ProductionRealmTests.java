package org.zhsz.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * keycloak/realm-production.json holds what a county's production realm must: TLS outside the host, a password
 * policy, brute-force protection, a one-time code for the roles that see the most, no client that takes passwords
 * directly, no user with a credential, short tokens, and a provisioning client that may manage users and nothing
 * more. (ProductionRealmIT imports it into the real Keycloak.)
 */
class ProductionRealmTests {

    static final Path FILE = Path.of("keycloak", "realm-production.json");

    private static JsonNode realm() throws IOException {
        return JsonMapper.builder().build().readTree(Files.readString(FILE));
    }

    @Test
    void transportPasswordsAndLockout() throws IOException {
        JsonNode r = realm();
        assertThat(r.path("realm").asString()).isEqualTo("zhsz");
        assertThat(r.path("sslRequired").asString()).isEqualTo("external");
        String policy = r.path("passwordPolicy").asString();
        assertThat(policy).contains("length(12)").contains("notUsername").contains("passwordHistory(5)");
        assertThat(r.path("bruteForceProtected").asBoolean()).isTrue();
        assertThat(r.path("failureFactor").asInt()).isBetween(3, 10);
        assertThat(r.path("registrationAllowed").asBoolean()).isFalse();
        assertThat(r.path("resetPasswordAllowed").asBoolean()).as("no e-mail reset: schools reset passwords")
                .isFalse();
    }

    @Test
    void tokensAndSessionsAreShortLived() throws IOException {
        JsonNode r = realm();
        assertThat(r.path("accessTokenLifespan").asInt()).isBetween(60, 600);
        assertThat(r.path("ssoSessionIdleTimeout").asInt()).isBetween(600, 3600);
        assertThat(r.path("ssoSessionMaxLifespan").asInt()).isBetween(3600, 43200);
        assertThat(r.path("revokeRefreshToken").asBoolean()).isTrue();
    }

    @Test
    void aOneTimeCodeIsRequiredForTheRolesThatSeeMost() throws IOException {
        JsonNode r = realm();
        for (JsonNode role : r.path("roles").path("realm")) {
            String name = role.path("name").asString();
            boolean needsOtp = List.of("school_admin", "counselor", "school_doctor", "bureau_admin", "auditor")
                    .contains(name);
            List<String> composites = new ArrayList<>();
            role.path("composites").path("realm").forEach(c -> composites.add(c.asString()));
            assertThat(composites.contains("otp_required")).as(name + " requires OTP").isEqualTo(needsOtp);
        }
        assertThat(r.path("browserFlow").asString()).isEqualTo("zhsz browser");
        JsonNode otpFlow = flow(r, "zhsz otp for sensitive roles");
        assertThat(otpFlow.path("authenticationExecutions")).extracting(e -> e.path("authenticator").asString())
                .containsExactly("conditional-user-role", "auth-otp-form");
        String config = otpFlow.path("authenticationExecutions").get(0).path("authenticatorConfig").asString();
        JsonNode cfg = null;
        for (JsonNode c : r.path("authenticatorConfig")) {
            if (config.equals(c.path("alias").asString())) {
                cfg = c;
            }
        }
        assertThat(cfg).isNotNull();
        assertThat(cfg.path("config").path("condUserRole").asString()).isEqualTo("otp_required");
        // the conditional sub-flow hangs off the password form of the browser flow
        assertThat(flow(r, "zhsz browser forms").path("authenticationExecutions"))
                .anyMatch(e -> "zhsz otp for sensitive roles".equals(e.path("flowAlias").asString())
                        && "CONDITIONAL".equals(e.path("requirement").asString()));
        assertThat(flow(r, "zhsz browser").path("authenticationExecutions"))
                .anyMatch(e -> "zhsz browser forms".equals(e.path("flowAlias").asString()));
    }

    private static JsonNode flow(JsonNode r, String alias) {
        for (JsonNode f : r.path("authenticationFlows")) {
            if (alias.equals(f.path("alias").asString())) {
                return f;
            }
        }
        throw new AssertionError("no flow " + alias);
    }

    @Test
    void noClientTakesPasswordsAndOnlyTheWebAppAndProvisioningExist() throws IOException {
        JsonNode r = realm();
        List<String> ids = new ArrayList<>();
        for (JsonNode c : r.path("clients")) {
            ids.add(c.path("clientId").asString());
            assertThat(c.path("directAccessGrantsEnabled").asBoolean()).as(c.path("clientId") + " direct grants")
                    .isFalse();
            assertThat(c.path("implicitFlowEnabled").asBoolean()).isFalse();
            assertThat(c.has("secret")).as("no secret in the file: Keycloak generates it").isFalse();
        }
        assertThat(ids).containsExactly("zhsz-web", "zhsz-provisioning");
        JsonNode web = r.path("clients").get(0);
        assertThat(web.path("publicClient").asBoolean()).isTrue();
        assertThat(web.path("attributes").path("pkce.code.challenge.method").asString()).isEqualTo("S256");
        assertThat(web.path("protocolMappers")).extracting(m -> m.path("name").asString())
                .contains("zhsz-api audience", "school_id", "county_id");
        JsonNode prov = r.path("clients").get(1);
        assertThat(prov.path("publicClient").asBoolean()).isFalse();
        assertThat(prov.path("serviceAccountsEnabled").asBoolean()).isTrue();
        assertThat(prov.path("standardFlowEnabled").asBoolean()).isFalse();
    }

    @Test
    void noUserHasACredentialAndTheServiceAccountOnlyManagesUsers() throws IOException {
        JsonNode r = realm();
        assertThat(r.path("users")).hasSize(1);
        JsonNode sa = r.path("users").get(0);
        assertThat(sa.path("serviceAccountClientId").asString()).isEqualTo("zhsz-provisioning");
        assertThat(sa.has("credentials")).isFalse();
        assertThat(sa.has("realmRoles")).isFalse();
        Map<String, Object> clientRoles = JsonMapper.builder().build().convertValue(sa.path("clientRoles"), Map.class);
        assertThat(clientRoles).containsOnlyKeys("realm-management");
        List<String> rights = new ArrayList<>();
        sa.path("clientRoles").path("realm-management").forEach(x -> rights.add(x.asString()));
        assertThat(rights).containsExactlyInAnyOrder("manage-users", "view-users", "query-users");
    }

    @Test
    void bothRealmsDefineEveryRoleThePlatformKnows() throws IOException {
        // a role missing from the production realm could not be given to anyone (e.g. a school's 校医)
        for (Path file : List.of(FILE, Path.of("keycloak", "zhsz-realm.json"))) {
            JsonNode r = JsonMapper.builder().build().readTree(Files.readString(file));
            List<String> names = new ArrayList<>();
            r.path("roles").path("realm").forEach(n -> names.add(n.path("name").asString()));
            assertThat(names).as(file.toString()).containsAll(java.util.Arrays.stream(org.zhsz.platform.Role.values())
                    .map(org.zhsz.platform.Role::claim).toList());
        }
    }

    @Test
    void descriptionsFitKeycloaksColumns() throws IOException {
        // Keycloak stores client, role and flow descriptions in VARCHAR(255): a longer one fails the import
        for (Path file : List.of(FILE, Path.of("keycloak", "zhsz-realm.json"))) {
            JsonNode r = JsonMapper.builder().build().readTree(Files.readString(file));
            List<JsonNode> described = new ArrayList<>();
            r.path("clients").forEach(described::add);
            r.path("roles").path("realm").forEach(described::add);
            r.path("authenticationFlows").forEach(described::add);
            for (JsonNode n : described) {
                assertThat(n.path("description").asString("").length()).as(file + ": " + n.path("clientId")
                        .asString(n.path("name").asString(n.path("alias").asString()))).isLessThanOrEqualTo(255);
            }
        }
    }

    @Test
    void theUserProfileMatchesTheDemoRealm() throws IOException {
        // the same attributes (school_id, county_id, org_name, zhsz_account) and e-mail optional: pupils have none
        JsonNode r = realm();
        JsonNode demo = JsonMapper.builder().build().readTree(Files.readString(Path.of("keycloak", "zhsz-realm.json")));
        assertThat(r.path("components")).isEqualTo(demo.path("components"));
        String profile = r.path("components").path("org.keycloak.userprofile.UserProfileProvider").get(0)
                .path("config").path("kc.user.profile.config").get(0).asString();
        JsonNode email = null;
        for (JsonNode a : JsonMapper.builder().build().readTree(profile).path("attributes")) {
            if ("email".equals(a.path("name").asString())) {
                email = a;
            }
        }
        assertThat(email).isNotNull();
        assertThat(email.has("required")).isFalse();
        assertThat(profile).contains("\"school_id\"").contains("\"zhsz_account\"");
    }
}
