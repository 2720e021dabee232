package org.zhsz.organization;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
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

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Schools, terms, classes, staff and teaching assignments. A school admin manages their own school; others
 * read what is in their scope (teachers their classes, county roles their county).
 */
@RestController
@RequestMapping("/api/v1")
class OrganizationController {

    private final OrganizationDirectory directory;
    private final OrganizationService service;
    private final AccessPolicy access;

    OrganizationController(OrganizationDirectory directory, OrganizationService service, AccessPolicy access) {
        this.directory = directory;
        this.service = service;
        this.access = access;
    }

    // ---- schools ----

    @GetMapping("/schools")
    Flux<SchoolView> schools(Actor actor) {
        return service.readableSchools(actor);
    }

    @GetMapping("/schools/{id}")
    Mono<SchoolView> school(Actor actor, @PathVariable String id) {
        return service.readableSchool(actor, id);
    }

    record SchoolPatch(@Size(min = 2, max = 60) @Nullable String name, @Size(max = 120) @Nullable String address) {
    }

    @PatchMapping("/schools/{id}")
    Mono<SchoolView> patchSchool(Actor actor, @PathVariable String id, @Valid @RequestBody SchoolPatch body,
                                 @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return service.patchSchool(actor, id, body.name(), body.address(), ETags.parse(ifMatch));
    }

    // ---- terms ----

    @GetMapping("/terms")
    Flux<TermView> terms(Actor actor, @RequestParam(required = false) String schoolId) {
        String school = schoolId == null ? actor.schoolId() : schoolId;
        return service.readableSchool(actor, school).flatMapMany(s -> directory.terms(s.id()));
    }

    @GetMapping("/terms/current")
    Mono<TermView> currentTerm(Actor actor, @RequestParam(required = false) String schoolId) {
        String school = schoolId == null ? actor.schoolId() : schoolId;
        return service.readableSchool(actor, school).flatMap(s -> directory.currentTerm(s.id()));
    }

    record NewTerm(@NotBlank @Pattern(regexp = "\\d{4}-\\d{4}-[12]") String code, @NotNull LocalDate startDate,
                   @NotNull LocalDate endDate) {
    }

    @PostMapping("/terms")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<TermView> createTerm(Actor actor, @Valid @RequestBody NewTerm body) {
        return service.createTerm(actor, body.code(), body.startDate(), body.endDate());
    }

    // ---- classes ----

    @GetMapping("/classes")
    Mono<List<ClassView>> classes(Actor actor, @RequestParam(required = false) String term) {
        return access.visibleClassIds(actor).flatMap(ids -> Flux.fromIterable(ids)
                .flatMap(id -> term == null ? directory.schoolClassNow(id) : directory.schoolClass(id, term))
                .collectSortedList(Comparator.comparing(ClassView::schoolId)
                        .thenComparing(ClassView::gradeLevel).thenComparing(ClassView::classNo)));
    }

    @GetMapping("/classes/{id}")
    Mono<ClassView> schoolClass(Actor actor, @PathVariable String id) {
        return access.requireClass(actor, id, DataClass.SCHOOL, Action.READ)
                .flatMap(scope -> directory.schoolClassNow(scope.classId()));
    }

    record NewClass(@NotNull SchoolStage stage, @NotNull @Min(2000) @Max(2100) Integer entryYear,
                    @NotNull @Min(1) @Max(99) Integer classNo) {
    }

    @PostMapping("/classes")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ClassView> createClass(Actor actor, @Valid @RequestBody NewClass body) {
        return service.createClass(actor, body.stage(), body.entryYear(), body.classNo());
    }

    record ClassPatch(@Nullable Boolean active) {
    }

    @PatchMapping("/classes/{id}")
    Mono<ClassView> patchClass(Actor actor, @PathVariable String id, @Valid @RequestBody ClassPatch body,
                               @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return service.patchClass(actor, id, body.active(), ETags.parse(ifMatch));
    }

    // ---- staff ----

    @GetMapping("/staff")
    Flux<StaffView> staff(Actor actor) {
        return service.staffOf(actor);
    }

    /** {@code roles}: realm roles of the new account (teacher by default; head_teacher, counselor, school_admin). */
    record NewStaff(@NotBlank @Pattern(regexp = "[A-Za-z0-9_.@-]{2,64}") String username,
                    @NotBlank @Size(max = 40) String name, @Nullable Set<@Size(max = 20) String> subjects,
                    @Size(max = 4) @Nullable Set<@Size(max = 20) String> roles) {
    }

    /** The new staff member; with account provisioning on, {@code account} holds the login and one-time password. */
    @PostMapping("/staff")
    Mono<org.springframework.http.ResponseEntity<OrganizationService.CreatedStaff>> createStaff(
            Actor actor, @Valid @RequestBody NewStaff body) {
        return service.createStaff(actor, body.username().toLowerCase(java.util.Locale.ROOT), body.name(),
                        body.subjects() == null ? Set.of() : body.subjects(), body.roles())
                .map(s -> {
                    var created = org.springframework.http.ResponseEntity.status(HttpStatus.CREATED);
                    if (s.account() != null && s.account().temporaryPassword() != null) {
                        // a one-time password: never cached, never kept for an Idempotency-Key replay (a retry
                        // after a lost answer then finds the staff member registered: 409)
                        created.cacheControl(org.springframework.http.CacheControl.noStore());
                    }
                    return created.body(s);
                });
    }

    record StaffPatch(@NotNull Boolean active) {
    }

    /** {@code {"active": false}}: the staff member has left (their account is disabled); true: back again. */
    @PatchMapping("/staff/{username}")
    Mono<StaffView> patchStaff(Actor actor, @PathVariable String username, @Valid @RequestBody StaffPatch body,
                               @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return service.setStaffActive(actor, username, body.active(), ETags.parse(ifMatch));
    }

    // ---- assignments ----

    @GetMapping("/assignments")
    Flux<AssignmentView> assignments(Actor actor, @RequestParam(required = false) String term,
                                     @RequestParam(required = false) String classId,
                                     @RequestParam(required = false) String username) {
        return service.assignments(actor, term, classId, username);
    }

    record NewAssignment(@NotBlank String username, @NotNull AssignmentRole role, @Nullable String classId,
                         @Size(max = 20) @Nullable String subject,
                         @Pattern(regexp = "\\d{4}-\\d{4}-[12]") @Nullable String term) {
    }

    @PostMapping("/assignments")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<AssignmentView> createAssignment(Actor actor, @Valid @RequestBody NewAssignment body) {
        return service.createAssignment(actor, body.username(), body.role(), body.classId(), body.subject(),
                body.term());
    }

    @DeleteMapping("/assignments/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> deleteAssignment(Actor actor, @PathVariable String id) {
        return service.deleteAssignment(actor, id);
    }
}
