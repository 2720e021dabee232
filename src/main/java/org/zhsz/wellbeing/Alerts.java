package org.zhsz.wellbeing;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.zhsz.audit.AuditEvent;
import org.zhsz.audit.AuditTrail;
import org.zhsz.organization.AssignmentRole;
import org.zhsz.organization.OrganizationDirectory;
import org.zhsz.platform.AccessPolicy;
import org.zhsz.platform.Action;
import org.zhsz.platform.Actor;
import org.zhsz.platform.DataClass;
import org.zhsz.platform.FieldCipher;
import org.zhsz.platform.Ids;
import org.zhsz.platform.Messages;
import org.zhsz.platform.Notifications;
import org.zhsz.platform.Problems;
import org.zhsz.platform.SchoolClock;
import org.zhsz.student.StudentDirectory;
import org.zhsz.student.StudentView;

import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Wellbeing alerts: raised with the answers, visible to the school's counselors only, acknowledged with a note.
 * Unacknowledged after {@code zhsz.wellbeing.alert-ack-minutes}, the school admin is told that an alert is
 * overdue — never whose or why.
 */
@Service
class Alerts {

    private static final Logger log = LoggerFactory.getLogger(Alerts.class);

    private final ReactiveMongoTemplate mongo;
    private final AccessPolicy access;
    private final FieldCipher cipher;
    private final StudentDirectory students;
    private final OrganizationDirectory organization;
    private final Notifications notifications;
    private final AuditTrail audit;
    private final SchoolClock clock;
    private final MeterRegistry meters;
    private final ApplicationEventPublisher events;
    private final Duration ackWithin;
    private final Instruments instruments;
    private final Messages messages;

    Alerts(ReactiveMongoTemplate mongo, FieldCipher cipher, StudentDirectory students,
           OrganizationDirectory organization, Notifications notifications, AuditTrail audit, SchoolClock clock,
           MeterRegistry meters, ApplicationEventPublisher events, AccessPolicy access,
           @Value("${zhsz.wellbeing.alert-ack-minutes:120}") long ackMinutes, Instruments instruments,
           Messages messages) {
        this.access = access;
        this.instruments = instruments;
        this.messages = messages;
        this.mongo = mongo;
        this.cipher = cipher;
        this.students = students;
        this.organization = organization;
        this.notifications = notifications;
        this.audit = audit;
        this.clock = clock;
        this.meters = meters;
        this.events = events;
        this.ackWithin = Duration.ofMinutes(ackMinutes);
    }

    Mono<Docs.Alert> raise(StudentView s, String campaignId, String responseId, String reason) {
        String id = Ids.newId();
        Docs.Alert a = new Docs.Alert(id, s.schoolId(), s.id(), campaignId, responseId,
                cipher.encrypt(reason, "alert:" + id), clock.now(), null, null, null, null, null);
        return mongo.insert(a).doOnNext(saved -> {
            meters.counter("zhsz.alerts.raised").increment();
            events.publishEvent(new AlertRaised(saved.id(), saved.schoolId(), saved.studentId()));
        });
    }

    /** The notification port: today the log and the counselors' in-app inbox. */
    @EventListener
    void onRaised(AlertRaised e) {
        log.warn("Wellbeing alert {} raised at school {}", e.alertId(), e.schoolId());
        counselors(e.schoolId())
                .flatMap(list -> students.find(e.studentId()).map(StudentView::name).defaultIfEmpty("")
                        .flatMap(name -> notifications.send(list, e.schoolId(), "wellbeing_alert",
                                "心理预警",
                                "学生 " + name + " 的筛查结果需要当天跟进，请在预警列表中确认。",
                                "/wellbeing/alerts")))
                .subscribe(v -> { }, err -> log.error("Could not notify counselors of alert {}", e.alertId(), err));
    }

    Mono<List<String>> counselors(String schoolId) {
        return organization.currentTerm(schoolId)
                .flatMapMany(t -> organization.assignmentsOfSchool(schoolId, t.code()))
                .filter(a -> a.role() == AssignmentRole.COUNSELOR).map(a -> a.username()).distinct().collectList();
    }

    /**
     * An alert as counselors read it. {@code reasonCode}: {@code critical_item} or {@code band} (or {@code text} for
     * a reason kept as written); {@code reason} says it in the caller's language, with the instrument's clinical name
     * and band label; {@code instrument}, {@code total}, {@code band} and {@code criticalItems} are the codes.
     */
    record AlertView(String id, String studentId, String studentName, String classId, String reasonCode,
                     String reason, @Nullable String instrument, @Nullable Integer total, @Nullable String band,
                     List<Integer> criticalItems,
                     Instant raisedAt, @Nullable Instant acknowledgedAt, @Nullable String acknowledgedBy,
                     @Nullable String note, boolean overdue,
                     Long version) {
    }

    private AlertView view(Docs.Alert a, StudentView s, String note, boolean overdue, Locale locale) {
        String stored = cipher.decrypt(a.reason(), "alert:" + a.id());
        AlertReason r = AlertReason.decode(stored, instruments);
        if (r == null) {
            return new AlertView(a.id(), s.id(), s.name(), s.classId(), "text", stored, null, null, null, List.of(),
                    a.raisedAt(), a.acknowledgedAt(), a.acknowledgedBy(), note, overdue, a.version());
        }
        Instrument in = instruments.find(r.instrument()).orElse(null);
        String name = in == null ? r.instrument() : Instrument.in(in.name(), locale);
        String band = in == null ? r.band() : in.bandLabel(r.band(), locale);
        String items = String.join(messages.text(locale, "alert.items.joiner"),
                r.criticalItems().stream().map(String::valueOf).toList());
        String text = messages.text(locale, "alert.reason." + r.code(), name, items, r.total(), band);
        return new AlertView(a.id(), s.id(), s.name(), s.classId(), r.code(), text, r.instrument(), r.total(),
                r.band(), r.criticalItems(), a.raisedAt(), a.acknowledgedAt(), a.acknowledgedBy(), note, overdue,
                a.version());
    }

    Mono<List<AlertView>> list(Actor actor, boolean openOnly) {
        return list(actor, openOnly, Locale.SIMPLIFIED_CHINESE);
    }

    /** The school's alerts, for its counselors (mental-health content); every alert shown is an audited read. */
    Mono<List<AlertView>> list(Actor actor, boolean openOnly, Locale locale) {
        return access.requireOwnSchool(actor, DataClass.MENTAL_HEALTH, Action.READ)
                .flatMap(scope -> list(actor, scope.schoolId(), openOnly, locale));
    }

    private Mono<List<AlertView>> list(Actor actor, String schoolId, boolean openOnly, Locale locale) {
        Criteria c = Criteria.where("schoolId").is(schoolId);
        if (openOnly) {
            c = c.and("acknowledgedAt").is(null);
        }
        Instant overdueBefore = clock.now().minus(ackWithin);
        // the alerts' audit events are recorded together (one append to the school's chain instead of one per
        // alert, each waiting for the previous); the list is sorted afterwards, so the order is unchanged
        return mongo.find(Query.query(c), Docs.Alert.class)
                .flatMapSequential(a -> students.find(a.studentId())
                        .flatMap(s -> audit.record(new AuditEvent(actor, "mental_health.alert.read", "alert", a.id(),
                                        s.id(), s.schoolId(), AuditEvent.Outcome.ALLOWED, null, DataClass.MENTAL_HEALTH))
                                .thenReturn(view(a, s,
                                        a.note() == null ? null : cipher.decrypt(a.note(), "alert-note:" + a.id()),
                                        a.acknowledgedAt() == null && a.raisedAt().isBefore(overdueBefore),
                                        locale))), 32)
                .sort(Comparator.comparing((AlertView v) -> v.acknowledgedAt() != null)
                        .thenComparing(AlertView::raisedAt, Comparator.reverseOrder()))
                .collectList();
    }

    Mono<AlertView> acknowledge(Actor actor, String id, String note) {
        return acknowledge(actor, id, note, Locale.SIMPLIFIED_CHINESE);
    }

    Mono<AlertView> acknowledge(Actor actor, String id, String note, Locale locale) {
        return access.requireOwnSchool(actor, DataClass.MENTAL_HEALTH, Action.WRITE)
                .flatMap(scope -> mongo.findById(id, Docs.Alert.class)
                        .filter(a -> a.schoolId().equals(scope.schoolId())))
                .switchIfEmpty(Mono.error(() -> Problems.notFound("alert", id)))
                .flatMap(a -> a.acknowledgedAt() != null
                        ? Mono.error(Problems.conflict("already_acknowledged", "This alert was already acknowledged"))
                        : mongo.findAndModify(Query.query(Criteria.where("_id").is(id).and("acknowledgedAt").is(null)),
                                new Update().set("acknowledgedAt", clock.now()).set("acknowledgedBy",
                                                actor.displayName())
                                        .set("note", note == null ? null : cipher.encrypt(note, "alert-note:" + id))
                                        .inc("version", 1),
                                FindAndModifyOptions.options().returnNew(true), Docs.Alert.class)
                        .switchIfEmpty(Mono.error(() -> Problems.conflict("already_acknowledged",
                                "This alert was already acknowledged"))))
                .flatMap(a -> audit.record(new AuditEvent(actor, "mental_health.alert.acknowledge", "alert", a.id(),
                                a.studentId(), a.schoolId(), AuditEvent.Outcome.ALLOWED, null, DataClass.MENTAL_HEALTH))
                        .doOnSuccess(v -> meters.counter("zhsz.alerts.acknowledged").increment())
                        .then(students.find(a.studentId()))
                        .map(s -> view(a, s, note, false, locale)));
    }

    /** For the school admin: that alerts are overdue, how many and since when — nothing about whom. */
    record OverdueSummary(long overdue, @Nullable Instant oldestRaisedAt, long ackWithinMinutes) {
    }

    Mono<OverdueSummary> overdueSummary(Actor actor) {
        Instant before = clock.now().minus(ackWithin);
        return access.requireOwnSchool(actor, DataClass.MENTAL_HEALTH_STATS, Action.READ)
                .flatMapMany(scope -> mongo.find(Query.query(Criteria.where("schoolId").is(scope.schoolId())
                        .and("acknowledgedAt").is(null).and("raisedAt").lt(before)), Docs.Alert.class))
                .map(Docs.Alert::raisedAt).collectList()
                .map(list -> new OverdueSummary(list.size(), list.stream().min(Comparator.naturalOrder()).orElse(null),
                        ackWithin.toMinutes()));
    }

    /** Every minute: tell the school admins once per alert that it is overdue (content-free). */
    @Scheduled(fixedDelayString = "${zhsz.wellbeing.overdue-check-ms:60000}", initialDelay = 30_000)
    void checkOverdue() {
        checkOverdueNow().subscribe(n -> {
            if (n > 0) {
                log.warn("{} wellbeing alert(s) overdue; school admins notified", n);
            }
        }, e -> log.error("Overdue check failed", e));
    }

    Mono<Long> checkOverdueNow() {
        Instant before = clock.now().minus(ackWithin);
        return mongo.find(Query.query(Criteria.where("acknowledgedAt").is(null).and("overdueNotifiedAt").is(null)
                        .and("raisedAt").lt(before)), Docs.Alert.class)
                .concatMap(a -> mongo.findAndModify(Query.query(Criteria.where("_id").is(a.id())
                                .and("overdueNotifiedAt").is(null)), new Update().set("overdueNotifiedAt", clock.now()),
                        Docs.Alert.class))
                .concatMap(a -> notifications.sendToSchoolAdmins(a.schoolId(), "wellbeing_alert_overdue",
                                "心理预警超时未确认",
                                "有一条心理预警超过 " + ackWithin.toMinutes() + " 分钟未被心理教师确认，请督促跟进。",
                                "/wellbeing/overdue")
                        .doOnSuccess(v -> meters.counter("zhsz.alerts.overdue").increment())
                        .thenReturn(1L))
                .count();
    }

    Flux<Docs.Alert> ofStudent(String studentId) {
        return mongo.find(Query.query(Criteria.where("studentId").is(studentId)), Docs.Alert.class);
    }
}
