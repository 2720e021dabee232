package org.zhsz.platform.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deep links of the web app answer with index.html, while API, actuator and asset paths keep their own answers.
 * Runs the whole app without Keycloak (JWT keys are fetched lazily) on a throw-away embedded store; the page
 * served is src/test/resources/static/index.html, so the test does not depend on a frontend build.
 */
@SpringBootTest
@AutoConfigureWebTestClient
class SpaFallbackFilterTests {

    private static final Path STORE = tempDir();

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("zhsz.store.embedded-path", () -> STORE.resolve("zhsz.mv").toString());
        registry.add("zhsz.store.demo-data", () -> "never");
    }

    @Autowired
    WebTestClient web;

    @Test
    void deepLinkOpenedInABrowserGetsTheApp() {
        web.get().uri("/classes/abc-123").accept(MediaType.TEXT_HTML, MediaType.ALL)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().cacheControl(org.springframework.http.CacheControl.noCache())
                .expectBody(String.class).value(body -> assertThat(body).contains("zhsz-spa-test-page"));
    }

    @Test
    void rootAndNestedPagesGetTheAppToo() {
        for (String path : new String[]{"/", "/admin/students/import", "/students/s1"}) {
            web.get().uri(path).header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                    .exchange()
                    .expectStatus().isOk()
                    .expectBody(String.class).value(body -> assertThat(body).contains("zhsz-spa-test-page"));
        }
    }

    @Test
    void apiPathsAreNeverRewritten() {
        web.get().uri("/api/v1/no-such-thing").accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void actuatorIsNotRewritten() {
        web.get().uri("/actuator/health").accept(MediaType.TEXT_HTML, MediaType.APPLICATION_JSON)
                .exchange()
                .expectBody(String.class).value(body -> assertThat(body).doesNotContain("zhsz-spa-test-page"));
    }

    @Test
    void missingFilesStayMissing() {
        web.get().uri("/assets/missing-abc.js").accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void nonBrowserCallersAreNotRewritten() {
        web.get().uri("/classes").accept(MediaType.APPLICATION_JSON)
                .exchange()
                .expectStatus().isNotFound();
        web.post().uri("/classes").accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus().value(status -> assertThat(status).isNotEqualTo(200));
    }

    @Test
    void configJsComesFromTheServersSettingsNotAFile() {
        web.get().uri("/config.js").header("Accept", "*/*")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/javascript")
                .expectHeader().cacheControl(org.springframework.http.CacheControl.noCache())
                .expectBody(String.class).value(js -> assertThat(js)
                        .contains("\"keycloakUrl\":\"http://127.0.0.1:8180\",\"realm\":\"zhsz\",\"clientId\":\"zhsz-web\""));
    }

    @Test
    void serverPathsAndExtensionsAreRecognised() {
        assertThat(SpaFallbackFilter.isServerPath("/api")).isTrue();
        assertThat(SpaFallbackFilter.isServerPath("/api/v1/me")).isTrue();
        assertThat(SpaFallbackFilter.isServerPath("/swagger-ui.html")).isTrue();
        assertThat(SpaFallbackFilter.isServerPath("/v3/api-docs/swagger-config")).isTrue();
        assertThat(SpaFallbackFilter.isServerPath("/apiary")).isFalse();
        assertThat(SpaFallbackFilter.hasExtension("/favicon.svg")).isTrue();
        assertThat(SpaFallbackFilter.hasExtension("/students/s1")).isFalse();
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("zhsz-spa-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
