package org.zhsz.archive;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.zhsz.archive.TermArchive.Person;
import org.zhsz.archive.TermArchive.SignRole;
import org.zhsz.archive.TermArchive.Status;
import org.zhsz.audit.AuditEvent;
import org.zhsz.audit.AuditTrail;
import org.zhsz.fitness.FitnessDirectory;
import org.zhsz.organization.OrganizationDirectory;
import org.zhsz.organization.TermCalendar;
import org.zhsz.platform.AccessPolicy;
import org.zhsz.platform.Action;
import org.zhsz.platform.Actor;
import org.zhsz.platform.DataClass;
import org.zhsz.platform.ETags;
import org.zhsz.platform.FieldError;
import org.zhsz.platform.Ids;
import org.zhsz.platform.Notifications;
import org.zhsz.platform.Problems;
import org.zhsz.platform.Relationship;
import org.zhsz.platform.SchoolClock;
import org.zhsz.platform.StudentScope;
import org.zhsz.record.RecordDirectory;
import org.zhsz.record.RecordDirectory.ArchivableRecord;
import org.zhsz.student.StudentDirectory;
import org.zhsz.student.StudentView;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The term archive workflow: 整理遴选 (selection, self-statement, comment) → 公示 (publicity with objections) →
 * 签字 (student, guardian, head teacher) → 审核 (school approval for the principal) → LOCKED with a SHA-256;
 * afterwards only approved amendments, each a new version chained to the old hash.
 */
@Service
class ArchiveService {

    static final int MAX_STATEMENT = 800;
    static final int MAX_COMMENT = 1000;
    static final List<String> DIMENSIONS = List.of("MORAL", "ACADEMIC", "PHYSICAL", "ARTS", "LABOUR",
            "SOCIAL_PRACTICE");

    private final ReactiveMongoTemplate mongo;
    private final AccessPolicy access;
    private final StudentDirectory students;
    private final OrganizationDirectory organization;
    private final RecordDirectory records;
    private final FitnessDirectory fitness;
    private final AuditTrail audit;
    private final Notifications notifications;
    private final SchoolClock clock;
    private final ArchiveProperties props;
    private final PublicityCalendar calendar;

    ArchiveService(ReactiveMongoTemplate mongo, AccessPolicy access, StudentDirectory students,
                   OrganizationDirectory organization, RecordDirectory records, FitnessDirectory fitness,
                   AuditTrail audit, Notifications notifications, SchoolClock clock, ArchiveProperties props) {
        this.mongo = mongo;
        this.access = access;
        this.students = students;
        this.organization = organization;
        this.records = records;
        this.fitness = fitness;
        this.audit = audit;
        this.notifications = notifications;
        this.clock = clock;
        this.props = props;
        this.calendar = new PublicityCalendar(new HashSet<>(props.holidays()), new HashSet<>(props.makeUpWorkdays()));
    }

    PublicityCalendar calendar() {
        return calendar;
    }

    static Person person(Actor a) {
        return new Person(a.username(), a.displayName());
    }

    // ---------------------------------------------------------------- reading

    record ArchiveView(String studentId, String term, String termName, Status status, String phase,
                       Map<String, List<ArchivableRecord>> selected, List<ArchivableRecord> selectable,
                       @Nullable String selfStatement, @Nullable String comment, @Nullable Person commentBy,
                       TermArchive.@Nullable Publicity publicity,
                       List<TermArchive.Signature> signatures, List<String> nextSignatures,
                       @Nullable String contentHash,
                       int archiveVersion, @Nullable String previousHash, @Nullable Instant lockedAt,
                       List<TermArchive.Amendment> amendments,
                       TermArchive.@Nullable Snapshot snapshot, long openObjections, int selectionLimit,
                       @Nullable Long version) {
    }

    private Mono<TermArchive> load(StudentScope scope, String term) {
        return mongo.findById(TermArchive.idOf(scope.studentId(), term), TermArchive.class)
                .switchIfEmpty(Mono.fromSupplier(() -> fresh(scope.schoolId(), scope.studentId(), scope.classId(),
                        term)));
    }

    private TermArchive fresh(String schoolId, String studentId, String classId, String term) {
        Instant now = clock.now();
        return new TermArchive(TermArchive.idOf(studentId, term), schoolId, studentId, classId, term, Status.DRAFT,
                Map.of(), null, null, null, null, List.of(), null, 1, null, null, null, List.of(), null, now, now);
    }

    Mono<ArchiveView> get(Actor actor, String studentId, String term) {
        if (!TermCalendar.isValidCode(term)) {
            return Mono.error(Problems.invalid(List.of(FieldError.of("term", "invalid", "field.term_format"))));
        }
        return access.require(actor, studentId, DataClass.ARCHIVE, Action.READ)
                .flatMap(scope -> load(scope, term).flatMap(a -> view(scope, a, scope.isAny(Relationship.SELF,
                                Relationship.HEAD_TEACHER))
                        .flatMap(v -> audit.record(new AuditEvent(actor, "archive.read", "archive", a.id(), studentId,
                                scope.schoolId(), AuditEvent.Outcome.ALLOWED, null, DataClass.ARCHIVE)).thenReturn(v))));
    }

    /**
     * Where one student's archive stands, for a class list: phase, who has signed and who is next, open objections.
     * No content (no records, statement or comment).
     */
    record ArchiveSummary(String studentId, String studentName, String studentNo, String phase, Status status,
                          int selectedCount, List<String> signed, List<String> nextSignatures, long openObjections,
                          @Nullable Long version) {
    }

    /**
     * A class's archives for a term in one read: one audited event for the class (what was shown is where each
     * archive stands, not what is in it); opening a student's archive is audited for that student.
     */
    Mono<List<ArchiveSummary>> classArchives(Actor actor, String classId, String term) {
        if (term != null && !TermCalendar.isValidCode(term)) {
            return Mono.error(Problems.invalid(List.of(FieldError.of("term", "invalid", "field.term_format"))));
        }
        return access.requireClass(actor, classId, DataClass.ARCHIVE, Action.READ).flatMap(scope -> {
            String t = term == null ? scope.termCode() : term;
            return Mono.zip(students.inClass(classId).collectList(),
                            mongo.find(Query.query(Criteria.where("classId").is(classId).and("term").is(t)),
                                    TermArchive.class).collectMap(TermArchive::studentId),
                            mongo.find(Query.query(Criteria.where("term").is(t).and("status").is("OPEN")),
                                    Objection.class).filter(o -> classId.equals(o.classId()))
                                    .collect(java.util.stream.Collectors.groupingBy(Objection::studentId,
                                            java.util.stream.Collectors.counting())))
                    .map(z -> z.getT1().stream()
                            .sorted(java.util.Comparator.comparing(StudentView::studentNo,
                                    java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())))
                            .map(s -> {
                                TermArchive a = z.getT2().getOrDefault(s.id(), fresh(s.schoolId(), s.id(), classId, t));
                                int selected = a.status() == Status.LOCKED && a.snapshot() != null
                                        && a.snapshot().records() != null ? a.snapshot().records().size()
                                        : a.selection().values().stream().mapToInt(List::size).sum();
                                return new ArchiveSummary(s.id(), s.name(), s.studentNo(), phase(a), a.status(),
                                        selected, a.signatures().stream().map(x -> x.role().name()).toList(),
                                        a.status() == Status.LOCKED ? List.of() : nextSignatures(a),
                                        z.getT3().getOrDefault(s.id(), 0L), a.version());
                            }).toList())
                    .flatMap(list -> audit.record(new AuditEvent(actor, "archive.class_list", "class", classId, null,
                            scope.schoolId(), AuditEvent.Outcome.ALLOWED, null, null)).thenReturn(list));
        });
    }

    private Mono<ArchiveView> view(StudentScope scope, TermArchive a, boolean withSelectable) {
        if (a.status() == Status.LOCKED) {
            return openObjections(a).map(n -> new ArchiveView(a.studentId(), a.term(),
                    TermCalendar.displayName(a.term()), a.status(), phase(a), Map.of(), List.of(), a.selfStatement(),
                    a.comment(), a.commentBy(), a.publicity(), a.signatures(), List.of(), a.contentHash(),
                    a.archiveVersion(), a.previousHash(), a.lockedAt(), a.amendments(), a.snapshot(), n,
                    props.selectionLimit(), a.version()));
        }
        Mono<List<ArchivableRecord>> all = withSelectable
                ? records.approved(a.studentId(), a.term()).filter(r -> !r.privateToFamily()).collectList()
                : Mono.just(List.of());
        return Mono.zip(all, selectedRecords(a), openObjections(a)).map(t -> new ArchiveView(a.studentId(),
                a.term(), TermCalendar.displayName(a.term()), a.status(), phase(a), t.getT2(), t.getT1(),
                a.selfStatement(), a.comment(), a.commentBy(), a.publicity(), a.signatures(), nextSignatures(a),
                a.contentHash(), a.archiveVersion(), a.previousHash(), a.lockedAt(), a.amendments(), null,
                t.getT3(), props.selectionLimit(), a.version()));
    }

    private Mono<Map<String, List<ArchivableRecord>>> selectedRecords(TermArchive a) {
        List<String> ids = a.selection().values().stream().flatMap(List::stream).toList();
        if (ids.isEmpty()) {
            return Mono.just(Map.of());
        }
        return records.approved(ids).filter(r -> !r.privateToFamily()).collectList().map(list -> {
            Map<String, List<ArchivableRecord>> out = new LinkedHashMap<>();
            for (String d : DIMENSIONS) {
                List<String> sel = a.selection().getOrDefault(d, List.of());
                List<ArchivableRecord> rs = sel.stream().map(id -> list.stream().filter(r -> r.id().equals(id))
                        .findFirst().orElse(null)).filter(java.util.Objects::nonNull).toList();
                if (!rs.isEmpty()) {
                    out.put(d, rs);
                }
            }
            return out;
        });
    }

    private Mono<Long> openObjections(TermArchive a) {
        return mongo.count(Query.query(Criteria.where("studentId").is(a.studentId()).and("term").is(a.term())
                .and("status").is("OPEN")), Objection.class);
    }

    /** A plain-language phase for the UI. */
    String phase(TermArchive a) {
        if (a.status() == Status.LOCKED) {
            return "LOCKED";
        }
        if (a.status() == Status.PUBLICITY && !publicityOver(a)) {
            return "IN_PUBLICITY";
        }
        if (a.status() == Status.PUBLICITY || a.status() == Status.SIGNING) {
            return "SIGNING";
        }
        return "SELECTING";
    }

    boolean publicityOver(TermArchive a) {
        TermArchive.Publicity p = a.publicity();
        return p != null && (p.closedEarlyAt() != null || clock.today().isAfter(p.endOn()));
    }

    static List<String> nextSignatures(TermArchive a) {
        List<String> out = new ArrayList<>();
        Set<SignRole> done = new HashSet<>();
        a.signatures().forEach(s -> done.add(s.role()));
        for (SignRole r : SignRole.values()) {
            if (!done.contains(r)) {
                out.add(r.name());
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- 整理遴选

    private Mono<TermArchive> editable(Actor actor, String studentId, String term, Action action, Long expected) {
        return editable(actor, studentId, term, DataClass.ARCHIVE, action, expected);
    }

    private Mono<TermArchive> editable(Actor actor, String studentId, String term, DataClass part, Action action,
                                       Long expected) {
        if (!TermCalendar.isValidCode(term)) {
            return Mono.error(Problems.invalid(List.of(FieldError.of("term", "invalid", "field.term_format"))));
        }
        return access.require(actor, studentId, part, action)
                .flatMap(scope -> load(scope, term))
                .flatMap(a -> {
                    ETags.check(expected, a.version());
                    return Mono.just(a);
                });
    }

    private Mono<TermArchive> save(TermArchive a) {
        Mono<TermArchive> op = a.version() == null ? mongo.insert(a) : mongo.save(a);
        return op.onErrorMap(OptimisticLockingFailureException.class, e -> Problems.staleVersion())
                .onErrorMap(DuplicateKeyException.class, e -> Problems.staleVersion());
    }

    private TermArchive with(TermArchive a, Status status, Map<String, List<String>> selection, String statement,
                             String comment, Person commentBy, TermArchive.Publicity publicity,
                             List<TermArchive.Signature> signatures) {
        return new TermArchive(a.id(), a.schoolId(), a.studentId(), a.classId(), a.term(), status, selection,
                statement, comment, commentBy, publicity, signatures, a.snapshot(), a.archiveVersion(),
                a.contentHash(), a.previousHash(), a.lockedAt(), a.amendments(), a.version(), a.createdAt(),
                clock.now());
    }

    Mono<ArchiveView> select(Actor actor, String studentId, String term, Map<String, List<String>> selection,
                             Long expected) {
        return editable(actor, studentId, term, Action.WRITE, expected).flatMap(a -> {
            if (a.status() != Status.DRAFT) {
                return Mono.error(Problems.rule("archive_not_draft", "Selection is closed once publicity opens"));
            }
            List<FieldError> errors = new ArrayList<>();
            for (var e : selection.entrySet()) {
                if (!DIMENSIONS.contains(e.getKey())) {
                    errors.add(new FieldError(e.getKey(), "unknown_dimension", "unknown dimension"));
                } else if (e.getValue().size() > props.selectionLimit()) {
                    errors.add(FieldError.of(e.getKey(), "too_many", "field.selection_limit", props.selectionLimit()));
                } else if (e.getValue().stream().distinct().count() != e.getValue().size()) {
                    errors.add(new FieldError(e.getKey(), "duplicate", "a record is listed twice"));
                }
            }
            if (!errors.isEmpty()) {
                return Mono.error(Problems.invalid(errors));
            }
            return records.approved(a.studentId(), a.term()).collectMap(ArchivableRecord::id).flatMap(mine -> {
                for (var e : selection.entrySet()) {
                    for (String id : e.getValue()) {
                        ArchivableRecord r = mine.get(id);
                        if (r == null) {
                            errors.add(new FieldError(e.getKey(), "not_selectable",
                                    "not an approved record of this student and term: " + id));
                        } else if (r.privateToFamily()) {
                            errors.add(new FieldError(e.getKey(), "private_record",
                                    "this record is private to the family and never goes into the archive"));
                        } else if (!r.dimension().equals(e.getKey())) {
                            errors.add(new FieldError(e.getKey(), "wrong_dimension",
                                    "record " + id + " belongs to " + r.dimension()));
                        }
                    }
                }
                if (!errors.isEmpty()) {
                    return Mono.error(Problems.invalid(errors));
                }
                Map<String, List<String>> clean = new LinkedHashMap<>();
                selection.forEach((k, v) -> {
                    if (!v.isEmpty()) {
                        clean.put(k, List.copyOf(v));
                    }
                });
                return save(with(a, a.status(), clean, a.selfStatement(), a.comment(), a.commentBy(), a.publicity(),
                        a.signatures()));
            });
        }).flatMap(saved -> written(actor, saved, "archive.select"));
    }

    Mono<ArchiveView> selfStatement(Actor actor, String studentId, String term, String text, Long expected) {
        if (text != null && text.codePointCount(0, text.length()) > MAX_STATEMENT) {
            return Mono.error(Problems.invalid(List.of(FieldError.of("text", "too_long", "field.max_length", MAX_STATEMENT))));
        }
        // only the student writes the self-statement
        return editable(actor, studentId, term, DataClass.ARCHIVE_STATEMENT, Action.WRITE, expected).flatMap(a -> {
            if (a.status() != Status.DRAFT) {
                return Mono.error(Problems.rule("archive_not_draft", "The self-statement is closed once "
                        + "publicity opens"));
            }
            return save(with(a, a.status(), a.selection(), blank(text), a.comment(), a.commentBy(),
                    a.publicity(), a.signatures()));
        }).flatMap(saved -> written(actor, saved, "archive.statement"));
    }

    Mono<ArchiveView> comment(Actor actor, String studentId, String term, String text, Long expected) {
        if (text != null && text.codePointCount(0, text.length()) > MAX_COMMENT) {
            return Mono.error(Problems.invalid(List.of(FieldError.of("text", "too_long", "field.max_length", MAX_COMMENT))));
        }
        // only the head teacher writes the comment
        return editable(actor, studentId, term, DataClass.ARCHIVE_COMMENT, Action.WRITE, expected).flatMap(a -> {
            if (a.status() == Status.LOCKED || !a.signatures().isEmpty()) {
                return Mono.error(Problems.rule("archive_signing", "The comment is closed once signing starts"));
            }
            return save(with(a, a.status(), a.selection(), a.selfStatement(), blank(text), person(actor),
                    a.publicity(), a.signatures()));
        }).flatMap(saved -> written(actor, saved, "archive.comment"));
    }

    private Mono<ArchiveView> written(Actor actor, TermArchive saved, String action) {
        return audit.record(new AuditEvent(actor, action, "archive", saved.id(), saved.studentId(), saved.schoolId(),
                        AuditEvent.Outcome.ALLOWED, null, null))
                .then(access.scope(actor, saved.studentId()))
                .flatMap(scope -> view(scope, saved, true));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    // ---------------------------------------------------------------- sign-off and lock

    Mono<ArchiveView> sign(Actor actor, String studentId, String term, Long expected) {
        return access.require(actor, studentId, DataClass.ARCHIVE, Action.SIGN)
                .flatMap(scope -> load(scope, term).flatMap(a -> {
                    ETags.check(expected, a.version());
                    SignRole role = scope.is(Relationship.SELF) ? SignRole.STUDENT
                            : scope.is(Relationship.GUARDIAN) ? SignRole.GUARDIAN : SignRole.HEAD_TEACHER;
                    return signAs(actor, a, role).flatMap(this::save)
                            .flatMap(saved -> audit.record(new AuditEvent(actor, "archive.sign", "archive", saved.id(),
                                    studentId, saved.schoolId(), AuditEvent.Outcome.ALLOWED, role.name(),
                                    DataClass.ARCHIVE)).then(view(scope, saved, false)));
                }));
    }

    private Mono<TermArchive> signAs(Actor actor, TermArchive a, SignRole role) {
        return ready(a).flatMap(ok -> {
            List<String> next = nextSignatures(a);
            if (next.isEmpty() || a.status() == Status.LOCKED) {
                return Mono.error(Problems.rule("archive_locked", "This archive is already locked"));
            }
            if (!next.get(0).equals(role.name())) {
                return Mono.error(Problems.rule("wrong_signing_order", "Waiting for " + next.get(0)
                        + " to sign first"));
            }
            List<TermArchive.Signature> sigs = new ArrayList<>(a.signatures());
            sigs.add(new TermArchive.Signature(role, actor.username(), actor.displayName(), clock.now()));
            return Mono.just(with(a, Status.SIGNING, a.selection(), a.selfStatement(), a.comment(), a.commentBy(),
                    a.publicity(), sigs));
        });
    }

    /** Signing needs a finished publicity window and no open objection. */
    private Mono<Boolean> ready(TermArchive a) {
        if (a.publicity() == null) {
            return Mono.error(Problems.rule("publicity_required", "The archive must go through publicity first"));
        }
        if (!publicityOver(a)) {
            return Mono.error(Problems.rule("publicity_running", "Publicity runs until " + a.publicity().endOn()));
        }
        return openObjections(a).flatMap(n -> n > 0
                ? Mono.error(Problems.rule("open_objection", "An objection is still open"))
                : Mono.just(true));
    }

    /** The school admin approves for the principal: the archive is locked with its content hash. */
    Mono<ArchiveView> approve(Actor actor, String studentId, String term, Long expected) {
        return access.require(actor, studentId, DataClass.ARCHIVE, Action.APPROVE)
                .flatMap(scope -> load(scope, term).flatMap(a -> {
                    ETags.check(expected, a.version());
                    return signAs(actor, a, SignRole.PRINCIPAL).flatMap(signed -> lock(signed, 1, null))
                            .flatMap(this::save)
                            .flatMap(saved -> audit.record(new AuditEvent(actor, "archive.lock", "archive", saved.id(),
                                            studentId, saved.schoolId(), AuditEvent.Outcome.ALLOWED,
                                            saved.contentHash(), DataClass.ARCHIVE))
                                    .then(view(scope, saved, false)));
                }));
    }

    /** Freezes what the archive shows and computes its hash. */
    Mono<TermArchive> lock(TermArchive a, int archiveVersion, String previousHash) {
        String schoolYear = TermCalendar.schoolYear(a.term());
        List<String> ids = a.selection().values().stream().flatMap(List::stream).toList();
        return Mono.zip(students.find(a.studentId()), organization.school(a.schoolId()),
                        organization.schoolClass(a.classId(), a.term()),
                        ids.isEmpty() ? Mono.just(List.<ArchivableRecord>of()) : records.approved(ids).collectList(),
                        fitness.result(a.studentId(), schoolYear).map(java.util.Optional::of)
                                .defaultIfEmpty(java.util.Optional.empty()))
                .map(t -> {
                    StudentView s = t.getT1();
                    List<TermArchive.SnapshotRecord> recs = new ArrayList<>();
                    for (String d : DIMENSIONS) {
                        for (String id : a.selection().getOrDefault(d, List.of())) {
                            t.getT4().stream().filter(r -> r.id().equals(id) && !r.privateToFamily()).findFirst()
                                    .ifPresent(r -> recs.add(new TermArchive.SnapshotRecord(r.id(), r.dimension(),
                                            r.dimensionLabel(), r.categoryName(), r.title(), r.description(),
                                            r.occurredOn(), r.levelLabel(), r.award(), r.hours(), r.skill())));
                        }
                    }
                    TermArchive.FitnessLine fit = t.getT5().filter(f -> f.totalScoreRounded() != null)
                            .map(f -> new TermArchive.FitnessLine(f.schoolYear(), f.totalScoreRounded(), f.rating()))
                            .orElse(null);
                    TermArchive.Snapshot snap = new TermArchive.Snapshot(s.name(), s.maskedStudentNo(),
                            s.sex().label(), t.getT2().name(), t.getT3().name(), TermCalendar.displayName(a.term()),
                            recs, a.selfStatement(), a.comment(), a.commentBy() == null ? null : a.commentBy().name(),
                            fit, a.signatures());
                    String hash = ArchiveCanon.sha256(new ArchiveCanon.Canonical(a.studentId(), a.schoolId(),
                            a.term(), archiveVersion, previousHash, snap));
                    return new TermArchive(a.id(), a.schoolId(), a.studentId(), a.classId(), a.term(), Status.LOCKED,
                            a.selection(), a.selfStatement(), a.comment(), a.commentBy(), a.publicity(),
                            a.signatures(), snap, archiveVersion, hash, previousHash, clock.now(), a.amendments(),
                            a.version(), a.createdAt(), clock.now());
                });
    }

    // ---------------------------------------------------------------- amendments

    Mono<ArchiveView> requestAmendment(Actor actor, String studentId, String term, String reason, String statement,
                                       String comment, Map<String, List<String>> selection) {
        if (reason == null || reason.strip().length() < 4) {
            return Mono.error(Problems.invalid("reason", "required", "an amendment needs a reason"));
        }
        // the head teacher requests amendments of a locked archive
        return access.require(actor, studentId, DataClass.ARCHIVE_COMMENT, Action.WRITE)
                .flatMap(scope -> {
                    return load(scope, term).flatMap(a -> {
                        if (a.status() != Status.LOCKED) {
                            return Mono.error(Problems.rule("archive_not_locked",
                                    "Only a locked archive is amended; edit it directly"));
                        }
                        if (a.amendments().stream().anyMatch(x -> "PENDING".equals(x.status()))) {
                            return Mono.error(Problems.conflict("amendment_pending", "An amendment is already pending"));
                        }
                        List<TermArchive.Amendment> list = new ArrayList<>(a.amendments());
                        list.add(new TermArchive.Amendment(Ids.newId(), reason.strip(), person(actor), clock.now(),
                                statement, comment, selection, "PENDING", null, null, a.contentHash(), null));
                        return save(new TermArchive(a.id(), a.schoolId(), a.studentId(), a.classId(), a.term(),
                                a.status(), a.selection(), a.selfStatement(), a.comment(), a.commentBy(),
                                a.publicity(), a.signatures(), a.snapshot(), a.archiveVersion(), a.contentHash(),
                                a.previousHash(), a.lockedAt(), list, a.version(), a.createdAt(), clock.now()))
                                .flatMap(saved -> audit.record(new AuditEvent(actor, "archive.amendment.request",
                                        "archive", saved.id(), studentId, saved.schoolId(), AuditEvent.Outcome.ALLOWED,
                                        reason, DataClass.ARCHIVE)).then(view(scope, saved, false)));
                    });
                });
    }

    Mono<ArchiveView> decideAmendment(Actor actor, String studentId, String term, String amendmentId,
                                      boolean approve) {
        return access.require(actor, studentId, DataClass.ARCHIVE, Action.APPROVE)
                .flatMap(scope -> load(scope, term).flatMap(a -> {
                    TermArchive.Amendment am = a.amendments().stream().filter(x -> x.id().equals(amendmentId))
                            .findFirst().orElse(null);
                    if (am == null) {
                        return Mono.error(Problems.notFound("amendment", amendmentId));
                    }
                    if (!"PENDING".equals(am.status())) {
                        return Mono.error(Problems.conflict("amendment_decided", "Already decided"));
                    }
                    Mono<TermArchive> next;
                    if (!approve) {
                        next = Mono.just(replaceAmendment(a, am, "REJECTED", actor, null));
                    } else {
                        TermArchive changed = new TermArchive(a.id(), a.schoolId(), a.studentId(), a.classId(),
                                a.term(), Status.LOCKED, am.selection() == null ? a.selection() : am.selection(),
                                am.selfStatement() == null ? a.selfStatement() : am.selfStatement(),
                                am.comment() == null ? a.comment() : am.comment(), a.commentBy(), a.publicity(),
                                a.signatures(), a.snapshot(), a.archiveVersion(), a.contentHash(), a.previousHash(),
                                a.lockedAt(), a.amendments(), a.version(), a.createdAt(), a.updatedAt());
                        next = mongo.insert(new ArchiveVersion(a.id() + ":v" + a.archiveVersion(), a.id(),
                                        a.studentId(), a.schoolId(), a.archiveVersion(), a.contentHash(),
                                        a.previousHash(), a.snapshot(), clock.now()))
                                .then(lock(changed, a.archiveVersion() + 1, a.contentHash()))
                                .map(locked -> replaceAmendment(locked, am, "APPROVED", actor, locked.contentHash()));
                    }
                    return next.flatMap(this::save)
                            .flatMap(saved -> audit.record(new AuditEvent(actor, approve ? "archive.amendment.approve"
                                            : "archive.amendment.reject", "archive", saved.id(), studentId,
                                    saved.schoolId(), AuditEvent.Outcome.ALLOWED, am.reason(), DataClass.ARCHIVE))
                                    .then(view(scope, saved, false)));
                }));
    }

    private TermArchive replaceAmendment(TermArchive a, TermArchive.Amendment am, String status, Actor actor,
                                         String toHash) {
        List<TermArchive.Amendment> list = a.amendments().stream().map(x -> x.id().equals(am.id())
                ? new TermArchive.Amendment(x.id(), x.reason(), x.requestedBy(), x.requestedAt(), x.selfStatement(),
                x.comment(), x.selection(), status, person(actor), clock.now(), x.fromHash(), toHash) : x).toList();
        return new TermArchive(a.id(), a.schoolId(), a.studentId(), a.classId(), a.term(), a.status(), a.selection(),
                a.selfStatement(), a.comment(), a.commentBy(), a.publicity(), a.signatures(), a.snapshot(),
                a.archiveVersion(), a.contentHash(), a.previousHash(), a.lockedAt(), list, a.version(), a.createdAt(),
                clock.now());
    }

    /** Superseded versions of locked archives (kept for verification of older dossiers). */
    @org.springframework.data.mongodb.core.mapping.Document("term_archive_versions")
    record ArchiveVersion(@org.springframework.data.annotation.Id String id, String archiveId, String studentId,
                          String schoolId, int archiveVersion, String contentHash, String previousHash,
                          TermArchive.Snapshot snapshot, Instant supersededAt) {
    }

    /** All locked archives of a student, oldest term first. */
    Flux<TermArchive> locked(String studentId) {
        return mongo.find(Query.query(Criteria.where("studentId").is(studentId).and("status").is(Status.LOCKED)),
                TermArchive.class).sort((x, y) -> x.term().compareTo(y.term()));
    }

    Mono<Void> notifyObjector(String username, String schoolId, String title, String body) {
        return notifications.send(List.of(username), schoolId, "objection_resolved", title, body, "/publicity");
    }

    LocalDate today() {
        return clock.today();
    }
}
