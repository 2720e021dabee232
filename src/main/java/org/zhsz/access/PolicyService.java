package org.zhsz.access;

import java.util.HashSet;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.zhsz.audit.AuditEvent;
import org.zhsz.audit.AuditTrail;
import org.zhsz.platform.AccessPolicy;
import org.zhsz.platform.Action;
import org.zhsz.platform.ApiException;
import org.zhsz.platform.Actor;
import org.zhsz.platform.ClassScope;
import org.zhsz.platform.CountyScope;
import org.zhsz.platform.DataClass;
import org.zhsz.platform.Problems;
import org.zhsz.platform.Relationship;
import org.zhsz.platform.SchoolScope;
import org.zhsz.platform.StudentScope;

import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The platform's {@link AccessPolicy}: relationships from {@link RelationshipResolver}, decisions from
 * {@link AccessRules}, every denial recorded (who, role, what, which data class and action, why).
 */
@Service
class PolicyService implements AccessPolicy {

    private final RelationshipResolver resolver;
    private final AuditTrail audit;
    private final MeterRegistry meters;

    PolicyService(RelationshipResolver resolver, AuditTrail audit, MeterRegistry meters) {
        this.resolver = resolver;
        this.audit = audit;
        this.meters = meters;
    }

    /** What a denial is about, for the audit event. */
    record Target(String type, String id, String studentId, String schoolId) {
    }

    // ---------------------------------------------------------------------------------------------- student

    @Override
    public Mono<StudentScope> require(Actor actor, String studentId, DataClass dataClass, Action action) {
        return resolver.forStudent(actor, studentId)
                .switchIfEmpty(Mono.defer(() -> deny(actor, new Target("student", studentId, studentId, null),
                        dataClass, action, "no_such_student", Problems.notFound("student", studentId))))
                .flatMap(scope -> decideStudent(actor, scope, dataClass, action, false));
    }

    private Mono<StudentScope> decideStudent(Actor actor, StudentScope scope, DataClass dataClass, Action action,
                                             boolean own) {
        Target target = new Target("student", scope.studentId(), scope.studentId(), scope.schoolId());
        return switch (AccessRules.decide(scope.relationships(), dataClass, action)) {
            case ALLOW -> Mono.just(scope);
            case NOT_FOUND -> own ? deny(actor, target, dataClass, action, "not_permitted", forbidden(dataClass, action))
                    : deny(actor, target, dataClass, action, "out_of_scope",
                    Problems.notFound("student", scope.studentId()));
            case FORBIDDEN -> deny(actor, target, dataClass, action, "not_permitted", forbidden(dataClass, action));
        };
    }

    @Override
    public Mono<Boolean> allows(Actor actor, String studentId, DataClass dataClass, Action action) {
        return resolver.forStudent(actor, studentId)
                .map(scope -> AccessRules.permits(scope.relationships(), dataClass, action))
                .defaultIfEmpty(false);
    }

    @Override
    public Mono<StudentScope> scope(Actor actor, String studentId) {
        return resolver.forStudent(actor, studentId);
    }

    @Override
    public boolean permits(Set<Relationship> relationships, DataClass dataClass, Action action) {
        return AccessRules.permits(relationships, dataClass, action);
    }

    @Override
    public Mono<StudentScope> requireOwnRecord(Actor actor, DataClass dataClass, Action action) {
        return resolver.ownRecord(actor)
                .switchIfEmpty(Mono.defer(() -> deny(actor, new Target("account", actor.username(), null, null),
                        dataClass, action, "no_student_record", forbidden(dataClass, action))))
                .flatMap(s -> resolver.forStudent(actor, s))
                .flatMap(scope -> decideStudent(actor, scope, dataClass, action, true));
    }

    // ------------------------------------------------------------------------------------------------ class

    @Override
    public Mono<ClassScope> classScope(Actor actor, String classId) {
        return resolver.forClass(actor, classId).filter(s -> !s.relationships().isEmpty());
    }

    @Override
    public Mono<ClassScope> requireClass(Actor actor, String classId, DataClass dataClass, Action action) {
        return resolver.forClass(actor, classId)
                .switchIfEmpty(Mono.defer(() -> deny(actor, new Target("class", classId, null, null), dataClass,
                        action, "no_such_class", Problems.notFound("class", classId))))
                .flatMap(scope -> {
                    Target target = new Target("class", classId, null, scope.schoolId());
                    return switch (AccessRules.decide(scope.relationships(), dataClass, action)) {
                        case ALLOW -> Mono.just(scope);
                        case NOT_FOUND -> deny(actor, target, dataClass, action, "out_of_scope",
                                Problems.notFound("class", classId));
                        case FORBIDDEN -> deny(actor, target, dataClass, action, "not_permitted",
                                forbidden(dataClass, action));
                    };
                });
    }

    @Override
    public Mono<Set<String>> visibleClassIds(Actor actor) {
        return resolver.visibleClassIds(actor);
    }

    // ----------------------------------------------------------------------------------------------- school

    @Override
    public Mono<SchoolScope> requireSchool(Actor actor, String schoolId, DataClass dataClass, Action action) {
        return school(actor, schoolId, dataClass, action, true, false);
    }

    @Override
    public Mono<SchoolScope> requireOwnSchool(Actor actor, DataClass dataClass, Action action) {
        return school(actor, actor.schoolId(), dataClass, action, true, true);
    }

    @Override
    public Mono<SchoolScope> requireInOwnSchool(Actor actor, DataClass dataClass, Action action) {
        return school(actor, actor.schoolId(), dataClass, action, false, true);
    }

    /**
     * @param whole the action is about the school as a whole (not allowed when only some classes allow it)
     * @param own   the school is the actor's own (not named by the request): refused with 403, never 404
     */
    private Mono<SchoolScope> school(Actor actor, String schoolId, DataClass dataClass, Action action, boolean whole,
                                     boolean own) {
        Target target = new Target("school", schoolId, null, schoolId);
        if (schoolId == null) {
            return own ? deny(actor, new Target("account", actor.username(), null, null), dataClass, action,
                    "no_school", forbidden(dataClass, action))
                    : deny(actor, target, dataClass, action, "no_such_school", Problems.notFound("school", "-"));
        }
        return resolver.forSchool(actor, schoolId)
                .switchIfEmpty(Mono.defer(() -> deny(actor, target, dataClass, action, "no_such_school",
                        own ? forbidden(dataClass, action) : Problems.notFound("school", schoolId))))
                .flatMap(standing -> {
                    if (standing.outOfScope()) {
                        return deny(actor, target, dataClass, action, "out_of_scope",
                                own ? forbidden(dataClass, action) : Problems.notFound("school", schoolId));
                    }
                    SchoolScope decided = standing.decide(dataClass, action);
                    if (decided.wholeSchool() || (!whole && !decided.classIds().isEmpty())) {
                        return Mono.just(decided);
                    }
                    return deny(actor, target, dataClass, action,
                            decided.classIds().isEmpty() ? "not_permitted" : "not_whole_school",
                            forbidden(dataClass, action));
                });
    }

    @Override
    public Mono<Set<String>> schoolIds(Actor actor, DataClass dataClass, Action action) {
        return resolver.candidateSchools(actor)
                .concatMap(id -> resolver.forSchool(actor, id))
                .filter(standing -> standing.decide(dataClass, action).wholeSchool())
                .map(RelationshipResolver.Standing::schoolId)
                .collect(HashSet::new, Set::add);
    }

    @Override
    public Mono<SchoolScope> reachInOwnSchool(Actor actor, DataClass dataClass, Action action) {
        return resolver.forSchool(actor, actor.schoolId()).map(st -> st.decide(dataClass, action));
    }

    // -------------------------------------------------------------------------------------- county, account

    @Override
    public Mono<CountyScope> requireOwnCounty(Actor actor, DataClass dataClass, Action action) {
        String county = actor.countyId();
        Set<Relationship> rels = resolver.forCounty(actor, county);
        if (AccessRules.permits(rels, dataClass, action)) {
            return Mono.just(new CountyScope(county, rels));
        }
        return deny(actor, new Target("county", county, null, null), dataClass, action,
                county == null ? "no_county" : "not_permitted", forbidden(dataClass, action));
    }

    @Override
    public Mono<Set<Relationship>> requireAccount(Actor actor, DataClass dataClass, Action action) {
        Set<Relationship> rels = resolver.forAccount(actor);
        if (AccessRules.permits(rels, dataClass, action)) {
            return Mono.just(rels);
        }
        return deny(actor, new Target("account", actor.username(), null, null), dataClass, action, "not_permitted",
                forbidden(dataClass, action));
    }

    /** Does the actor's own account allow it (no raising, no audit)? */
    boolean accountAllows(Actor actor, DataClass dataClass, Action action) {
        return AccessRules.permits(resolver.forAccount(actor), dataClass, action);
    }

    // ------------------------------------------------------------------------------------------------ denial

    static ApiException forbidden(DataClass dc, Action action) {
        return Problems.forbidden(dc.name().toLowerCase() + "." + action.name().toLowerCase());
    }

    /** Records the denial (audit and meter), then fails with the problem the caller sees. */
    <T> Mono<T> deny(Actor actor, Target target, DataClass dc, Action action, String why, ApiException problem) {
        meters.counter("zhsz.authz.denials", "data_class", dc.name().toLowerCase(), "reason", why).increment();
        return Denials.record(audit, new AuditEvent(actor, "access." + action.name().toLowerCase(), target.type(),
                        target.id(), target.studentId(), target.schoolId(), AuditEvent.Outcome.DENIED, why, dc))
                .then(Mono.error(problem));
    }

    /** For list endpoints that refuse without a target (nothing shown, nothing leaked). */
    <T> Flux<T> denyMany(Actor actor, Target target, DataClass dc, Action action, String why) {
        return this.<T>deny(actor, target, dc, action, why, forbidden(dc, action)).flux();
    }
}
