package org.zhsz.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhsz.support.DemoUsers.jwt;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.zhsz.support.ZhszTest;

/**
 * The trail anchored outside the database. An attacker with write access to the database rewrites an old event
 * and recomputes everything that depends on it — the event's hash, the Merkle roots, hashes and links of every
 * later seal of its stream — and even signs the seals again with the real key: the seals are then perfect, but the
 * checkpoint written earlier outside the database still names the old seal, and {@code /api/v1/audit/verify}
 * reports it. Without the key the forged seals do not even carry a valid signature. A changed checkpoint file is
 * reported too.
 */
@ZhszTest
@DirtiesContext // it tampers with the trail and the checkpoint directory
class AuditCheckpointTests {

    @Autowired
    WebTestClient web;
    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    AuditTrail trail;
    @Autowired
    AuditKeys keys;
    @Autowired
    AuditCheckpoints checkpoints;

    @SuppressWarnings("unchecked")
    private Map<String, Object> verify() {
        return web.mutateWith(jwt("auditor")).get().uri("/api/v1/audit/verify").exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstBreak(Map<String, Object> v) {
        return (Map<String, Object>) v.get("firstBreak");
    }

    private void someWrites(int from, int to) {
        for (int i = from; i <= to; i++) {
            web.mutateWith(jwt("admin_s1")).patch().uri("/api/v1/students/S1-C1-%02d".formatted(i))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of()).exchange().expectStatus().isOk();
            trail.flush().block(Duration.ofSeconds(30)); // one seal each: the victim's seal is followed by others
        }
    }

    /** The attacker's rewrite: change the event, recompute its hash and every seal of its stream from there. */
    private void rewrite(StoredEvent victim, AuditKeys signWith) {
        StoredEvent changed = new StoredEvent(victim.id(), victim.chain(), victim.stream(), victim.seq(), victim.at(),
                "someone_else", victim.actorName(), victim.role(), victim.action(), victim.resourceType(),
                victim.resourceId(), victim.studentId(), victim.schoolId(), victim.outcome(), victim.reason(),
                victim.dataClass(), null, null);
        mongo.save(AuditTrail.withHash(changed, AuditHasher.leaf(changed))).block();
        List<AuditSeal> seals = mongo.find(Query.query(Criteria.where("chain").is(victim.chain())
                .and("stream").is(victim.stream())).with(Sort.by("n")), AuditSeal.class).collectList().block();
        String prev = AuditHasher.GENESIS;
        for (AuditSeal s : seals) {
            List<String> leaves = mongo.find(Query.query(Criteria.where("chain").is(s.chain()).and("stream")
                            .is(s.stream()).and("seq").gte(s.from()).lte(s.to())), StoredEvent.class)
                    .sort(Comparator.comparingLong(StoredEvent::seq)).map(AuditHasher::leaf).collectList().block();
            AuditSeal forged = AuditSeal.create(s.chain(), s.stream(), s.n(), s.from(), s.to(), leaves, s.absent(),
                    prev, s.at(), s.instance(), s.sealedBy(), s.last(), signWith);
            mongo.save(forged).block();
            prev = forged.hash();
        }
    }

    @Test
    void anOldEventRewrittenWithTheWholeTrailRecomputedIsReportedAgainstTheCheckpoint() throws Exception {
        someWrites(10, 12);
        trail.checkpointNow().block(Duration.ofSeconds(30));
        someWrites(13, 14); // the trail goes on after the checkpoint
        assertThat(verify()).containsEntry("intact", true);

        StoredEvent victim = mongo.findOne(Query.query(Criteria.where("resourceId").is("S1-C1-10")
                .and("action").is("student.update")), StoredEvent.class).block();
        assertThat(victim.stream()).isEqualTo("S1/" + trail.instance());

        // without the key: the recomputed seals are not signed by a trusted key
        rewrite(victim, AuditKeys.generate());
        Map<String, Object> unsigned = verify();
        assertThat(unsigned).containsEntry("intact", false);
        assertThat(firstBreak(unsigned)).containsEntry("problemCode", "seal_signature");

        // with the key: every seal is valid again; only the checkpoint outside the database disagrees
        rewrite(victim, keys);
        Map<String, Object> v = verify();
        assertThat(v).containsEntry("intact", false);
        assertThat(firstBreak(v)).containsEntry("problemCode", "checkpoint").containsEntry("chain", "S1")
                .containsEntry("stream", victim.stream());
        assertThat((String) firstBreak(v).get("problem")).contains("与数据库之外保存的检查点")
                .contains((String) firstBreak(v).get("checkpoint"));
        assertThat(((Number) v.get("checkpoints")).intValue()).isPositive();
    }

    @Test
    void aChangedCheckpointFileIsReported() throws Exception {
        someWrites(20, 20);
        trail.checkpointNow().block(Duration.ofSeconds(30));
        List<Path> files = new ArrayList<>();
        try (var list = Files.list(checkpoints.dir())) {
            list.filter(p -> p.getFileName().toString().endsWith(trail.instance() + ".json")).forEach(files::add);
        }
        Path file = files.get(files.size() - 1);
        String json = Files.readString(file, StandardCharsets.UTF_8);
        // someone with access to the checkpoint directory edits a recorded hash
        String edited = json.replaceFirst("\"hash\" ?: ?\"([0-9a-f])", "\"hash\" : \"" + "f");
        edited = edited.equals(json) ? json.replaceFirst("\"hash\" ?: ?\"f", "\"hash\" : \"0") : edited;
        assertThat(edited).isNotEqualTo(json);
        Files.writeString(file, edited, StandardCharsets.UTF_8);
        try {
            Map<String, Object> v = verify();
            assertThat(v).containsEntry("intact", false);
            assertThat(firstBreak(v)).containsEntry("problemCode", "checkpoint_invalid");
            assertThat(firstBreak(v)).containsEntry("checkpoint", file.getFileName().toString());
            assertThat((String) firstBreak(v).get("problem")).contains("检查点文件")
                    .contains(file.getFileName().toString());
        } finally {
            Files.writeString(file, json, StandardCharsets.UTF_8); // the other test expects a clean directory
        }
    }
}
