package org.zhsz.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.CacheControl;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.zhsz.platform.security.SecurityProperties;

/** /config.js points the browser at the Keycloak the API trusts, and is never served from a cache unchecked. */
class RuntimeConfigControllerTests {

    private static WebTestClient client(String issuer, String clientId) {
        return WebTestClient.bindToController(new RuntimeConfigController(new SecurityProperties(issuer, null, null),
                new WebAppProperties(clientId))).build();
    }

    @Test
    void servesTheKeycloakOfTheConfiguredIssuer() {
        client("http://127.0.0.1:18180/realms/zhsz", null).get().uri("/config.js").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/javascript")
                .expectHeader().cacheControl(CacheControl.noCache())
                .expectBody(String.class).value(js -> assertThat(js).contains(
                        "window.__ZHSZ_CONFIG__ = Object.assign({\"keycloakUrl\":\"http://127.0.0.1:18180\","
                                + "\"realm\":\"zhsz\",\"clientId\":\"zhsz-web\"}, window.__ZHSZ_CONFIG__ || {});"));
    }

    @Test
    void followsAnotherKeycloakRealmAndClient() {
        client("https://id.example.edu.cn/auth/realms/county-42/", "zhsz-web-prod").get().uri("/config.js")
                .exchange().expectStatus().isOk()
                .expectBody(String.class).value(js -> assertThat(js)
                        .contains("\"keycloakUrl\":\"https://id.example.edu.cn/auth\"")
                        .contains("\"realm\":\"county-42\"")
                        .contains("\"clientId\":\"zhsz-web-prod\""));
    }

    @Test
    void theDefaultIssuerGivesTheLocalKeycloak() {
        assertThat(RuntimeConfigController.settings(new SecurityProperties(null, null, null).issuerUri(), "zhsz-web"))
                .containsExactly(Map.entry("keycloakUrl", "http://127.0.0.1:8180"), Map.entry("realm", "zhsz"),
                        Map.entry("clientId", "zhsz-web"));
    }

    @Test
    void anIssuerThatIsNoKeycloakRealmLeavesUrlAndRealmToTheApp() {
        assertThat(RuntimeConfigController.settings("https://login.example.org/oauth2", "web"))
                .containsExactly(Map.entry("clientId", "web"));
        assertThat(RuntimeConfigController.settings("https://login.example.org/realms/", "web"))
                .containsOnlyKeys("clientId");
        assertThat(RuntimeConfigController.settings("https://login.example.org/realms/a/b", "web"))
                .containsOnlyKeys("clientId");
    }

    @Test
    void valuesAreJsonEscapedSoTheScriptStaysValid() {
        String js = RuntimeConfigController.script(Map.of("clientId", "a\"b\\c</script>"));
        assertThat(js).contains("{\"clientId\":\"a\\\"b\\\\c</script>\"}");
    }
}
