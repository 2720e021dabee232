package org.zhsz.bench;

import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.zhsz.platform.Ids;

import reactor.core.publisher.Mono;

/**
 * The baseline of the write-path benchmark: the same single insert of a record document, with no token check,
 * no policy, no validation and no audit. Exists only when benchmarks run (bench sources, property
 * zhsz.bench.enabled); its path is public so the security filter does not run its JWT check.
 */
@RestController
@ConditionalOnProperty("zhsz.bench.enabled")
class BareRecordEndpoint {

    private final ReactiveMongoTemplate mongo;

    BareRecordEndpoint(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @PostMapping("/api/v1/public/bench/records")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Document> create(@RequestBody Document body) {
        Document doc = new Document(body).append("_id", Ids.newId()).append("schoolId", "S1")
                .append("status", "APPROVED").append("version", 0L).append("createdAt", Date.from(Instant.now()));
        return mongo.insert(doc, "records").map(d -> new Document("id", d.get("_id")));
    }
}
