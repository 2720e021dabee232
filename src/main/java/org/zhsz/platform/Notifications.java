package org.zhsz.platform;

import java.time.Instant;
import java.util.Collection;

import org.jspecify.annotations.Nullable;
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
    @org.springframework.data.mongodb.core.index.CompoundIndex(name = "recipient_created",
            def = "{'recipient': 1, 'createdAt': -1}")
    public record Notification(@Id String id, String recipient, String schoolId, String kind, String title,
                               String body, String link, Instant createdAt, @Nullable Instant readAt) {
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

    /**
     * For the school's administrators, whoever they are (they are known by their role in the token, not by name:
     * the notification waits in the school's admin inbox, which every holder of the role reads).
     */
    public Mono<Void> sendToSchoolAdmins(String schoolId, String kind, String title, String body, String link) {
        return send(java.util.List.of(roleInbox(Role.SCHOOL_ADMIN, schoolId)), schoolId, kind, title, body, link);
    }

    static String roleInbox(Role role, String schoolId) {
        return "role:" + role.claim() + ":" + schoolId;
    }

    private static java.util.List<String> inboxesOf(Actor actor) {
        java.util.List<String> inboxes = new java.util.ArrayList<>();
        inboxes.add(actor.username());
        if (actor.schoolId() != null) {
            actor.roles().forEach(r -> inboxes.add(roleInbox(r, actor.schoolId())));
        }
        return inboxes;
    }

    public Flux<Notification> inbox(Actor actor, boolean unreadOnly, int limit) {
        Criteria c = Criteria.where("recipient").in(inboxesOf(actor));
        if (unreadOnly) {
            c = c.and("readAt").is(null);
        }
        return mongo.find(Query.query(c).with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(limit),
                Notification.class);
    }

    public Mono<Notification> markRead(Actor actor, String id) {
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(id).and("recipient").in(inboxesOf(actor))),
                        new Update().set("readAt", clock.now()), Notification.class)
                .switchIfEmpty(Mono.error(() -> Problems.notFound("notification", id)))
                .flatMap(n -> mongo.findById(id, Notification.class));
    }
}
