package org.zhsz.bench;

import org.bson.Document;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.zhsz.platform.Actor;

import reactor.core.publisher.Mono;

/**
 * Baselines of the authorization benchmark: the same reads as {@code GET /api/v1/students/{id}} (the student
 * document and its class's name), once with no checks at all (public path: the security filter skips the JWT) and
 * once behind the JWT check and actor resolution but with no access policy. Exists only when benchmarks run.
 */
@RestController
@ConditionalOnProperty("zhsz.bench.enabled")
class BareStudentEndpoint {

    private final ReactiveMongoTemplate mongo;

    BareStudentEndpoint(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @GetMapping("/api/v1/public/bench/students/{id}")
    Mono<Document> bare(@PathVariable String id) {
        return read(id);
    }

    @GetMapping("/api/v1/bench/students/{id}")
    Mono<Document> tokenOnly(Actor actor, @PathVariable String id) {
        return read(id).map(d -> d.append("readBy", actor.username()));
    }

    private Mono<Document> read(String id) {
        return mongo.findById(id, Document.class, "students")
                .flatMap(s -> mongo.findById(String.valueOf(s.get("classId")), Document.class, "classes")
                        .map(c -> s.append("className", c.get("classNo")))
                        .defaultIfEmpty(s));
    }
}
