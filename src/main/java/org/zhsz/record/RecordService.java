package org.zhsz.record;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.zhsz.audit.AuditEvent;
import org.zhsz.audit.AuditTrail;
import org.zhsz.organization.OrganizationDirectory;
import org.zhsz.platform.AccessPolicy;
import org.zhsz.platform.Action;
import org.zhsz.platform.Actor;
import org.zhsz.platform.DataClass;
import org.zhsz.platform.ETags;
import org.zhsz.platform.FieldError;
import org.zhsz.platform.Ids;
import org.zhsz.platform.PageResult;
import org.zhsz.platform.Paging;
import org.zhsz.platform.Problems;
import org.zhsz.platform.Relationship;
import org.zhsz.platform.SchoolClock;
import org.zhsz.platform.StudentScope;
import org.zhsz.student.StudentDirectory;
import org.zhsz.student.StudentView;

import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** 写实记录: create, read, edit with history, submit, review, void, delete drafts. */
@Service
class RecordService {

    private final ReactiveMongoTemplate mongo;
    private final AccessPolicy access;
    private final StudentDirectory students;
    private final OrganizationDirectory organization;
    private final Categories categories;
    private final Evidence evidence;
    private final AuditTrail audit;
    private final SchoolClock clock;
    private final MeterRegistry meters;

    RecordService(ReactiveMongoTemplate mongo, AccessPolicy access, StudentDirectory students,
                  OrganizationDirectory organization, Categories categories, Evidence evidence, AuditTrail audit,
                  SchoolClock clock, MeterRegistry meters) {
        this.mongo = mongo;
        this.access = access;
        this.students = students;
        this.organization = organization;
        this.categories = categories;
        this.evidence = evidence;
        this.audit = audit;
        this.clock = clock;
        this.meters = meters;
    }

    static StudentRecord.Person person(Actor actor, Set<Relationship> rels) {
        String role = rels.contains(Relationship.SELF) ? "student"
                : rels.contains(Relationship.HEAD_TEACHER) ? "head_teacher"
                : rels.contains(Relationship.SCHOOL_ADMIN) ? "school_admin" : "teacher";
        return new StudentRecord.Person(actor.username(), actor.displayName(), role);
    }

    // ---------------------------------------------------------------- create

    Mono<RecordView> create(Actor actor, String studentId, RecordRules.Draft d, boolean submit, String batchId) {
        return access.require(actor, studentId, DataClass.GENERAL_RECORDS, Action.WRITE)
                .flatMap(scope -> students.find(studentId).flatMap(s -> create(actor, scope, s, d, submit, batchId)));
    }

    Mono<RecordView> create(Actor actor, StudentScope scope, StudentView s, RecordRules.Draft d, boolean submit,
                            String batchId) {
        Set<Relationship> rels = scope.relationships();
        if (d.dimension() != null && !RecordRules.writable(rels).contains(d.dimension())) {
            return denied(actor, s, "record.create", "dimension_not_allowed");
        }
        return categories.find(s.schoolId(), d.dimension(), d.category()).map(java.util.Optional::of)
                .defaultIfEmpty(java.util.Optional.empty())
                .flatMap(oc -> {
                    Category c = oc.orElse(null);
                    boolean self = rels.contains(Relationship.SELF) && !RecordRules.isStaff(rels);
                    if (self && c != null && c.privateToFamily()) {
                        return denied(actor, s, "record.create", "category_not_allowed_for_students");
                    }
                    List<FieldError> errors = RecordRules.validate(d, c, clock.today(), s.enrollments().isEmpty()
                            ? null : s.enrollments().get(0).from().minusYears(1));
                    if (!errors.isEmpty()) {
                        return Mono.error(Problems.invalid(errors));
                    }
                    return checkEvidence(s.id(), d.evidence()).then(organization.termOn(s.schoolId(), d.occurredOn()))
                            .flatMap(term -> {
                                Instant now = clock.now();
                                RecordStatus status = self ? (submit ? RecordStatus.SUBMITTED : RecordStatus.DRAFT)
                                        : RecordStatus.APPROVED;
                                StudentRecord r = new StudentRecord(Ids.newId(), s.schoolId(), s.id(),
                                        StudentDirectory.classOn(s, d.occurredOn()), term.code(), d.dimension(),
                                        d.category(), d.title().strip(), blank(d.description()), d.occurredOn(),
                                        d.hours(), d.level(), blank(d.award()), d.severity(), blank(d.skill()),
                                        d.evidence(), self ? StudentRecord.Source.STUDENT : StudentRecord.Source.TEACHER,
                                        status, person(actor, rels), null, null, batchId,
                                        List.of(new StudentRecord.Change(now, person(actor, rels), "create", Map.of(),
                                                null)), null, now, now, null);
                                return mongo.insert(r);
                            })
                            .flatMap(saved -> audit.record(AuditEvent.allowed(actor, "record.create", "record",
                                            saved.id(), saved.studentId(), saved.schoolId()))
                                    .doOnSuccess(v -> meters.counter("zhsz.records.added", "dimension",
                                            saved.dimension().name().toLowerCase()).increment())
                                    .thenReturn(RecordView.of(saved, c)));
                });
    }

    /** Category and field checks that do not depend on the student (for batches: once, before any write). */
    Mono<Void> validateDraft(String schoolId, RecordRules.Draft d) {
        return categories.find(schoolId, d.dimension(), d.category()).map(java.util.Optional::of)
                .defaultIfEmpty(java.util.Optional.empty())
                .flatMap(oc -> {
                    List<FieldError> errors = RecordRules.validate(d, oc.orElse(null), clock.today(), null);
                    return errors.isEmpty() ? Mono.<Void>empty() : Mono.error(Problems.invalid(errors));
                });
    }

    private <T> Mono<T> denied(Actor actor, StudentView s, String action, String reason) {
        return audit.record(new AuditEvent(actor, action, "student", s.id(), s.id(), s.schoolId(),
                AuditEvent.Outcome.DENIED, reason, DataClass.GENERAL_RECORDS)).then(Mono.error(Problems.forbidden(reason)));
    }

    private Mono<Void> checkEvidence(String studentId, List<String> ids) {
        if (ids == null || ids.isEmpty()) {
            return Mono.empty();
        }
        if (ids.stream().distinct().count() != ids.size()) {
            return Mono.error(Problems.invalid("evidence", "duplicate", "the same file is listed twice"));
        }
        return Flux.fromIterable(ids)
                .concatMap(id -> evidence.claim(id, clock.now()).filter(e -> studentId.equals(e.studentId()))
                        .switchIfEmpty(Mono.error(() -> Problems.invalid("evidence", "unknown",
                                "no such evidence file for this student: " + id))))
                .then();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    // ---------------------------------------------------------------- read

    /** What this reader may see of a record: drafts only by the student, everything else by all readers. */
    static boolean visible(StudentRecord r, Set<Relationship> rels) {
        if (r.status() == RecordStatus.DRAFT) {
            return rels.contains(Relationship.SELF);
        }
        return true;
    }

    Mono<PageResult<RecordView>> timeline(Actor actor, String studentId, String term, Dimension dimension,
                                          RecordStatus status, boolean includeVoided, Paging paging) {
        return access.require(actor, studentId, DataClass.GENERAL_RECORDS, Action.READ).flatMap(scope -> {
            List<Criteria> c = new ArrayList<>();
            c.add(Criteria.where("studentId").is(studentId));
            if (term != null) {
                c.add(Criteria.where("term").is(term));
            }
            if (dimension != null) {
                c.add(Criteria.where("dimension").is(dimension));
            }
            if (status != null) {
                c.add(Criteria.where("status").is(status));
            } else if (!includeVoided) {
                c.add(Criteria.where("status").ne(RecordStatus.VOIDED));
            }
            if (!scope.is(Relationship.SELF)) {
                c.add(Criteria.where("status").ne(RecordStatus.DRAFT));
            }
            Query q = Query.query(new Criteria().andOperator(c.toArray(new Criteria[0])));
            return Mono.zip(mongo.find(Query.of(q).with(Sort.by(Sort.Direction.DESC, "occurredOn", "createdAt"))
                                    .skip(paging.offset()).limit(paging.size()), StudentRecord.class).collectList(),
                            mongo.count(q, StudentRecord.class), categories.of(scope.schoolId()))
                    .map(t -> new PageResult<>(t.getT1().stream().map(r -> RecordView.of(r, category(t.getT3(), r)))
                            .toList(), paging.page(), paging.size(), t.getT2()));
        });
    }

    static Category category(List<Category> list, StudentRecord r) {
        return list.stream().filter(c -> c.dimension() == r.dimension() && c.code().equals(r.category())).findFirst()
                .orElse(null);
    }

    /**
     * @param actions what the reader may do with this record now ({@code edit}, {@code submit}, {@code review},
     *                {@code void}, {@code delete}): decided by the same rules the actions enforce, so the web app
     *                offers exactly the buttons that will work
     */
    record Detail(RecordView record, List<Evidence.Stored> evidence, List<StudentRecord.Change> history,
                  List<String> actions) {
    }

    Mono<Detail> get(Actor actor, String studentId, String recordId) {
        return access.require(actor, studentId, DataClass.GENERAL_RECORDS, Action.READ)
                .flatMap(scope -> load(studentId, recordId)
                        .filter(r -> visible(r, scope.relationships()))
                        .switchIfEmpty(Mono.error(() -> Problems.notFound("record", recordId)))
                        .flatMap(r -> Mono.zip(categories.of(r.schoolId()), evidence.findAll(r.evidence())
                                        .collectList())
                                .map(t -> new Detail(RecordView.of(r, category(t.getT1(), r)), t.getT2(),
                                        r.history(), actions(actor, scope.relationships(), r)))));
    }

    /** The actions the reader may take on the record now (permission and workflow state both allow them). */
    List<String> actions(Actor actor, Set<Relationship> rels, StudentRecord r) {
        List<String> out = new ArrayList<>();
        boolean write = access.permits(rels, DataClass.GENERAL_RECORDS, Action.WRITE);
        if (write && mayEdit(actor, rels, r)) {
            out.add("edit");
        }
        if (write && maySubmit(rels, r) && submittable(r)) {
            out.add("submit");
        }
        if (access.permits(rels, DataClass.GENERAL_RECORDS, Action.REVIEW) && r.status() == RecordStatus.SUBMITTED) {
            out.add("review");
        }
        if (write && mayVoid(actor, rels, r) && r.status() != RecordStatus.VOIDED
                && r.status() != RecordStatus.DRAFT) {
            out.add("void");
        }
        if (write && r.status() == RecordStatus.DRAFT && isAuthor(actor, r)) {
            out.add("delete");
        }
        return out;
    }

    /** Only the student submits their own self-reports. */
    static boolean maySubmit(Set<Relationship> rels, StudentRecord r) {
        return rels.contains(Relationship.SELF) && r.source() == StudentRecord.Source.STUDENT;
    }

    private static boolean submittable(StudentRecord r) {
        return r.status() == RecordStatus.DRAFT || r.status() == RecordStatus.REJECTED;
    }

    /** A reviewer of the student's records (head teacher, school admin), or the record's author, voids it. */
    boolean mayVoid(Actor actor, Set<Relationship> rels, StudentRecord r) {
        return access.permits(rels, DataClass.GENERAL_RECORDS, Action.REVIEW) || isAuthor(actor, r);
    }

    private static boolean isAuthor(Actor actor, StudentRecord r) {
        return r.recordedBy() != null && actor.username().equals(r.recordedBy().username());
    }

    private Mono<StudentRecord> load(String studentId, String recordId) {
        return mongo.findById(recordId, StudentRecord.class).filter(r -> r.studentId().equals(studentId))
                .switchIfEmpty(Mono.error(() -> Problems.notFound("record", recordId)));
    }

    /** A record this reader may see; someone else's draft does not exist for them. */
    private Mono<StudentRecord> load(StudentScope scope, String recordId) {
        return load(scope.studentId(), recordId).filter(r -> visible(r, scope.relationships()))
                .switchIfEmpty(Mono.error(() -> Problems.notFound("record", recordId)));
    }

    // ---------------------------------------------------------------- edit

    /** Fields a PATCH may change; null means unchanged. */
    record Patch(String title, String description, java.time.LocalDate occurredOn, BigDecimal hours, Level level,
                 String award, String severity, String skill, List<String> evidence, String category) {
    }

    Mono<RecordView> patch(Actor actor, String studentId, String recordId, Patch p, Long expectedVersion) {
        return access.require(actor, studentId, DataClass.GENERAL_RECORDS, Action.WRITE)
                .flatMap(scope -> load(scope, recordId).flatMap(r -> {
                    ETags.check(expectedVersion, r.version());
                    Set<Relationship> rels = scope.relationships();
                    if (!mayEdit(actor, rels, r)) {
                        return Mono.error(Problems.forbidden("record.edit"));
                    }
                    RecordRules.Draft merged = new RecordRules.Draft(r.dimension(),
                            p.category() == null ? r.category() : p.category(),
                            p.title() == null ? r.title() : p.title(),
                            p.description() == null ? r.description() : p.description(),
                            p.occurredOn() == null ? r.occurredOn() : p.occurredOn(),
                            p.hours() == null ? r.hours() : p.hours(), p.level() == null ? r.level() : p.level(),
                            p.award() == null ? r.award() : p.award(),
                            p.severity() == null ? r.severity() : p.severity(),
                            p.skill() == null ? r.skill() : p.skill(),
                            p.evidence() == null ? r.evidence() : p.evidence());
                    return categories.find(r.schoolId(), merged.dimension(), merged.category())
                            .map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                            .flatMap(oc -> {
                                List<FieldError> errors = RecordRules.validate(merged, oc.orElse(null), clock.today(),
                                        null);
                                if (!errors.isEmpty()) {
                                    return Mono.error(Problems.invalid(errors));
                                }
                                Map<String, List<Object>> changes = diff(r, merged);
                                if (changes.isEmpty()) {
                                    return Mono.just(RecordView.of(r, oc.orElse(null)));
                                }
                                Mono<String> term = merged.occurredOn().equals(r.occurredOn()) ? Mono.just(r.term())
                                        : organization.termOn(r.schoolId(), merged.occurredOn()).map(t -> t.code());
                                return checkEvidence(studentId, merged.evidence()).then(term).flatMap(t -> {
                                    Instant now = clock.now();
                                    List<StudentRecord.Change> history = new ArrayList<>(r.history());
                                    history.add(new StudentRecord.Change(now, person(actor, rels), "edit", changes,
                                            null));
                                    // a rejected self-report that the student edits goes back to draft
                                    RecordStatus status = r.status() == RecordStatus.REJECTED && rels.contains(
                                            Relationship.SELF) ? RecordStatus.DRAFT : r.status();
                                    StudentRecord updated = new StudentRecord(r.id(), r.schoolId(), r.studentId(),
                                            r.classId(), t, r.dimension(), merged.category(), merged.title().strip(),
                                            blank(merged.description()), merged.occurredOn(), merged.hours(),
                                            merged.level(), blank(merged.award()), merged.severity(),
                                            blank(merged.skill()), merged.evidence(), r.source(), status,
                                            r.recordedBy(), r.review(), r.voided(), r.batchId(), history, r.version(),
                                            r.createdAt(), now, r.family());
                                    return mongo.save(updated);
                                }).flatMap(saved -> audit.record(AuditEvent.allowed(actor, "record.update", "record",
                                        saved.id(), saved.studentId(), saved.schoolId())).thenReturn(
                                        RecordView.of(saved, oc.orElse(null))));
                            });
                }));
    }

    /**
     * The student edits own drafts and rejected reports; a teacher edits what they recorded; the head teacher
     * and the school admin edit any record that is not voided (with history). Voided records are final.
     */
    static boolean mayEdit(Actor actor, Set<Relationship> rels, StudentRecord r) {
        if (r.status() == RecordStatus.VOIDED) {
            return false;
        }
        if (rels.contains(Relationship.HEAD_TEACHER) || rels.contains(Relationship.SCHOOL_ADMIN)) {
            return r.status() != RecordStatus.DRAFT;
        }
        if (rels.contains(Relationship.SELF) && r.source() == StudentRecord.Source.STUDENT) {
            return r.status() == RecordStatus.DRAFT || r.status() == RecordStatus.REJECTED;
        }
        return r.recordedBy() != null && actor.username().equals(r.recordedBy().username())
                && RecordRules.isStaff(rels);
    }

    private static Map<String, List<Object>> diff(StudentRecord r, RecordRules.Draft m) {
        Map<String, List<Object>> changes = new LinkedHashMap<>();
        put(changes, "category", r.category(), m.category());
        put(changes, "title", r.title(), m.title() == null ? null : m.title().strip());
        put(changes, "description", r.description(), blank(m.description()));
        put(changes, "occurredOn", r.occurredOn(), m.occurredOn());
        put(changes, "hours", r.hours(), m.hours());
        put(changes, "level", r.level(), m.level());
        put(changes, "award", r.award(), blank(m.award()));
        put(changes, "severity", r.severity(), m.severity());
        put(changes, "skill", r.skill(), blank(m.skill()));
        put(changes, "evidence", r.evidence(), m.evidence());
        return changes;
    }

    private static void put(Map<String, List<Object>> changes, String field, Object before, Object after) {
        boolean same = before instanceof BigDecimal b && after instanceof BigDecimal a ? b.compareTo(a) == 0
                : Objects.equals(before, after);
        if (!same) {
            List<Object> pair = new ArrayList<>(2);
            pair.add(before == null ? null : before.toString());
            pair.add(after == null ? null : after.toString());
            changes.put(field, pair);
        }
    }

    // ---------------------------------------------------------------- workflow

    private Mono<StudentRecord> transition(Actor actor, StudentScope scope, StudentRecord r, RecordStatus to,
                                           String action, StudentRecord.Review review, StudentRecord.Void voided,
                                           String note) {
        Instant now = clock.now();
        List<StudentRecord.Change> history = new ArrayList<>(r.history());
        history.add(new StudentRecord.Change(now, person(actor, scope.relationships()), action,
                Map.of("status", List.of(r.status().name(), to.name())), note));
        StudentRecord updated = new StudentRecord(r.id(), r.schoolId(), r.studentId(), r.classId(), r.term(),
                r.dimension(), r.category(), r.title(), r.description(), r.occurredOn(), r.hours(), r.level(),
                r.award(), r.severity(), r.skill(), r.evidence(), r.source(), to, r.recordedBy(),
                review == null ? r.review() : review, voided == null ? r.voided() : voided, r.batchId(), history,
                r.version(), r.createdAt(), now, r.family());
        return mongo.save(updated)
                .flatMap(saved -> audit.record(AuditEvent.allowed(actor, "record." + action, "record", saved.id(),
                        saved.studentId(), saved.schoolId()).withReason(note)).thenReturn(saved));
    }

    Mono<RecordView> submit(Actor actor, String studentId, String recordId, Long expectedVersion) {
        return access.require(actor, studentId, DataClass.GENERAL_RECORDS, Action.WRITE)
                .flatMap(scope -> load(scope, recordId).flatMap(r -> {
                    ETags.check(expectedVersion, r.version());
                    if (!maySubmit(scope.relationships(), r)) {
                        return Mono.error(Problems.forbidden("record.submit"));
                    }
                    if (!submittable(r)) {
                        return Mono.error(Problems.rule("wrong_status", "Only drafts can be submitted"));
                    }
                    return transition(actor, scope, r, RecordStatus.SUBMITTED, "submit", null, null, null);
                }))
                .flatMap(this::view);
    }

    Mono<RecordView> review(Actor actor, String studentId, String recordId, boolean approve, String reason,
                            Long expectedVersion) {
        if (!approve && (reason == null || reason.isBlank())) {
            return Mono.error(Problems.invalid("reason", "required", "a rejection needs a reason"));
        }
        return access.require(actor, studentId, DataClass.GENERAL_RECORDS, Action.REVIEW)
                .flatMap(scope -> load(scope, recordId).flatMap(r -> {
                    ETags.check(expectedVersion, r.version());
                    if (r.status() != RecordStatus.SUBMITTED) {
                        return Mono.error(Problems.rule("wrong_status", "Only submitted records can be reviewed"));
                    }
                    StudentRecord.Review rv = new StudentRecord.Review(approve ? "APPROVED" : "REJECTED",
                            blank(reason), person(actor, scope.relationships()), clock.now());
                    return transition(actor, scope, r, approve ? RecordStatus.APPROVED : RecordStatus.REJECTED,
                            approve ? "approve" : "reject", rv, null, blank(reason));
                }))
                .flatMap(this::view);
    }

    Mono<RecordView> voidRecord(Actor actor, String studentId, String recordId, String reason, Long expectedVersion) {
        if (reason == null || reason.strip().length() < 2) {
            return Mono.error(Problems.invalid("reason", "required", "voiding needs a reason"));
        }
        return access.require(actor, studentId, DataClass.GENERAL_RECORDS, Action.WRITE)
                .flatMap(scope -> load(scope, recordId).flatMap(r -> {
                    ETags.check(expectedVersion, r.version());
                    Set<Relationship> rels = scope.relationships();
                    if (!mayVoid(actor, rels, r)) {
                        return Mono.error(Problems.forbidden("record.void"));
                    }
                    if (r.status() == RecordStatus.VOIDED) {
                        return Mono.error(Problems.rule("wrong_status", "Already voided"));
                    }
                    if (r.status() == RecordStatus.DRAFT) {
                        return Mono.error(Problems.rule("wrong_status", "Delete a draft instead of voiding it"));
                    }
                    return transition(actor, scope, r, RecordStatus.VOIDED, "void", null,
                            new StudentRecord.Void(reason.strip(), person(actor, rels), clock.now()), reason.strip());
                }))
                .flatMap(this::view);
    }

    /** Only a DRAFT, only by its author; everything else is voided with a reason, never deleted. */
    Mono<Void> delete(Actor actor, String studentId, String recordId, Long expectedVersion) {
        return access.require(actor, studentId, DataClass.GENERAL_RECORDS, Action.WRITE)
                .flatMap(scope -> load(scope, recordId).flatMap(r -> {
                    ETags.check(expectedVersion, r.version());
                    if (r.status() != RecordStatus.DRAFT) {
                        return Mono.error(Problems.rule("not_a_draft",
                                "Only drafts can be deleted; void the record with a reason instead"));
                    }
                    if (!isAuthor(actor, r)) {
                        return Mono.error(Problems.forbidden("record.delete"));
                    }
                    return mongo.remove(Query.query(Criteria.where("_id").is(r.id()).and("version").is(r.version())),
                                    StudentRecord.class)
                            .flatMap(res -> res.getDeletedCount() == 1 ? Mono.just(r)
                                    : Mono.error(Problems.staleVersion()))
                            .flatMap(x -> audit.record(AuditEvent.allowed(actor, "record.delete", "record", r.id(),
                                    r.studentId(), r.schoolId())));
                }));
    }

    private Mono<RecordView> view(StudentRecord r) {
        return categories.of(r.schoolId()).map(list -> RecordView.of(r, category(list, r)));
    }
}
