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
            JsonNode forbidden = op.getValue().at("/responses/403");
            if (forbidden.has("$ref")) {
                // a shared response of the components
                String ref = forbidden.get("$ref").asString();
                forbidden = doc.at("/components/responses/" + ref.substring(ref.lastIndexOf('/') + 1));
            }
            if (!forbidden.at("/content/application~1problem+json/schema/$ref").asString("")
                    .equals("#/components/schemas/Problem")) {
                withoutProblems.add(where);
            }
        }));
        assertThat(injected).as("injected arguments shown as parameters").isEmpty();
        assertThat(withoutProblems).as("operations without their problem responses").isEmpty();
        assertThat(doc.at("/paths/~1api~1v1~1verify~1{code}/get/security").isArray()).isTrue();
        assertThat(doc.at("/paths/~1api~1v1~1verify~1{code}/get/security").size()).isZero();
        assertThat(doc.at("/paths/~1api~1v1~1me~1todos/get").isMissingNode()).isFalse();
    }

    static final java.nio.file.Path COMMITTED = java.nio.file.Path.of(System.getProperty("zhsz.project.dir", "."))
            .resolve("frontend/src/api/openapi.json");

    /**
     * The web app's API types (frontend/src/api/schema.d.ts) are generated from frontend/src/api/openapi.json, which
     * must be the document the server serves; refresh it with {@code -Dzhsz.docs.update=true}. Keys are sorted so
     * the file does not change with the order in which springdoc met the types.
     */
    @Test
    void theWebAppsTypesAreGeneratedFromTheServedDocument() throws java.io.IOException {
        byte[] body = web.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody().returnResult()
                .getResponseBody();
        JsonMapper mapper = JsonMapper.builder()
                .enable(tools.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                .enable(tools.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
        Object doc = mapper.readValue(body, Object.class);
        if (doc instanceof java.util.Map<?, ?> map && map.get("servers") != null) {
            // the server URL is the test's own host; the web app calls relative URLs
            ((java.util.Map<?, ?>) map).remove("servers");
        }
        String expected = mapper.writeValueAsString(doc) + "\n";
        if (Boolean.getBoolean("zhsz.docs.update")) {
            java.nio.file.Files.writeString(COMMITTED, expected);
        }
        assertThat(java.nio.file.Files.exists(COMMITTED) ? java.nio.file.Files.readString(COMMITTED) : "")
                .as("frontend/src/api/openapi.json is out of date: run "
                        + "./mvnw -Dskip.frontend=true test -Dtest=OpenApiDocumentTests -Dzhsz.docs.update=true, "
                        + "then cd frontend && npm run api:types")
                .isEqualTo(expected);
    }
}
