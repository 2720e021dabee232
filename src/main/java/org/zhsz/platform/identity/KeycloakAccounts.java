package org.zhsz.platform.identity;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import org.zhsz.platform.ApiException;
import org.zhsz.platform.Problems;
import org.zhsz.platform.Role;
import org.zhsz.platform.UserAccounts;
import org.zhsz.platform.security.SecurityProperties;

import io.netty.channel.ChannelOption;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link UserAccounts} over Keycloak's Admin REST API, authenticated as the service account of a confidential
 * client (client credentials grant; the token is reused until shortly before it expires). Bodies are never logged:
 * create and password calls carry one-time passwords.
 */
@Component
class KeycloakAccounts implements UserAccounts {

    private static final Logger log = LoggerFactory.getLogger(KeycloakAccounts.class);
    static final String MARKER = "zhsz_account";

    private final AccountsProperties props;
    private final String base;
    private final String realm;
    private final WebClient http;
    private final JsonMapper json = JsonMapper.builder().build();
    private volatile Token token;

    private record Token(String value, Instant renewAt) {
    }

    KeycloakAccounts(AccountsProperties props, SecurityProperties security) {
        this.props = props;
        String issuer = security.issuerUri();
        int realms = issuer.indexOf("/realms/");
        String issuerBase = realms < 0 ? issuer : issuer.substring(0, realms);
        String issuerRealm = realms < 0 ? "zhsz" : issuer.substring(realms + "/realms/".length()).replaceAll("/+$", "");
        this.base = blank(props.keycloakUrl()) ? issuerBase : props.keycloakUrl().replaceAll("/+$", "");
        this.realm = blank(props.realm()) ? issuerRealm : props.realm();
        Duration timeout = props.timeout();
        HttpClient client = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(timeout.toMillis(), 5000))
                .responseTimeout(timeout);
        this.http = WebClient.builder().clientConnector(new ReactorClientHttpConnector(client)).build();
        if (props.enabled()) {
            log.info("Account provisioning: Keycloak {} realm {} as client {}", base, realm, props.clientId());
        } else {
            log.info("Account provisioning: off (zhsz.accounts.client-secret / ZHSZ_PROVISIONING_SECRET not set)");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    @Override
    public boolean enabled() {
        return props.enabled();
    }

    @Override
    public String loginUrl() {
        return props.loginUrl();
    }

    @Override
    public Mono<Void> check() {
        return requireEnabled().then(bearer()).flatMap(t -> call(http.get()
                .uri(admin("/users/count")).headers(h -> h.setBearerAuth(t)), "check")).then();
    }

    @Override
    public Mono<Optional<Account>> find(String username) {
        return bearer().flatMap(t -> call(http.get().uri(URI.create(admin("/users")
                        + "?exact=true&briefRepresentation=false&username="
                        + java.net.URLEncoder.encode(username, java.nio.charset.StandardCharsets.UTF_8)))
                .headers(h -> h.setBearerAuth(t)), "find"))
                .map(body -> {
                    for (JsonNode u : json.readTree(body)) {
                        if (username.equalsIgnoreCase(u.path("username").asString(""))) {
                            return Optional.of(account(u));
                        }
                    }
                    return Optional.<Account>empty();
                });
    }

    private static Account account(JsonNode u) {
        return new Account(u.path("id").asString(), u.path("username").asString(), u.path("enabled").asBoolean(),
                first(u.path("attributes").path(MARKER)), first(u.path("attributes").path("school_id")));
    }

    private static String first(JsonNode values) {
        return values.isArray() && !values.isEmpty() ? values.get(0).asString() : null;
    }

    @Override
    public Mono<Account> create(NewAccount a, String temporaryPassword) {
        ObjectNode user = json.createObjectNode();
        user.put("username", a.username());
        user.put("enabled", true);
        user.put("firstName", a.firstName());
        user.put("lastName", a.lastName());
        ObjectNode attrs = user.putObject("attributes");
        if (a.schoolId() != null) {
            attrs.putArray("school_id").add(a.schoolId());
        }
        attrs.putArray(MARKER).add(a.marker());
        ObjectNode credential = user.putArray("credentials").addObject();
        credential.put("type", "password");
        credential.put("value", temporaryPassword);
        credential.put("temporary", true);
        user.putArray("requiredActions").add("UPDATE_PASSWORD");
        return bearer().flatMap(t -> http.post().uri(admin("/users")).headers(h -> h.setBearerAuth(t))
                        .contentType(MediaType.APPLICATION_JSON).bodyValue(json.writeValueAsString(user))
                        .exchangeToMono(r -> {
                            if (r.statusCode().value() == 201) {
                                String location = r.headers().asHttpHeaders().getFirst("Location");
                                return r.releaseBody().thenReturn(location == null ? ""
                                        : location.substring(location.lastIndexOf('/') + 1));
                            }
                            if (r.statusCode().value() == 409) {
                                return r.releaseBody().then(Mono.error(Problems.conflict("account_exists",
                                        "An account with the username {0} was created meanwhile; try again",
                                        a.username())));
                            }
                            return r.bodyToMono(String.class).defaultIfEmpty("").flatMap(b ->
                                    Mono.error(failure("create", r.statusCode(), b)));
                        }))
                .onErrorMap(e -> !(e instanceof ApiException), e -> unreachable("create", e))
                .flatMap(id -> {
                    Account made = new Account(id, a.username(), true, a.marker(), a.schoolId());
                    // a user without its role is no use to anyone: remove it again if the mapping fails
                    return mapRoles(id, a.roles()).thenReturn(made)
                            .onErrorResume(e -> delete(made).onErrorResume(x -> Mono.empty()).then(Mono.error(e)));
                });
    }

    @Override
    public Mono<Account> adopt(Account existing, NewAccount a, String temporaryPassword) {
        ObjectNode credential = json.createObjectNode();
        credential.put("type", "password");
        credential.put("value", temporaryPassword);
        credential.put("temporary", true);
        return bearer().flatMap(t -> call(http.put().uri(admin("/users/" + existing.id() + "/reset-password"))
                        .headers(h -> h.setBearerAuth(t)).contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(json.writeValueAsString(credential)), "reset-password"))
                .then(mapRoles(existing.id(), a.roles()))
                .then(setEnabled(existing, true))
                .thenReturn(new Account(existing.id(), existing.username(), true, existing.marker(),
                        existing.schoolId()));
    }

    @Override
    public Mono<Void> setEnabled(String username, boolean enabled) {
        return find(username).flatMap(found -> found.isEmpty() || found.get().enabled() == enabled ? Mono.empty()
                : setEnabled(found.get(), enabled));
    }

    private Mono<Void> setEnabled(Account account, boolean enabled) {
        // read-modify-write of the whole representation: a partial one could drop user-profile attributes
        return bearer().flatMap(t -> call(http.get().uri(admin("/users/" + account.id()))
                        .headers(h -> h.setBearerAuth(t)), "read")
                .flatMap(body -> {
                    ObjectNode user = (ObjectNode) json.readTree(body);
                    user.put("enabled", enabled);
                    return call(http.put().uri(admin("/users/" + account.id())).headers(h -> h.setBearerAuth(t))
                            .contentType(MediaType.APPLICATION_JSON).bodyValue(json.writeValueAsString(user)),
                            enabled ? "enable" : "disable");
                })).then();
    }

    @Override
    public Mono<Void> delete(Account account) {
        return bearer().flatMap(t -> call(http.delete().uri(admin("/users/" + account.id()))
                .headers(h -> h.setBearerAuth(t)), "delete")).then();
    }

    /**
     * Maps the realm roles. The role representations come from the user's "available" role mappings: reading
     * {@code /roles/{name}} would need view-realm, which the provisioning client deliberately lacks.
     */
    private Mono<Void> mapRoles(String userId, java.util.Set<Role> roles) {
        return bearer().flatMap(t -> call(http.get().uri(admin("/users/" + userId + "/role-mappings/realm/available"))
                        .headers(h -> h.setBearerAuth(t)), "available-roles")
                .zipWith(call(http.get().uri(admin("/users/" + userId + "/role-mappings/realm"))
                        .headers(h -> h.setBearerAuth(t)), "mapped-roles"))
                .flatMap(both -> {
                    ArrayNode wanted = json.createArrayNode();
                    java.util.Set<String> have = new java.util.HashSet<>();
                    json.readTree(both.getT2()).forEach(r -> have.add(r.path("name").asString()));
                    for (JsonNode r : json.readTree(both.getT1())) {
                        if (roles.stream().anyMatch(role -> role.claim().equals(r.path("name").asString()))) {
                            wanted.add(r);
                            have.add(r.path("name").asString());
                        }
                    }
                    if (roles.stream().anyMatch(role -> !have.contains(role.claim()))) {
                        log.error("Keycloak's realm lacks one of the roles {}", roles);
                        return Mono.error(Problems.unavailable("accounts_unavailable",
                                "The account service (Keycloak) is not available"));
                    }
                    return wanted.isEmpty() ? Mono.<String>empty()
                            : call(http.post().uri(admin("/users/" + userId + "/role-mappings/realm"))
                            .headers(h -> h.setBearerAuth(t)).contentType(MediaType.APPLICATION_JSON)
                            .bodyValue(json.writeValueAsString(wanted)), "role-mapping");
                })).then();
    }

    // ---- plumbing

    private Mono<Void> requireEnabled() {
        return enabled() ? Mono.empty() : Mono.error(Problems.unavailable("accounts_not_configured",
                "Account provisioning is not configured (ZHSZ_PROVISIONING_SECRET)"));
    }

    private String admin(String path) {
        return base + "/admin/realms/" + realm + path;
    }

    private Mono<String> bearer() {
        Token t = token;
        if (t != null && Instant.now().isBefore(t.renewAt())) {
            return Mono.just(t.value());
        }
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "client_credentials");
        form.add("client_id", props.clientId());
        form.add("client_secret", props.clientSecret() == null ? "" : props.clientSecret());
        return requireEnabled().then(call(http.post().uri(base + "/realms/" + realm + "/protocol/openid-connect/token")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(BodyInserters.fromFormData(form)),
                "token"))
                .map(body -> {
                    JsonNode n = json.readTree(body);
                    long ttl = Math.max(5, n.path("expires_in").asLong(60) - 30);
                    Token fresh = new Token(n.path("access_token").asString(), Instant.now().plusSeconds(ttl));
                    token = fresh;
                    return fresh.value();
                });
    }

    /** One call: the body on 2xx; 503 on anything else (Keycloak down, timed out, refused the client's rights). */
    private Mono<String> call(WebClient.RequestHeadersSpec<?> request, String what) {
        return request.exchangeToMono(r -> r.bodyToMono(String.class).defaultIfEmpty("").flatMap(body ->
                        r.statusCode().is2xxSuccessful() ? Mono.just(body)
                                : Mono.error(failure(what, r.statusCode(), body))))
                .onErrorMap(e -> !(e instanceof ApiException), e -> unreachable(what, e));
    }

    private ApiException failure(String what, HttpStatusCode status, String body) {
        if (status.value() == HttpStatus.UNAUTHORIZED.value() || status.value() == HttpStatus.FORBIDDEN.value()) {
            token = null;
            log.error("Keycloak refused the provisioning client ({} {} on {}): check ZHSZ_PROVISIONING_SECRET and the "
                    + "client's service-account roles (manage-users, view-users, query-users)", status.value(),
                    shortError(body), what);
        } else {
            log.error("Keycloak answered {} {} on {}", status.value(), shortError(body), what);
        }
        return Problems.unavailable("accounts_unavailable", "The account service (Keycloak) is not available");
    }

    private ApiException unreachable(String what, Throwable e) {
        Throwable cause = e instanceof WebClientRequestException || e instanceof WebClientResponseException
                ? e.getCause() != null ? e.getCause() : e : e;
        log.warn("Keycloak could not be reached on {}: {}", what, cause.toString());
        return Problems.unavailable("accounts_unavailable", "The account service (Keycloak) is not available");
    }

    /** Keycloak's error field only (its messages never hold our passwords, but bodies are not logged whole). */
    private String shortError(String body) {
        try {
            JsonNode n = json.readTree(body);
            String err = n.path("errorMessage").asString(n.path("error").asString(""));
            return err.length() > 200 ? err.substring(0, 200) : err;
        } catch (RuntimeException notJson) {
            return "";
        }
    }
}
