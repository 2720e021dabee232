package org.zhsz.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.zhsz.support.ZhszTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document is complete enough to generate clients from: a bearer scheme required by every operation but
 * the public dossier check, the problem every operation may answer, and no injected argument (the actor from the
 * token, the caller's language) shown as a parameter.
 */
@ZhszTest
class OpenApiDocumentTests {

    @Autowired
    WebTestClient web;

    @Test
    void securityProblemsAndNoInjectedParameters() {
        byte[] body = web.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody().returnResult()
                .getResponseBody();
        JsonNode doc = JsonMapper.builder().build().readTree(new String(body, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(doc.at("/components/securitySchemes/bearer/scheme").asString()).isEqualTo("bearer");
        assertThat(doc.at("/security/0/bearer").isArray()).isTrue();
        assertThat(doc.at("/components/schemas/Problem/properties/code").isMissingNode()).isFalse();
        List<String> injected = new ArrayList<>();
        List<String> withoutProblems = new ArrayList<>();
        doc.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            String where = op.getKey().toUpperCase() + " " + path.getKey();
            JsonNode params = op.getValue().get("parameters");
            if (params != null) {
                params.forEach(p -> {
                    String name = p.get("name").asString();
                    if (List.of("actor", "locale", "exchange").contains(name)) {
                        injected.add(where + " " + name);
                    }
                });
            }
            JsonNode forbidden = op.getValue().at("/responses/403/content/application~1problem+json/schema/$ref");
            if (forbidden.isMissingNode()) {
                withoutProblems.add(where);
            }
        }));
        assertThat(injected).as("injected arguments shown as parameters").isEmpty();
        assertThat(withoutProblems).as("operations without their problem responses").isEmpty();
        assertThat(doc.at("/paths/~1api~1v1~1verify~1{code}/get/security").isArray()).isTrue();
        assertThat(doc.at("/paths/~1api~1v1~1verify~1{code}/get/security").size()).isZero();
        assertThat(doc.at("/paths/~1api~1v1~1me~1todos/get").isMissingNode()).isFalse();
    }
}
