package org.zhsz.platform;

import java.util.Set;

import reactor.core.publisher.Mono;

/**
 * The one place access is decided: may this actor do this action to this data class of this student, class,
 * school, county, or of their own account? Every module asks here — from its services, so a service is safe even
 * when a controller forgets — and never decides by role itself. Out of the actor's scope is reported as 404 (no
 * existence leak); in scope but not allowed is 403; every denial is audited by the implementation (who, role,
 * what, reason). Implemented by the access module; the rules are in {@code docs/access-model.md}.
 */
public interface AccessPolicy {

    // ---- one student

    /** Emits the scope if allowed; errors with a 404 or 403 {@link ApiException} otherwise. */
    Mono<StudentScope> require(Actor actor, String studentId, DataClass dataClass, Action action);

    /** Emits whether allowed, without raising or auditing (for shaping views, e.g. which fields to show). */
    Mono<Boolean> allows(Actor actor, String studentId, DataClass dataClass, Action action);

    /** The actor's relationships to the student (empty when out of scope). */
    Mono<StudentScope> scope(Actor actor, String studentId);

    /** Pure decision for an already-resolved scope, for list filtering without one lookup per student. */
    boolean permits(Set<Relationship> relationships, DataClass dataClass, Action action);

    /**
     * The actor's own student record (a student's "my ..." pages): emits its scope if allowed; 403 when the actor
     * is not a student of the platform or the action is not allowed on their own data.
     */
    Mono<StudentScope> requireOwnRecord(Actor actor, DataClass dataClass, Action action);

    // ---- one class
    /** The actor's relationships to a class this term, without deciding or auditing (empty when out of scope). */
    Mono<ClassScope> classScope(Actor actor, String classId);

    /** Class-level check: emits the class's relationships for the actor, or errors 404/403. */
    Mono<ClassScope> requireClass(Actor actor, String classId, DataClass dataClass, Action action);

    /** Ids of the classes the actor may see in the current term. */
    Mono<Set<String>> visibleClassIds(Actor actor);

    // ---- one school

    /**
     * A decision about the school as a whole (its settings, staff, aggregates, an import or export of all of it):
     * 404 when the school does not exist or is outside the actor's scope, 403 when in scope but not allowed —
     * also when the actor may do it only for some classes.
     */
    Mono<SchoolScope> requireSchool(Actor actor, String schoolId, DataClass dataClass, Action action);

    /** {@link #requireSchool} for the actor's own school (the token's); 403 when the actor belongs to none. */
    Mono<SchoolScope> requireOwnSchool(Actor actor, DataClass dataClass, Action action);

    /**
     * Where in the actor's own school the action is allowed: the whole school, or the classes where the actor's
     * class relationships allow it (e.g. a PE teacher's import covers their PE classes). 403 when nowhere.
     */
    Mono<SchoolScope> requireInOwnSchool(Actor actor, DataClass dataClass, Action action);

    /**
     * Like {@link #requireInOwnSchool} but without raising or auditing, for shaping what a list shows (e.g. in which
     * classes private fields appear); empty when the actor belongs to no school.
     */
    Mono<SchoolScope> reachInOwnSchool(Actor actor, DataClass dataClass, Action action);

    /** Schools (this term) the actor may do the action to as a whole, e.g. to list them. */
    Mono<Set<String>> schoolIds(Actor actor, DataClass dataClass, Action action);

    // ---- the county, the account

    /** A decision about the actor's own county as a whole (aggregates, the audit trail); 403 when not allowed. */
    Mono<CountyScope> requireOwnCounty(Actor actor, DataClass dataClass, Action action);

    /**
     * A decision about something that belongs to the actor's account alone (e.g. an admission officer's inbox of
     * released dossiers); emits the account-level relationships, or 403.
     */
    Mono<Set<Relationship>> requireAccount(Actor actor, DataClass dataClass, Action action);
}
