package org.zhsz.access;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
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
import org.zhsz.platform.Action;
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
    private final PolicyService policy;
    private final RelationshipResolver resolver;

    AccessGrants(GrantRepository grants, StudentDirectory students, OrganizationDirectory organization,
                 Notifications notifications, AuditTrail audit, SchoolClock clock, PolicyService policy,
                 RelationshipResolver resolver) {
        this.grants = grants;
        this.students = students;
        this.organization = organization;
        this.notifications = notifications;
        this.audit = audit;
        this.clock = clock;
        this.policy = policy;
        this.resolver = resolver;
    }

    /** A grant as other modules and the API see it. */
    public record GrantView(String id, String kind, String grantee, String studentId, String schoolId, String reason,
                            Instant from, Instant until, String grantedBy, @Nullable Instant revokedAt,
                            boolean active) {
    }

    GrantView view(Grant g) {
        return new GrantView(g.id(), g.kind().name(), g.grantee(), g.studentId(), g.schoolId(), g.reason(), g.from(),
                g.until(), g.grantedBy(), g.revokedAt(), g.activeAt(clock.now()));
    }

    Mono<GrantView> breakGlass(Actor actor, String studentId, String reason, int minutes) {
        return policy.require(actor, studentId, DataClass.BREAK_GLASS_GRANT, Action.WRITE).flatMap(scope -> {
            if (reason == null || reason.strip().length() < 10) {
                return Mono.error(Problems.invalid(List.of(FieldError.of("reason", "too_short", "field.min_length", 10))));
            }
            if (minutes < 5 || minutes > MAX_BREAK_GLASS.toMinutes()) {
                return Mono.error(Problems.invalid(List.of(FieldError.of("minutes", "range", "field.between", 5, 240))));
            }
            return students.find(studentId);
        }).flatMap(s -> {
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

    /**
     * The grants the actor may see: the school's break-glass grants (its admin and counselors), its dossier
     * releases (its admin), the releases given to an admission officer. Refused when none of these applies.
     */
    Flux<GrantView> list(Actor actor, String studentId) {
        Mono<RelationshipResolver.Standing> school = resolver.forSchool(actor, actor.schoolId());
        return school.map(st -> new boolean[]{st.decide(DataClass.BREAK_GLASS_GRANT, Action.READ).wholeSchool(),
                        st.decide(DataClass.DOSSIER_RELEASE, Action.READ).wholeSchool()})
                .defaultIfEmpty(new boolean[]{false, false})
                .flatMapMany(may -> {
                    boolean breakGlass = may[0];
                    boolean releases = may[1];
                    boolean mine = policy.accountAllows(actor, DataClass.DOSSIER_RELEASE, Action.READ);
                    if (!breakGlass && !releases && !mine) {
                        return policy.<GrantView>denyMany(actor, new PolicyService.Target("grants", null, studentId,
                                actor.schoolId()), DataClass.BREAK_GLASS_GRANT, Action.READ, "not_permitted");
                    }
                    Flux<Grant> ofSchool = breakGlass || releases ? grants.findAll()
                            .filter(g -> actor.inSchool(g.schoolId()))
                            .filter(g -> g.kind() == Grant.Kind.BREAK_GLASS ? breakGlass : releases)
                            : Flux.empty();
                    Flux<Grant> toMe = mine ? grants.findByGrantee(actor.username())
                            .filter(g -> g.kind() == Grant.Kind.ADMISSIONS_RELEASE && g.activeAt(clock.now()))
                            : Flux.empty();
                    return Flux.concat(ofSchool, toMe).distinct(Grant::id)
                            .filter(g -> studentId == null || studentId.equals(g.studentId()))
                            .sort((a, b) -> b.from().compareTo(a.from())).map(this::view);
                });
    }

    /** The holder gives a grant up, or the school's admin revokes it. */
    Mono<GrantView> revoke(Actor actor, String id) {
        return grants.findById(id)
                .switchIfEmpty(Mono.error(() -> Problems.notFound("grant", id)))
                .flatMap(g -> actor.username().equals(g.grantee()) ? Mono.just(g)
                        : policy.requireSchool(actor, g.schoolId(), g.kind() == Grant.Kind.BREAK_GLASS
                        ? DataClass.BREAK_GLASS_GRANT : DataClass.DOSSIER_RELEASE, Action.WRITE).thenReturn(g))
                .flatMap(g -> g.revokedAt() != null ? Mono.just(g)
                        : grants.save(new Grant(g.id(), g.kind(), g.grantee(), g.studentId(), g.schoolId(), g.reason(),
                        g.from(), g.until(), g.grantedBy(), clock.now(), actor.username())))
                .flatMap(g -> audit.record(AuditEvent.allowed(actor, "grant.revoke", "grant", g.id(), g.studentId(),
                        g.schoolId())).thenReturn(view(g)));
    }

    /** A release lasts at most this long. */
    static final Duration MAX_RELEASE = Duration.ofDays(366);

    /**
     * Releases students' dossiers to an admissions officer until {@code until} (read-only, audited, expiring):
     * the school's admin, for students of their school.
     */
    public Flux<GrantView> releaseToAdmissions(Actor actor, List<String> studentIds, String officer, Instant until,
                                               String reason) {
        return policy.requireOwnSchool(actor, DataClass.DOSSIER_RELEASE, Action.WRITE).flatMapMany(school -> {
            if (until.isAfter(clock.now().plus(MAX_RELEASE))) {
                return Flux.error(Problems.invalid("until", "too_far", "a release lasts at most a year"));
            }
            return Flux.fromIterable(studentIds).distinct()
                    .concatMap(id -> policy.require(actor, id, DataClass.DOSSIER_RELEASE, Action.WRITE)
                            .flatMap(scope -> release(actor, id, scope.schoolId(), officer, until, reason)));
        });
    }

    private Mono<GrantView> release(Actor actor, String studentId, String schoolId, String officer, Instant until,
                                    String reason) {
        Instant now = clock.now();
        Grant g = new Grant(Ids.newId(), Grant.Kind.ADMISSIONS_RELEASE, officer, studentId, schoolId, reason, now,
                until, actor.username(), null, null);
        return grants.insert(g).flatMap(saved -> audit.record(new AuditEvent(actor, "archive.release", "grant",
                saved.id(), studentId, schoolId, AuditEvent.Outcome.ALLOWED, "to " + officer, DataClass.ARCHIVE))
                .thenReturn(view(saved)));
    }

    /** Active dossier releases to the actor (an admission officer's inbox). */
    public Flux<GrantView> releasesToMe(Actor actor) {
        return policy.requireAccount(actor, DataClass.DOSSIER_RELEASE, Action.READ)
                .flatMapMany(rels -> grants.findByGrantee(actor.username()))
                .filter(g -> g.kind() == Grant.Kind.ADMISSIONS_RELEASE)
                .filter(g -> g.activeAt(clock.now())).map(this::view);
    }

    /** All dossier releases of the actor's school (the school admin's export center). */
    public Flux<GrantView> releasesOfMySchool(Actor actor) {
        return policy.requireOwnSchool(actor, DataClass.DOSSIER_RELEASE, Action.READ)
                .flatMapMany(school -> grants.findAll().filter(g -> g.kind() == Grant.Kind.ADMISSIONS_RELEASE)
                        .filter(g -> school.schoolId().equals(g.schoolId())))
                .map(this::view);
    }
}
