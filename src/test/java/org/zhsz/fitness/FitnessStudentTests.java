package org.zhsz.fitness;

import org.zhsz.support.Json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.zhsz.support.DemoUsers.jwt;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.zhsz.support.ZhszTest;

/** One student's years: detail or totals by who asks, If-Match, 补测 beside the first attempt, 免测 with a document. */
@ZhszTest
class FitnessStudentTests {

    @Autowired
    WebTestClient web;

    @Autowired
    FitnessDirectory directory;

    private final String year = FitnessGridTests.year();

    private Map<String, Object> years(String user, String studentId) {
        return Json.map(web.mutateWith(jwt(user)).get().uri("/api/v1/students/{id}/fitness", studentId).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody());
    }

    private Map<String, Object> current(String user, String studentId) {
        for (Object y : Json.list(years(user, studentId).get("years"))) {
            if (year.equals(Json.map(y).get("schoolYear"))) {
                return Json.map(y);
            }
        }
        return null;
    }

    private WebTestClient.ResponseSpec putFirst(String studentId, Map<String, Object> items, Object ifMatch) {
        WebTestClient.RequestBodySpec spec = web.mutateWith(jwt("pe_c1")).put()
                .uri("/api/v1/students/{id}/fitness/{y}", studentId, year).contentType(MediaType.APPLICATION_JSON);
        if (ifMatch != null) {
            spec = spec.header("If-Match", "\"" + ifMatch + "\"");
        }
        return spec.bodyValue(Map.of("items", items)).exchange();
    }

    private WebTestClient.ResponseSpec putMakeup(String studentId, Map<String, Object> items, Object ifMatch) {
        return web.mutateWith(jwt("pe_c1")).put().uri("/api/v1/students/{id}/fitness/{y}/makeup", studentId, year)
                .contentType(MediaType.APPLICATION_JSON).header("If-Match", "\"" + ifMatch + "\"")
                .bodyValue(Map.of("items", items)).exchange();
    }

    private static Map<String, Object> weak(String sex) {
        Map<String, Object> items = FitnessGridTests.juniorItems(sex, "11.5");
        items.put("vital_capacity", "1200");
        items.put("sit_and_reach", "-9.0");
        items.put("standing_long_jump", "120");
        items.put("pull_ups", "0");
        items.put("sit_ups_1min", "8");
        items.put("run_1000m", "7'30\"");
        items.put("run_800m", "6'20\"");
        if ("M".equals(sex)) {
            items.remove("sit_ups_1min");
            items.remove("run_800m");
        } else {
            items.remove("pull_ups");
            items.remove("run_1000m");
        }
        return items;
    }

    @Test
    void theFamilySeesDetailWhileAChineseTeacherSeesTotalsOnly() {
        Map<String, Object> own = years("parent_c1a", "S1-C1-01");
        assertThat(own.get("detail")).isEqualTo(true);
        assertThat(Json.at(own, "years.0.first.values")).isNotNull();
        Map<String, Object> teacher = years("teacher_c1", "S1-C1-01");
        assertThat(teacher.get("detail")).isEqualTo(false);
        Map<String, Object> y = Json.map(Json.list(teacher.get("years")).get(0));
        assertThat(y).containsKeys("totalScore", "rating").doesNotContainKeys("first", "bmiCategory", "version");
        web.mutateWith(jwt("teacher_c2")).get().uri("/api/v1/students/S1-C1-01/fitness").exchange()
                .expectStatus().isNotFound();
        web.mutateWith(jwt("bureau")).get().uri("/api/v1/students/S1-C1-01/fitness").exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void aStaleIfMatchIs409AndChangesNothing() {
        Map<String, Object> before = current("pe_c1", "S1-C1-20");
        long version = ((Number) before.get("version")).longValue();
        String sex = String.valueOf(before.get("sex"));
        putFirst("S1-C1-20", FitnessGridTests.juniorItems(sex, "8.3"), version - 1).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("stale_version");
        assertThat(current("pe_c1", "S1-C1-20").get("version")).isEqualTo(before.get("version"));
        putFirst("S1-C1-20", FitnessGridTests.juniorItems(sex, "8.3"), version).expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"" + (version + 1) + "\"")
                .expectBody().jsonPath("$.first.values.run_50m").isEqualTo(8.3);
    }

    @Test
    void aMakeupIsKeptBesideAFailedFirstAttemptAndTheBetterCounts() {
        Map<String, Object> before = current("pe_c1", "S1-C1-21");
        String sex = String.valueOf(before.get("sex"));
        Map<String, Object> failed = Json.map(putFirst("S1-C1-21", weak(sex), before.get("version"))
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody());
        assertThat(failed.get("rating")).isEqualTo("不及格");
        Map<String, Object> passed = Json.map(putMakeup("S1-C1-21", FitnessGridTests.juniorItems(sex, "8.6"),
                failed.get("version")).expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody());
        assertThat(passed.get("official")).isEqualTo("MAKEUP");
        assertThat(passed.get("rating")).isNotEqualTo("不及格");
        assertThat(Json.at(passed, "first.rating")).isEqualTo("不及格");
        assertThat(Json.at(passed, "makeup.rating")).isEqualTo(passed.get("rating"));
        assertThat(directory.result("S1-C1-21", year).block().fromMakeup()).isTrue();

        // the first attempt cannot be corrected into a pass while a 补测 stands on it
        putFirst("S1-C1-21", FitnessGridTests.juniorItems(sex, "8.6"), passed.get("version")).expectStatus()
                .isEqualTo(422).expectBody().jsonPath("$.code").isEqualTo("makeup_requires_fail");
    }

    @Test
    void aPassedYearHasNoMakeup() {
        Map<String, Object> before = current("pe_c1", "S1-C1-22");
        String sex = String.valueOf(before.get("sex"));
        Map<String, Object> ok = Json.map(putFirst("S1-C1-22", FitnessGridTests.juniorItems(sex, "8.2"),
                before.get("version")).expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody());
        assertThat(ok.get("rating")).isNotEqualTo("不及格");
        putMakeup("S1-C1-22", FitnessGridTests.juniorItems(sex, "8.0"), ok.get("version")).expectStatus()
                .isEqualTo(422).expectBody().jsonPath("$.code").isEqualTo("makeup_not_allowed");
    }

    @Test
    void theDemoMakeupCountsAndTheDemoExemptionIsMarked() {
        Map<String, Object> mk = current("pe_c1", DemoFitness.MAKEUP_STUDENT);
        assertThat(mk.get("official")).isEqualTo("MAKEUP");
        assertThat(Json.at(mk, "first.rating")).isEqualTo("不及格");
        Map<String, Object> ex = current("pe_c1", DemoFitness.EXEMPT_STUDENT);
        assertThat(ex.get("status")).isEqualTo("EXEMPT");
        assertThat(Json.at(ex, "exemption.reason").toString()).contains("骨折");
        assertThat(directory.graduation(DemoFitness.EXEMPT_STUDENT, year).block().exempt()).isTrue();
    }

    private WebTestClient.ResponseSpec exempt(String user, String studentId, byte[] file, String filename) {
        MultipartBodyBuilder mb = new MultipartBodyBuilder();
        mb.part("reason", "哮喘急性发作期，医嘱暂停体育测试");
        mb.part("file", new ByteArrayResource(file) {
            @Override
            public String getFilename() {
                return filename;
            }
        });
        return web.mutateWith(jwt(user)).put().uri("/api/v1/students/{id}/fitness/{y}/exemption", studentId, year)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(mb.build()))
                .exchange();
    }

    /** A PNG with an eXIf chunk (as phones write it) that must not be stored. */
    static byte[] pngWithExif() {
        byte[] sig = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
        byte[] ihdr = chunk("IHDR", new byte[]{0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0});
        byte[] exif = chunk("eXIf", "GPS 36.5N 106.3E".getBytes());
        byte[] iend = chunk("IEND", new byte[0]);
        return concat(sig, ihdr, exif, iend);
    }

    private static byte[] chunk(String type, byte[] data) {
        byte[] out = new byte[12 + data.length];
        out[0] = (byte) (data.length >>> 24);
        out[1] = (byte) (data.length >>> 16);
        out[2] = (byte) (data.length >>> 8);
        out[3] = (byte) data.length;
        System.arraycopy(type.getBytes(), 0, out, 4, 4);
        System.arraycopy(data, 0, out, 8, data.length);
        return out; // CRC left zero: we only strip chunks, we do not decode the image
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int i = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, i, p.length);
            i += p.length;
        }
        return out;
    }

    @Test
    void anExemptionNeedsARealMedicalDocument() {
        exempt("pe_c1", "S1-C1-23", "not an image".getBytes(), "note.png").expectStatus().isEqualTo(415)
                .expectBody().jsonPath("$.code").isEqualTo("unsupported_media_type");
        byte[] big = new byte[10 * 1024 * 1024 + 10];
        big[0] = '%';
        big[1] = 'P';
        big[2] = 'D';
        big[3] = 'F';
        big[4] = '-';
        exempt("pe_c1", "S1-C1-23", big, "scan.pdf").expectStatus().isEqualTo(413);
        assertThat(current("pe_c1", "S1-C1-23").get("status")).isNotEqualTo("EXEMPT");
        exempt("teacher_c1", "S1-C1-23", pngWithExif(), "证明.png").expectStatus().isForbidden();

        Map<String, Object> r = Json.map(exempt("pe_c1", "S1-C1-23", pngWithExif(), "证明.png").expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody());
        assertThat(r.get("status")).isEqualTo("EXEMPT");
        assertThat(r).doesNotContainKeys("totalScore", "rating");
        byte[] stored = web.mutateWith(jwt("head_c1")).get()
                .uri("/api/v1/students/S1-C1-23/fitness/{y}/exemption/document", year).exchange()
                .expectStatus().isOk().expectHeader().contentType(MediaType.IMAGE_PNG)
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(new String(stored)).doesNotContain("GPS").contains("IHDR");
        web.mutateWith(jwt("teacher_c1")).get().uri("/api/v1/students/S1-C1-23/fitness/{y}/exemption/document", year)
                .exchange().expectStatus().isForbidden();

        // an exempted student's grid row cannot be scored until the exemption is revoked
        Map<String, Object> items = new HashMap<>(FitnessGridTests.juniorItems(String.valueOf(r.get("sex")), "8.5"));
        Map<String, Object> report = Json.map(web.mutateWith(jwt("pe_c1")).put()
                .uri("/api/v1/classes/S1-C1/fitness?year={y}", year).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("rows", List.of(Map.of("studentId", "S1-C1-23", "version", r.get("version"),
                        "items", items)))).exchange().expectStatus().isOk().expectBody(Map.class).returnResult()
                .getResponseBody());
        assertThat(Json.at(report, "rows.0.errors.0.code")).isEqualTo("exempt");
        web.mutateWith(jwt("pe_c1")).delete().uri("/api/v1/students/S1-C1-23/fitness/{y}/exemption", year)
                .header("If-Match", String.valueOf(r.get("version"))).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("TESTED");
    }
}
