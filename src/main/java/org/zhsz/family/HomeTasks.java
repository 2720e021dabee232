package org.zhsz.family;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
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
import org.zhsz.platform.DataClass;
import org.zhsz.platform.ETags;
import org.zhsz.platform.FieldError;
import org.zhsz.platform.Ids;
import org.zhsz.platform.Notifications;
import org.zhsz.platform.Problems;
import org.zhsz.platform.Relationship;
import org.zhsz.platform.SchoolClock;
import org.zhsz.platform.StudentScope;
import org.zhsz.record.EvidenceFiles;
import org.zhsz.record.FamilyLabour;
import org.zhsz.student.StudentDirectory;
import org.zhsz.student.StudentView;

import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * 家庭劳动: a guardian ticks a task of the child's grade checklist done (optionally with a photo) and thereby
 * confirms it; a student may tick it too, and it then waits for a guardian's confirmation. A confirmed task becomes a
 * LABOUR record for the head teacher's review (record module), whose decision the family sees here; approved hours
 * count toward the term's labour hours.
 */
@Service
class HomeTasks {

    private final ReactiveMongoTemplate mongo;
    private final AccessPolicy access;
    private final StudentDirectory students;
    private final OrganizationDirectory organization;
    private final Checklists checklists;
    private final FamilyLabour labour;
    private final EvidenceFiles files;
    private final Notifications notifications;
    private final AuditTrail audit;
    private final SchoolClock clock;
    private final MessageSource messages;
    private final FamilyProperties props;
    private final BigDecimal hoursPerTerm;
    private final MeterRegistry meters;

    HomeTasks(ReactiveMongoTemplate mongo, AccessPolicy access, StudentDirectory students,
              OrganizationDirectory organization, Checklists checklists, FamilyLabour labour, EvidenceFiles files,
              Notifications notifications, AuditTrail audit, SchoolClock clock, MessageSource messages,
              FamilyProperties props,
              @org.springframework.beans.factory.annotation.Value("${zhsz.records.labour-hours-per-term:16}")
              BigDecimal hoursPerTerm, MeterRegistry meters) {
        this.mongo = mongo;
        this.access = access;
        this.students = students;
        this.organization = organization;
        this.checklists = checklists;
        this.labour = labour;
        this.files = files;
        this.notifications = notifications;
        this.audit = audit;
        this.clock = clock;
        this.messages = messages;
        this.props = props;
        this.hoursPerTerm = hoursPerTerm;
        this.meters = meters;
    }

    /** What the family sees of a tick: AWAITING_GUARDIAN, WITHDRAWN, or the record's SUBMITTED/APPROVED/REJECTED. */
    record CompletionView(String id, String taskCode, String title, LocalDate doneOn, BigDecimal hours,
                          @Nullable String note,
                          List<String> photos, Docs.Person doneBy, Docs.@Nullable Person confirmedBy,
                          @Nullable Instant confirmedAt,
                          String status, @Nullable String reviewReason, @Nullable String reviewedBy,
                          @Nullable String recordId,
                          Long version) {
    }

    record TaskView(String code, String title, @Nullable String description, Docs.Frequency frequency, BigDecimal hours,
                    boolean holiday, @Nullable LocalDate availableFrom, @Nullable LocalDate availableTo,
                    int doneThisTerm,
                    @Nullable LocalDate lastDoneOn, @Nullable String todayProblem) {
    }

    record Hours(BigDecimal approved, BigDecimal waiting, BigDecimal required) {
    }

    record StudentHomeTasks(String studentId, String name, String classId, String className, int grade,
                            String gradeName, String term, String relation, List<TaskView> tasks, List<CompletionView> completions,
                            Hours familyHours) {
    }

    // ---------------------------------------------------------------- reading

    Mono<StudentHomeTasks> ofStudent(Actor actor, String studentId) {
        return access.require(actor, studentId, DataClass.HOME_TASK, Action.READ)
                .flatMap(scope -> Mono.zip(students.find(studentId), organization.schoolClass(scope.classId(),
                        scope.termCode())).flatMap(t -> {
                    StudentView s = t.getT1();
                    ClassView c = t.getT2();
                    return Mono.zip(checklists.forGrade(s.schoolId(), c.gradeLevel()),
                                    completions(studentId, scope.termCode()).collectList())
                            .flatMap(z -> views(z.getT2()).map(views -> {
                                LocalDate today = clock.today();
                                List<TaskView> tasks = z.getT1().stream().map(task -> {
                                    List<CompletionView> mine = views.stream()
                                            .filter(v -> v.taskCode().equals(task.code()) && inForce(v)).toList();
                                    String problem = HomeTaskRules.completionProblem(task, today, today,
                                            scope.termCode(), done(mine, scope.termCode()));
                                    return new TaskView(task.code(), task.title(), task.description(),
                                            task.frequency(), task.hours(), task.holiday(), task.availableFrom(),
                                            task.availableTo(), mine.size(), mine.stream().map(CompletionView::doneOn)
                                            .max(Comparator.naturalOrder()).orElse(null), problem);
                                }).toList();
                                return new StudentHomeTasks(s.id(), s.name(), c.id(), c.name(), c.gradeLevel(),
                                        org.zhsz.organization.SchoolStage.gradeName(c.gradeLevel()), scope.termCode(), relation(scope), tasks, views, hours(views));
                            }));
                }));
    }

    private static String relation(StudentScope scope) {
        return scope.is(Relationship.GUARDIAN) ? "guardian" : scope.is(Relationship.SELF) ? "student" : "staff";
    }

    private Hours hours(List<CompletionView> views) {
        BigDecimal approved = BigDecimal.ZERO;
        BigDecimal waiting = BigDecimal.ZERO;
        for (CompletionView v : views) {
            if ("APPROVED".equals(v.status())) {
                approved = approved.add(v.hours());
            } else if ("SUBMITTED".equals(v.status()) || "AWAITING_GUARDIAN".equals(v.status())) {
                waiting = waiting.add(v.hours());
            }
        }
        return new Hours(approved, waiting, hoursPerTerm);
    }

    private static boolean inForce(CompletionView v) {
        return !List.of("WITHDRAWN", "REJECTED", "VOIDED").contains(v.status());
    }

    private static List<HomeTaskRules.Done> done(List<CompletionView> inForce, String term) {
        return inForce.stream().map(v -> new HomeTaskRules.Done(v.doneOn(), term)).toList();
    }

    Flux<Docs.Completion> completions(String studentId, String term) {
        return mongo.find(Query.query(Criteria.where("studentId").is(studentId).and("term").is(term)),
                Docs.Completion.class);
    }

    /** Completions with their record's state, newest first. */
    Mono<List<CompletionView>> views(List<Docs.Completion> list) {
        List<String> recordIds = list.stream().map(Docs.Completion::recordId).filter(java.util.Objects::nonNull)
                .toList();
        return labour.states(recordIds).collectMap(FamilyLabour.State::recordId).map(states -> list.stream()
                .sorted(Comparator.comparing(Docs.Completion::doneOn).thenComparing(Docs.Completion::createdAt)
                        .reversed())
                .map(c -> {
                    FamilyLabour.State st = c.recordId() == null ? null : states.get(c.recordId());
                    String status = c.status() == Docs.CompletionStatus.CONFIRMED && st != null ? st.status()
                            : c.status().name();
                    return new CompletionView(c.id(), c.taskCode(), c.title(), c.doneOn(), c.hours(), c.note(),
                            c.photos(), c.doneBy(), c.confirmedBy(), c.confirmedAt(), status,
                            st == null ? null : st.reviewReason(), st == null ? null : st.reviewedBy(), c.recordId(),
                            c.version());
                }).toList());
    }

    // ---------------------------------------------------------------- ticking

    record CompletionInput(String taskCode, LocalDate doneOn, BigDecimal hours, String note, List<String> photos) {
    }

    Mono<CompletionView> complete(Actor actor, String studentId, CompletionInput in) {
        return access.require(actor, studentId, DataClass.HOME_TASK, Action.WRITE)
                .flatMap(scope -> Mono.zip(students.find(studentId), organization.schoolClass(scope.classId(),
                        scope.termCode())).flatMap(t -> {
                    StudentView s = t.getT1();
                    ClassView c = t.getT2();
                    List<FieldError> errors = new ArrayList<>();
                    if (in.taskCode() == null || in.taskCode().isBlank()) {
                        errors.add(new FieldError("taskCode", "required", "taskCode is required"));
                    }
                    if (in.doneOn() == null) {
                        errors.add(new FieldError("doneOn", "required", "doneOn is required"));
                    }
                    if (in.hours() != null && HomeTaskRules.hoursProblem(in.hours()) != null) {
                        errors.add(new FieldError("hours", "out_of_range", "0.1 to 8 hours, one decimal"));
                    }
                    if (in.note() != null && in.note().strip().length() > HomeTaskRules.MAX_NOTE) {
                        errors.add(new FieldError("note", "too_long", "at most 200 characters"));
                    }
                    List<String> photos = in.photos() == null ? List.of() : in.photos();
                    if (photos.size() > HomeTaskRules.MAX_PHOTOS || photos.stream().distinct().count()
                            != photos.size()) {
                        errors.add(new FieldError("photos", "too_many", "at most 3 different photos"));
                    }
                    if (!errors.isEmpty()) {
                        return Mono.error(Problems.invalid(errors));
                    }
                    return checklists.forGrade(s.schoolId(), c.gradeLevel())
                            .flatMap(list -> Mono.justOrEmpty(list.stream()
                                    .filter(x -> x.code().equals(in.taskCode())).findFirst()))
                            .switchIfEmpty(Mono.error(() -> Problems.invalid("taskCode", "unknown",
                                    "no such task in this grade's checklist")))
                            .flatMap(task -> organization.termOn(s.schoolId(), in.doneOn()).flatMap(term ->
                                    completions(studentId, term.code()).collectList().flatMap(this::views)
                                            .flatMap(existing -> {
                                                List<CompletionView> same = existing.stream().filter(v ->
                                                        v.taskCode().equals(task.code()) && inForce(v)).toList();
                                                String problem = HomeTaskRules.completionProblem(task, in.doneOn(),
                                                        clock.today(), term.code(), done(same, term.code()));
                                                if (problem != null) {
                                                    return Mono.error(Problems.rule(problemCode(problem),
                                                            "This task cannot be ticked done for that day: "
                                                                    + problem));
                                                }
                                                return photosOk(studentId, photos).then(create(actor, scope, s, c,
                                                        task, term.code(), in, photos));
                                            })));
                }));
    }

    private Mono<Void> photosOk(String studentId, List<String> photos) {
        return Flux.fromIterable(photos).concatMap(id -> mongo.findById(id, Docs.Photo.class)
                        .filter(p -> studentId.equals(p.studentId()) && p.completionId() == null)
                        .switchIfEmpty(Mono.error(() -> Problems.invalid("photos", "unknown",
                                "no such photo for this student: " + id))))
                .then();
    }

    private Mono<CompletionView> create(Actor actor, StudentScope scope, StudentView s, ClassView c, Docs.Task task,
                                        String term, CompletionInput in, List<String> photos) {
        Instant now = clock.now();
        boolean guardian = scope.is(Relationship.GUARDIAN);
        Docs.Person by = new Docs.Person(actor.username(), actor.displayName(), guardian ? "parent" : "student");
        Docs.Completion draft = new Docs.Completion(Ids.newId(), s.schoolId(), s.id(), c.id(), term, c.gradeLevel(),
                task.code(), task.title(), in.doneOn(), in.hours() == null ? task.hours() : in.hours(),
                in.note() == null || in.note().isBlank() ? null : in.note().strip(), photos, by,
                guardian ? Docs.CompletionStatus.CONFIRMED : Docs.CompletionStatus.AWAITING_GUARDIAN,
                guardian ? by : null, guardian ? now : null, null, now, null);
        Mono<Docs.Completion> saved = guardian ? submit(actor, draft, s) : mongo.insert(draft)
                .flatMap(d -> notifyGuardians(s, d).thenReturn(d));
        return saved.flatMap(d -> Flux.fromIterable(photos).concatMap(p -> mongo.updateFirst(
                                Query.query(Criteria.where("_id").is(p)), new Update().set("completionId", d.id()),
                                Docs.Photo.class)).then(audit.record(AuditEvent.allowed(actor, "home_task.complete",
                                "home_task", d.id(), s.id(), s.schoolId()).withReason(d.status().name())))
                        .doOnSuccess(v -> meters.counter("zhsz.family.home_tasks", "by", by.role()).increment())
                        .thenReturn(d))
                .flatMap(d -> views(List.of(d)).map(list -> list.get(0)));
    }

    /** The labour record first, then the completion pointing at it: a crash in between leaves no orphan tick. */
    private Mono<Docs.Completion> submit(Actor actor, Docs.Completion c, StudentView s) {
        FamilyLabour.Person doneBy = new FamilyLabour.Person(c.doneBy().username(), c.doneBy().name(),
                c.doneBy().role());
        FamilyLabour.Person confirmedBy = new FamilyLabour.Person(c.confirmedBy().username(), c.confirmedBy().name(),
                relationOf(s, c.confirmedBy().username()));
        String description = c.note() == null ? messages.getMessage("home_task.record.description",
                new Object[]{c.title()}, Locale.SIMPLIFIED_CHINESE) : c.note();
        return labour.submit(actor, new FamilyLabour.Confirmation(c.id(), s.id(), c.taskCode(), c.title(), description,
                        c.doneOn(), c.hours(), c.photos(), doneBy, confirmedBy, c.confirmedAt()))
                .flatMap(recordId -> {
                    Docs.Completion withRecord = new Docs.Completion(c.id(), c.schoolId(), c.studentId(), c.classId(),
                            c.term(), c.grade(), c.taskCode(), c.title(), c.doneOn(), c.hours(), c.note(), c.photos(),
                            c.doneBy(), Docs.CompletionStatus.CONFIRMED, c.confirmedBy(), c.confirmedAt(), recordId,
                            c.createdAt(), c.version());
                    return c.version() == null ? mongo.insert(withRecord) : mongo.save(withRecord);
                });
    }

    /** "父亲"/"母亲"… as the school registered the guardian, else "parent". */
    private static String relationOf(StudentView s, String username) {
        return s.guardians().stream().filter(g -> username != null && username.equals(g.username()))
                .map(StudentView.GuardianView::relation).filter(java.util.Objects::nonNull).findFirst()
                .orElse("parent");
    }

    private Mono<Void> notifyGuardians(StudentView s, Docs.Completion c) {
        List<String> guardians = s.guardians().stream().map(StudentView.GuardianView::username)
                .filter(java.util.Objects::nonNull).toList();
        Locale zh = Locale.SIMPLIFIED_CHINESE;
        return notifications.send(guardians, s.schoolId(), "home_task_to_confirm",
                messages.getMessage("notification.home_task.title", null, zh),
                messages.getMessage("notification.home_task.body", null, zh), "/home-tasks");
    }

    Mono<CompletionView> confirm(Actor actor, String studentId, String completionId, Long expectedVersion) {
        return access.require(actor, studentId, DataClass.HOME_TASK, Action.SIGN)
                .flatMap(scope -> load(studentId, completionId).flatMap(c -> {
                    ETags.check(expectedVersion, c.version());
                    if (c.status() != Docs.CompletionStatus.AWAITING_GUARDIAN) {
                        return Mono.error(Problems.rule("wrong_status", "Only a tick waiting for a guardian can be "
                                + "confirmed"));
                    }
                    Instant now = clock.now();
                    Docs.Person by = new Docs.Person(actor.username(), actor.displayName(), "parent");
                    Docs.Completion confirmed = new Docs.Completion(c.id(), c.schoolId(), c.studentId(), c.classId(),
                            c.term(), c.grade(), c.taskCode(), c.title(), c.doneOn(), c.hours(), c.note(), c.photos(),
                            c.doneBy(), c.status(), by, now, null, c.createdAt(), c.version());
                    return students.find(studentId).flatMap(s -> submit(actor, confirmed, s))
                            .flatMap(d -> audit.record(AuditEvent.allowed(actor, "home_task.confirm", "home_task",
                                    d.id(), d.studentId(), d.schoolId())).thenReturn(d));
                }))
                .flatMap(d -> views(List.of(d)).map(list -> list.get(0)));
    }

    /** A tick still waiting for a guardian is withdrawn (by the student, or a guardian who says it was not done). */
    Mono<Void> withdraw(Actor actor, String studentId, String completionId, Long expectedVersion) {
        return access.require(actor, studentId, DataClass.HOME_TASK, Action.WRITE)
                .flatMap(scope -> load(studentId, completionId).flatMap(c -> {
                    ETags.check(expectedVersion, c.version());
                    if (c.status() != Docs.CompletionStatus.AWAITING_GUARDIAN) {
                        return Mono.error(Problems.rule("wrong_status", "Only a tick waiting for a guardian can be "
                                + "withdrawn"));
                    }
                    Docs.Completion w = new Docs.Completion(c.id(), c.schoolId(), c.studentId(), c.classId(),
                            c.term(), c.grade(), c.taskCode(), c.title(), c.doneOn(), c.hours(), c.note(), c.photos(),
                            c.doneBy(), Docs.CompletionStatus.WITHDRAWN, null, null, null, c.createdAt(), c.version());
                    return mongo.save(w).then(audit.record(AuditEvent.allowed(actor, "home_task.withdraw",
                            "home_task", c.id(), c.studentId(), c.schoolId())));
                }));
    }

    private Mono<Docs.Completion> load(String studentId, String completionId) {
        return mongo.findById(completionId, Docs.Completion.class).filter(c -> c.studentId().equals(studentId))
                .switchIfEmpty(Mono.error(() -> Problems.notFound("home_task", completionId)));
    }

    // ---------------------------------------------------------------- photos

    Mono<EvidenceFiles.StoredFile> uploadPhoto(Actor actor, String studentId, Mono<FilePart> file) {
        return access.require(actor, studentId, DataClass.HOME_TASK, Action.WRITE)
                .flatMap(scope -> mongo.count(Query.query(Criteria.where("studentId").is(studentId).and("term")
                                .is(scope.termCode())), Docs.Photo.class)
                        .flatMap(n -> n >= props.photosPerTerm()
                                ? Mono.error(new org.zhsz.platform.ApiException(
                                org.springframework.http.HttpStatus.CONTENT_TOO_LARGE, "photo_quota",
                                "This term's photo allowance is used up", List.of(),
                                Map.of("limit", props.photosPerTerm()), props.photosPerTerm()))
                                : file.switchIfEmpty(Mono.error(() -> Problems.invalid("file", "required",
                                "a file is required"))))
                        .flatMap(part -> files.store(part, studentId, scope.schoolId(), actor.username(), clock.now()))
                        .flatMap(f -> {
                            if (!f.contentType().startsWith("image/")) {
                                return files.delete(f.id()).then(Mono.<EvidenceFiles.StoredFile>error(
                                        Problems.unsupportedMediaType("Only photos (JPEG, PNG, WebP) are accepted")));
                            }
                            return mongo.insert(new Docs.Photo(f.id(), scope.schoolId(), studentId, scope.termCode(),
                                            actor.username(), f.size(), f.uploadedAt(), null))
                                    .then(audit.record(AuditEvent.allowed(actor, "home_task.photo.upload", "evidence",
                                            f.id(), studentId, scope.schoolId())))
                                    .thenReturn(f);
                        }));
    }

    // ---------------------------------------------------------------- the class

    record StudentRow(String studentId, String name, int confirmed, int awaitingGuardian, int submitted,
                      int approved, int rejected, BigDecimal approvedHours, @Nullable LocalDate lastDoneOn) {
    }

    record ClassHomeTasks(String classId, String className, int grade, String gradeName, String term,
                          List<Docs.Task> checklist,
                          List<StudentRow> students, int studentsWithConfirmed, BigDecimal approvedHours) {
    }

    Mono<ClassHomeTasks> ofClass(Actor actor, String classId) {
        return access.requireClass(actor, classId, DataClass.HOME_TASK, Action.READ).flatMap(scope ->
                organization.schoolClass(classId, scope.termCode()).flatMap(c -> Mono.zip(
                        checklists.forGrade(scope.schoolId(), c.gradeLevel()),
                        students.inClass(classId).collectList(),
                        mongo.find(Query.query(Criteria.where("classId").is(classId).and("term")
                                .is(scope.termCode())), Docs.Completion.class).collectList()
                                .flatMap(this::views)
                                .zipWith(mongo.find(Query.query(Criteria.where("classId").is(classId).and("term")
                                        .is(scope.termCode())), Docs.Completion.class).collectMultimap(
                                        Docs.Completion::studentId, Docs.Completion::id)))
                        .map(t -> {
                            Map<String, CompletionView> byId = new java.util.HashMap<>();
                            t.getT3().getT1().forEach(v -> byId.put(v.id(), v));
                            Map<String, java.util.Collection<String>> ofStudent = t.getT3().getT2();
                            List<StudentRow> rows = new ArrayList<>();
                            BigDecimal total = BigDecimal.ZERO;
                            int with = 0;
                            for (StudentView s : t.getT2()) {
                                List<CompletionView> vs = ofStudent.getOrDefault(s.id(), Set.of()).stream()
                                        .map(byId::get).filter(java.util.Objects::nonNull).toList();
                                int confirmed = (int) vs.stream().filter(v -> Set.of("SUBMITTED", "APPROVED",
                                        "REJECTED").contains(v.status())).count();
                                BigDecimal hours = vs.stream().filter(v -> "APPROVED".equals(v.status()))
                                        .map(CompletionView::hours).reduce(BigDecimal.ZERO, BigDecimal::add);
                                total = total.add(hours);
                                with += confirmed > 0 ? 1 : 0;
                                rows.add(new StudentRow(s.id(), s.name(), confirmed,
                                        count(vs, "AWAITING_GUARDIAN"), count(vs, "SUBMITTED"),
                                        count(vs, "APPROVED"), count(vs, "REJECTED"), hours,
                                        vs.stream().map(CompletionView::doneOn).max(Comparator.naturalOrder())
                                                .orElse(null)));
                            }
                            return new ClassHomeTasks(classId, c.name(), c.gradeLevel(),
                                    org.zhsz.organization.SchoolStage.gradeName(c.gradeLevel()), scope.termCode(), t.getT1(),
                                    rows, with, total);
                        })));
    }

    private static int count(List<CompletionView> vs, String status) {
        return (int) vs.stream().filter(v -> status.equals(v.status())).count();
    }

    /** The problem code of a tick refused by {@link HomeTaskRules#completionProblem} (each has texts in the bundles). */
    private static String problemCode(String problem) {
        return switch (problem) {
            case "in_future" -> "home_task_in_future";
            case "too_old" -> "home_task_too_old";
            case "outside_window" -> "home_task_outside_window";
            case "already_done_today" -> "home_task_already_done_today";
            case "already_done_this_week" -> "home_task_already_done_this_week";
            case "already_done" -> "home_task_already_done";
            default -> throw new IllegalStateException("unknown home-task problem " + problem);
        };
    }
}
