package org.zhsz.student;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.zhsz.audit.AuditEvent;
import org.zhsz.audit.AuditTrail;
import org.zhsz.organization.OrganizationDirectory;
import org.zhsz.organization.Views.ClassView;
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
import org.zhsz.platform.SchoolClock;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The student registry: reads shaped by the access policy, writes by the school admin, all writes audited. */
@Service
class StudentService {

    private final StudentRepository students;
    private final ReactiveMongoTemplate mongo;
    private final OrganizationDirectory organization;
    private final AccessPolicy access;
    private final AuditTrail audit;
    private final SchoolClock clock;
    private final StudentAccounts studentAccounts;
    private final StudentDirectory directory;

    StudentService(StudentRepository students, ReactiveMongoTemplate mongo, OrganizationDirectory organization,
                   AccessPolicy access, AuditTrail audit, SchoolClock clock, StudentAccounts studentAccounts,
                   StudentDirectory directory) {
        this.studentAccounts = studentAccounts;
        this.directory = directory;
        this.students = students;
        this.mongo = mongo;
        this.organization = organization;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * One student; the private fields (full 学籍号, birth date, guardians) only where allowed, and then audited. The
     * student is the one the access decision read (the directory's view: one store read, not two).
     */
    Mono<StudentResponse> get(Actor actor, String id) {
        return access.require(actor, id, DataClass.PROFILE, Action.READ)
                .flatMap(scope -> directory.find(id)
                        .flatMap(s -> {
                            boolean full = access.permits(scope.relationships(), DataClass.PROFILE_PRIVATE,
                                    Action.READ);
                            return (full ? auditPrivateReads(actor, List.of(s)) : Mono.<Void>empty())
                                    .then(className(s.classId()))
                                    .map(name -> StudentResponse.of(s, name, full));
                        }));
    }

    /**
     * A class's students, or every student the actor may list in their school (a teacher: their classes; the
     * admin and counselors: the school). Private fields only where the policy allows them, each one shown audited.
     */
    Mono<PageResult<StudentResponse>> list(Actor actor, String classId, String q, StudentStatus status,
                                           Paging paging) {
        if (classId != null) {
            return access.requireClass(actor, classId, DataClass.PROFILE, Action.READ)
                    .flatMap(scope -> page(Criteria.where("classId").is(classId), q, status, paging,
                            access.permits(scope.relationships(), DataClass.PROFILE_PRIVATE, Action.READ)
                                    ? c -> true : c -> false, actor));
        }
        return access.requireInOwnSchool(actor, DataClass.PROFILE, Action.READ)
                .flatMap(scope -> access.reachInOwnSchool(actor, DataClass.PROFILE_PRIVATE, Action.READ)
                        .map(p -> (java.util.function.Predicate<String>) p::covers)
                        .defaultIfEmpty(c -> false)
                        .flatMap(privateIn -> page(scope.wholeSchool()
                                ? Criteria.where("schoolId").is(scope.schoolId())
                                : Criteria.where("schoolId").is(scope.schoolId()).and("classId").in(scope.classIds()),
                                q, status, paging, privateIn, actor)));
    }

    /** Every private profile shown is a sensitive read: audited, and in the family's access log. */
    private Mono<Void> auditPrivateReads(Actor actor, List<StudentView> shown) {
        return Flux.fromIterable(shown).flatMap(s -> audit.record(new AuditEvent(actor, "student.profile.read",
                "student", s.id(), s.id(), s.schoolId(), AuditEvent.Outcome.ALLOWED, null,
                DataClass.PROFILE_PRIVATE))).then();
    }

    /** Filters and pages in the database, sorted by class and 学籍号; private fields for the classes given. */
    private Mono<PageResult<StudentResponse>> page(Criteria scope, String q, StudentStatus status, Paging paging,
                                                   java.util.function.Predicate<String> privateIn, Actor actor) {
        List<Criteria> all = new ArrayList<>();
        all.add(scope);
        all.add(status == null ? Criteria.where("status").ne(StudentStatus.TRANSFERRED_OUT)
                : Criteria.where("status").is(status));
        if (q != null && !q.isBlank()) {
            String t = q.trim();
            all.add(new Criteria().orOperator(Criteria.where("studentNo").is(t.toUpperCase(java.util.Locale.ROOT)),
                    Criteria.where("name").regex(java.util.regex.Pattern.quote(t))));
        }
        Query query = Query.query(new Criteria().andOperator(all.toArray(new Criteria[0])));
        Query pageQuery = Query.of(query).with(Sort.by("classId", "studentNo")).skip(paging.offset())
                .limit(paging.size());
        return Mono.zip(mongo.find(pageQuery, Student.class).map(StudentView::of).collectList(),
                        mongo.count(query, Student.class), classNames(actor))
                .flatMap(t -> auditPrivateReads(actor, t.getT1().stream().filter(s -> privateIn.test(s.classId()))
                        .toList()).thenReturn(new PageResult<>(t.getT1().stream()
                        .map(s -> StudentResponse.of(s, t.getT3().get(s.classId()), privateIn.test(s.classId())))
                        .toList(), paging.page(), paging.size(), t.getT2())));
    }

    private Mono<Map<String, String>> classNames(Actor actor) {
        if (actor.schoolId() == null) {
            return Mono.just(Map.of());
        }
        return organization.currentTerm(actor.schoolId())
                .flatMapMany(t -> organization.classesOfSchool(actor.schoolId(), t.code()))
                .collectMap(ClassView::id, ClassView::name);
    }

    private Mono<String> className(String classId) {
        return organization.schoolClassNow(classId).map(ClassView::name).defaultIfEmpty("");
    }

    record StudentInput(String studentNo, String name, Sex sex, LocalDate birthDate, String ethnicity,
                        String classId, String username) {
    }

    /** The school's admin registers a student of their school. */
    Mono<StudentResponse> create(Actor actor, StudentInput in) {
        return access.requireOwnSchool(actor, DataClass.PROFILE, Action.WRITE)
                .flatMap(scope -> create(actor, scope.schoolId(), in));
    }

    private Mono<StudentResponse> create(Actor actor, String school, StudentInput in) {
        String ethnicity = StudentRules.normalizeEthnicity(in.ethnicity());
        List<FieldError> errors = new ArrayList<>(StudentRules.validate(in.studentNo(), in.name(), in.sex(),
                in.birthDate(), ethnicity, clock.today()));
        if (in.classId() == null) {
            errors.add(FieldError.of("classId", "required", "field.required"));
        }
        if (!errors.isEmpty()) {
            return Mono.error(Problems.invalid(errors));
        }
        return classInSchool(in.classId(), school)
                .flatMap(c -> {
                    LocalDate today = clock.today();
                    Student s = new Student(Ids.newId(), school, in.studentNo(), in.name().trim(), in.sex(),
                            in.birthDate(), ethnicity, c.id(), StudentStatus.ENROLLED, blankToNull(in.username()),
                            List.of(), List.of(new Student.Enrollment(c.id(), today, null, "入学")), null,
                            clock.now(), actor.username(), clock.now(), actor.username());
                    return students.insert(s)
                            .onErrorMap(DuplicateKeyException.class, e -> Problems.conflict("duplicate_student",
                                    "A student with this 学籍号 or account already exists"))
                            .flatMap(saved -> audit.record(AuditEvent.allowed(actor, "student.create", "student",
                                            saved.id(), saved.id(), school))
                                    .thenReturn(StudentResponse.of(StudentView.of(saved), c.name(), true)));
                });
    }

    private Mono<ClassView> classInSchool(String classId, String school) {
        return organization.schoolClassNow(classId)
                .filter(c -> school.equals(c.schoolId()))
                .switchIfEmpty(Mono.error(() -> Problems.invalid("classId", "unknown_class",
                        "no such class in your school")));
    }

    record StudentPatch(String name, Sex sex, LocalDate birthDate, String ethnicity, StudentStatus status,
                        String username) {
    }

    Mono<StudentResponse> patch(Actor actor, String id, StudentPatch p, Long expectedVersion) {
        return access.require(actor, id, DataClass.PROFILE, Action.WRITE)
                .then(students.findById(id))
                .flatMap(s -> {
                    ETags.check(expectedVersion, s.version());
                    String name = p.name() == null ? s.name() : p.name().trim();
                    Sex sex = p.sex() == null ? s.sex() : p.sex();
                    LocalDate birth = p.birthDate() == null ? s.birthDate() : p.birthDate();
                    String eth = p.ethnicity() == null ? s.ethnicity() : StudentRules.normalizeEthnicity(p.ethnicity());
                    List<FieldError> errors = StudentRules.validateDetails(name, sex, birth, eth, clock.today());
                    if (!errors.isEmpty()) {
                        return Mono.error(Problems.invalid(errors));
                    }
                    Student updated = s.with(name, sex, birth, eth, p.status() == null ? s.status() : p.status(),
                            p.username() == null ? s.username() : blankToNull(p.username()), clock.now(),
                            actor.username());
                    // leaving (transfer out, graduation) disables the accounts, coming back enables them: first
                    return studentAccounts.beforeStatusChange(s, updated.status())
                            .then(students.save(updated))
                            .onErrorResume(e -> studentAccounts.revertStatusChange(s, updated.status())
                                    .then(Mono.error(e)))
                            .onErrorMap(DuplicateKeyException.class, e -> Problems.conflict("duplicate_student",
                                    "This account is already linked to another student"));
                })
                .flatMap(saved -> audit.record(AuditEvent.allowed(actor, "student.update", "student", saved.id(),
                                saved.id(), saved.schoolId()))
                        .then(className(saved.classId()))
                        .map(cn -> StudentResponse.of(StudentView.of(saved), cn, true)));
    }

    Mono<StudentResponse> transfer(Actor actor, String id, String classId, LocalDate date, String reason,
                                   Long expectedVersion) {
        LocalDate on = date == null ? clock.today() : date;
        return access.require(actor, id, DataClass.PROFILE, Action.WRITE)
                .then(students.findById(id))
                .flatMap(s -> classInSchool(classId, s.schoolId()).flatMap(c -> {
                    ETags.check(expectedVersion, s.version());
                    if (c.id().equals(s.classId())) {
                        return Mono.error(Problems.rule("same_class", "The student is already in this class"));
                    }
                    List<Student.Enrollment> history = new ArrayList<>();
                    for (Student.Enrollment e : s.enrollments()) {
                        history.add(e.to() == null ? new Student.Enrollment(e.classId(), e.from(), on.minusDays(1),
                                e.reason()) : e);
                    }
                    history.add(new Student.Enrollment(c.id(), on, null, reason == null ? "调班" : reason));
                    return students.save(s.transferred(c.id(), history, clock.now(), actor.username()))
                            .flatMap(saved -> audit.record(AuditEvent.allowed(actor, "student.transfer", "student",
                                            saved.id(), saved.id(), saved.schoolId()).withReason(reason))
                                    .thenReturn(StudentResponse.of(StudentView.of(saved), c.name(), true)));
                }));
    }

    record GuardianInput(String username, String name, String relation, String phone) {
    }

    Mono<StudentResponse> putGuardians(Actor actor, String id, List<GuardianInput> guardians, Long expectedVersion) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < guardians.size(); i++) {
            GuardianInput g = guardians.get(i);
            if (g.name() == null || g.name().isBlank()) {
                errors.add(FieldError.of("[" + i + "].name", "required", "field.guardian_name_required"));
            }
            if (g.phone() != null && !g.phone().matches("[0-9+\\- ]{5,20}")) {
                errors.add(FieldError.of("[" + i + "].phone", "invalid", "field.invalid_phone"));
            }
        }
        if (guardians.size() > 6) {
            errors.add(FieldError.of("$", "too_many", "field.too_many_guardians", 6));
        }
        if (!errors.isEmpty()) {
            return Mono.error(Problems.invalid(errors));
        }
        return access.require(actor, id, DataClass.PROFILE_PRIVATE, Action.WRITE)
                .then(students.findById(id))
                .flatMap(s -> {
                    ETags.check(expectedVersion, s.version());
                    List<Student.Guardian> list = guardians.stream().map(g -> new Student.Guardian(
                            blankToNull(g.username()), g.name().trim(), g.relation(), g.phone())).collect(
                            Collectors.toList());
                    return students.save(s.withGuardians(list, clock.now(), actor.username()));
                })
                .flatMap(saved -> audit.record(AuditEvent.allowed(actor, "student.guardians", "student", saved.id(),
                                saved.id(), saved.schoolId()))
                        .then(className(saved.classId()))
                        .map(cn -> StudentResponse.of(StudentView.of(saved), cn, true)));
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
