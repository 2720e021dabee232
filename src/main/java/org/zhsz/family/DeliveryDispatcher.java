package org.zhsz.family;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.zhsz.platform.Ids;
import org.zhsz.platform.SchoolClock;
import org.zhsz.student.StudentDirectory;
import org.zhsz.student.StudentView;

import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The delivery outbox: a notice (or a reminder) queues one message per guardian and enabled channel; due messages
 * are sent every few seconds, within each channel's rate limit, with retries and backoff per {@link DeliveryRules}.
 * An attempt first claims its message (a conditional update that pushes {@code nextAttemptAt} out as a lease), so
 * two instances never send the same message at once, and a message whose instance died is picked up again.
 * What became of each message is shown to the sender in the notice's receipts.
 */
@Component
class DeliveryDispatcher {

    private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);
    static final Duration LEASE = Duration.ofMinutes(2);
    private static final int BATCH = 500;

    /** Someone a notice goes to: the student, which guardian, and how they are reached. */
    record Target(String studentId, String guardianKey, String username, String phone) {
    }

    private final ReactiveMongoTemplate mongo;
    private final StudentDirectory students;
    private final ChannelRegistry channels;
    private final FamilyProperties props;
    private final MessageSource messages;
    private final SchoolClock clock;
    private final MeterRegistry meters;
    private final Map<String, DeliveryRules.RateWindow> windows = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean();

    DeliveryDispatcher(ReactiveMongoTemplate mongo, StudentDirectory students, ChannelRegistry channels,
                       FamilyProperties props, MessageSource messages, SchoolClock clock, MeterRegistry meters) {
        this.mongo = mongo;
        this.students = students;
        this.channels = channels;
        this.props = props;
        this.messages = messages;
        this.clock = clock;
        this.meters = meters;
    }

    /** Queues one message per target and enabled channel of the county; emits how many were queued. */
    Mono<Integer> enqueue(Docs.Notice notice, Docs.Kind kind, List<Target> targets) {
        List<DeliveryChannel> enabled = channels.of(notice.countyId());
        if (enabled.isEmpty() || targets.isEmpty()) {
            return Mono.just(0);
        }
        Instant now = clock.now();
        List<Docs.Delivery> queued = new ArrayList<>();
        for (Target t : targets) {
            for (DeliveryChannel ch : enabled) {
                if (ch.address(new DeliveryChannel.Recipient(t.username(), t.phone())) != null) {
                    queued.add(new Docs.Delivery(Ids.newId(), notice.countyId(), notice.schoolId(), notice.id(), kind,
                            ch.channel().name(), t.studentId(), t.guardianKey(), DeliveryRules.Status.PENDING.name(),
                            0, now, null, null, now, null));
                }
            }
        }
        return queued.isEmpty() ? Mono.just(0) : mongo.insertAll(queued).then(Mono.fromRunnable(this::kick))
                .thenReturn(queued.size());
    }

    /** Whether a guardian has an address on any channel the county has turned on. */
    boolean reachable(String countyId, StudentView.GuardianView g) {
        return channels.of(countyId).stream()
                .anyMatch(ch -> ch.address(new DeliveryChannel.Recipient(g.username(), g.phone())) != null);
    }

    /** Starts a dispatch round now rather than at the next tick. */
    void kick() {
        if (!props.delivery().paused() && running.compareAndSet(false, true)) {
            dispatchDue(clock.now()).doFinally(s -> running.set(false))
                    .subscribe(n -> { }, e -> log.error("Delivery round failed", e));
        }
    }

    @Scheduled(fixedDelayString = "${zhsz.family.delivery.dispatch-every-ms:5000}", initialDelay = 10_000)
    void scheduled() {
        if (channels.anyEnabled()) {
            kick();
        }
    }

    /** One round: every message due at {@code now}; emits how many were sent. */
    Mono<Integer> dispatchDue(Instant now) {
        Query due = Query.query(Criteria.where("status").is(DeliveryRules.Status.PENDING.name())
                        .and("nextAttemptAt").lte(now))
                .with(Sort.by("nextAttemptAt")).limit(BATCH);
        return mongo.find(due, Docs.Delivery.class)
                .concatMap(d -> dispatchOne(d, now))
                .reduce(0, Integer::sum);
    }

    private Mono<Integer> dispatchOne(Docs.Delivery d, Instant now) {
        DeliveryChannel ch = channels.channel(d.countyId(), d.channel());
        if (ch == null) {
            return finish(d, DeliveryRules.Status.FAILED, null, d.attempts(), "channel_off", null, now);
        }
        DeliveryRules.RateWindow window = windows.computeIfAbsent(d.countyId() + "/" + d.channel(),
                k -> new DeliveryRules.RateWindow(channels.perMinute(d.countyId(), d.channel())));
        if (!window.tryTake(now)) {
            meters.counter("zhsz.family.delivery", "channel", d.channel().toLowerCase(Locale.ROOT), "outcome",
                    "deferred").increment();
            return mongo.updateFirst(Query.query(Criteria.where("_id").is(d.id()).and("status").is("PENDING")),
                    new Update().set("nextAttemptAt", DeliveryRules.RateWindow.nextWindow(now))
                            .set("lastError", "rate_limit_window"), Docs.Delivery.class).thenReturn(0);
        }
        Query claim = Query.query(Criteria.where("_id").is(d.id()).and("status").is("PENDING")
                .and("nextAttemptAt").is(d.nextAttemptAt()));
        return mongo.findAndModify(claim, new Update().set("nextAttemptAt", now.plus(LEASE)).inc("attempts", 1),
                        FindAndModifyOptions.options().returnNew(true), Docs.Delivery.class)
                .flatMap(claimed -> address(claimed, ch)
                        .flatMap(addr -> ch.send(addr, message(claimed)))
                        .switchIfEmpty(Mono.just(DeliveryChannel.Outcome.failed("no_address")))
                        .flatMap(outcome -> {
                            meters.counter("zhsz.family.delivery", "channel",
                                    claimed.channel().toLowerCase(Locale.ROOT), "outcome",
                                    outcome.status().name().toLowerCase(Locale.ROOT)).increment();
                            DeliveryRules.Next next = DeliveryRules.after(outcome, claimed.attempts(), now,
                                    props.delivery().maxAttempts(), props.delivery().firstRetryAfter());
                            return finish(claimed, next.status(), next.nextAttemptAt(), next.attempts(),
                                    outcome.error(), outcome.providerId(), now);
                        }))
                .defaultIfEmpty(0);
    }

    private Mono<Integer> finish(Docs.Delivery d, DeliveryRules.Status status, Instant next, int attempts,
                                 String error, String providerId, Instant now) {
        Update u = new Update().set("status", status.name()).set("attempts", attempts).set("nextAttemptAt", next)
                .set("lastError", error);
        if (status == DeliveryRules.Status.SENT) {
            u.set("sentAt", now).set("providerId", providerId);
        }
        if (status == DeliveryRules.Status.FAILED) {
            log.warn("Delivery {} of notice {} over {} failed: {}", d.id(), d.noticeId(), d.channel(), error);
        }
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(d.id())), u, Docs.Delivery.class)
                .thenReturn(status == DeliveryRules.Status.SENT ? 1 : 0);
    }

    /** The guardian's address as the student's record has it now (the outbox keeps no phone numbers). */
    private Mono<String> address(Docs.Delivery d, DeliveryChannel ch) {
        return students.find(d.studentId()).flatMap(s -> Mono.justOrEmpty(guardian(s, d.guardianKey())))
                .flatMap(g -> Mono.justOrEmpty(ch.address(new DeliveryChannel.Recipient(g.username(), g.phone()))));
    }

    static StudentView.GuardianView guardian(StudentView s, String key) {
        List<StudentView.GuardianView> gs = s.guardians();
        for (int i = 0; i < gs.size(); i++) {
            if (key.equals(guardianKey(gs.get(i), i))) {
                return gs.get(i);
            }
        }
        return null;
    }

    /** A guardian's key in receipts and deliveries: the account, or the position among the student's guardians. */
    static String guardianKey(StudentView.GuardianView g, int index) {
        return g.username() != null ? g.username() : "#" + index;
    }

    private DeliveryChannel.Message message(Docs.Delivery d) {
        Locale zh = Locale.SIMPLIFIED_CHINESE;
        String text = messages.getMessage(d.kind() == Docs.Kind.REMINDER ? "delivery.reminder.text"
                : "delivery.notice.text", null, zh);
        return new DeliveryChannel.Message(messages.getMessage("delivery.notice.title", null, zh), text,
                props.linkBaseUrl() + "/notices/" + d.noticeId());
    }

    /** What the sender sees of one message. */
    record View(String channel, Docs.Kind kind, String status, int attempts, @Nullable String error,
                @Nullable Instant sentAt,
                @Nullable Instant nextAttemptAt) {
    }

    Flux<Docs.Delivery> ofNotice(String noticeId) {
        return mongo.find(Query.query(Criteria.where("noticeId").is(noticeId)), Docs.Delivery.class);
    }
}
