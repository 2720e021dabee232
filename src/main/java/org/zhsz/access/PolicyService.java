package org.zhsz.access;

import java.util.Set;

import org.springframework.stereotype.Service;
import org.zhsz.audit.AuditEvent;
import org.zhsz.audit.AuditTrail;
import org.zhsz.platform.AccessPolicy;
import org.zhsz.platform.Action;
import org.zhsz.platform.Actor;
import org.zhsz.platform.ClassScope;
import org.zhsz.platform.CountyScope;
import org.zhsz.platform.DataClass;
import org.zhsz.platform.Problems;
import org.zhsz.platform.Relationship;
import org.zhsz.platform.SchoolScope;
import org.zhsz.platform.StudentScope;

import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

/** The platform's {@link AccessPolicy}: relationships from {@link RelationshipResolver}, decisions from {@link AccessRules}. */
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

    @Override
    public Mono<StudentScope> require(Actor actor, String studentId, DataClass dataClass, Action action) {
        return resolver.forStudent(actor, studentId)
                .switchIfEmpty(Mono.defer(() -> deny(actor, studentId, null, dataClass, action, "no_such_student")
                        .then(Mono.error(Problems.notFound("student", studentId)))))
                .flatMap(scope -> switch (AccessRules.decide(scope.relationships(), dataClass, action)) {
                    case ALLOW -> Mono.just(scope);
                    case NOT_FOUND -> deny(actor, studentId, scope.schoolId(), dataClass, action, "out_of_scope")
                            .then(Mono.error(Problems.notFound("student", studentId)));
                    case FORBIDDEN -> deny(actor, studentId, scope.schoolId(), dataClass, action, "not_permitted")
                            .then(Mono.error(Problems.forbidden(dataClass.name().toLowerCase() + "."
                                    + action.name().toLowerCase())));
                });
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
    public Mono<ClassScope> classScope(Actor actor, String classId) {
        return resolver.forClass(actor, classId).filter(s -> !s.relationships().isEmpty());
    }

    @Override
    public Mono<ClassScope> requireClass(Actor actor, String classId, DataClass dataClass, Action action) {
        return resolver.forClass(actor, classId)
                .switchIfEmpty(Mono.defer(() -> denyClass(actor, classId, null, dataClass, action, "no_such_class")
                        .then(Mono.error(Problems.notFound("class", classId)))))
                .flatMap(scope -> switch (AccessRules.decide(scope.relationships(), dataClass, action)) {
                    case ALLOW -> Mono.just(scope);
                    case NOT_FOUND -> denyClass(actor, classId, scope.schoolId(), dataClass, action, "out_of_scope")
                            .then(Mono.error(Problems.notFound("class", classId)));
                    case FORBIDDEN -> denyClass(actor, classId, scope.schoolId(), dataClass, action, "not_permitted")
                            .then(Mono.error(Problems.forbidden(dataClass.name().toLowerCase() + "."
                                    + action.name().toLowerCase())));
                });
    }

    @Override
    public Mono<SchoolScope> requireSchool(Actor actor, String schoolId, DataClass dataClass, Action action) {
        return resolver.forSchool(actor, schoolId)
                .switchIfEmpty(Mono.defer(() -> denySchool(actor, schoolId, dataClass, action, "no_such_school")
                        .then(Mono.error(Problems.notFound("school", schoolId)))))
                .flatMap(scope -> switch (AccessRules.decideSchool(scope.relationships(), dataClass, action)) {
                    case ALLOW -> Mono.just(scope);
                    case NOT_FOUND -> denySchool(actor, schoolId, dataClass, action, "out_of_scope")
                            .then(Mono.error(Problems.notFound("school", schoolId)));
                    case FORBIDDEN -> denySchool(actor, schoolId, dataClass, action, "not_permitted")
                            .then(Mono.error(Problems.forbidden(dataClass.name().toLowerCase() + "."
                                    + action.name().toLowerCase())));
                });
    }

    @Override
    public Mono<CountyScope> requireCounty(Actor actor, DataClass dataClass, Action action) {
        CountyScope scope = resolver.forCounty(actor);
        if (AccessRules.permitsCounty(scope.relationships(), dataClass, action)) {
            return Mono.just(scope);
        }
        meters.counter("zhsz.authz.denials", "data_class", dataClass.name().toLowerCase(), "reason",
                "not_permitted").increment();
        return audit.record(new AuditEvent(actor, "access." + action.name().toLowerCase(), "county",
                        actor.countyId(), null, null, AuditEvent.Outcome.DENIED, "not_permitted", dataClass))
                .then(Mono.error(Problems.forbidden(dataClass.name().toLowerCase() + "."
                        + action.name().toLowerCase())));
    }

    private Mono<Void> denySchool(Actor actor, String schoolId, DataClass dc, Action action, String why) {
        meters.counter("zhsz.authz.denials", "data_class", dc.name().toLowerCase(), "reason", why).increment();
        return audit.record(new AuditEvent(actor, "access." + action.name().toLowerCase(), "school", schoolId, null,
                "no_such_school".equals(why) ? null : schoolId, AuditEvent.Outcome.DENIED, why, dc));
    }

    @Override
    public Mono<Set<String>> visibleClassIds(Actor actor) {
        return resolver.visibleClassIds(actor);
    }

    private Mono<Void> deny(Actor actor, String studentId, String schoolId, DataClass dc, Action action, String why) {
        meters.counter("zhsz.authz.denials", "data_class", dc.name().toLowerCase(), "reason", why).increment();
        return audit.record(new AuditEvent(actor, "access." + action.name().toLowerCase(), "student", studentId,
                studentId, schoolId, AuditEvent.Outcome.DENIED, why, dc));
    }

    private Mono<Void> denyClass(Actor actor, String classId, String schoolId, DataClass dc, Action action,
                                 String why) {
        meters.counter("zhsz.authz.denials", "data_class", dc.name().toLowerCase(), "reason", why).increment();
        return audit.record(new AuditEvent(actor, "access." + action.name().toLowerCase(), "class", classId, null,
                schoolId, AuditEvent.Outcome.DENIED, why, dc));
    }
}
