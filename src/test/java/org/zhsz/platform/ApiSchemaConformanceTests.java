package org.zhsz.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhsz.support.DemoUsers.jwt;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.zhsz.organization.TermCalendar;
import org.zhsz.support.DemoUsers;
import org.zhsz.support.ZhszTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web app's types are generated from the OpenAPI document, where a record component is required unless it is
 * {@code @Nullable}: what the API really answers must keep that promise. Every GET operation is asked by every demo
 * user (path ids taken from the demo county and from the list the path sits under), and each JSON answer is checked
 * against its schema: every required property present, no property the schema does not know.
 */
@ZhszTest
@org.springframework.test.context.TestPropertySource(properties = "zhsz.test.isolated=conformance")
class ApiSchemaConformanceTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");

    @Autowired
    WebTestClient web;

    @Test
    void everyAnswerHasWhatItsSchemaRequires() {
        JsonNode doc = read(web.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody().returnResult());
        String term = TermCalendar.codeOf(LocalDate.now(SchoolClock.ZONE));
        Set<String> wrong = new TreeSet<>();
        int checked = 0;
        List<String> paths = new ArrayList<>();
        doc.get("paths").properties().forEach(p -> {
            if (p.getValue().has("get")) {
                paths.add(p.getKey());
            }
        });
        for (String user : DemoUsers.usernames()) {
            Map<String, Set<String>> listed = new java.util.HashMap<>();
            // lists first, so that the paths below them can use the ids they name
            paths.sort(java.util.Comparator.comparingInt(p -> VARIABLE.matcher(p).results().count() > 0 ? 1 : 0));
            for (String path : paths) {
                JsonNode schema = doc.at("/paths/" + path.replace("~", "~0").replace("/", "~1")
                        + "/get/responses/200/content/*~1*/schema");
                if (schema.isMissingNode()) {
                    schema = doc.at("/paths/" + path.replace("~", "~0").replace("/", "~1")
                            + "/get/responses/200/content/application~1json/schema");
                }
                if (schema.isMissingNode()) {
                    continue;
                }
                for (String uri : uris(path, listed, term)) {
                    EntityExchangeResult<byte[]> result = web.mutateWith(jwt(user)).get().uri(uri).exchange()
                            .expectBody().returnResult();
                    var type = result.getResponseHeaders().getContentType();
                    if (!result.getStatus().is2xxSuccessful() || type == null
                            || !type.getSubtype().equals("json") || result.getResponseBody() == null) {
                        continue;
                    }
                    JsonNode body = read(result);
                    checked++;
                    check(doc, schema, body, "GET " + path, wrong, 0);
                    if (!VARIABLE.matcher(path).find()) {
                        Set<String> ids = listed.computeIfAbsent(path, k -> new LinkedHashSet<>());
                        collectIds(body.has("items") ? body.get("items") : body, ids);
                    }
                }
            }
        }
        assertThat(checked).as("answers checked").isGreaterThan(300);
        assertThat(wrong).as(String.join("\n", wrong)).isEmpty();
    }

    /** The URIs to ask for a path: its variables filled with demo ids and ids from the list above it. */
    private static List<String> uris(String path, Map<String, Set<String>> listed, String term) {
        Matcher m = VARIABLE.matcher(path);
        if (!m.find()) {
            return List.of(path);
        }
        List<String> candidates = new ArrayList<>();
        String variable = m.group(1);
        String parent = path.substring(0, m.start() - 1);
        candidates.addAll(listed.getOrDefault(parent, Set.of()).stream().limit(3).toList());
        switch (variable) {
            case "classId" -> candidates.add("S1-C1");
            case "schoolId" -> candidates.add("S1");
            case "term" -> candidates.add(term);
            case "year" -> candidates.add(String.valueOf(LocalDate.now(SchoolClock.ZONE).getYear()));
            case "date" -> candidates.add(LocalDate.now(SchoolClock.ZONE).toString());
            default -> candidates.addAll(List.of("S1-C1-01", "S1-C1", "S1", term));
        }
        List<String> out = new ArrayList<>();
        for (String candidate : new LinkedHashSet<>(candidates)) {
            String uri = path.substring(0, m.start()) + candidate + path.substring(m.end());
            String rest = uri.substring(m.start() + candidate.length());
            // further variables: the demo ids by name, else the term (archives are per term)
            Matcher more = VARIABLE.matcher(rest);
            StringBuilder filled = new StringBuilder();
            while (more.find()) {
                String value = switch (more.group(1)) {
                    case "classId" -> "S1-C1";
                    case "schoolId" -> "S1";
                    case "date" -> LocalDate.now(SchoolClock.ZONE).toString();
                    default -> term;
                };
                more.appendReplacement(filled, value);
            }
            more.appendTail(filled);
            out.add(uri.substring(0, m.start() + candidate.length()) + filled);
        }
        return out;
    }

    private static void collectIds(JsonNode node, Set<String> ids) {
        if (node.isArray()) {
            node.forEach(item -> {
                for (String key : List.of("id", "studentId", "code")) {
                    if (item.has(key) && item.get(key).isString() && ids.size() < 6) {
                        ids.add(item.get(key).asString());
                        break;
                    }
                }
            });
        }
    }

    private static void check(JsonNode doc, JsonNode schema, JsonNode value, String where, Set<String> wrong,
            int depth) {
        if (depth > 20 || value == null || value.isNull()) {
            return;
        }
        String name = null;
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asString();
            name = ref.substring(ref.lastIndexOf('/') + 1);
            schema = doc.at("/components/schemas/" + name.replace("~", "~0").replace("/", "~1"));
        }
        if (value.isArray() && schema.has("items")) {
            for (JsonNode item : value) {
                check(doc, schema.get("items"), item, where, wrong, depth + 1);
            }
            return;
        }
        if (!value.isObject()) {
            return;
        }
        JsonNode properties = schema.get("properties");
        String label = (name == null ? "(inline)" : name);
        if (properties != null) {
            if (schema.has("required")) {
                for (JsonNode required : schema.get("required")) {
                    if (!value.has(required.asString())) {
                        wrong.add(label + "." + required.asString() + " is required but absent (" + where + ")");
                    }
                }
            }
            for (var property : value.properties()) {
                JsonNode declared = properties.get(property.getKey());
                if (declared == null) {
                    wrong.add(label + "." + property.getKey() + " is answered but not in the schema (" + where + ")");
                } else {
                    check(doc, declared, property.getValue(), where, wrong, depth + 1);
                }
            }
        } else if (schema.has("additionalProperties") && schema.get("additionalProperties").isObject()) {
            for (var property : value.properties()) {
                check(doc, schema.get("additionalProperties"), property.getValue(), where, wrong, depth + 1);
            }
        }
    }

    private static JsonNode read(EntityExchangeResult<byte[]> result) {
        return JSON.readTree(new String(result.getResponseBody(), StandardCharsets.UTF_8));
    }
}
