package org.zhsz.fitness;

import org.zhsz.support.Json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.zhsz.support.DemoUsers.jwt;

import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.zhsz.support.ZhszTest;

/**
 * 特异体质 flags: the PE teacher and head teacher see flag and guidance but never the medical description or
 * documents; the family, counselor and admin see everything; the database holds the description only encrypted.
 */
@ZhszTest
class HealthFlagTests {

    static final String DIAGNOSIS = "癫痫（失神发作），服用丙戊酸钠，近半年无发作";

    @Autowired
    WebTestClient web;

    @Autowired
    ReactiveMongoTemplate mongo;

    private Map<String, Object> create(String studentId, String key) {
        WebTestClient.RequestBodySpec spec = web.mutateWith(jwt("admin_s1")).post()
                .uri("/api/v1/students/{id}/health-flags", studentId).contentType(MediaType.APPLICATION_JSON);
        if (key != null) {
            spec = spec.header("Idempotency-Key", key);
        }
        return Json.map(spec.bodyValue(Map.of("kind", "EPILEPSY", "guidance", "不参加攀爬和水上项目；发作时侧卧、计时并通知校医",
                        "medicalDescription", DIAGNOSIS)).exchange().expectStatus().isCreated().expectBody(Map.class)
                .returnResult().getResponseBody());
    }

    private List<Object> flags(String user, String studentId) {
        return Json.list(web.mutateWith(jwt(user)).get().uri("/api/v1/students/{id}/health-flags", studentId)
                .exchange().expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody());
    }

    @Test
    void thePeTeacherSeesGuidanceButNotTheMedicalDescription() {
        Map<String, Object> created = create("S1-C1-30", "flag-S1-C1-30");
        assertThat(created.get("medicalDescription")).isEqualTo(DIAGNOSIS);
        // a retry with the same Idempotency-Key creates nothing new
        assertThat(create("S1-C1-30", "flag-S1-C1-30").get("id")).isEqualTo(created.get("id"));
        assertThat(flags("admin_s1", "S1-C1-30")).hasSize(1);

        for (String user : List.of("pe_c1", "head_c1")) {
            Map<String, Object> seen = Json.map(flags(user, "S1-C1-30").get(0));
            assertThat(seen.get("kindLabel")).isEqualTo("癫痫");
            assertThat(seen.get("guidance").toString()).contains("侧卧");
            assertThat(seen).doesNotContainKeys("medicalDescription", "documents");
        }
        assertThat(Json.map(flags("counselor_s1", "S1-C1-30").get(0)).get("medicalDescription"))
                .isEqualTo(DIAGNOSIS);
        web.mutateWith(jwt("teacher_c1")).get().uri("/api/v1/students/S1-C1-30/health-flags").exchange()
                .expectStatus().isForbidden();
        web.mutateWith(jwt("admin_s2")).get().uri("/api/v1/students/S1-C1-30/health-flags").exchange()
                .expectStatus().isNotFound();
        web.mutateWith(jwt("bureau")).get().uri("/api/v1/students/S1-C1-30/health-flags").exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void theDatabaseHoldsNoPlaintextOfTheDescription() {
        Map<String, Object> created = create("S1-C1-31", null);
        Document raw = mongo.findOne(Query.query(Criteria.where("_id").is(created.get("id"))), Document.class,
                "health_flags").block();
        assertThat(raw.toJson()).doesNotContain("癫痫").doesNotContain("丙戊酸钠").contains("侧卧");
        assertThat(raw.getString("medicalDescription")).startsWith("enc:v1:");
    }

    @Test
    void theFamilySeesEverythingAndOnlyTheAdminWrites() {
        Map<String, Object> created = create("S1-C1-01", null);
        Map<String, Object> seen = Json.map(flags("parent_c1a", "S1-C1-01").stream()
                .filter(f -> created.get("id").equals(Json.map(f).get("id"))).findFirst().orElseThrow());
        assertThat(seen.get("medicalDescription")).isEqualTo(DIAGNOSIS);
        web.mutateWith(jwt("pe_c1")).post().uri("/api/v1/students/S1-C1-01/health-flags")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("kind", "ASTHMA", "guidance", "x"))
                .exchange().expectStatus().isForbidden();
        web.mutateWith(jwt("admin_s1")).patch().uri("/api/v1/students/S1-C1-01/health-flags/{f}", created.get("id"))
                .header("If-Match", "\"99\"").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("guidance", "改")).exchange().expectStatus().isEqualTo(409);
        web.mutateWith(jwt("admin_s1")).post().uri("/api/v1/students/S1-C1-01/health-flags")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("kind", "FLU", "guidance", ""))
                .exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("kind")
                .jsonPath("$.errors[1].field").isEqualTo("guidance");

        web.mutateWith(jwt("admin_s1")).delete().uri("/api/v1/students/S1-C1-01/health-flags/{f}?reason=痊愈",
                created.get("id")).exchange().expectStatus().isOk().expectBody().jsonPath("$.active")
                .isEqualTo(false);
        assertThat(flags("parent_c1a", "S1-C1-01")).noneSatisfy(f -> assertThat(Json.map(f).get("id"))
                .isEqualTo(created.get("id")));
    }

    @Test
    void medicalDocumentsAreForTheAdminCounselorAndFamilyOnly() {
        Map<String, Object> created = create("S1-C1-32", null);
        MultipartBodyBuilder mb = new MultipartBodyBuilder();
        mb.part("file", new ByteArrayResource(DemoFitness.demoCertificate()) {
            @Override
            public String getFilename() {
                return "脑电图报告.pdf";
            }
        });
        Map<String, Object> withDoc = Json.map(web.mutateWith(jwt("admin_s1")).post()
                .uri("/api/v1/students/S1-C1-32/health-flags/{f}/documents", created.get("id"))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(mb.build()))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody());
        String docId = String.valueOf(Json.at(withDoc, "documents.0.id"));
        assertThat(Json.at(withDoc, "documents.0.contentType")).isEqualTo("application/pdf");
        String uri = "/api/v1/students/S1-C1-32/health-flags/" + created.get("id") + "/documents/" + docId;
        byte[] pdf = web.mutateWith(jwt("counselor_s1")).get().uri(uri).exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(pdf).isEqualTo(DemoFitness.demoCertificate());
        web.mutateWith(jwt("pe_c1")).get().uri(uri).exchange().expectStatus().isForbidden();
        web.mutateWith(jwt("head_c1")).get().uri(uri).exchange().expectStatus().isForbidden();
    }

    @Test
    void theClassListShowsFlagsAndGuidanceToThePeTeacher() {
        List<Object> list = Json.list(web.mutateWith(jwt("pe_c1")).get().uri("/api/v1/classes/S1-C1/health-flags")
                .exchange().expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody());
        assertThat(list).anySatisfy(f -> assertThat(Json.map(f)).containsEntry("studentId", DemoFitness.ASTHMA_STUDENT)
                .containsEntry("kindLabel", "哮喘").doesNotContainKey("medicalDescription"));
        assertThat(list.toString()).doesNotContain("沙丁胺醇");
        web.mutateWith(jwt("teacher_c1")).get().uri("/api/v1/classes/S1-C1/health-flags").exchange()
                .expectStatus().isForbidden();
        web.mutateWith(jwt("pe_c1")).get().uri("/api/v1/classes/S2-C1/health-flags").exchange()
                .expectStatus().isNotFound();
        // and the read is in the family's access log as a guidance read
        Map<String, Object> log = Json.map(web.mutateWith(jwt("admin_s1")).get()
                .uri("/api/v1/students/{id}/access-log?size=100", DemoFitness.ASTHMA_STUDENT).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody());
        assertThat(Json.list(log.get("items"))).anySatisfy(e -> assertThat(Json.map(e))
                .containsEntry("action", "health_flag.read")
                .containsEntry("dataClass", "SPECIAL_CONSTITUTION_GUIDANCE"));
    }
}
