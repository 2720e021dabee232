package org.zhsz.platform;

import java.util.Set;

import reactor.core.publisher.Mono;

/**
 * The one question every module asks: may this actor do this action to this student's data of this class?
 * A student outside the actor's scope is reported as 404 (no existence leak); in scope but not allowed is 403.
 * Denials are audited by the implementation. Implemented by the access module.
 */
public interface AccessPolicy {

    /** Emits the scope if allowed; errors with a 404 or 403 {@link ApiException} otherwise. */
    Mono<StudentScope> require(Actor actor, String studentId, DataClass dataClass, Action action);

    /** Emits whether allowed, without raising or auditing (for shaping views, e.g. which fields to show). */
    Mono<Boolean> allows(Actor actor, String studentId, DataClass dataClass, Action action);

    /** The actor's relationships to the student (empty when out of scope). */
    Mono<StudentScope> scope(Actor actor, String studentId);

    /** Pure decision for an already-resolved scope, for list filtering without one lookup per student. */
    boolean permits(Set<Relationship> relationships, DataClass dataClass, Action action);

    /** The actor's relationships to a class this term, without deciding or auditing (empty when out of scope). */
    Mono<ClassScope> classScope(Actor actor, String classId);

    /** Class-level check: emits the class's relationships for the actor, or errors 404/403. */
    Mono<ClassScope> requireClass(Actor actor, String classId, DataClass dataClass, Action action);

    /**
     * School-level check (a school's settings, statistics, a notice to the whole school): emits the school's
     * relationships for the actor, or errors 404 (unknown school, or not the actor's school or county) or 403.
     */
    Mono<SchoolScope> requireSchool(Actor actor, String schoolId, DataClass dataClass, Action action);

    /** County-level check (the bureau's aggregates): emits the actor's county scope, or errors 403. */
    Mono<CountyScope> requireCounty(Actor actor, DataClass dataClass, Action action);

    /** Ids of the classes the actor may see in the current term. */
    Mono<Set<String>> visibleClassIds(Actor actor);
}
