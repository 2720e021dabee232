package org.zhsz.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key} support for creates: the first request with a key runs and its result is kept; a
 * retry with the same key (same user, same operation, same body) returns that result and creates nothing.
 * A retry while the first is still running gets 409; the same key with a different body gets 422.
 */
@Component
public class Idempotency {

    static final String COLLECTION = "idempotency_keys";

    private final ReactiveMongoTemplate mongo;
    private final JsonMapper json;
    private final SchoolClock clock;

    Idempotency(ReactiveMongoTemplate mongo, JsonMapper json, SchoolClock clock) {
        this.mongo = mongo;
        this.json = json;
        this.clock = clock;
    }

    /** The outcome: the result and whether it was replayed from an earlier request. */
    public record Outcome<T>(T value, boolean replayed) {
    }

    public <T> Mono<Outcome<T>> run(Actor actor, String key, String operation, Object request, Class<T> type,
                                    Supplier<Mono<T>> action) {
        if (key == null || key.isBlank()) {
            return Mono.defer(action).map(v -> new Outcome<>(v, false));
        }
        if (key.length() > 200) {
            return Mono.error(Problems.invalid("Idempotency-Key", "too_long", "Idempotency-Key is too long"));
        }
        String id = sha256(actor.username() + "\u0000" + operation + "\u0000" + key);
        String fingerprint = sha256(json.writeValueAsString(request));
        Document pending = new Document("_id", id)
                .append("username", actor.username())
                .append("operation", operation)
                .append("fingerprint", fingerprint)
                .append("state", "PENDING")
                .append("createdAt", java.util.Date.from(clock.now()));
        return mongo.insert(pending, COLLECTION)
                .then(Mono.defer(action))
                .flatMap(value -> mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                                new Update().set("state", "DONE").set("body", json.writeValueAsString(value)),
                                COLLECTION)
                        .thenReturn(new Outcome<>(value, false)))
                .onErrorResume(e -> !(e instanceof DuplicateKeyException),
                        e -> mongo.remove(Query.query(Criteria.where("_id").is(id).and("state").is("PENDING")),
                                COLLECTION).then(Mono.error(e)))
                .onErrorResume(DuplicateKeyException.class, e -> replay(id, fingerprint, type));
    }

    private <T> Mono<Outcome<T>> replay(String id, String fingerprint, Class<T> type) {
        return mongo.findById(id, Document.class, COLLECTION)
                .switchIfEmpty(Mono.error(() -> Problems.conflict("request_in_progress",
                        "The same request is still being processed; retry shortly")))
                .flatMap(doc -> {
                    if (!fingerprint.equals(doc.getString("fingerprint"))) {
                        return Mono.error(Problems.rule("idempotency_key_reused",
                                "This Idempotency-Key was used for a different request"));
                    }
                    if (!"DONE".equals(doc.getString("state"))) {
                        return Mono.error(Problems.conflict("request_in_progress",
                                "The same request is still being processed; retry shortly"));
                    }
                    return Mono.just(new Outcome<>(json.readValue(doc.getString("body"), type), true));
                });
    }

    static String sha256(String s) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
