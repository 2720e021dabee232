package org.zhsz.wellbeing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
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
import org.zhsz.platform.FieldCipher;
import org.zhsz.platform.FieldError;
import org.zhsz.platform.Ids;
import org.zhsz.platform.Problems;
import org.zhsz.platform.Relationship;
import org.zhsz.platform.SchoolClock;
import org.zhsz.platform.StudentScope;
import org.zhsz.student.StudentDirectory;

import reactor.core.publisher.Mono;

/**
 * 一人一案 plans, session notes and referrals. Content is encrypted per field with a context naming the student
 * and field; every read is audited as a mental-health read and so appears in the family's access log.
 */
@Service
class Plans {

    static final int MAX_TEXT = 4000;

    private final ReactiveMongoTemplate mongo;
    private final FieldCipher cipher;
    private final AccessPolicy access;
    private final StudentDirectory students;
    private final OrganizationDirectory organization;
    private final AuditTrail audit;
    private final SchoolClock clock;
    private final List<String> riskLevels;

    Plans(ReactiveMongoTemplate mongo, FieldCipher cipher, AccessPolicy access, StudentDirectory students,
          OrganizationDirectory organization, AuditTrail audit, SchoolClock clock,
          @Value("${zhsz.wellbeing.risk-levels:red,orange,yellow,green}") List<String> riskLevels) {
        this.mongo = mongo;
        this.cipher = cipher;
        this.access = access;
        this.students = students;
        this.organization = organization;
        this.audit = audit;
        this.clock = clock;
        this.riskLevels = riskLevels;
    }

    List<String> riskLevels() {
        return riskLevels;
    }

    private String enc(String studentId, String field, String v) {
        return v == null || v.isBlank() ? null : cipher.encrypt(v, "plan:" + studentId + ":" + field);
    }

    private String dec(String studentId, String field, String v) {
        return v == null ? null : cipher.decrypt(v, "plan:" + studentId + ":" + field);
    }

    private Mono<Void> auditRead(Actor actor, StudentScope scope, String what, String id, DataClass dc) {
        return audit.record(new AuditEvent(actor, what + ".read", what, id, scope.studentId(), scope.schoolId(),
                AuditEvent.Outcome.ALLOWED, scope.is(Relationship.BREAK_GLASS)
                && !scope.is(Relationship.SCHOOL_COUNSELOR) ? "break-glass" : null, dc));
    }

    // ---------------------------------------------------------------- plan

    record TaskView(@Nullable String id, String assignee, @Nullable String assigneeName, String title,
                    @Nullable String schedule,
                    @Nullable LocalDate dueOn,
                    boolean done) {
    }

    record ResponsibleView(@Nullable String username, String name, @Nullable String role, @Nullable String duty) {
    }

    record FollowUpView(@Nullable LocalDate dueOn, @Nullable LocalDate doneOn,
                        @org.zhsz.platform.MultiLine @Nullable String note) {
    }

    record PlanView(String studentId, String riskLevel, String status, @Nullable String concerns,
                    @Nullable String goals,
                    @Nullable String interventions, List<ResponsibleView> responsible, List<TaskView> tasks,
                    List<FollowUpView> followUps, @Nullable LocalDate reviewOn, String updatedByName, Instant updatedAt,
                    Long version) {
    }

    PlanView view(Docs.Plan p) {
        String s = p.studentId();
        return new PlanView(s, p.riskLevel(), p.status(), dec(s, "concerns", p.concerns()),
                dec(s, "goals", p.goals()), dec(s, "interventions", p.interventions()),
                p.responsible().stream().map(r -> new ResponsibleView(r.username(), r.name(), r.role(),
                        dec(s, "duty", r.duty()))).toList(),
                p.tasks().stream().map(t -> new TaskView(t.id(), t.assignee(), null, dec(s, "task", t.title()),
                        t.schedule(), t.dueOn(), t.done())).toList(),
                p.followUps().stream().map(f -> new FollowUpView(f.dueOn(), f.doneOn(), dec(s, "followup",
                        f.note()))).toList(),
                p.reviewOn(), p.updatedByName(), p.updatedAt(), p.version());
    }

    Mono<PlanView> get(Actor actor, String studentId) {
        return access.require(actor, studentId, DataClass.MENTAL_HEALTH, Action.READ)
                .flatMap(scope -> mongo.findById(studentId, Docs.Plan.class)
                        .switchIfEmpty(Mono.error(() -> Problems.notFound("plan", studentId)))
                        .flatMap(p -> auditRead(actor, scope, "mental_health.plan", studentId, DataClass.MENTAL_HEALTH)
                                .thenReturn(view(p))));
    }

    record PlanInput(String riskLevel, String status, String concerns, String goals, String interventions,
                     List<ResponsibleView> responsible, List<TaskView> tasks, List<FollowUpView> followUps,
                     LocalDate reviewOn) {
    }

    Mono<PlanView> put(Actor actor, String studentId, PlanInput in, Long expectedVersion) {
        List<FieldError> errors = new ArrayList<>();
        if (in.riskLevel() == null || !riskLevels.contains(in.riskLevel())) {
            errors.add(FieldError.of("riskLevel", "invalid", "field.invalid"));
        }
        if (in.status() != null && !List.of("ACTIVE", "CLOSED").contains(in.status())) {
            errors.add(new FieldError("status", "invalid", "status must be ACTIVE or CLOSED"));
        }
        for (var f : new String[][]{{"concerns", in.concerns()}, {"goals", in.goals()},
                {"interventions", in.interventions()}}) {
            if (f[1] != null && f[1].length() > MAX_TEXT) {
                errors.add(FieldError.of(f[0], "too_long", "field.max_length", MAX_TEXT));
            }
        }
        List<TaskView> tasks = in.tasks() == null ? List.of() : in.tasks();
        for (int i = 0; i < tasks.size(); i++) {
            if (tasks.get(i).assignee() == null || tasks.get(i).title() == null || tasks.get(i).title().isBlank()) {
                errors.add(new FieldError("tasks[" + i + "]", "required", "a task needs an assignee and a title"));
            }
        }
        if (!errors.isEmpty()) {
            return Mono.error(Problems.invalid(errors));
        }
        return access.require(actor, studentId, DataClass.MENTAL_HEALTH, Action.WRITE)
                .flatMap(scope -> checkAssignees(scope.schoolId(), tasks).then(students.find(studentId))
                        .flatMap(s -> mongo.findById(studentId, Docs.Plan.class).map(java.util.Optional::of)
                                .defaultIfEmpty(java.util.Optional.empty())
                                .flatMap(old -> {
                                    Long current = old.map(Docs.Plan::version).orElse(null);
                                    if (expectedVersion != null && !expectedVersion.equals(current)) {
                                        return Mono.error(Problems.staleVersion());
                                    }
                                    Docs.Plan plan = new Docs.Plan(studentId, s.schoolId(), s.classId(),
                                            in.riskLevel(), in.status() == null ? "ACTIVE" : in.status(),
                                            enc(studentId, "concerns", in.concerns()), enc(studentId, "goals",
                                            in.goals()), enc(studentId, "interventions", in.interventions()),
                                            (in.responsible() == null ? List.<ResponsibleView>of() : in.responsible())
                                                    .stream().map(r -> new Docs.Responsible(r.username(), r.name(),
                                                            r.role(), enc(studentId, "duty", r.duty()))).toList(),
                                            tasks.stream().map(t -> new Docs.Task(t.id() == null ? Ids.newId() : t.id(),
                                                    t.assignee(), enc(studentId, "task", t.title()), t.schedule(),
                                                    t.dueOn(), t.done())).toList(),
                                            (in.followUps() == null ? List.<FollowUpView>of() : in.followUps())
                                                    .stream().map(f -> new Docs.FollowUp(f.dueOn(), f.doneOn(),
                                                            enc(studentId, "followup", f.note()))).toList(),
                                            in.reviewOn(), actor.username(), actor.displayName(), clock.now(),
                                            current);
                                    Mono<Void> history = old.map(o -> mongo.insert(new Docs.PlanSnapshot(Ids.newId(),
                                            studentId, s.schoolId(), o.version(), o, o.updatedAt(), o.updatedBy()))
                                            .then()).orElse(Mono.empty());
                                    Mono<Docs.Plan> save = old.isPresent() ? mongo.save(plan) : mongo.insert(plan);
                                    return save.onErrorMap(DuplicateKeyException.class, e -> Problems.staleVersion())
                                            .onErrorMap(OptimisticLockingFailureException.class,
                                                    e -> Problems.staleVersion())
                                            .flatMap(saved -> history.thenReturn(saved));
                                }))
                        .flatMap(saved -> audit.record(new AuditEvent(actor, "mental_health.plan.update", "plan",
                                studentId, studentId, scope.schoolId(), AuditEvent.Outcome.ALLOWED, null,
                                DataClass.MENTAL_HEALTH)).thenReturn(view(saved))));
    }

    private Mono<Void> checkAssignees(String schoolId, List<TaskView> tasks) {
        return reactor.core.publisher.Flux.fromIterable(tasks).map(TaskView::assignee).distinct()
                .concatMap(u -> organization.staff(u).filter(st -> schoolId.equals(st.schoolId()))
                        .switchIfEmpty(Mono.error(() -> Problems.invalid("tasks", "unknown_assignee",
                                "no staff member " + u + " in this school"))))
                .then();
    }

    record PlanVersion(Long version, Instant savedAt, String savedBy, PlanView plan) {
    }

    Mono<List<PlanVersion>> history(Actor actor, String studentId) {
        return access.require(actor, studentId, DataClass.MENTAL_HEALTH, Action.READ)
                .flatMap(scope -> mongo.find(Query.query(Criteria.where("studentId").is(studentId))
                                .with(Sort.by(Sort.Direction.DESC, "savedAt")), Docs.PlanSnapshot.class)
                        .map(h -> new PlanVersion(h.version(), h.savedAt(), h.savedBy(), view(h.plan())))
                        .collectList()
                        .flatMap(list -> auditRead(actor, scope, "mental_health.plan_history", studentId,
                                DataClass.MENTAL_HEALTH).thenReturn(list)));
    }

    // ---------------------------------------------------------------- the flag and tasks for others

    record Flag(String studentId, boolean needsAttention, List<TaskView> myTasks) {
    }

    /** What the head teacher sees: a plain "needs attention" and the tasks assigned to them, never content. */
    Mono<Flag> flag(Actor actor, String studentId) {
        return access.require(actor, studentId, DataClass.MENTAL_HEALTH_FLAG, Action.READ)
                .flatMap(scope -> mongo.findById(studentId, Docs.Plan.class)
                        .map(p -> new Flag(studentId, "ACTIVE".equals(p.status()) && !"green".equals(p.riskLevel()),
                                myTasks(actor, p)))
                        .defaultIfEmpty(new Flag(studentId, false, List.of()))
                        .flatMap(f -> auditRead(actor, scope, "mental_health.flag", studentId,
                                DataClass.MENTAL_HEALTH_FLAG).thenReturn(f)));
    }

    private List<TaskView> myTasks(Actor actor, Docs.Plan p) {
        return p.tasks().stream().filter(t -> actor.username().equals(t.assignee()))
                .map(t -> new TaskView(t.id(), t.assignee(), actor.displayName(),
                        dec(p.studentId(), "task", t.title()), t.schedule(), t.dueOn(), t.done())).toList();
    }

    record AssignedTask(String studentId, String studentName, String classId, boolean needsAttention, TaskView task) {
    }

    /** Tasks assigned to me in any plan of my school (e.g. the head teacher's daily check-in). */
    Mono<List<AssignedTask>> assignedToMe(Actor actor) {
        return access.requireOwnSchool(actor, DataClass.MENTAL_HEALTH_TASK, Action.READ)
                .flatMapMany(scope -> mongo.find(Query.query(Criteria.where("schoolId").is(scope.schoolId())
                        .and("tasks.assignee").is(actor.username()).and("status").is("ACTIVE")), Docs.Plan.class))
                .concatMap(p -> students.find(p.studentId()).flatMapMany(s -> audit.record(new AuditEvent(actor,
                                "mental_health.flag.read", "plan", p.studentId(), s.id(), s.schoolId(),
                                AuditEvent.Outcome.ALLOWED, "assigned task", DataClass.MENTAL_HEALTH_FLAG))
                        .thenMany(reactor.core.publisher.Flux.fromIterable(myTasks(actor, p))
                                .map(t -> new AssignedTask(s.id(), s.name(), s.classId(),
                                        !"green".equals(p.riskLevel()), t)))))
                .collectList();
    }

    // ---------------------------------------------------------------- caseload and follow-ups

    record CaseRow(String studentId, String name, String classId, String riskLevel, String status,
                   @Nullable LocalDate nextFollowUp, @Nullable LocalDate reviewOn, boolean followUpOverdue,
                   boolean reviewOverdue) {
    }

    Mono<List<CaseRow>> caseload(Actor actor, boolean overdueOnly) {
        LocalDate today = clock.today();
        return access.requireOwnSchool(actor, DataClass.MENTAL_HEALTH, Action.READ)
                .flatMapMany(scope -> mongo.find(Query.query(Criteria.where("schoolId").is(scope.schoolId())),
                        Docs.Plan.class))
                .concatMap(p -> students.find(p.studentId()).map(s -> {
                    LocalDate next = p.followUps().stream().filter(f -> f.doneOn() == null).map(Docs.FollowUp::dueOn)
                            .filter(java.util.Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
                    return new CaseRow(s.id(), s.name(), s.classId(), p.riskLevel(), p.status(), next, p.reviewOn(),
                            next != null && next.isBefore(today),
                            p.reviewOn() != null && p.reviewOn().isBefore(today) && "ACTIVE".equals(p.status()));
                }))
                .filter(r -> !overdueOnly || r.followUpOverdue() || r.reviewOverdue())
                .sort(Comparator.comparingInt((CaseRow r) -> riskLevels.indexOf(r.riskLevel()))
                        .thenComparing(CaseRow::name))
                .collectList();
    }

    // ---------------------------------------------------------------- sessions and referrals

    record SessionView(String id, LocalDate date, int minutes, String kind, @Nullable String note, String counselorName,
                       Instant createdAt) {
    }

    Mono<SessionView> addSession(Actor actor, String studentId, LocalDate date, int minutes, String kind,
                                 String note) {
        if (date == null || date.isAfter(clock.today())) {
            return Mono.error(Problems.invalid("date", "invalid", "a session date, not in the future"));
        }
        if (minutes < 1 || minutes > 600) {
            return Mono.error(Problems.invalid(List.of(FieldError.of("minutes", "range", "field.between", 1, 600))));
        }
        if (note != null && note.length() > MAX_TEXT) {
            return Mono.error(Problems.invalid(List.of(FieldError.of("note", "too_long", "field.max_length", MAX_TEXT))));
        }
        return access.require(actor, studentId, DataClass.MENTAL_HEALTH, Action.WRITE).flatMap(scope -> {
            String id = Ids.newId();
            Docs.Session s = new Docs.Session(id, studentId, scope.schoolId(), date, minutes,
                    kind == null ? "individual" : kind, note == null ? null : cipher.encrypt(note, "session:" + id),
                    actor.username(), actor.displayName(), clock.now());
            return mongo.insert(s).flatMap(saved -> audit.record(new AuditEvent(actor,
                            "mental_health.session.create", "session", id, studentId, scope.schoolId(),
                            AuditEvent.Outcome.ALLOWED, null, DataClass.MENTAL_HEALTH))
                    .thenReturn(new SessionView(id, date, minutes, saved.kind(), note, actor.displayName(),
                            saved.createdAt())));
        });
    }

    Mono<List<SessionView>> sessions(Actor actor, String studentId) {
        return access.require(actor, studentId, DataClass.MENTAL_HEALTH, Action.READ)
                .flatMap(scope -> mongo.find(Query.query(Criteria.where("studentId").is(studentId))
                                .with(Sort.by(Sort.Direction.DESC, "date")), Docs.Session.class)
                        .map(s -> new SessionView(s.id(), s.date(), s.minutes(), s.kind(),
                                s.note() == null ? null : cipher.decrypt(s.note(), "session:" + s.id()),
                                s.counselorName(), s.createdAt()))
                        .collectList()
                        .flatMap(l -> auditRead(actor, scope, "mental_health.sessions", studentId,
                                DataClass.MENTAL_HEALTH).thenReturn(l)));
    }

    record ReferralView(String id, String hospital, LocalDate referredOn, boolean guardianInformed,
                        @Nullable LocalDate guardianInformedOn, @Nullable String outcome, String status, Long version) {
    }

    private ReferralView view(Docs.Referral r) {
        return new ReferralView(r.id(), cipher.decrypt(r.hospital(), "referral:" + r.id() + ":hospital"),
                r.referredOn(), r.guardianInformed(), r.guardianInformedOn(),
                r.outcome() == null ? null : cipher.decrypt(r.outcome(), "referral:" + r.id() + ":outcome"),
                r.status(), r.version());
    }

    Mono<ReferralView> addReferral(Actor actor, String studentId, String hospital, LocalDate referredOn,
                                   boolean guardianInformed, LocalDate guardianInformedOn) {
        if (hospital == null || hospital.isBlank()) {
            return Mono.error(Problems.invalid("hospital", "required", "where the student is referred"));
        }
        if (referredOn == null) {
            return Mono.error(Problems.invalid("referredOn", "required", "when the referral was made"));
        }
        return access.require(actor, studentId, DataClass.MENTAL_HEALTH, Action.WRITE).flatMap(scope -> {
            String id = Ids.newId();
            Docs.Referral r = new Docs.Referral(id, studentId, scope.schoolId(),
                    cipher.encrypt(hospital, "referral:" + id + ":hospital"), referredOn, guardianInformed,
                    guardianInformedOn, null, "OPEN", actor.username(), clock.now(), clock.now(), null);
            return mongo.insert(r).flatMap(saved -> audit.record(new AuditEvent(actor,
                    "mental_health.referral.create", "referral", id, studentId, scope.schoolId(),
                    AuditEvent.Outcome.ALLOWED, null, DataClass.MENTAL_HEALTH)).thenReturn(view(saved)));
        });
    }

    Mono<ReferralView> updateReferral(Actor actor, String studentId, String id, String outcome, String status,
                                      Boolean guardianInformed, LocalDate guardianInformedOn, Long expectedVersion) {
        if (status != null && !List.of("OPEN", "CLOSED").contains(status)) {
            return Mono.error(Problems.invalid("status", "invalid", "OPEN or CLOSED"));
        }
        return access.require(actor, studentId, DataClass.MENTAL_HEALTH, Action.WRITE)
                .flatMap(scope -> mongo.findById(id, Docs.Referral.class).filter(r -> r.studentId().equals(studentId))
                        .switchIfEmpty(Mono.error(() -> Problems.notFound("referral", id)))
                        .flatMap(r -> {
                            ETags.check(expectedVersion, r.version());
                            Docs.Referral u = new Docs.Referral(r.id(), r.studentId(), r.schoolId(), r.hospital(),
                                    r.referredOn(), guardianInformed == null ? r.guardianInformed() : guardianInformed,
                                    guardianInformedOn == null ? r.guardianInformedOn() : guardianInformedOn,
                                    outcome == null ? r.outcome() : cipher.encrypt(outcome, "referral:" + id
                                            + ":outcome"), status == null ? r.status() : status, r.createdBy(),
                                    r.createdAt(), clock.now(), r.version());
                            return mongo.save(u).onErrorMap(OptimisticLockingFailureException.class,
                                    e -> Problems.staleVersion());
                        })
                        .flatMap(saved -> audit.record(new AuditEvent(actor, "mental_health.referral.update",
                                "referral", id, studentId, scope.schoolId(), AuditEvent.Outcome.ALLOWED, null,
                                DataClass.MENTAL_HEALTH)).thenReturn(view(saved))));
    }

    Mono<List<ReferralView>> referrals(Actor actor, String studentId) {
        return access.require(actor, studentId, DataClass.MENTAL_HEALTH, Action.READ)
                .flatMap(scope -> mongo.find(Query.query(Criteria.where("studentId").is(studentId)),
                                Docs.Referral.class).map(this::view).collectList()
                        .flatMap(l -> auditRead(actor, scope, "mental_health.referrals", studentId,
                                DataClass.MENTAL_HEALTH).thenReturn(l)));
    }

}
