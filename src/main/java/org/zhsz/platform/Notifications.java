package org.zhsz.platform;

import java.time.Instant;
import java.util.Collection;

import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The notification port: an in-app inbox per user (and the log). SMS or WeChat adapters would be further
 * deliveries of the same notification. Callers choose the recipients and must keep sensitive content out of
 * the text (e.g. "an alert is overdue", never what the alert is about).
 */
@Service
public class Notifications {

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);

    private final ReactiveMongoTemplate mongo;
    private final SchoolClock clock;

    Notifications(ReactiveMongoTemplate mongo, SchoolClock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Document("notifications")
    public record Notification(@Id String id, String recipient, String schoolId, String kind, String title,
                               String body, String link, Instant createdAt, Instant readAt) {
    }

    public Mono<Void> send(Collection<String> recipients, String schoolId, String kind, String title, String body,
                           String link) {
        Instant now = clock.now();
        return Flux.fromIterable(recipients).distinct()
                .map(r -> new Notification(Ids.newId(), r, schoolId, kind, title, body, link, now, null))
                .collectList()
                .flatMap(list -> list.isEmpty() ? Mono.empty() : mongo.insertAll(list).then())
                .doOnSuccess(v -> log.info("Notification '{}' sent to {}", kind, recipients))
                .then();
    }

    public Flux<Notification> inbox(String username, boolean unreadOnly, int limit) {
        Criteria c = Criteria.where("recipient").is(username);
        if (unreadOnly) {
            c = c.and("readAt").is(null);
        }
        return mongo.find(Query.query(c).with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(limit),
                Notification.class);
    }

    public Mono<Notification> markRead(String username, String id) {
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(id).and("recipient").is(username)),
                        new Update().set("readAt", clock.now()), Notification.class)
                .switchIfEmpty(Mono.error(() -> Problems.notFound("notification", id)))
                .flatMap(n -> mongo.findById(id, Notification.class));
    }
}
