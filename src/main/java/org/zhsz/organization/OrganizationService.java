package org.zhsz.organization;

import java.time.LocalDate;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.zhsz.audit.AuditEvent;
import org.zhsz.audit.AuditTrail;
import org.zhsz.organization.Documents.Assignment;
import org.zhsz.organization.Documents.School;
import org.zhsz.organization.Documents.SchoolClass;
import org.zhsz.organization.Documents.Staff;
import org.zhsz.organization.Documents.Term;
import org.zhsz.organization.Views.AssignmentView;
import org.zhsz.organization.Views.ClassView;
import org.zhsz.organization.Views.SchoolView;
import org.zhsz.organization.Views.StaffView;
import org.zhsz.organization.Views.TermView;
import org.zhsz.platform.AccessPolicy;
import org.zhsz.platform.Action;
import org.zhsz.platform.Actor;
import org.zhsz.platform.DataClass;
import org.zhsz.platform.ETags;
import org.zhsz.platform.Ids;
import org.zhsz.platform.Problems;
import org.zhsz.platform.Role;
import org.zhsz.platform.SchoolClock;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Writes of the organization module; every write is checked against the actor's school and audited. */
@Service
class OrganizationService {

    private final Repositories.Schools schools;
    private final Repositories.Terms terms;
    private final Repositories.Classes classes;
    private final Repositories.StaffMembers staff;
    private final Repositories.Assignments assignments;
    private final OrganizationDirectory directory;
    private final AuditTrail audit;
    private final SchoolClock clock;
    private final AccessPolicy access;
    private final StaffAccounts staffAccounts;

    OrganizationService(Repositories.Schools schools, Repositories.Terms terms, Repositories.Classes classes,
                        Repositories.StaffMembers staff, Repositories.Assignments assignments,
                        OrganizationDirectory directory, AuditTrail audit, SchoolClock clock, AccessPolicy access,
                        StaffAccounts staffAccounts) {
        this.access = access;
        this.staffAccounts = staffAccounts;
        this.schools = schools;
        this.terms = terms;
        this.classes = classes;
        this.staff = staff;
        this.assignments = assignments;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    /** The school if the actor may read it (its people, its county's bureau and auditor); else 404. */
    Mono<SchoolView> readableSchool(Actor actor, String schoolId) {
        return access.requireSchool(actor, schoolId, DataClass.SCHOOL, Action.READ)
                .flatMap(scope -> directory.school(scope.schoolId()));
    }

    /** Schools the actor may read: their own; their county's for county roles. */
    Flux<SchoolView> readableSchools(Actor actor) {
        return access.schoolIds(actor, DataClass.SCHOOL, Action.READ)
                .flatMapMany(ids -> Flux.fromIterable(new java.util.TreeSet<>(ids)))
                .concatMap(directory::school);
    }

    Mono<SchoolView> patchSchool(Actor actor, String id, String name, String address, Long expectedVersion) {
        return access.requireSchool(actor, id, DataClass.SCHOOL, Action.WRITE)
                .then(schools.findById(id))
                .switchIfEmpty(Mono.error(() -> Problems.notFound("school", id)))
                .flatMap(s -> {
                    ETags.check(expectedVersion, s.version());
                    School updated = new School(s.id(), s.countyId(), name == null ? s.name() : name, s.code(),
                            s.stage(), address == null ? s.address() : address, s.version(), s.createdAt(),
                            s.createdBy(), clock.now(), actor.username());
                    return schools.save(updated);
                })
                .flatMap(s -> audit.record(AuditEvent.allowed(actor, "school.update", "school", s.id(), null, s.id()))
                        .thenReturn(OrganizationDirectory.view(s)));
    }

    Mono<TermView> createTerm(Actor actor, String code, LocalDate start, LocalDate end) {
        return access.requireOwnSchool(actor, DataClass.SCHOOL, Action.WRITE)
                .flatMap(scope -> createTerm(actor, scope.schoolId(), code, start, end));
    }

    private Mono<TermView> createTerm(Actor actor, String school, String code, LocalDate start, LocalDate end) {
        if (!TermCalendar.isValidCode(code)) {
            return Mono.error(Problems.invalid("code", "invalid", "term code must look like 2026-2027-1"));
        }
        if (!end.isAfter(start)) {
            return Mono.error(Problems.invalid("endDate", "before_start", "endDate must be after startDate"));
        }
        return Mono.defer(() -> terms.findBySchoolId(school)
                        .filter(t -> !t.code().equals(code) && !end.isBefore(t.startDate())
                                && !start.isAfter(t.endDate()))
                        .hasElements())
                .flatMap(overlaps -> overlaps
                        ? Mono.error(Problems.rule("term_overlap", "The term overlaps another term of the school"))
                        : terms.insert(new Term(Ids.newId(), school, code, start, end, null, clock.now(),
                        actor.username())).doOnSuccess(t -> directory.invalidateCaches()))
                .onErrorMap(DuplicateKeyException.class,
                        e -> Problems.conflict("duplicate", "This term already exists"))
                .flatMap(t -> audit.record(AuditEvent.allowed(actor, "term.create", "term", t.id(), null, school))
                        .then(directory.term(school, code)));
    }

    Mono<ClassView> createClass(Actor actor, SchoolStage stage, int entryYear, int classNo) {
        return access.requireOwnSchool(actor, DataClass.SCHOOL, Action.WRITE)
                .flatMap(scope -> createClass(actor, scope.schoolId(), stage, entryYear, classNo));
    }

    private Mono<ClassView> createClass(Actor actor, String school, SchoolStage stage, int entryYear, int classNo) {
        return directory.currentTerm(school)
                .flatMap(term -> classes.insert(new SchoolClass(Ids.newId(), school, stage, entryYear, classNo, true,
                                null, clock.now(), actor.username(), clock.now(), actor.username()))
                        .onErrorMap(DuplicateKeyException.class,
                                e -> Problems.conflict("duplicate", "This class already exists"))
                        .doOnSuccess(c -> directory.invalidateCaches())
                        .flatMap(c -> audit.record(AuditEvent.allowed(actor, "class.create", "class", c.id(), null,
                                        school))
                                .thenReturn(OrganizationDirectory.classView(c, term.code()))));
    }

    Mono<ClassView> patchClass(Actor actor, String id, Boolean active, Long expectedVersion) {
        return classes.findById(id)
                .switchIfEmpty(Mono.error(() -> Problems.notFound("class", id)))
                .flatMap(c -> access.requireSchool(actor, c.schoolId(), DataClass.SCHOOL, Action.WRITE).thenReturn(c))
                .flatMap(c -> {
                    ETags.check(expectedVersion, c.version());
                    return classes.save(new SchoolClass(c.id(), c.schoolId(), c.stage(), c.entryYear(), c.classNo(),
                            active == null ? c.active() : active, c.version(), c.createdAt(), c.createdBy(),
                            clock.now(), actor.username())).doOnSuccess(x -> directory.invalidateCaches());
                })
                .flatMap(c -> audit.record(AuditEvent.allowed(actor, "class.update", "class", c.id(), null,
                        c.schoolId())).then(directory.schoolClassNow(c.id())));
    }

    /** The staff directory of the actor's school, for its staff. */
    Flux<StaffView> staffOf(Actor actor) {
        return access.requireOwnSchool(actor, DataClass.STAFF, Action.READ)
                .flatMapMany(scope -> staffOf(scope.schoolId()));
    }

    private Flux<StaffView> staffOf(String schoolId) {
        return staff.findBySchoolId(schoolId).map(s -> new StaffView(s.username(), s.schoolId(), s.name(),
                s.subjects(), s.active())).sort((a, b) -> a.username().compareTo(b.username()));
    }

    /** A new staff member: {@code account} holds their new login and one-time password when one was made. */
    record CreatedStaff(String username, String schoolId, String name, Set<String> subjects, boolean active,
                        Set<String> roles, @Nullable NewLogin account) {
    }

    /** {@code temporaryPassword} is null when an account of the same school already existed and was linked. */
    record NewLogin(String username, String temporaryPassword) {
    }

    /** The school's admin registers a staff member of their school (and their login, when accounts are managed). */
    Mono<CreatedStaff> createStaff(Actor actor, String username, String name, Set<String> subjects,
                                   Set<String> roleClaims) {
        return access.requireOwnSchool(actor, DataClass.STAFF, Action.WRITE)
                .flatMap(scope -> createStaff(actor, scope.schoolId(), username, name, subjects, roleClaims));
    }

    private Mono<CreatedStaff> createStaff(Actor actor, String school, String username, String name,
                                           Set<String> subjects, Set<String> roleClaims) {
        return Mono.fromCallable(() -> StaffAccounts.roles(roleClaims))
                .flatMap(roles -> staff.existsById(username)
                        .flatMap(exists -> exists ? Mono.error(Problems.conflict("duplicate",
                                "This account is already registered"))
                                : staffAccounts.provide(username, name, roles, school))
                        .flatMap(issued -> staff.insert(new Staff(username, school, name, subjects, null, clock.now(),
                                        actor.username(), null))
                                .doOnSuccess(x -> directory.invalidateCaches())
                                .onErrorResume(e -> staffAccounts.undo(issued).then(Mono.error(e)))
                                .onErrorMap(DuplicateKeyException.class,
                                        e -> Problems.conflict("duplicate", "This account is already registered"))
                                .flatMap(s -> audit.record(AuditEvent.allowed(actor, "staff.create", "staff",
                                                s.username(), null, school)
                                                .withReason(issued.isPresent() ? "account" : null))
                                        .thenReturn(new CreatedStaff(s.username(), s.schoolId(), s.name(),
                                                s.subjects(), true, roles.stream().map(Role::claim)
                                                .collect(java.util.stream.Collectors.toCollection(
                                                        java.util.TreeSet::new)),
                                                issued.map(i -> new NewLogin(i.account().username(),
                                                        i.temporaryPassword())).orElse(null))))));
    }

    /** A staff member leaves ({@code active=false}: account disabled) or comes back (enabled); idempotent. */
    Mono<StaffView> setStaffActive(Actor actor, String username, boolean active, Long expectedVersion) {
        return staff.findById(username)
                .switchIfEmpty(Mono.error(() -> Problems.notFound("staff", username)))
                .flatMap(s -> access.requireSchool(actor, s.schoolId(), DataClass.STAFF, Action.WRITE).thenReturn(s))
                .flatMap(s -> {
                    ETags.check(expectedVersion, s.version());
                    if (s.active() == active) {
                        // nothing to save; the account is brought in line anyway (repairs a missed change)
                        return staffAccounts.setActive(username, active).thenReturn(s);
                    }
                    Staff updated = new Staff(s.username(), s.schoolId(), s.name(), s.subjects(), s.version(),
                            s.createdAt(), s.createdBy(), active ? null : clock.today());
                    return staffAccounts.setActive(username, active)
                            .then(staff.save(updated))
                            .onErrorResume(e -> staffAccounts.setActive(username, s.active())
                                    .onErrorResume(x -> Mono.empty()).then(Mono.error(e)))
                            .doOnSuccess(x -> directory.invalidateCaches())
                            .flatMap(saved -> audit.record(AuditEvent.allowed(actor,
                                    active ? "staff.return" : "staff.leave", "staff", username, null,
                                    saved.schoolId())).thenReturn(saved));
                })
                .map(s -> new StaffView(s.username(), s.schoolId(), s.name(), s.subjects(), s.active()));
    }

    /**
     * The school's assignments as far as the actor may see them: the admin and counselors all of them, a teacher
     * those of the classes they teach (and their own).
     */
    Flux<AssignmentView> assignments(Actor actor, String term, String classId, String username) {
        return access.requireInOwnSchool(actor, DataClass.ASSIGNMENTS, Action.READ).flatMapMany(scope -> {
            Mono<String> termCode = term != null ? Mono.just(term) : Mono.just(scope.termCode());
            return termCode.flatMapMany(t -> directory.assignmentsOfSchool(scope.schoolId(), t))
                    .filter(a -> classId == null || classId.equals(a.classId()))
                    .filter(a -> username == null || username.equals(a.username()))
                    .filter(a -> actor.username().equals(a.username()) || scope.covers(a.classId()));
        }).sort((a, b) -> (a.classId() == null ? "" : a.classId()).compareTo(
                        b.classId() == null ? "" : b.classId()));
    }

    Mono<AssignmentView> createAssignment(Actor actor, String username, AssignmentRole role, String classId,
                                          String subject, String term) {
        return access.requireOwnSchool(actor, DataClass.ASSIGNMENTS, Action.WRITE)
                .flatMap(scope -> createAssignment(actor, scope.schoolId(), username, role, classId, subject, term));
    }

    private Mono<AssignmentView> createAssignment(Actor actor, String school, String username, AssignmentRole role,
                                                  String classId, String subject, String term) {
        if (role == AssignmentRole.COUNSELOR && classId != null) {
            return Mono.error(Problems.invalid("classId", "not_allowed", "a counselor is assigned to the school"));
        }
        if (role != AssignmentRole.COUNSELOR && classId == null) {
            return Mono.error(Problems.invalid("classId", "required", "classId is required"));
        }
        if (role == AssignmentRole.SUBJECT && (subject == null || subject.isBlank())) {
            return Mono.error(Problems.invalid("subject", "required", "subject is required for a subject teacher"));
        }
        Mono<String> termCode = term != null ? Mono.just(term)
                : directory.currentTerm(school).map(TermView::code);
        Mono<Boolean> classOk = classId == null ? Mono.just(true)
                : classes.findById(classId).map(c -> school.equals(c.schoolId())).defaultIfEmpty(false);
        return staff.findById(username).filter(s -> school.equals(s.schoolId())).hasElement()
                .flatMap(staffOk -> staffOk ? classOk
                        : Mono.error(Problems.invalid("username", "unknown_staff",
                        "no staff member with this username in your school")))
                .flatMap(ok -> ok ? termCode
                        : Mono.error(Problems.invalid("classId", "unknown_class", "no such class in your school")))
                .flatMap(t -> assignments.insert(new Assignment(Ids.newId(), school, t, username, role, classId,
                        role == AssignmentRole.SUBJECT ? subject : null, clock.now(), actor.username()))
                        .doOnSuccess(x -> directory.invalidateCaches()))
                .onErrorMap(DuplicateKeyException.class,
                        e -> Problems.conflict("duplicate", "This assignment already exists"))
                .flatMap(a -> audit.record(AuditEvent.allowed(actor, "assignment.create", "assignment", a.id(), null,
                        school)).then(directory.assignmentView(a)));
    }

    Mono<Void> deleteAssignment(Actor actor, String id) {
        return assignments.findById(id)
                .switchIfEmpty(Mono.error(() -> Problems.notFound("assignment", id)))
                .flatMap(a -> access.requireSchool(actor, a.schoolId(), DataClass.ASSIGNMENTS, Action.WRITE)
                        .thenReturn(a))
                .flatMap(a -> assignments.delete(a).doOnSuccess(x -> directory.invalidateCaches()).then(audit.record(AuditEvent.allowed(actor, "assignment.delete",
                        "assignment", a.id(), null, a.schoolId()))));
    }
}
