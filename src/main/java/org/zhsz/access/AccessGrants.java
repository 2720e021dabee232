package org.zhsz.access;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.zhsz.audit.AuditEvent;
import org.zhsz.audit.AuditTrail;
import org.zhsz.organization.AssignmentRole;
import org.zhsz.organization.OrganizationDirectory;
import org.zhsz.platform.Actor;
import org.zhsz.platform.DataClass;
import org.zhsz.platform.Ids;
import org.zhsz.platform.Notifications;
import org.zhsz.platform.FieldError;
import org.zhsz.platform.Problems;
import org.zhsz.platform.Role;
import org.zhsz.platform.SchoolClock;
import org.zhsz.student.StudentDirectory;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Time-limited grants: break-glass opening of a mental-health file by a school admin (reason required, the
 * school's counselors are told, audited, visible to the family) and releases of dossiers to admission officers.
 */
@Service
public class AccessGrants {

    static final Duration MAX_BREAK_GLASS = Duration.ofHours(4);

    private final GrantRepository grants;
    private final StudentDirectory students;
    private final OrganizationDirectory organization;
    private final Notifications notifications;
    private final AuditTrail audit;
    private final SchoolClock clock;

    AccessGrants(GrantRepository grants, StudentDirectory students, OrganizationDirectory organization,
                 Notifications notifications, AuditTrail audit, SchoolClock clock) {
        this.grants = grants;
        this.students = students;
        this.organization = organization;
        this.notifications = notifications;
        this.audit = audit;
        this.clock = clock;
    }

    /** A grant as other modules and the API see it. */
    public record GrantView(String id, String kind, String grantee, String studentId, String schoolId, String reason,
                            Instant from, Instant until, String grantedBy, Instant revokedAt, boolean active) {
    }

    GrantView view(Grant g) {
        return new GrantView(g.id(), g.kind().name(), g.grantee(), g.studentId(), g.schoolId(), g.reason(), g.from(),
                g.until(), g.grantedBy(), g.revokedAt(), g.activeAt(clock.now()));
    }

    Mono<GrantView> breakGlass(Actor actor, String studentId, String reason, int minutes) {
        if (reason == null || reason.strip().length() < 10) {
            return Mono.error(Problems.invalid(List.of(FieldError.of("reason", "too_short", "field.min_length", 10))));
        }
        if (minutes < 5 || minutes > MAX_BREAK_GLASS.toMinutes()) {
            return Mono.error(Problems.invalid(List.of(FieldError.of("minutes", "range", "field.between", 5, 240))));
        }
        return students.find(studentId)
                .filter(s -> actor.has(Role.SCHOOL_ADMIN) && actor.inSchool(s.schoolId()))
                .switchIfEmpty(Mono.defer(() -> audit.record(new AuditEvent(actor, "mental_health.break_glass",
                                "student", studentId, studentId, null, AuditEvent.Outcome.DENIED,
                                "not_school_admin_of_student", DataClass.MENTAL_HEALTH))
                        .then(Mono.error(actor.has(Role.SCHOOL_ADMIN) ? Problems.notFound("student", studentId)
                                : Problems.forbidden("break_glass")))))
                .flatMap(s -> {
                    Instant now = clock.now();
                    Grant g = new Grant(Ids.newId(), Grant.Kind.BREAK_GLASS, actor.username(), s.id(), s.schoolId(),
                            reason.strip(), now, now.plus(Duration.ofMinutes(minutes)), actor.username(), null, null);
                    return grants.insert(g)
                            .flatMap(saved -> audit.record(new AuditEvent(actor, "mental_health.break_glass",
                                    "student", s.id(), s.id(), s.schoolId(), AuditEvent.Outcome.ALLOWED,
                                    saved.reason(), DataClass.MENTAL_HEALTH)).thenReturn(saved))
                            .flatMap(saved -> counselors(s.schoolId())
                                    .flatMap(list -> notifications.send(list, s.schoolId(), "break_glass",
                                            "紧急调阅心理档案",
                                            actor.displayName() + " 以紧急调阅方式打开了 " + s.name()
                                                    + " 的心理健康档案，理由：" + saved.reason() + "（" + minutes
                                                    + " 分钟内有效）",
                                            "/students/" + s.id() + "/wellbeing"))
                                    .thenReturn(view(saved)));
                });
    }

    private Mono<List<String>> counselors(String schoolId) {
        return organization.currentTerm(schoolId)
                .flatMapMany(t -> organization.assignmentsOfSchool(schoolId, t.code()))
                .filter(a -> a.role() == AssignmentRole.COUNSELOR)
                .map(a -> a.username()).distinct().collectList();
    }

    Flux<GrantView> list(Actor actor, String studentId) {
        if (actor.hasAny(Role.SCHOOL_ADMIN, Role.COUNSELOR) && actor.schoolId() != null) {
            return grants.findAll().filter(g -> actor.inSchool(g.schoolId()))
                    .filter(g -> studentId == null || studentId.equals(g.studentId()))
                    .filter(g -> g.kind() == Grant.Kind.BREAK_GLASS || actor.has(Role.SCHOOL_ADMIN))
                    .sort((a, b) -> b.from().compareTo(a.from())).map(this::view);
        }
        if (actor.has(Role.ADMISSIONS_OFFICER)) {
            return grants.findByGrantee(actor.username()).filter(g -> g.activeAt(clock.now())).map(this::view);
        }
        return Flux.error(Problems.forbidden("grants.read"));
    }

    Mono<GrantView> revoke(Actor actor, String id) {
        return grants.findById(id)
                .filter(g -> actor.username().equals(g.grantee())
                        || (actor.has(Role.SCHOOL_ADMIN) && actor.inSchool(g.schoolId())))
                .switchIfEmpty(Mono.error(() -> Problems.notFound("grant", id)))
                .flatMap(g -> g.revokedAt() != null ? Mono.just(g)
                        : grants.save(new Grant(g.id(), g.kind(), g.grantee(), g.studentId(), g.schoolId(), g.reason(),
                        g.from(), g.until(), g.grantedBy(), clock.now(), actor.username())))
                .flatMap(g -> audit.record(AuditEvent.allowed(actor, "grant.revoke", "grant", g.id(), g.studentId(),
                        g.schoolId())).thenReturn(view(g)));
    }

    /** Releases a student's dossier to an admissions officer until {@code until} (read-only, audited, expiring). */
    public Mono<GrantView> releaseToAdmissions(Actor actor, String studentId, String schoolId, String officer,
                                               Instant until, String reason) {
        Instant now = clock.now();
        Grant g = new Grant(Ids.newId(), Grant.Kind.ADMISSIONS_RELEASE, officer, studentId, schoolId, reason, now,
                until, actor.username(), null, null);
        return grants.insert(g).flatMap(saved -> audit.record(new AuditEvent(actor, "archive.release", "grant",
                saved.id(), studentId, schoolId, AuditEvent.Outcome.ALLOWED, "to " + officer, DataClass.ARCHIVE))
                .thenReturn(view(saved)));
    }

    /** Active dossier releases to this officer. */
    public Flux<GrantView> releasesTo(String officer) {
        return grants.findByGrantee(officer).filter(g -> g.kind() == Grant.Kind.ADMISSIONS_RELEASE)
                .filter(g -> g.activeAt(clock.now())).map(this::view);
    }

    /** All dossier releases of a school (for the school admin's export center). */
    public Flux<GrantView> releasesOfSchool(String schoolId) {
        return grants.findAll().filter(g -> g.kind() == Grant.Kind.ADMISSIONS_RELEASE)
                .filter(g -> schoolId.equals(g.schoolId())).map(this::view);
    }
}
