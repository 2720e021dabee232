package org.zhsz.access;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.zhsz.organization.OrganizationDirectory;
import org.zhsz.organization.Views.AssignmentView;
import org.zhsz.organization.Views.ClassView;
import org.zhsz.platform.Action;
import org.zhsz.platform.Actor;
import org.zhsz.platform.ClassScope;
import org.zhsz.platform.DataClass;
import org.zhsz.platform.Relationship;
import org.zhsz.platform.Role;
import org.zhsz.platform.SchoolClock;
import org.zhsz.platform.SchoolScope;
import org.zhsz.platform.StudentScope;
import org.zhsz.student.StudentDirectory;
import org.zhsz.student.StudentView;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Derives relationships from stored facts only — this term's assignments, guardianship, the student's own
 * account, enrolment, the school's county and active grants — by applying the tables of {@link RoleRelationships}.
 * Nothing a client sends is trusted here; the token contributes only its roles, school and county.
 */
@Component
class RelationshipResolver {

    private final StudentDirectory students;
    private final OrganizationDirectory organization;
    private final GrantRepository grants;
    private final SchoolClock clock;

    RelationshipResolver(StudentDirectory students, OrganizationDirectory organization, GrantRepository grants,
                         SchoolClock clock) {
        this.students = students;
        this.organization = organization;
        this.grants = grants;
        this.clock = clock;
    }

    // ------------------------------------------------------------------------------------------------ student

    /** Empty when the student does not exist; a scope with no relationships when out of the actor's scope. */
    Mono<StudentScope> forStudent(Actor actor, String studentId) {
        return students.find(studentId).flatMap(s -> forStudent(actor, s));
    }

    Mono<StudentScope> forStudent(Actor actor, StudentView s) {
        return organization.currentTerm(s.schoolId()).flatMap(term -> {
            Set<Relationship> rels = EnumSet.noneOf(Relationship.class);
            if (RoleRelationships.hasFamilyRole(actor, Role.STUDENT) && actor.username().equals(s.username())) {
                rels.add(RoleRelationships.FAMILY.get(Role.STUDENT).toStudent());
            }
            if (RoleRelationships.hasFamilyRole(actor, Role.PARENT) && s.hasGuardian(actor.username())) {
                rels.add(RoleRelationships.FAMILY.get(Role.PARENT).toStudent());
            }
            return inOwnSchool(actor, s.schoolId(), s.classId(), term.code())
                    .flatMap(staff -> {
                        rels.addAll(staff);
                        return inOwnCounty(actor, s.schoolId());
                    })
                    .flatMap(county -> {
                        rels.addAll(county);
                        return fromGrants(actor, s.schoolId(), s.id());
                    })
                    .map(granted -> {
                        rels.addAll(granted);
                        return new StudentScope(s.id(), s.schoolId(), s.classId(), term.code(), rels);
                    });
        });
    }

    /** The actor's own student record (students only). */
    Mono<StudentView> ownRecord(Actor actor) {
        return RoleRelationships.hasFamilyRole(actor, Role.STUDENT) ? students.findByUsername(actor.username())
                : Mono.empty();
    }

    // -------------------------------------------------------------------------------------------------- class

    /** Empty when the class does not exist. */
    Mono<ClassScope> forClass(Actor actor, String classId) {
        return organization.schoolClassNow(classId).flatMap(c -> forClass(actor, c));
    }

    Mono<ClassScope> forClass(Actor actor, ClassView c) {
        Set<Relationship> rels = EnumSet.noneOf(Relationship.class);
        return inOwnSchool(actor, c.schoolId(), c.id(), c.termCode())
                .flatMap(staff -> {
                    rels.addAll(staff);
                    return family(actor).filter(f -> c.id().equals(f.student().classId()))
                            .map(f -> RoleRelationships.FAMILY.get(f.role()).toClass()).collectList();
                })
                .flatMap(fam -> {
                    rels.addAll(fam);
                    return inOwnCounty(actor, c.schoolId());
                })
                .map(county -> {
                    rels.addAll(county);
                    return new ClassScope(c.id(), c.schoolId(), c.termCode(), rels);
                });
    }

    // ------------------------------------------------------------------------------------------------- school

    /**
     * An actor's standing in a school this term: the school-level relationships, and the class-level ones the
     * actor holds on particular classes (assignments, a child's or their own class), which decide where in the
     * school an action is allowed when the school-level ones do not allow it everywhere.
     */
    record Standing(String schoolId, String countyId, String termCode, Set<Relationship> relationships,
                    Map<String, Set<Relationship>> byClass) {

        boolean outOfScope() {
            return relationships.isEmpty() && byClass.values().stream().allMatch(Set::isEmpty);
        }

        SchoolScope decide(DataClass dc, Action action) {
            if (AccessRules.permits(relationships, dc, action)) {
                return new SchoolScope(schoolId, countyId, termCode, relationships, true, Set.of());
            }
            Set<String> classes = new HashSet<>();
            byClass.forEach((classId, rels) -> {
                if (AccessRules.permits(rels, dc, action)) {
                    classes.add(classId);
                }
            });
            return new SchoolScope(schoolId, countyId, termCode, relationships, false, classes);
        }
    }

    /** Empty when the school does not exist. */
    Mono<Standing> forSchool(Actor actor, String schoolId) {
        if (schoolId == null) {
            return Mono.empty();
        }
        return organization.school(schoolId).flatMap(school -> organization.currentTerm(schoolId).flatMap(term -> {
            Set<Relationship> rels = EnumSet.noneOf(Relationship.class);
            Map<String, Set<Relationship>> byClass = new HashMap<>();
            Mono<Void> staff = Mono.empty();
            if (actor.inSchool(schoolId)) {
                rels.addAll(RoleRelationships.conferred(actor, RoleRelationships.IN_OWN_SCHOOL));
                rels.addAll(RoleRelationships.conferred(actor, RoleRelationships.TO_OWN_SCHOOL));
                staff = assignments(actor, schoolId, term.code()).doOnNext(a -> {
                    var from = RoleRelationships.ASSIGNMENTS.get(a.role());
                    if (from.toSchool() != null) {
                        rels.add(from.toSchool());
                    }
                    if (!from.schoolWide() && a.classId() != null) {
                        byClass.computeIfAbsent(a.classId(), k -> EnumSet.noneOf(Relationship.class))
                                .add(from.toClass());
                    }
                }).then();
            }
            Mono<Void> fam = family(actor).filter(f -> schoolId.equals(f.student().schoolId())).doOnNext(f -> {
                var family = RoleRelationships.FAMILY.get(f.role());
                rels.add(family.toSchool());
                if (f.student().classId() != null) {
                    byClass.computeIfAbsent(f.student().classId(), k -> EnumSet.noneOf(Relationship.class))
                            .add(family.toClass());
                }
            }).then();
            return staff.then(fam).then(Mono.fromSupplier(() -> {
                if (actor.countyId() != null && actor.countyId().equals(school.countyId())) {
                    rels.addAll(RoleRelationships.conferred(actor, RoleRelationships.IN_OWN_COUNTY));
                }
                return new Standing(schoolId, school.countyId(), term.code(), rels, byClass);
            }));
        }));
    }

    // ------------------------------------------------------------------------------------------ county, account

    Set<Relationship> forCounty(Actor actor, String countyId) {
        return countyId != null && countyId.equals(actor.countyId())
                ? RoleRelationships.conferred(actor, RoleRelationships.IN_OWN_COUNTY) : Set.of();
    }

    Set<Relationship> forAccount(Actor actor) {
        return RoleRelationships.conferred(actor, RoleRelationships.TO_OWN_ACCOUNT);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** What the actor is, inside their own school, to the class (or to a student of it; null: no class). */
    private Mono<Set<Relationship>> inOwnSchool(Actor actor, String schoolId, String classId, String term) {
        if (!actor.inSchool(schoolId)) {
            return Mono.just(Set.of());
        }
        Set<Relationship> rels = RoleRelationships.conferred(actor, RoleRelationships.IN_OWN_SCHOOL);
        return assignments(actor, schoolId, term).doOnNext(a -> {
            var from = RoleRelationships.ASSIGNMENTS.get(a.role());
            if (from.schoolWide() || (classId != null && classId.equals(a.classId()))) {
                rels.add(from.toClass());
            }
        }).then(Mono.fromSupplier(() -> rels));
    }

    /** This term's assignments of the actor in the school that the actor's roles allow them to hold. */
    private Flux<AssignmentView> assignments(Actor actor, String schoolId, String term) {
        if (!RoleRelationships.mayHoldAssignments(actor)) {
            return Flux.empty();
        }
        return organization.assignmentsOf(actor.username(), term)
                .filter(a -> schoolId.equals(a.schoolId()))
                .filter(a -> RoleRelationships.ASSIGNMENTS.containsKey(a.role())
                        && RoleRelationships.holds(actor, RoleRelationships.ASSIGNMENTS.get(a.role())));
    }

    private Mono<Set<Relationship>> inOwnCounty(Actor actor, String schoolId) {
        Set<Relationship> conferred = RoleRelationships.conferred(actor, RoleRelationships.IN_OWN_COUNTY);
        if (conferred.isEmpty() || actor.countyId() == null) {
            return Mono.just(Set.of());
        }
        return organization.school(schoolId)
                .map(school -> actor.countyId().equals(school.countyId()) ? conferred : Set.<Relationship>of())
                .defaultIfEmpty(Set.of());
    }

    private Mono<Set<Relationship>> fromGrants(Actor actor, String schoolId, String studentId) {
        boolean mayHold = RoleRelationships.GRANTS.values().stream().anyMatch(g -> actor.hasAny(
                g.heldBy().toArray(Role[]::new)) && (!g.ownSchoolOnly() || actor.inSchool(schoolId)));
        if (!mayHold) {
            return Mono.just(Set.of());
        }
        return activeGrants(actor.username(), studentId).collectList().map(list -> {
            Set<Relationship> rels = EnumSet.noneOf(Relationship.class);
            for (Grant g : list) {
                var from = RoleRelationships.GRANTS.get(g.kind());
                if (from != null && actor.hasAny(from.heldBy().toArray(Role[]::new))
                        && (!from.ownSchoolOnly() || actor.inSchool(schoolId))) {
                    rels.add(from.toStudent());
                }
            }
            return rels;
        });
    }

    Flux<Grant> activeGrants(String username, String studentId) {
        var now = clock.now();
        return grants.findByGranteeAndStudentId(username, studentId).filter(g -> g.activeAt(now));
    }

    /** A student record the actor is family of, and through which family role. */
    record FamilyLink(Role role, StudentView student) {
    }

    /** The students the actor's family roles link to: their own record, their children. */
    Flux<FamilyLink> family(Actor actor) {
        Flux<FamilyLink> out = Flux.empty();
        if (RoleRelationships.hasFamilyRole(actor, Role.STUDENT)) {
            out = out.concatWith(students.findByUsername(actor.username()).map(s -> new FamilyLink(Role.STUDENT, s)));
        }
        if (RoleRelationships.hasFamilyRole(actor, Role.PARENT)) {
            out = out.concatWith(students.childrenOf(actor.username()).map(s -> new FamilyLink(Role.PARENT, s)));
        }
        return out;
    }

    /**
     * Ids of the classes the actor relates to this term: every class of their own school when a role or a
     * school-wide assignment makes them something to every class, the classes of their assignments, their own
     * and their children's classes, and every class of their county for county roles.
     */
    Mono<Set<String>> visibleClassIds(Actor actor) {
        Set<String> ids = new HashSet<>();
        Mono<Void> own = Mono.empty();
        String school = actor.schoolId();
        if (school != null) {
            own = organization.currentTerm(school).flatMap(t -> assignments(actor, school, t.code()).collectList()
                    .flatMap(list -> {
                        boolean everyClass = !RoleRelationships.conferred(actor, RoleRelationships.IN_OWN_SCHOOL)
                                .isEmpty() || list.stream().anyMatch(a -> RoleRelationships.ASSIGNMENTS
                                .get(a.role()).schoolWide());
                        list.stream().map(AssignmentView::classId).filter(Objects::nonNull).forEach(ids::add);
                        return everyClass ? organization.classesOfSchool(school, t.code()).map(ClassView::id)
                                .doOnNext(ids::add).then() : Mono.<Void>empty();
                    }));
        }
        Mono<Void> fam = family(actor).map(f -> f.student().classId()).filter(Objects::nonNull).doOnNext(ids::add)
                .then();
        Mono<Void> county = Mono.empty();
        if (actor.countyId() != null
                && !RoleRelationships.conferred(actor, RoleRelationships.IN_OWN_COUNTY).isEmpty()) {
            county = organization.schoolsOfCounty(actor.countyId())
                    .concatMap(s -> organization.currentTerm(s.id())
                            .flatMapMany(t -> organization.classesOfSchool(s.id(), t.code())))
                    .map(ClassView::id).doOnNext(ids::add).then();
        }
        return own.then(fam).then(county).thenReturn(ids);
    }

    /** Schools the actor relates to as a whole: their own, and their county's for county roles. */
    Flux<String> candidateSchools(Actor actor) {
        Flux<String> out = actor.schoolId() == null ? Flux.empty() : Flux.just(actor.schoolId());
        if (actor.countyId() != null
                && !RoleRelationships.conferred(actor, RoleRelationships.IN_OWN_COUNTY).isEmpty()) {
            out = out.concatWith(organization.schoolsOfCounty(actor.countyId()).map(s -> s.id()));
        }
        return out.concatWith(family(actor).map(f -> f.student().schoolId())).distinct();
    }
}
