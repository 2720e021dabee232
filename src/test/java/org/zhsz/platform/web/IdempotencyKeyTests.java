package org.zhsz.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhsz.support.DemoUsers.jwt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.zhsz.organization.TermCalendar;
import org.zhsz.platform.SchoolClock;
import org.zhsz.support.TestImages;
import org.zhsz.support.ZhszTest;

/**
 * Idempotency keys of uploads are fingerprinted by content and query, not by size; keys expire, and a key whose
 * request never finished stops blocking retries.
 */
@ZhszTest
class IdempotencyKeyTests {

    @Autowired
    WebTestClient web;
    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    IdempotencyFilter filter;
    @Autowired
    SchoolClock clock;

    @TempDir
    Path dir;

    private WebTestClient.ResponseSpec upload(String key, byte[] bytes) {
        MultipartBodyBuilder mb = new MultipartBodyBuilder();
        mb.part("file", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return "photo.png";
            }
        });
        return web.mutateWith(jwt("head_c1")).post().uri("/api/v1/students/S1-C1-18/evidence")
                .header("Idempotency-Key", key).contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(mb.build())).exchange();
    }

    private long evidence() {
        return mongo.count(Query.query(Criteria.where("metadata.studentId").is("S1-C1-18")), "fs.files").block();
    }

    @Test
    void twoDifferentFilesOfTheSameSizeAreTwoRequests() throws IOException {
        byte[] a = TestImages.plainPng();
        byte[] b = a.clone();
        b[b.length - 20] ^= 0x55; // the same length, other content (inside IDAT's CRC: still a PNG to the sniffer)
        long before = evidence();
        String first = (String) upload("same-size", a).expectStatus().isCreated().expectBody(Map.class)
                .returnResult().getResponseBody().get("id");
        upload("same-size", b).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("idempotency_key_reused");
        // the same file again (WebTestClient picks a new multipart boundary each time) is the same request
        String again = (String) upload("same-size", a).expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
        assertThat(again).isEqualTo(first);
        assertThat(evidence()).isEqualTo(before + 1);
    }

    @Test
    void theQueryStringIsPartOfTheRequest() {
        String year = TermCalendar.schoolYear(TermCalendar.codeOf(LocalDate.now(SchoolClock.ZONE)));
        String last = (Integer.parseInt(year.substring(0, 4)) - 1) + "-" + year.substring(0, 4);
        byte[] csv = "学籍号,身高\n".getBytes(StandardCharsets.UTF_8);
        importFitness("q-key", year, csv).expectStatus().isOk();
        importFitness("q-key", year, csv).expectStatus().isOk().expectHeader()
                .valueEquals("Idempotent-Replayed", "true");
        importFitness("q-key", last, csv).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("idempotency_key_reused");
    }

    private WebTestClient.ResponseSpec importFitness(String key, String year, byte[] csv) {
        MultipartBodyBuilder mb = new MultipartBodyBuilder();
        mb.part("file", new ByteArrayResource(csv) {
            @Override
            public String getFilename() {
                return "体测.csv";
            }
        });
        return web.mutateWith(jwt("admin_s1")).post().uri("/api/v1/fitness/import?year={y}", year)
                .header("Idempotency-Key", key).contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(mb.build())).exchange();
    }

    private WebTestClient.ResponseSpec createStaff(String key, String username) {
        return web.mutateWith(jwt("admin_s1")).post().uri("/api/v1/staff").header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\":\"" + username + "\",\"name\":\"周老师\"}").exchange();
    }

    private void age(String key, Duration by) {
        String id = IdempotencyFilter.keyId("admin_s1", "/api/v1/staff", key);
        Document doc = mongo.findById(id, Document.class, IdempotencyFilter.COLLECTION).block();
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update()
                .set("createdAt", Date.from(doc.getDate("createdAt").toInstant().minus(by)))
                .set("expiresAt", Date.from(doc.getDate("expiresAt").toInstant().minus(by))),
                IdempotencyFilter.COLLECTION).block();
    }

    @Test
    void anExpiredKeyNoLongerBindsARetry() {
        createStaff("expiring", "expiry_teacher_1").expectStatus().isCreated();
        createStaff("expiring", "expiry_teacher_2").expectStatus().isEqualTo(422);
        age("expiring", Duration.ofHours(25));
        // a day later the key is free: the request runs as a new one
        createStaff("expiring", "expiry_teacher_2").expectStatus().isCreated()
                .expectHeader().doesNotExist("Idempotent-Replayed");
    }

    @Test
    void theSweepRemovesExpiredKeysOnly() {
        createStaff("swept", "sweep_teacher").expectStatus().isCreated();
        String id = IdempotencyFilter.keyId("admin_s1", "/api/v1/staff", "swept");
        filter.sweep(clock.now().plus(Duration.ofHours(23))).block();
        assertThat(mongo.findById(id, Document.class, IdempotencyFilter.COLLECTION).block()).isNotNull();
        long removed = filter.sweep(clock.now().plus(Duration.ofHours(25))).block();
        assertThat(removed).isPositive();
        assertThat(mongo.findById(id, Document.class, IdempotencyFilter.COLLECTION).block()).isNull();
    }

    @Test
    void aKeyWhoseRequestNeverFinishedStopsBlockingRetries() {
        // as if the process had died mid-request: the key is PENDING and the staff member was never stored
        createStaff("crashed", "crash_teacher").expectStatus().isCreated();
        String id = IdempotencyFilter.keyId("admin_s1", "/api/v1/staff", "crashed");
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("state", "PENDING")
                .set("createdAt", Date.from(clock.now())).unset("body").unset("status"),
                IdempotencyFilter.COLLECTION).block();
        mongo.remove(Query.query(Criteria.where("_id").is("crash_teacher")), "staff").block();
        // while it may still be running, a retry is told to wait
        createStaff("crashed", "crash_teacher").expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("request_in_progress");
        age("crashed", Duration.ofMinutes(11));
        createStaff("crashed", "crash_teacher").expectStatus().isCreated()
                .expectHeader().doesNotExist("Idempotent-Replayed");
        assertThat(mongo.count(Query.query(Criteria.where("_id").is("crash_teacher")), "staff").block()).isOne();
        createStaff("crashed", "crash_teacher").expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "true");
    }

    @Test
    void theBoundaryDoesNotChangeTheHashTheContentDoes() throws IOException {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        Path c = dir.resolve("c");
        String part = "Content-Disposition: form-data; name=\"file\"; filename=\"x.png\"\r\n\r\n";
        String body = "x".repeat(70_000); // longer than one read buffer, so delimiters straddle reads
        Files.writeString(a, "--AAAA\r\n" + part + body + "\r\n--AAAA--\r\n");
        Files.writeString(b, "--BBBBBBBB\r\n" + part + body + "\r\n--BBBBBBBB--\r\n");
        Files.writeString(c, "--AAAA\r\n" + part + body + "y\r\n--AAAA--\r\n");
        assertThat(IdempotencyFilter.contentHash(a, "AAAA")).isEqualTo(IdempotencyFilter.contentHash(b, "BBBBBBBB"));
        assertThat(IdempotencyFilter.contentHash(a, "AAAA")).isNotEqualTo(IdempotencyFilter.contentHash(c, "AAAA"));
    }
}
