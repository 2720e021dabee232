package org.zhsz.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhsz.support.DemoUsers.jwt;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.zhsz.support.ZhszTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Chinese everywhere: every text the server writes for people reaches a Chinese user in Chinese. Three layers: (1)
 * every code the source raises (problem, field, refusal, resource, audited action, message key) has an entry in
 * both bundles; (2) no Chinese bundle entry holds an English word (allow-list: units, brand and format names); (3)
 * real answers in the default language — problems of every kind, import reports, grid outcomes, batch outcomes,
 * alerts, the access log, the audit list, notifications, the dossier check, the rejected-rows sheet — carry no
 * English word in any field people read. A code added without its texts fails here after a merge.
 */
@ZhszTest
@TestPropertySource(properties = "zhsz.test.isolated=language")
class ServerLanguageTests {

    /** Words allowed in Chinese texts: brand and instrument names, file formats, units, HTTP header names. */
    static final Set<String> ALLOWED = Set.of("PHQ", "GAD", "PDF", "PNG", "JPEG", "CSV", "XLSX", "XLS", "EXCEL",
            "JSON", "IF", "MATCH", "IDEMPOTENCY", "KEY", "KG", "CM", "ML", "QR", "ZHSZ");
    private static final Pattern WORD = Pattern.compile("[A-Za-z]{2,}");
    /** Fields of answers that people read (codes, ids, usernames and hashes stay machine-readable beside them). */
    static final Set<String> HUMAN = Set.of("title", "detail", "message", "label", "reason", "error", "problem",
            "actionLabel", "roleLabel", "dataClassLabel", "signer", "body", "summary");

    private static final Path MAIN = Path.of(System.getProperty("zhsz.project.dir", ".")).resolve("src/main");

    @Autowired
    WebTestClient web;

    private final JsonMapper json = JsonMapper.builder().build();

    // ------------------------------------------------------------------------------------------------ bundles

    static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (var r = Files.newBufferedReader(MAIN.resolve("resources").resolve(name), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    static List<String> englishWords(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(text == null ? "" : text);
        while (m.find()) {
            if (!ALLOWED.contains(m.group().toUpperCase(java.util.Locale.ROOT))) {
                out.add(m.group());
            }
        }
        return out;
    }

    /** The codes the main source raises, as the bundle keys they need. */
    static Set<String> keysTheSourceNeeds() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(MAIN.resolve("java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                all.append(Files.readString(f)).append('\n');
            }
        }
        String src = all.toString().replaceAll("\\s+", " ");
        Set<String> need = new TreeSet<>();
        collect(need, src, "Problems\\.(?:conflict|badRequest|rule)\\(\\s*\"([a-z_0-9]+)\"", "problem.");
        collect(need, src, "Problems\\.invalid\\(\\s*[^,()]+(?:\\([^)]*\\))?,\\s*\"([a-z_0-9]+)\"", "field.");
        collect(need, src, "new (?:org\\.zhsz\\.platform\\.)?FieldError\\(\\s*(?:[^,\"]|\"[^\"]*\")+?,\\s*\"([a-z_0-9]+)\"",
                "field.");
        collect(need, src, "FieldError\\.of\\(\\s*[^,]+,\\s*\"[a-z_0-9]+\",\\s*\"([a-z_0-9.]+)\"", "");
        collect(need, src, "Problems\\.forbidden\\(\\s*\"([^\"]+)\"", "permission.");
        collect(need, src, "Problems\\.notFound\\(\\s*\"([^\"]+)\"", "resource.");
        collect(need, src, "new (?:org\\.zhsz\\.platform\\.)?ApiException\\(\\s*(?:org\\.springframework\\.http\\.)?"
                + "HttpStatus\\.[A-Z_]+,\\s*\"([a-z_0-9]+)\"", "problem.");
        collect(need, src, "new Mapped\\(\\s*HttpStatus\\.[A-Z_]+,\\s*\"([a-z_0-9]+)\"", "problem.");
        collect(need, src, "AuditEvent\\.allowed\\(\\s*[a-zA-Z]+,\\s*\"([a-z_.]+[a-z])\"", "action.");
        collect(need, src, "new AuditEvent\\(\\s*[a-zA-Z]+,\\s*\"([a-z_.]+[a-z])\"", "action.");
        collect(need, src, "(?:messages|texts)\\.text(?:Or)?\\(\\s*locale,\\s*\"([a-z_.A-Z$]+[a-zA-Z_])\"", "");
        collect(need, src, "Todo\\.of\\(\\s*\"([a-z_]+)\",", "todo.");
        need.removeIf(k -> k.endsWith(".")); // a prefix completed at run time (e.g. "import.kind." + kind)
        return need;
    }

    private static void collect(Set<String> need, String src, String regex, String prefix) {
        Matcher m = Pattern.compile(regex).matcher(src);
        while (m.find()) {
            need.add(prefix + m.group(1));
        }
    }

    @Test
    void everyCodeTheSourceRaisesHasTextsInBothLanguages() throws IOException {
        Properties zh = bundle("messages_zh_CN.properties");
        Properties en = bundle("messages.properties");
        Set<String> need = keysTheSourceNeeds();
        assertThat(need).as("the scan finds the codes (else it is broken)").hasSizeGreaterThan(200)
                .contains("problem.stale_version", "field.required", "permission.roster.import", "resource.student",
                        "action.fitness.read", "field.between_unit");
        assertThat(need.stream().filter(k -> !zh.containsKey(k)).toList()).as("codes without a Chinese text")
                .isEmpty();
        assertThat(need.stream().filter(k -> !en.containsKey(k)).toList()).as("codes without an English text")
                .isEmpty();
    }

    @Test
    void bothBundlesHoldTheSameKeysAndTheChineseOneNoEnglishWord() throws IOException {
        Properties zh = bundle("messages_zh_CN.properties");
        Properties en = bundle("messages.properties");
        assertThat(new TreeSet<>(zh.stringPropertyNames())).isEqualTo(new TreeSet<>(en.stringPropertyNames()));
        Map<String, List<String>> english = new LinkedHashMap<>();
        for (String k : new TreeSet<>(zh.stringPropertyNames())) {
            List<String> words = englishWords(zh.getProperty(k));
            if (!words.isEmpty()) {
                english.put(k, words);
            }
        }
        assertThat(english).as("Chinese texts with English words").isEmpty();
    }

    // ------------------------------------------------------------------------------------------------ answers

    /** Every string under a human-readable key of the answer, with its path. */
    private Map<String, String> humanTexts(JsonNode node, String path, Map<String, String> out) {
        if (node.isObject()) {
            // a problem's "reason" is the machine code of a refusal (its detail says it for people)
            boolean problem = node.has("type") && node.has("status") && node.has("code");
            for (var e : node.properties()) {
                JsonNode v = e.getValue();
                String p = path + "." + e.getKey();
                if (v.isString() && HUMAN.contains(e.getKey()) && !(problem && "reason".equals(e.getKey()))) {
                    out.put(p, v.asString());
                } else {
                    humanTexts(v, p, out);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                humanTexts(node.get(i), path + "[" + i + "]", out);
            }
        }
        return out;
    }

    /** Fails on English words in what people read; returns the answer for more checks. */
    private JsonNode chinese(String what, byte[] body) {
        assertThat(body).as(what + ": an answer").isNotNull();
        JsonNode node = json.readTree(new String(body, StandardCharsets.UTF_8));
        Map<String, String> texts = humanTexts(node, what, new LinkedHashMap<>());
        Map<String, List<String>> english = new LinkedHashMap<>();
        texts.forEach((p, t) -> {
            List<String> words = englishWords(t);
            if (!words.isEmpty()) {
                english.put(p + " = " + t, words);
            }
        });
        assertThat(english).as(what + ": English words where people read").isEmpty();
        return node;
    }

    private WebTestClient as(String user) {
        return web.mutate().responseTimeout(java.time.Duration.ofSeconds(120)).build().mutateWith(jwt(user));
    }

    private byte[] get(String user, String uri, int status) {
        return as(user).get().uri(uri).exchange().expectStatus().isEqualTo(status).expectBody().returnResult()
                .getResponseBody();
    }

    private byte[] post(String user, String uri, Object body, int status) {
        return as(user).post().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isEqualTo(status).expectBody().returnResult().getResponseBody();
    }

    private byte[] upload(String user, String uri, byte[] file, String filename, int status) {
        MultipartBodyBuilder mb = new MultipartBodyBuilder();
        mb.part("file", new ByteArrayResource(file) {
            @Override
            public String getFilename() {
                return filename;
            }
        });
        return as(user).post().uri(uri).contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(mb.build())).exchange().expectStatus().isEqualTo(status)
                .expectBody().returnResult().getResponseBody();
    }

    @Test
    void problemsOfEveryKindReadInChinese() {
        chinese("404", get("teacher_c2", "/api/v1/students/S2-C1-01", 404));
        chinese("404 path", get("admin_s1", "/api/v1/no-such-thing", 404));
        chinese("403 data class", get("teacher_c2", "/api/v1/students/S1-C2-01/health-flags", 403));
        chinese("403 audit", get("admin_s1", "/api/v1/audit/events", 403));
        chinese("403 import", upload("teacher_c1", "/api/v1/students/import", "学籍号\n".getBytes(
                StandardCharsets.UTF_8), "a.csv", 403));
        JsonNode invalid = chinese("422 record", post("teacher_c1", "/api/v1/students/S1-C1-01/records",
                Map.of("dimension", "MORAL", "category", "no_such_category", "title", "x".repeat(150),
                        "occurredOn", "2099-01-01"), 422));
        assertThat(invalid.get("errors")).isNotEmpty();
        chinese("400 body", as("teacher_c1").post().uri("/api/v1/students/S1-C1-01/records")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{not json").exchange().expectStatus()
                .isBadRequest().expectBody().returnResult().getResponseBody());
        chinese("400 unknown field", post("teacher_c1", "/api/v1/students/S1-C1-01/records",
                Map.of("dimension", "MORAL", "studentNo", 1), 400));
        chinese("400 wrong type", post("teacher_c1", "/api/v1/students/S1-C1-01/records",
                Map.of("dimension", "MORAL", "occurredOn", List.of(1)), 400));
        chinese("422 paging", get("admin_s1", "/api/v1/students?size=500", 422));
        chinese("400 if-match", as("admin_s1").patch().uri("/api/v1/schools/S1").header("If-Match", "abc")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("address", "x")).exchange()
                .expectStatus().isBadRequest().expectBody().returnResult().getResponseBody());
        chinese("409 stale", as("admin_s1").patch().uri("/api/v1/schools/S1").header("If-Match", "\"999\"")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("address", "x")).exchange()
                .expectStatus().isEqualTo(409).expectBody().returnResult().getResponseBody());
        chinese("415", as("admin_s1").post().uri("/api/v1/students/S1-C1-01/records")
                .contentType(MediaType.TEXT_PLAIN).bodyValue("x").exchange().expectStatus().isEqualTo(415)
                .expectBody().returnResult().getResponseBody());
        chinese("422 archive term", get("student_c1a", "/api/v1/students/S1-C1-01/archives/bad-term", 422));
        chinese("401", web.get().uri("/api/v1/me").exchange().expectStatus().isUnauthorized().expectBody()
                .returnResult().getResponseBody());
    }

    @Test
    void importReportsGridAndBatchOutcomesReadInChinese() throws IOException {
        String roster = "学籍号,姓名,性别,出生日期,民族,班级,监护人姓名,监护人电话\n"
                + "X1,张三,男,2013-10-01,火星族,九年级(9)班,张父,abc\n"
                + "G110105201310019999,李四,未知,2013-13-45,汉族,七年级(1)班,,\n";
        String job = UUID.randomUUID().toString();
        JsonNode report = chinese("roster import", upload("admin_s1", "/api/v1/students/import?job=" + job,
                roster.getBytes(StandardCharsets.UTF_8), "r.csv", 200));
        assertThat(report.get("rejected").asInt()).isEqualTo(2);
        assertThat(report.get("errors").get(0).get("label").asString()).isEqualTo("学籍号");
        JsonNode progress = chinese("import job", get("admin_s1", "/api/v1/imports/" + job, 200));
        assertThat(progress.get("status").asString()).isEqualTo("DONE");
        assertThat(progress.get("read").asInt()).isEqualTo(2);
        assertThat(progress.get("rejected").asInt()).isEqualTo(2);
        get("teacher_c1", "/api/v1/imports/" + job, 404); // the uploader's only

        byte[] sheet = as("admin_s1").get().uri("/api/v1/imports/" + job + "/rejected").exchange().expectStatus()
                .isOk().expectBody().returnResult().getResponseBody();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(sheet))) {
            var s = wb.getSheetAt(0);
            Row head = s.getRow(0);
            int reasonColumn = head.getLastCellNum() - 1;
            assertThat(head.getCell(0).getStringCellValue()).isEqualTo("学籍号");
            assertThat(head.getCell(reasonColumn).getStringCellValue()).startsWith("未导入原因");
            assertThat(s.getLastRowNum()).isEqualTo(2);
            for (int r = 1; r <= 2; r++) {
                String reason = s.getRow(r).getCell(reasonColumn).getStringCellValue();
                assertThat(englishWords(reason)).as(reason).isEmpty();
            }
            assertThat(s.getRow(1).getCell(0).getStringCellValue()).isEqualTo("X1");
        }

        String fitness = "学籍号,姓名,性别,身高,体重,50米跑,补测\n"
                + "G000000000000000000,查无此人,男,150,40,9.0,\n";
        chinese("fitness import", upload("admin_s1", "/api/v1/fitness/import", fitness.getBytes(
                StandardCharsets.UTF_8), "f.csv", 200));

        JsonNode grid = json.readTree(new String(get("pe_c1", "/api/v1/classes/S1-C1/fitness", 200),
                StandardCharsets.UTF_8));
        String sid = grid.get("rows").get(0).get("studentId").asString();
        JsonNode saved = chinese("grid", as("pe_c1").put().uri("/api/v1/classes/S1-C1/fitness")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("rows", List.of(
                        Map.of("studentId", sid, "items", Map.of("run_50m", "99", "height_cm", "abc")),
                        Map.of("studentId", "S1-C2-01", "items", Map.of("run_50m", "9.0")))))
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());
        assertThat(saved.get("invalid").asInt()).isPositive();

        chinese("batch", post("head_c1", "/api/v1/classes/S1-C1/records/batch", Map.of("studentIds",
                List.of("S1-C2-01"), "record", Map.of("dimension", "MORAL", "category", "commendation",
                        "title", "集体打扫教室", "occurredOn", java.time.LocalDate.now().minusDays(1).toString())), 200));
    }

    @Test
    void alertsAccessLogAuditAndNotificationsReadInChinese() {
        post("admin_s1", "/api/v1/students/S1-C1-01/break-glass",
                Map.of("reason", "学生在校内出现自伤迹象，心理教师联系不上，需立即了解情况"), 201);
        get("admin_s1", "/api/v1/students/S1-C1-01/wellbeing/plan", 200);
        get("admin_s1", "/api/v1/students/S1-C1-01/wellbeing/plan", 200);
        chinese("alerts", get("counselor_s1", "/api/v1/wellbeing/alerts", 200));
        chinese("overdue", get("admin_s1", "/api/v1/wellbeing/alerts/overdue", 200));
        JsonNode log = chinese("access log", get("parent_c1a", "/api/v1/students/S1-C1-01/access-log", 200));
        assertThat(log.get("items")).isNotEmpty();
        JsonNode events = chinese("audit list", get("auditor", "/api/v1/audit/events?size=200", 200));
        assertThat(events.get("items")).isNotEmpty();
        for (JsonNode e : events.get("items")) {
            assertThat(e.get("actionLabel").asString()).as(e.get("action").asString()).isNotEqualTo("其他操作");
        }
        chinese("audit actions", get("auditor", "/api/v1/audit/actions", 200));
        chinese("audit verify", get("auditor", "/api/v1/audit/verify", 200));
        chinese("notifications", get("counselor_s1", "/api/v1/notifications", 200));
        chinese("head teacher's tasks", get("head_c1", "/api/v1/wellbeing/my-tasks", 200));
    }

    @Test
    void theDossierCheckReadsInChinese() {
        byte[] notADossier = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
        MultipartBodyBuilder mb = new MultipartBodyBuilder();
        mb.part("file", new ByteArrayResource(notADossier) {
            @Override
            public String getFilename() {
                return "x.pdf";
            }
        });
        JsonNode check = chinese("verify file", web.post().uri("/api/v1/verify").contentType(
                        MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(mb.build())).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody());
        assertThat(check.get("problemCode").asString()).isIn("no_signature", "malformed_signature");
        assertThat(check.get("problem").asString()).isIn("文件没有电子签名", "电子签名无法读取或格式不正确");
    }

    @Test
    void englishIsThereForWhoAsks() {
        byte[] body = as("teacher_c2").get().uri("/api/v1/students/S2-C1-01").header("Accept-Language", "en")
                .exchange().expectStatus().isNotFound().expectBody().returnResult().getResponseBody();
        JsonNode node = json.readTree(new String(body, StandardCharsets.UTF_8));
        assertThat(node.get("detail").asString()).contains("student").doesNotContainPattern("\\p{IsHan}");
    }
}
