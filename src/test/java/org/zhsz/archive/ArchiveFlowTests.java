package org.zhsz.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhsz.support.DemoUsers.jwt;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.zhsz.organization.TermCalendar;
import org.zhsz.support.ZhszTest;

/**
 * The whole 综评 path through the API: publicity → objection → resolution → sign-offs → lock → dossier PDF →
 * verification, with the privacy promises checked on the JSON and in the PDF.
 */
@ZhszTest
@TestPropertySource(properties = "zhsz.archive.verify-per-minute=1000") // own context: this test changes C1
class ArchiveFlowTests {

    @Autowired
    WebTestClient web;
    @Autowired
    org.springframework.data.mongodb.core.ReactiveMongoTemplate mongo;

    private WebTestClient as(String user) {
        return web.mutate().responseTimeout(java.time.Duration.ofSeconds(60)).build().mutateWith(jwt(user));
    }

    private static String term() {
        return TermCalendar.codeOf(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> json(WebTestClient.ResponseSpec r) {
        return r.expectBody(Map.class).returnResult().getResponseBody();
    }

    @Test
    void thePublicityBoardShowsSelectionsAndNothingPrivate() {
        String board = as("parent_c1a").get().uri("/api/v1/classes/S1-C1/publicity").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(board).contains("马思远").contains("敬老院");
        assertThat(board).doesNotContain("studentNo").doesNotContain("G640424").doesNotContain("birthDate")
                .doesNotContain("ethnicity").doesNotContain("课堂使用手机").doesNotContain("violation")
                .doesNotContain("学业压力").doesNotContain("riskLevel").doesNotContain("phone");
        as("student_c2a").get().uri("/api/v1/classes/S1-C1/publicity").exchange().expectStatus().isNotFound();
        as("teacher_c2").get().uri("/api/v1/classes/S1-C1/publicity").exchange().expectStatus().isNotFound();
    }

    @Test
    void fromPublicityToAVerifiedDossier() {
        String term = term();
        // a parent objects to a classmate's record during publicity
        Map<String, Object> mine = json(as("student_c1a").get().uri("/api/v1/students/S1-C1-01/archives/{t}", term)
                .exchange().expectStatus().isOk());
        assertThat(mine.get("phase")).isEqualTo("IN_PUBLICITY");
        Map<String, Object> other = json(as("head_c1").get().uri("/api/v1/students/S1-C1-05/archives/{t}", term)
                .exchange().expectStatus().isOk());
        @SuppressWarnings("unchecked")
        Map<String, List<Map<String, Object>>> selected = (Map<String, List<Map<String, Object>>>) other.get("selected");
        String disputed = (String) selected.get("MORAL").get(0).get("id");
        Map<String, Object> objection = json(as("parent_c1a").post().uri("/api/v1/classes/S1-C1/publicity/objections")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("studentId", "S1-C1-05", "recordId", disputed,
                        "reason", "这次志愿服务该生因病没有参加，请核实")).exchange().expectStatus().isCreated());
        assertThat(objection.get("status")).isEqualTo("OPEN");

        // nobody signs while publicity runs or an objection is open
        as("head_c1").post().uri("/api/v1/classes/S1-C1/publicity/close").exchange().expectStatus().isOk();
        as("student_c1a").post().uri("/api/v1/students/S1-C1-05/archives/{t}/sign", term).exchange()
                .expectStatus().isNotFound();
        as("head_c1").post().uri("/api/v1/students/S1-C1-05/archives/{t}/sign", term).exchange()
                .expectStatus().isEqualTo(422);

        // the head teacher upholds it: the record leaves the selection, the parent is told
        as("head_c1").post().uri("/api/v1/publicity/objections/{o}/resolve", objection.get("id"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("decision", "UPHELD", "resolution", "经核实该生当天病假，已撤下此条记录")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UPHELD");
        Map<String, Object> after = json(as("head_c1").get().uri("/api/v1/students/S1-C1-05/archives/{t}", term)
                .exchange().expectStatus().isOk());
        assertThat(after.get("openObjections")).isEqualTo(0);
        assertThat(String.valueOf(after.get("selected"))).doesNotContain(disputed);
        as("parent_c1a").get().uri("/api/v1/notifications").exchange().expectBody()
                .jsonPath("$[?(@.kind == 'objection_resolved')].body").value(b ->
                        assertThat(b.toString()).contains("已被采纳").contains("病假"));

        // sign-off in order: student, guardian, head teacher; then the school approves and the archive locks
        as("parent_c1a").post().uri("/api/v1/students/S1-C1-01/archives/{t}/sign", term).exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.code").isEqualTo("wrong_signing_order");
        as("student_c1a").post().uri("/api/v1/students/S1-C1-01/archives/{t}/sign", term).exchange()
                .expectStatus().isOk();
        as("parent_c1a").post().uri("/api/v1/students/S1-C1-01/archives/{t}/sign", term).exchange()
                .expectStatus().isOk();
        as("head_c1").post().uri("/api/v1/students/S1-C1-01/archives/{t}/sign", term).exchange()
                .expectStatus().isOk();
        as("head_c1").post().uri("/api/v1/students/S1-C1-01/archives/{t}/approve", term).exchange()
                .expectStatus().isForbidden();
        Map<String, Object> locked = json(as("admin_s1").post().uri("/api/v1/students/S1-C1-01/archives/{t}/approve",
                term).exchange().expectStatus().isOk());
        assertThat(locked.get("status")).isEqualTo("LOCKED");
        assertThat((String) locked.get("contentHash")).hasSize(64);
        // a locked archive is immutable
        as("student_c1a").put().uri("/api/v1/students/S1-C1-01/archives/{t}/self-statement", term)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("text", "改一下")).exchange()
                .expectStatus().isEqualTo(422);

        // the dossier: two locked terms, Chinese, the code printed, signed
        var result = as("parent_c1a").get().uri("/api/v1/students/S1-C1-01/dossier.pdf").exchange()
                .expectStatus().isOk().expectHeader().contentType(MediaType.APPLICATION_PDF)
                .expectBody(byte[].class).returnResult();
        byte[] pdf = result.getResponseBody();
        String code = result.getResponseHeaders().getFirst("X-Verification-Code");
        assertThat(code).matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");
        Path file = Poppler.write(Path.of("target/archive-flow"), "dossier.pdf", pdf);
        String text = Poppler.text(file);
        assertThat(text).contains("马思远").contains(code).contains("泾源县第一中学").containsPattern("第\\s*1\\s*页\\s*共\\s*\\d+\\s*页")
                .doesNotContain("G640424201").doesNotContain("学业压力").doesNotContain("课堂使用手机");
        Poppler.png(file, 1, 60, Path.of("target/archive-flow/page"));

        // the portrait page: the student's figures of the dossier's terms, as the portrait shows them, and no violation
        assertThat(text).contains("四、五育成长画像").contains("五、学校审核意见").contains("劳动时长");
        String flat = text.replaceAll("\\s+", "");
        Map<String, Object> portrait = json(as("parent_c1a").get().uri("/api/v1/students/S1-C1-01/portrait")
                .exchange().expectStatus().isOk());
        List<String> dossierTerms = List.of(TermCalendar.previous(term), term);
        int checked = 0;
        for (Object o : (List<?>) portrait.get("terms")) {
            Map<?, ?> t = (Map<?, ?>) o;
            if (!dossierTerms.contains(t.get("term"))) {
                continue;
            }
            Map<?, ?> figures = (Map<?, ?>) t.get("figures");
            int records = ((Map<?, ?>) figures.get("records")).values().stream()
                    .mapToInt(n -> ((Number) n).intValue()).sum();
            assertThat(flat).contains(((String) t.get("termName")).replaceAll("\\s+", ""))
                    .contains("审核通过的写实记录" + records + "条");
            checked++;
        }
        assertThat(checked).isEqualTo(2);

        as("teacher_c2").get().uri("/api/v1/students/S1-C1-01/dossier.pdf").exchange().expectStatus().isNotFound();
        as("head_c1").get().uri("/api/v1/students/S1-C1-01/dossier.pdf").exchange().expectStatus().isForbidden();

        // public verification: by code, and by uploading the file; one changed byte fails
        web.get().uri("/api/v1/verify/{c}", code).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("valid").jsonPath("$.student").isEqualTo("马*远")
                .jsonPath("$.school").isEqualTo("泾源县第一中学");
        web.get().uri("/api/v1/verify/{c}", "AAAA-BBBB-CCCC").exchange().expectStatus().isNotFound();
        assertThat(verifyUpload(pdf).get("status")).isEqualTo("valid");
        byte[] tampered = pdf.clone();
        int i = tampered.length / 3;
        tampered[i] = (byte) (tampered[i] ^ 0x01);
        Map<String, Object> bad = verifyUpload(tampered);
        assertThat(bad.get("status")).isEqualTo("invalid");
        assertThat(bad.get("signatureValid")).isEqualTo(false);

        // an amendment creates a new version chained to the old hash; the old dossier now reads "amended"
        Map<String, Object> requested = json(as("head_c1").post().uri("/api/v1/students/S1-C1-01/archives/{t}/amendments",
                        term).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", "评语中的错别字更正", "comment", "该生勤奋踏实，乐于助人。")).exchange()
                .expectStatus().isCreated());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> amendments = (List<Map<String, Object>>) requested.get("amendments");
        String amendmentId = (String) amendments.get(0).get("id");
        Map<String, Object> amended = json(as("admin_s1").post().uri(
                        "/api/v1/students/S1-C1-01/archives/{t}/amendments/{a}/decision", term, amendmentId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("decision", "APPROVE")).exchange()
                .expectStatus().isOk());
        assertThat(amended.get("archiveVersion")).isEqualTo(2);
        assertThat(amended.get("previousHash")).isEqualTo(locked.get("contentHash"));
        assertThat(amended.get("contentHash")).isNotEqualTo(locked.get("contentHash"));
        web.get().uri("/api/v1/verify/{c}", code).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("amended");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> verifyUpload(byte[] pdf) {
        MultipartBodyBuilder mb = new MultipartBodyBuilder();
        mb.part("file", new ByteArrayResource(pdf) {
            @Override
            public String getFilename() {
                return "dossier.pdf";
            }
        });
        return web.post().uri("/api/v1/verify").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(mb.build())).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    @Test
    void selectionRulesAndStatementLength() {
        String term = term();
        // C2 is not in publicity: the student selects, within the limit, never a private record
        Map<String, Object> view = json(as("student_c2a").get().uri("/api/v1/students/S1-C2-01/archives/{t}", term)
                .exchange().expectStatus().isOk());
        assertThat(view.get("phase")).isEqualTo("SELECTING");
        as("student_c2a").put().uri("/api/v1/students/S1-C2-01/archives/{t}/selection", term)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("selection", Map.of("MORAL", List.of("a", "b", "c", "d", "e", "f")))).exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.errors[0].code").isEqualTo("too_many");
        as("student_c2a").put().uri("/api/v1/students/S1-C2-01/archives/{t}/selection", term)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("selection", Map.of("MORAL", List.of("S1-C1-01-v1")))).exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.errors[0].code").isEqualTo("not_selectable");
        as("student_c2a").put().uri("/api/v1/students/S1-C2-01/archives/{t}/self-statement", term)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("text", "长".repeat(801))).exchange()
                .expectStatus().isEqualTo(422);
        as("student_c2a").put().uri("/api/v1/students/S1-C2-01/archives/{t}/self-statement", term)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("text", "长".repeat(800))).exchange()
                .expectStatus().isOk();
        as("teacher_c2").put().uri("/api/v1/students/S1-C2-01/archives/{t}/self-statement", term)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("text", "x")).exchange()
                .expectStatus().isForbidden();
        // a violation is never selectable: student_c1a's own violation
        as("head_c1").put().uri("/api/v1/students/S1-C1-01/archives/{t}/selection", term)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("selection", Map.of("MORAL", List.of("S1-C1-01-v1")))).exchange()
                .expectStatus().isEqualTo(422);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aClassListIsOneReadOfTheClassNotFortyReadsOfStudents() {
        org.springframework.data.mongodb.core.query.Query forC1Reads = org.springframework.data.mongodb.core.query
                .Query.query(org.springframework.data.mongodb.core.query.Criteria.where("username").is("head_c1")
                        .and("action").in("archive.read", "archive.class_list"));
        long before = mongo.count(forC1Reads, "audit_events").block();
        List<Map<String, Object>> list = as("head_c1").get().uri("/api/v1/classes/S1-C1/archives?term={t}", term())
                .exchange().expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
        assertThat(list).hasSizeGreaterThanOrEqualTo(40);
        assertThat(list).extracting(a -> a.get("studentNo")).isSorted();
        assertThat(list.get(0)).containsKeys("studentId", "studentName", "phase", "nextSignatures", "openObjections");
        assertThat(list.get(0)).doesNotContainKeys("selected", "selfStatement", "comment");
        List<Map<String, Object>> events = mongo.find(forC1Reads, Map.class, "audit_events").collectList().block()
                .stream().map(m -> (Map<String, Object>) m).toList();
        assertThat(events.size() - before).as("one audited read of the class").isEqualTo(1);
        assertThat(events).filteredOn(e -> "archive.class_list".equals(e.get("action")))
                .allSatisfy(e -> assertThat(e.get("studentId")).isNull());
        // and nothing in a family's access log for a list they would not learn anything from
        as("parent_c1a").get().uri("/api/v1/students/S1-C1-01/access-log?size=200").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items[?(@.action == 'archive.class_list')]").isEmpty();
    }
}
