package org.zhsz.family;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.stereotype.Service;
import org.zhsz.audit.AuditEvent;
import org.zhsz.audit.AuditTrail;
import org.zhsz.organization.OrganizationDirectory;
import org.zhsz.organization.Views.ClassView;
import org.zhsz.platform.AccessPolicy;
import org.zhsz.platform.Action;
import org.zhsz.platform.Actor;
import org.zhsz.platform.ClassScope;
import org.zhsz.platform.DataClass;
import org.zhsz.platform.FieldError;
import org.zhsz.platform.Ids;
import org.zhsz.platform.Notifications;
import org.zhsz.platform.PageResult;
import org.zhsz.platform.Paging;
import org.zhsz.platform.Problems;
import org.zhsz.platform.Relationship;
import org.zhsz.platform.SchoolClock;
import org.zhsz.record.EvidenceFiles;
import org.zhsz.student.StudentDirectory;
import org.zhsz.student.StudentView;

import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * 班级通知: the head teacher (or the school admin, for any class or the whole school) sends a notice to the class's
 * families; each guardian's reading and confirmation is a receipt the sender sees, with what became of the messages
 * sent outside the app; one reminder action reaches those who have not yet done what was asked. Outside the
 * notice's classes it does not exist (404).
 */
@Service
class ClassNotices {

    static final int LIST_LIMIT = 1000;

    private final ReactiveMongoTemplate mongo;
    private final AccessPolicy access;
    private final StudentDirectory students;
    private final OrganizationDirectory organization;
    private final EvidenceFiles files;
    private final Notifications notifications;
    private final DeliveryDispatcher delivery;
    private final AuditTrail audit;
    private final SchoolClock clock;
    private final MessageSource messages;
    private final FamilyProperties props;
    private final MeterRegistry meters;

    ClassNotices(ReactiveMongoTemplate mongo, AccessPolicy access, StudentDirectory students,
                 OrganizationDirectory organization, EvidenceFiles files, Notifications notifications,
                 DeliveryDispatcher delivery, AuditTrail audit, SchoolClock clock, MessageSource messages,
                 FamilyProperties props, MeterRegistry meters) {
        this.mongo = mongo;
        this.access = access;
        this.students = students;
        this.organization = organization;
        this.files = files;
        this.notifications = notifications;
        this.delivery = delivery;
        this.audit = audit;
        this.clock = clock;
        this.messages = messages;
        this.props = props;
        this.meters = meters;
    }

    // ---------------------------------------------------------------- views

    enum ReceiptStatus { UNREAD, READ, CONFIRMED, NO_ACCOUNT }

    /** One of the reader's children (or the student themself) and where they stand with the notice. */
    record Mine(String studentId, String studentName, String classId, ReceiptStatus status, @Nullable Instant readAt,
                @Nullable Instant confirmedAt) {
    }

    /** The sender's overview: families reached, read, confirmed (guardians, and students with at least one). */
    record Counts(int students, int guardians, int withAccount, int read, int confirmed, int studentsRead,
                  int studentsConfirmed) {
    }

    record Item(String id, Docs.Scope scope, List<String> classIds, List<String> classNames, String title,
                String excerpt, boolean requiresConfirmation, java.time.@Nullable LocalDate dueOn,
                Docs.Audience audience,
                Instant sentAt, Docs.Person sentBy, int attachments, String reader, List<Mine> mine,
                @Nullable Counts counts) {
    }

    record Detail(String id, Docs.Scope scope, List<String> classIds, List<String> classNames, String title,
                  String body, boolean requiresConfirmation, java.time.@Nullable LocalDate dueOn,
                  Docs.Audience audience,
                  Instant sentAt, Docs.Person sentBy, List<Docs.Attachment> attachments, String reader,
                  List<Mine> mine, @Nullable Counts counts, boolean canReview, boolean canConfirm,
                  @Nullable Instant lastReminderAt,
                  Long version) {
    }

    /** What the client sends to create a notice. */
    record NoticeInput(String title, String body, Boolean requiresConfirmation, java.time.LocalDate dueOn,
                       List<String> attachments, Docs.Audience audience) {
    }

    // ---------------------------------------------------------------- who relates how

    /** The actor's relation to the notice through the classes they may see: staff, guardian or student. */
    private record Access(Docs.Notice notice, List<ClassScope> scopes) {

        boolean permits(AccessPolicy policy, Action action) {
            return scopes.stream().anyMatch(s -> policy.permits(s.relationships(), DataClass.CLASS_NOTICE, action));
        }

        List<String> classesPermitting(AccessPolicy policy, Action action) {
            return scopes.stream().filter(s -> policy.permits(s.relationships(), DataClass.CLASS_NOTICE, action))
                    .map(ClassScope::classId).toList();
        }

        boolean staff() {
            return scopes.stream().anyMatch(s -> !s.isAny(Relationship.CLASSMATE, Relationship.CLASSMATE_GUARDIAN)
                    || s.relationships().size() > 1);
        }

        boolean guardian() {
            return scopes.stream().anyMatch(s -> s.is(Relationship.CLASSMATE_GUARDIAN));
        }
    }

    /** The notice if the actor may read it; 404 for everyone else (including students it is not addressed to). */
    private Mono<Access> readable(Actor actor, String noticeId) {
        return mongo.findById(noticeId, Docs.Notice.class)
                .flatMap(n -> access.visibleClassIds(actor)
                        .flatMapMany(visible -> Flux.fromIterable(n.classIds()).filter(visible::contains))
                        .concatMap(c -> access.classScope(actor, c))
                        .filter(s -> access.permits(s.relationships(), DataClass.CLASS_NOTICE, Action.READ))
                        .filter(s -> n.audience() == Docs.Audience.GUARDIANS_AND_STUDENTS
                                || !onlyStudent(s))
                        .collectList()
                        .filter(list -> !list.isEmpty())
                        .map(list -> new Access(n, list)))
                .switchIfEmpty(Mono.defer(() -> audit.record(new AuditEvent(actor, "notice.read", "notice", noticeId,
                        null, null, AuditEvent.Outcome.DENIED, "out_of_scope", DataClass.CLASS_NOTICE))
                        .then(Mono.error(Problems.notFound("class_notice", noticeId)))));
    }

    private static boolean onlyStudent(ClassScope s) {
        return s.relationships().size() == 1 && s.is(Relationship.CLASSMATE);
    }

    private Mono<Access> requiring(Actor actor, String noticeId, Action action) {
        return readable(actor, noticeId).flatMap(a -> a.permits(access, action) ? Mono.just(a)
                : audit.record(new AuditEvent(actor, "notice." + action.name().toLowerCase(Locale.ROOT), "notice",
                        noticeId, null, a.notice().schoolId(), AuditEvent.Outcome.DENIED, "not_permitted",
                        DataClass.CLASS_NOTICE)).then(Mono.error(Problems.forbidden("class_notice."
                        + action.name().toLowerCase(Locale.ROOT)))));
    }

    // ---------------------------------------------------------------- create

    Mono<Detail> createForClass(Actor actor, String classId, NoticeInput in) {
        return access.requireClass(actor, classId, DataClass.CLASS_NOTICE, Action.WRITE)
                .flatMap(scope -> organization.school(scope.schoolId()).flatMap(school -> create(actor,
                        scope.schoolId(), school.countyId(), Docs.Scope.CLASS, List.of(classId), scope.termCode(),
                        new Docs.Person(actor.username(), actor.displayName(),
                                scope.is(Relationship.HEAD_TEACHER) ? "head_teacher" : "school_admin"), in)));
    }

    Mono<Detail> createForSchool(Actor actor, String schoolId, NoticeInput in) {
        return access.requireSchool(actor, schoolId, DataClass.CLASS_NOTICE, Action.WRITE)
                .flatMap(scope -> organization.classesOfSchool(schoolId, scope.termCode())
                        .filter(c -> c.active() && c.stage().inStage(c.entryYear(),
                                org.zhsz.organization.TermCalendar.schoolYearStart(scope.termCode())))
                        .map(ClassView::id).collectList()
                        .flatMap(ids -> ids.isEmpty() ? Mono.error(Problems.rule("no_classes",
                                "The school has no classes this term"))
                                : create(actor, schoolId, scope.countyId(), Docs.Scope.SCHOOL, ids, scope.termCode(),
                                new Docs.Person(actor.username(), actor.displayName(), "school_admin"), in)));
    }

    private Mono<Detail> create(Actor actor, String schoolId, String countyId, Docs.Scope scope, List<String> classIds,
                                String term, Docs.Person sender, NoticeInput in) {
        NoticeRules.Draft draft = new NoticeRules.Draft(in.title(), in.body(),
                Boolean.TRUE.equals(in.requiresConfirmation()), in.dueOn(),
                in.attachments() == null ? List.of() : in.attachments());
        return Flux.fromIterable(classIds).concatMap(students::inClass).collectList().flatMap(roster -> {
            List<FieldError> errors = NoticeRules.validate(draft, clock.today(),
                    roster.stream().map(StudentView::name).toList());
            if (!errors.isEmpty()) {
                return Mono.error(Problems.invalid(errors));
            }
            return uploads(actor, schoolId, classIds, draft.attachments()).flatMap(atts -> {
                Instant now = clock.now();
                Docs.Notice n = new Docs.Notice(Ids.newId(), schoolId, countyId, scope, classIds, term,
                        draft.title().strip(), draft.body().strip(), draft.requiresConfirmation(), draft.dueOn(),
                        in.audience() == null ? Docs.Audience.GUARDIANS : in.audience(), atts, sender, now,
                        List.of(), null);
                return mongo.insert(n)
                        .flatMap(saved -> Flux.fromIterable(atts).concatMap(a -> mongo.updateFirst(
                                        Query.query(Criteria.where("_id").is(a.id())), new Update().set("noticeId",
                                                saved.id()), Docs.Upload.class))
                                .then(audit.record(AuditEvent.allowed(actor, "notice.create", "notice", saved.id(),
                                        null, schoolId)))
                                .then(send(saved, Docs.Kind.NOTICE, roster, null))
                                .doOnSuccess(v -> meters.counter("zhsz.family.notices", "scope",
                                        scope.name().toLowerCase(Locale.ROOT)).increment())
                                .then(detail(actor, saved.id(), false)));
            });
        });
    }

    /** The uploads named as attachments: this sender's, for this school and these classes, not yet sent. */
    private Mono<List<Docs.Attachment>> uploads(Actor actor, String schoolId, List<String> classIds, List<String> ids) {
        if (ids.isEmpty()) {
            return Mono.just(List.of());
        }
        return Flux.fromIterable(ids).concatMap(id -> mongo.findById(id, Docs.Upload.class)
                        .filter(u -> schoolId.equals(u.schoolId()) && actor.username().equals(u.uploadedBy())
                                && u.noticeId() == null && (u.classId() == null || classIds.contains(u.classId())))
                        .switchIfEmpty(Mono.error(() -> Problems.invalid("attachments", "unknown",
                                "no such uploaded file: " + id)))
                        .map(u -> new Docs.Attachment(u.id(), u.filename(), u.contentType(), u.size())))
                .collectList();
    }

    /**
     * The in-app inbox of every guardian with an account (and of students when addressed), and a message per channel
     * the county has turned on. {@code onlyNotDone}: for a reminder, the guardians (by student and key) to reach.
     */
    private Mono<Void> send(Docs.Notice n, Docs.Kind kind, List<StudentView> roster, Set<String> onlyNotDone) {
        List<String> inbox = new ArrayList<>();
        List<DeliveryDispatcher.Target> targets = new ArrayList<>();
        for (StudentView s : roster) {
            for (int i = 0; i < s.guardians().size(); i++) {
                StudentView.GuardianView g = s.guardians().get(i);
                String key = DeliveryDispatcher.guardianKey(g, i);
                if (onlyNotDone != null && !onlyNotDone.contains(s.id() + "|" + key)) {
                    continue;
                }
                if (g.username() != null) {
                    inbox.add(g.username());
                }
                targets.add(new DeliveryDispatcher.Target(s.id(), key, g.username(), g.phone()));
            }
            if (onlyNotDone == null && n.audience() == Docs.Audience.GUARDIANS_AND_STUDENTS && s.username() != null) {
                inbox.add(s.username());
            }
        }
        Locale zh = Locale.SIMPLIFIED_CHINESE;
        String title = messages.getMessage("notification.class_notice.title", null, zh);
        String body = messages.getMessage(kind == Docs.Kind.REMINDER ? "notification.class_notice.reminder"
                : "notification.class_notice.body", null, zh);
        return notifications.send(inbox, n.schoolId(), kind == Docs.Kind.REMINDER ? "class_notice_reminder"
                        : "class_notice", title, body, "/notices/" + n.id())
                .then(delivery.enqueue(n, kind, targets)).then();
    }

    // ---------------------------------------------------------------- read

    Mono<Detail> get(Actor actor, String id) {
        return detail(actor, id, true);
    }

    private Mono<Detail> detail(Actor actor, String id, boolean markRead) {
        return readable(actor, id).flatMap(a -> {
            Docs.Notice n = a.notice();
            Mono<Void> mark = markRead ? markRead(actor, a, null, false) : Mono.empty();
            Lookups l = new Lookups(actor);
            return mark.then(Mono.zip(mine(l, a), counts(l, a, a.classesPermitting(access, Action.REVIEW)),
                            classNames(n.classIds(), n.term())))
                    .map(t -> new Detail(n.id(), n.scope(), n.classIds(), t.getT3(), n.title(), n.body(),
                            n.requiresConfirmation(), n.dueOn(), n.audience(), n.sentAt(), n.sentBy(), n.attachments(),
                            reader(a), t.getT1(), t.getT2().orElse(null), a.permits(access, Action.REVIEW),
                            n.requiresConfirmation() && a.permits(access, Action.SIGN), n.lastReminderAt(),
                            n.version()));
        });
    }

    private String reader(Access a) {
        return a.guardian() ? "guardian" : a.staff() ? "staff" : "student";
    }

    /**
     * What one request looks up again and again (a page of notices): the reader's own children and each class's
     * roster, read once per request.
     */
    private final class Lookups {
        private final Actor actor;
        private final Map<String, Mono<List<StudentView>>> rosters = new java.util.concurrent.ConcurrentHashMap<>();
        private final Mono<List<StudentView>> family;

        Lookups(Actor actor) {
            this.actor = actor;
            this.family = Flux.concat(students.childrenOf(actor.username()), students.findByUsername(actor.username()))
                    .distinct(StudentView::id).collectList().cache();
        }

        Flux<StudentView> roster(String classId) {
            return rosters.computeIfAbsent(classId, c -> students.inClass(c).collectList().cache())
                    .flatMapIterable(l -> l);
        }
    }

    /** The actor's children in the notice's classes (a guardian), or the student themself. */
    private Flux<StudentView> ownChildren(Lookups l, Access a) {
        Set<String> classes = new HashSet<>(a.scopes().stream()
                .filter(s -> s.isAny(Relationship.CLASSMATE_GUARDIAN, Relationship.CLASSMATE))
                .map(ClassScope::classId).toList());
        if (classes.isEmpty()) {
            return Flux.empty();
        }
        return l.family.flatMapIterable(list -> list)
                .filter(s -> s.classId() != null && classes.contains(s.classId()));
    }

    private static String readerKey(Actor actor, StudentView s) {
        return actor.username().equals(s.username()) ? "student" : actor.username();
    }

    private Mono<Void> markRead(Actor actor, Access a, String onlyStudent, boolean confirm) {
        Instant now = clock.now();
        Docs.Notice n = a.notice();
        return ownChildren(new Lookups(actor), a)
                .filter(s -> onlyStudent == null || onlyStudent.equals(s.id()))
                .filter(s -> !confirm || s.hasGuardian(actor.username()))
                .concatMap(s -> {
                    String key = readerKey(actor, s);
                    String rid = Docs.Receipt.id(n.id(), s.id(), key);
                    Update u = new Update().setOnInsert("noticeId", n.id()).setOnInsert("schoolId", n.schoolId())
                            .setOnInsert("classId", s.classId()).setOnInsert("studentId", s.id())
                            .setOnInsert("readerKey", key).setOnInsert("username", actor.username())
                            .setOnInsert("readerRole", "student".equals(key) ? "student" : "guardian")
                            .setOnInsert("readAt", now);
                    Mono<?> read = mongo.upsert(Query.query(Criteria.where("_id").is(rid)), u, Docs.Receipt.class);
                    if (!confirm) {
                        return read;
                    }
                    return read.then(mongo.updateFirst(Query.query(Criteria.where("_id").is(rid)
                                    .and("confirmedAt").is(null)), new Update().set("confirmedAt", now),
                            Docs.Receipt.class)).flatMap(res -> res.getModifiedCount() == 0 ? Mono.empty()
                            : audit.record(AuditEvent.allowed(actor, "notice.confirm", "notice", n.id(), s.id(),
                            n.schoolId())));
                })
                .then();
    }

    private Mono<List<Mine>> mine(Lookups l, Access a) {
        Actor actor = l.actor;
        return ownChildren(l, a).collectList().flatMap(kids -> {
            if (kids.isEmpty()) {
                return Mono.just(List.<Mine>of());
            }
            List<String> ids = kids.stream().map(s -> Docs.Receipt.id(a.notice().id(), s.id(), readerKey(actor, s)))
                    .toList();
            return mongo.find(Query.query(Criteria.where("_id").in(ids)), Docs.Receipt.class)
                    .collectMap(Docs.Receipt::studentId).map(receipts -> kids.stream().map(s -> {
                        Docs.Receipt r = receipts.get(s.id());
                        ReceiptStatus st = r == null ? ReceiptStatus.UNREAD : r.confirmedAt() != null
                                ? ReceiptStatus.CONFIRMED : ReceiptStatus.READ;
                        return new Mine(s.id(), s.name(), s.classId(), st, r == null ? null : r.readAt(),
                                r == null ? null : r.confirmedAt());
                    }).toList());
        });
    }

    /** Counts over the classes the actor reviews (empty when they review none). */
    private Mono<java.util.Optional<Counts>> counts(Lookups l, Access a, List<String> classes) {
        if (classes.isEmpty()) {
            return Mono.just(java.util.Optional.empty());
        }
        return Mono.zip(Flux.fromIterable(classes).concatMap(l::roster).collectList(),
                        receipts(a.notice().id(), classes).collectList())
                .map(t -> java.util.Optional.of(count(t.getT1(), t.getT2())));
    }

    static Counts count(List<StudentView> roster, List<Docs.Receipt> receipts) {
        Map<String, Docs.Receipt> byKey = new HashMap<>();
        receipts.stream().filter(r -> "guardian".equals(r.readerRole()))
                .forEach(r -> byKey.put(r.studentId() + "|" + r.readerKey(), r));
        int guardians = 0;
        int withAccount = 0;
        int read = 0;
        int confirmed = 0;
        int studentsRead = 0;
        int studentsConfirmed = 0;
        for (StudentView s : roster) {
            boolean anyRead = false;
            boolean anyConfirmed = false;
            for (int i = 0; i < s.guardians().size(); i++) {
                StudentView.GuardianView g = s.guardians().get(i);
                guardians++;
                withAccount += g.username() != null ? 1 : 0;
                Docs.Receipt r = byKey.get(s.id() + "|" + DeliveryDispatcher.guardianKey(g, i));
                if (r != null) {
                    read++;
                    anyRead = true;
                    if (r.confirmedAt() != null) {
                        confirmed++;
                        anyConfirmed = true;
                    }
                }
            }
            studentsRead += anyRead ? 1 : 0;
            studentsConfirmed += anyConfirmed ? 1 : 0;
        }
        return new Counts(roster.size(), guardians, withAccount, read, confirmed, studentsRead, studentsConfirmed);
    }

    private Flux<Docs.Receipt> receipts(String noticeId, List<String> classes) {
        return mongo.find(Query.query(Criteria.where("noticeId").is(noticeId).and("classId").in(classes)),
                Docs.Receipt.class);
    }

    private Mono<List<String>> classNames(List<String> classIds, String term) {
        return Flux.fromIterable(classIds).concatMap(id -> organization.schoolClass(id, term).map(ClassView::name)
                .defaultIfEmpty(id)).collectList();
    }

    // ---------------------------------------------------------------- list

    Mono<PageResult<Item>> list(Actor actor, String classId, boolean unreadOnly, Paging paging) {
        Mono<List<ClassScope>> scopes = classId != null
                ? access.requireClass(actor, classId, DataClass.CLASS_NOTICE, Action.READ).map(List::of)
                : access.visibleClassIds(actor).flatMapMany(Flux::fromIterable)
                .concatMap(c -> access.classScope(actor, c))
                .filter(s -> access.permits(s.relationships(), DataClass.CLASS_NOTICE, Action.READ))
                .collectList();
        Lookups l = new Lookups(actor);
        return scopes.flatMap(list -> {
            if (list.isEmpty()) {
                return Mono.just(new PageResult<Item>(List.of(), paging.page(), paging.size(), 0));
            }
            List<String> full = list.stream().filter(s -> !onlyStudent(s)).map(ClassScope::classId).toList();
            List<String> studentOnly = list.stream().filter(ClassNotices::onlyStudent).map(ClassScope::classId)
                    .toList();
            List<Criteria> or = new ArrayList<>();
            if (!full.isEmpty()) {
                or.add(Criteria.where("classIds").in(full));
            }
            if (!studentOnly.isEmpty()) {
                or.add(new Criteria().andOperator(Criteria.where("classIds").in(studentOnly),
                        Criteria.where("audience").is(Docs.Audience.GUARDIANS_AND_STUDENTS)));
            }
            Query q = Query.query(or.size() == 1 ? or.get(0) : new Criteria().orOperator(or.toArray(new Criteria[0])))
                    .with(Sort.by(Sort.Direction.DESC, "sentAt")).limit(LIST_LIMIT);
            return mongo.find(q, Docs.Notice.class)
                    .concatMap(n -> {
                        List<ClassScope> mineScopes = list.stream().filter(s -> n.classIds().contains(s.classId()))
                                .toList();
                        Access a = new Access(n, mineScopes);
                        return Mono.zip(mine(l, a), counts(l, a, a.classesPermitting(access, Action.REVIEW)),
                                        classNames(n.classIds().size() > 3 ? List.of() : n.classIds(), n.term()))
                                .map(t -> new Item(n.id(), n.scope(), n.classIds(), t.getT3(), n.title(),
                                        excerpt(n.body()), n.requiresConfirmation(), n.dueOn(), n.audience(),
                                        n.sentAt(), n.sentBy(), n.attachments().size(), reader(a), t.getT1(),
                                        t.getT2().orElse(null)));
                    })
                    .filter(item -> !unreadOnly || item.mine().stream().anyMatch(m -> m.status()
                            == ReceiptStatus.UNREAD))
                    .collectList()
                    .map(all -> PageResult.of(all, paging));
        });
    }

    /** Notices a family member has not opened yet (for badges and the home page's to-do counts). */
    Mono<Long> unreadCount(Actor actor) {
        return list(actor, null, true, new Paging(0, 1)).map(PageResult::total);
    }

    static String excerpt(String body) {
        String flat = body.replaceAll("\\s+", " ").strip();
        return flat.codePointCount(0, flat.length()) <= 80 ? flat
                : flat.substring(0, flat.offsetByCodePoints(0, 80)) + "…";
    }

    // ---------------------------------------------------------------- confirm

    Mono<Detail> confirm(Actor actor, String id, String studentId) {
        return requiring(actor, id, Action.SIGN).flatMap(a -> {
            if (!a.notice().requiresConfirmation()) {
                return Mono.error(Problems.rule("confirmation_not_requested",
                        "This notice does not ask for a confirmation"));
            }
            return markRead(actor, a, studentId, true).then(detail(actor, id, false));
        });
    }

    // ---------------------------------------------------------------- receipts and reminders

    record GuardianReceipt(String key, String name, @Nullable String relation, boolean hasAccount, ReceiptStatus status,
                           @Nullable Instant readAt, @Nullable Instant confirmedAt,
                           List<DeliveryDispatcher.View> deliveries) {
    }

    record StudentReceipts(String studentId, String name, String classId, String className, ReceiptStatus status,
                           @Nullable Instant studentReadAt, List<GuardianReceipt> guardians) {
    }

    record Receipts(String noticeId, String title, boolean requiresConfirmation, java.time.@Nullable LocalDate dueOn,
                    Instant sentAt, Counts counts, int deliveryFailed, int deliveryPending,
                    @Nullable Instant lastReminderAt,
                    @Nullable Instant nextReminderAt, List<String> channels, List<StudentReceipts> students) {
    }

    Mono<Receipts> receipts(Actor actor, String id, String classFilter) {
        return requiring(actor, id, Action.REVIEW).flatMap(a -> {
            Docs.Notice n = a.notice();
            List<String> classes = a.classesPermitting(access, Action.REVIEW).stream()
                    .filter(c -> classFilter == null || classFilter.equals(c)).toList();
            return Mono.zip(Flux.fromIterable(classes).concatMap(students::inClass).collectList(),
                            receipts(n.id(), classes).collectList(),
                            delivery.ofNotice(n.id()).collectList(),
                            Flux.fromIterable(classes).concatMap(c -> organization.schoolClass(c, n.term()))
                                    .collectMap(ClassView::id, ClassView::name))
                    .flatMap(t -> audit.record(AuditEvent.allowed(actor, "notice.receipts.read", "notice", n.id(),
                            null, n.schoolId())).thenReturn(receiptsView(n, t.getT1(), t.getT2(), t.getT3(),
                            t.getT4())));
        });
    }

    private Receipts receiptsView(Docs.Notice n, List<StudentView> roster, List<Docs.Receipt> receipts,
                                  List<Docs.Delivery> deliveries, Map<String, String> classNames) {
        Map<String, Docs.Receipt> byKey = new HashMap<>();
        receipts.forEach(r -> byKey.put(r.studentId() + "|" + r.readerKey(), r));
        Map<String, List<Docs.Delivery>> sent = new HashMap<>();
        deliveries.forEach(d -> sent.computeIfAbsent(d.studentId() + "|" + d.guardianKey(), k -> new ArrayList<>())
                .add(d));
        List<StudentReceipts> rows = new ArrayList<>();
        for (StudentView s : roster) {
            List<GuardianReceipt> gs = new ArrayList<>();
            for (int i = 0; i < s.guardians().size(); i++) {
                StudentView.GuardianView g = s.guardians().get(i);
                String key = DeliveryDispatcher.guardianKey(g, i);
                Docs.Receipt r = byKey.get(s.id() + "|" + key);
                ReceiptStatus st = r != null ? (r.confirmedAt() != null ? ReceiptStatus.CONFIRMED : ReceiptStatus.READ)
                        : g.username() != null ? ReceiptStatus.UNREAD : ReceiptStatus.NO_ACCOUNT;
                gs.add(new GuardianReceipt(key, g.name(), g.relation(), g.username() != null, st,
                        r == null ? null : r.readAt(), r == null ? null : r.confirmedAt(),
                        latestPerChannel(sent.getOrDefault(s.id() + "|" + key, List.of()))));
            }
            Docs.Receipt own = byKey.get(s.id() + "|student");
            ReceiptStatus best = gs.stream().map(GuardianReceipt::status).min(Comparator.comparingInt(
                    ClassNotices::rank)).orElse(ReceiptStatus.NO_ACCOUNT);
            rows.add(new StudentReceipts(s.id(), s.name(), s.classId(), classNames.get(s.classId()), best,
                    own == null ? null : own.readAt(), gs));
        }
        int failed = (int) deliveries.stream().filter(d -> "FAILED".equals(d.status())).count();
        int pending = (int) deliveries.stream().filter(d -> "PENDING".equals(d.status())).count();
        Instant last = n.lastReminderAt();
        List<String> channels = deliveries.stream().map(Docs.Delivery::channel).distinct().sorted().toList();
        return new Receipts(n.id(), n.title(), n.requiresConfirmation(), n.dueOn(), n.sentAt(), count(roster, receipts),
                failed, pending, last, last == null ? null : last.plus(props.reminderEvery()), channels, rows);
    }

    /** CONFIRMED first, then READ, UNREAD, NO_ACCOUNT: a student's status is the best of their guardians'. */
    private static int rank(ReceiptStatus s) {
        return switch (s) {
            case CONFIRMED -> 0;
            case READ -> 1;
            case UNREAD -> 2;
            case NO_ACCOUNT -> 3;
        };
    }

    private static List<DeliveryDispatcher.View> latestPerChannel(List<Docs.Delivery> list) {
        Map<String, Docs.Delivery> latest = new LinkedHashMap<>();
        list.stream().sorted(Comparator.comparing(Docs.Delivery::createdAt))
                .forEach(d -> latest.put(d.channel(), d));
        return latest.values().stream().map(d -> new DeliveryDispatcher.View(d.channel(), d.kind(), d.status(),
                d.attempts(), d.lastError(), d.sentAt(), d.nextAttemptAt())).toList();
    }

    /**
     * {@code guardians}: those who have not done what the notice asks; {@code inApp}: of them, with an account;
     * {@code external}: messages queued on the county's channels; {@code unreachable}: guardians with neither an
     * account nor an address on any channel (the school has to reach them another way).
     */
    record ReminderResult(int guardians, int inApp, int external, int unreachable, @Nullable Instant nextReminderAt) {
    }

    /**
     * Reminds the guardians of the actor's classes who have not yet done what the notice asks (not read it, or not
     * confirmed it when it asks for a confirmation). At most one reminder per notice per {@code reminderEvery}.
     */
    Mono<ReminderResult> remind(Actor actor, String id) {
        return requiring(actor, id, Action.REVIEW).flatMap(a -> {
            Docs.Notice n = a.notice();
            Instant now = clock.now();
            Instant last = n.lastReminderAt();
            if (last != null && last.plus(props.reminderEvery()).isAfter(now)) {
                long minutes = Math.max(1, Duration.between(now, last.plus(props.reminderEvery())).toMinutes());
                return Mono.error(Problems.conflict("reminder_too_soon",
                        "A reminder was sent recently; the next one is possible in " + minutes + " minutes", minutes));
            }
            List<String> classes = a.classesPermitting(access, Action.REVIEW);
            return Mono.zip(Flux.fromIterable(classes).concatMap(students::inClass).collectList(),
                    receipts(n.id(), classes).collectList()).flatMap(t -> {
                Set<String> done = new HashSet<>();
                t.getT2().stream().filter(r -> "guardian".equals(r.readerRole()))
                        .filter(r -> !n.requiresConfirmation() || r.confirmedAt() != null)
                        .forEach(r -> done.add(r.studentId() + "|" + r.readerKey()));
                Set<String> notDone = new HashSet<>();
                int inApp = 0;
                int unreachable = 0;
                for (StudentView s : t.getT1()) {
                    for (int i = 0; i < s.guardians().size(); i++) {
                        StudentView.GuardianView g = s.guardians().get(i);
                        String key = DeliveryDispatcher.guardianKey(g, i);
                        if (!done.contains(s.id() + "|" + key)) {
                            notDone.add(s.id() + "|" + key);
                            inApp += g.username() != null ? 1 : 0;
                            unreachable += g.username() == null && !delivery.reachable(n.countyId(), g) ? 1 : 0;
                        }
                    }
                }
                int unreachableCount = unreachable;
                if (notDone.isEmpty()) {
                    return Mono.error(Problems.rule("nobody_to_remind", "Every family has already done what the "
                            + "notice asks"));
                }
                int inAppCount = inApp;
                List<Docs.Reminder> reminders = new ArrayList<>(n.reminders());
                reminders.add(new Docs.Reminder(new Docs.Person(actor.username(), actor.displayName(), null), now,
                        notDone.size()));
                Docs.Notice updated = new Docs.Notice(n.id(), n.schoolId(), n.countyId(), n.scope(), n.classIds(),
                        n.term(), n.title(), n.body(), n.requiresConfirmation(), n.dueOn(), n.audience(),
                        n.attachments(), n.sentBy(), n.sentAt(), reminders, n.version());
                return mongo.save(updated)
                        .flatMap(saved -> audit.record(AuditEvent.allowed(actor, "notice.remind", "notice", n.id(),
                                        null, n.schoolId()))
                                .then(send(saved, Docs.Kind.REMINDER, t.getT1(), notDone))
                                .then(delivery.ofNotice(n.id()).filter(d -> d.kind() == Docs.Kind.REMINDER
                                        && !d.createdAt().isBefore(now)).count())
                                .map(external -> new ReminderResult(notDone.size(), inAppCount, external.intValue(),
                                        unreachableCount, now.plus(props.reminderEvery()))));
            });
        });
    }

    // ---------------------------------------------------------------- attachments

    Mono<Docs.Upload> uploadForClass(Actor actor, String classId, Mono<FilePart> file) {
        return access.requireClass(actor, classId, DataClass.CLASS_NOTICE, Action.WRITE)
                .flatMap(scope -> upload(actor, scope.schoolId(), classId, file));
    }

    Mono<Docs.Upload> uploadForSchool(Actor actor, String schoolId, Mono<FilePart> file) {
        return access.requireSchool(actor, schoolId, DataClass.CLASS_NOTICE, Action.WRITE)
                .flatMap(scope -> upload(actor, schoolId, null, file));
    }

    private Mono<Docs.Upload> upload(Actor actor, String schoolId, String classId, Mono<FilePart> file) {
        return file.switchIfEmpty(Mono.error(() -> Problems.invalid("file", "required", "a file is required")))
                .flatMap(part -> files.store(part, null, schoolId, actor.username(), clock.now()))
                .flatMap(f -> mongo.insert(new Docs.Upload(f.id(), schoolId, classId, actor.username(),
                        f.uploadedAt(), f.filename(), f.contentType(), f.size(), null)))
                .flatMap(u -> audit.record(AuditEvent.allowed(actor, "notice.attachment.upload", "attachment",
                        u.id(), null, schoolId)).thenReturn(u));
    }

    record Download(Docs.Attachment attachment, Flux<DataBuffer> content) {
    }

    Mono<Download> attachment(Actor actor, String noticeId, String attachmentId) {
        return readable(actor, noticeId).flatMap(a -> Mono.justOrEmpty(a.notice().attachments().stream()
                        .filter(x -> x.id().equals(attachmentId)).findFirst())
                .switchIfEmpty(Mono.error(() -> Problems.notFound("attachment", attachmentId)))
                .map(att -> new Download(att, files.content(att.id()))));
    }
}
