package org.zhsz.platform;

import static org.zhsz.support.DemoUsers.jwt;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.zhsz.support.DemoUsers;
import org.zhsz.support.ZhszTest;

/** Every error is an RFC 9457 problem with a stable code; bad input never yields a 500 or changes data. */
@ZhszTest
class ApiConventionsTests {

    @Autowired
    WebTestClient web;

    private WebTestClient admin() {
        return web.mutateWith(jwt("admin_s1"));
    }

    @Test
    void noTokenIs401Problem() {
        web.get().uri("/api/v1/me").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("unauthorized");
    }

    @Test
    void malformedJsonIs400() {
        admin().post().uri("/api/v1/classes").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"stage\": ")
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("malformed_body")
                .jsonPath("$.type").isEqualTo("https://zhsz.example.org/problems/malformed-body");
    }

    @Test
    void unknownFieldIs400NamingTheField() {
        admin().post().uri("/api/v1/classes").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("stage", "JUNIOR", "entryYear", 2026, "classNo", 9, "colour", "red"))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("unknown_field")
                .jsonPath("$.errors[0].field").isEqualTo("colour");
    }

    @Test
    void wrongTypeIs400NamingTheField() {
        admin().post().uri("/api/v1/classes").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"stage\":\"JUNIOR\",\"entryYear\":\"soon\",\"classNo\":1}")
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("wrong_type")
                .jsonPath("$.errors[0].field").isEqualTo("entryYear");
    }

    @Test
    void invalidValuesAre422WithFieldErrors() {
        admin().post().uri("/api/v1/classes").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("stage", "JUNIOR", "entryYear", 1900, "classNo", 0))
                .exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("validation_failed")
                .jsonPath("$.errors.length()").isEqualTo(2);
    }

    @Test
    void bodyOverTheLimitIs413() {
        String big = "{\"name\":\"" + "长".repeat(600_000) + "\"}";
        admin().patch().uri("/api/v1/schools/S1").contentType(MediaType.APPLICATION_JSON).bodyValue(big)
                .exchange().expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.code").isEqualTo("payload_too_large");
    }

    @Test
    void wrongMediaTypeIs415() {
        admin().post().uri("/api/v1/classes").contentType(MediaType.TEXT_PLAIN).bodyValue("hello")
                .exchange().expectStatus().isEqualTo(415)
                .expectBody().jsonPath("$.code").isEqualTo("unsupported_media_type");
    }

    @Test
    void unknownIdIs404AndUnknownPathToo() {
        admin().get().uri("/api/v1/students/nope").exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("not_found");
        admin().get().uri("/api/v1/no-such-thing").exchange().expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void messagesFollowTheCallersLanguage() {
        web.get().uri("/api/v1/me").header("Accept-Language", "en").exchange()
                .expectBody().jsonPath("$.title").isEqualTo("Unauthorized");
        web.get().uri("/api/v1/me").exchange()
                .expectBody().jsonPath("$.title").isEqualTo("未登录或登录已过期");
    }

    @Test
    void tokensWithoutKnownRoleOrSchoolAreRefused() {
        web.mutateWith(DemoUsers.jwtWith(Map.of("preferred_username", "mallory",
                        "realm_access", Map.of("roles", List.of("superuser")), "school_id", "S1")))
                .get().uri("/api/v1/me").exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.reason").isEqualTo("no_known_role");
        web.mutateWith(DemoUsers.jwtWith(Map.of("preferred_username", "mallory",
                        "realm_access", Map.of("roles", List.of("school_admin")))))
                .post().uri("/api/v1/classes").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("stage", "JUNIOR", "entryYear", 2026, "classNo", 7))
                .exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.reason").isEqualTo("missing_school_id");
    }

    @Test
    void staleVersionIs409AndChangesNothing() {
        admin().patch().uri("/api/v1/schools/S1").header("If-Match", "\"999\"")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("address", "changed"))
                .exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("stale_version");
        admin().get().uri("/api/v1/schools/S1").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.address").isEqualTo("宁夏回族自治区固原市泾源县香水镇");
    }

    @Test
    void openApiDocumentIsServed() {
        web.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.paths['/api/v1/me']").exists();
    }

    /** Actuator has its own port (ManagementPortTests); the API port only says whether the app is alive. */
    @Test
    void theApiPortAnswersABareLivenessAndNothingElseOfActuator() {
        web.get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components").doesNotExist()
                .jsonPath("$.length()").isEqualTo(1);
        web.get().uri("/actuator/health/readiness").exchange().expectStatus().isUnauthorized();
        web.get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
        web.get().uri("/actuator/info").exchange().expectStatus().isUnauthorized();
    }
}
