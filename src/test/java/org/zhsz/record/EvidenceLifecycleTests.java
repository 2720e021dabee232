package org.zhsz.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhsz.support.DemoUsers.jwt;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.types.ObjectId;
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
import org.zhsz.platform.SchoolClock;
import org.zhsz.support.TestImages;
import org.zhsz.support.ZhszTest;

/**
 * Evidence files stay within a per-student quota, and files never attached to a record are removed after the grace
 * period — never one a record uses, nor one a record is being saved with right now. Time is passed in explicitly.
 */
@ZhszTest
class EvidenceLifecycleTests {

    @Autowired
    WebTestClient web;
    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    EvidenceCleanup cleanup;
    @Autowired
    Evidence evidence;
    @Autowired
    SchoolClock clock;

    private WebTestClient.ResponseSpec upload(String student, byte[] bytes) {
        MultipartBodyBuilder mb = new MultipartBodyBuilder();
        mb.part("file", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return "证书.png";
            }
        });
        return web.mutateWith(jwt("head_c1")).post().uri("/api/v1/students/{id}/evidence", student)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(mb.build()))
                .exchange();
    }

    @SuppressWarnings("unchecked")
    private String uploaded(String student) throws IOException {
        return (String) upload(student, TestImages.plainPng()).expectStatus().isCreated().expectBody(Map.class)
                .returnResult().getResponseBody().get("id");
    }

    private int download(String student, String id) {
        return web.mutateWith(jwt("head_c1")).get().uri("/api/v1/students/{s}/evidence/{e}", student, id).exchange()
                .returnResult(byte[].class).getStatus().value();
    }

    @Test
    void anUploadPastTheStudentsQuotaIs413AndStoresNothing() throws IOException {
        // all but 100 bytes of the 200 MB already stored for this student (the file entry alone: its bytes do not matter here)
        ObjectId big = new ObjectId();
        mongo.insert(new Document("_id", big).append("length", 200L * 1024 * 1024 - 100).append("chunkSize", 261120)
                .append("filename", "video.pdf").append("uploadDate", new Date())
                .append("metadata", new Document("kind", "evidence").append("studentId", "S1-C1-19")
                        .append("schoolId", "S1").append("uploadedAt", new Date()).append("attached", true)),
                Evidence.FILES).block();
        try {
            long before = evidence.usedBytes("S1-C1-19").block();
            upload("S1-C1-19", TestImages.plainPng()).expectStatus().isEqualTo(413)
                    .expectBody().jsonPath("$.code").isEqualTo("evidence_quota_exceeded")
                    .jsonPath("$.detail").value(d -> assertThat((String) d).contains("200 兆字节"))
                    .jsonPath("$.quotaBytes").isEqualTo(200L * 1024 * 1024);
            assertThat(evidence.usedBytes("S1-C1-19").block()).isEqualTo(before);
            // another student's quota is their own
            uploaded("S1-C1-24");
        } finally {
            mongo.remove(Query.query(Criteria.where("_id").is(big)), Evidence.FILES).block();
        }
        uploaded("S1-C1-19");
    }

    @Test
    void filesNeverAttachedAreRemovedAfterTheGracePeriodOthersStay() throws IOException {
        String unattached = uploaded("S1-C1-25");
        String attached = uploaded("S1-C1-25");
        Map<String, Object> record = new HashMap<>(Map.of("dimension", "MORAL", "category", "commendation",
                "title", "拾金不昧", "occurredOn", "2026-10-15", "evidence", List.of(attached)));
        web.mutateWith(jwt("head_c1")).post().uri("/api/v1/students/S1-C1-25/records")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(record).exchange().expectStatus().isCreated();
        Instant now = clock.now();

        cleanup.removeUnattached(now.plus(Duration.ofHours(23))).block();
        assertThat(download("S1-C1-25", unattached)).as("within the grace period").isEqualTo(200);

        cleanup.removeUnattached(now.plus(Duration.ofHours(25))).block();
        assertThat(download("S1-C1-25", unattached)).as("never attached, past the grace period").isEqualTo(404);
        assertThat(download("S1-C1-25", attached)).isEqualTo(200);
        assertThat(mongo.findById(new ObjectId(attached), Document.class, Evidence.FILES).block()
                .get("metadata", Document.class).getBoolean("attached")).isTrue();

        cleanup.removeUnattached(now.plus(Duration.ofDays(400))).block();
        assertThat(download("S1-C1-25", attached)).as("attached files are never removed here").isEqualTo(200);
    }

    @Test
    void aFileBeingSavedWithARecordIsNotRemovedUnderIt() throws IOException {
        String file = uploaded("S1-C1-26");
        Instant later = clock.now().plus(Duration.ofHours(30));
        // a record is being saved with the file at the moment the cleanup runs
        evidence.claim(file, later).block();
        cleanup.removeUnattached(later).block();
        assertThat(download("S1-C1-26", file)).isEqualTo(200);
        // the save failed after all (nothing refers to the file): it goes a grace period after the claim
        cleanup.removeUnattached(later.plus(Duration.ofHours(25))).block();
        assertThat(download("S1-C1-26", file)).isEqualTo(404);
    }
}
