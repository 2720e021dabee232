package org.zhsz.access;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.zhsz.organization.AssignmentRole;
import org.zhsz.organization.OrganizationDirectory;
import org.zhsz.organization.Views.AssignmentView;
import org.zhsz.organization.Views.ClassView;
import org.zhsz.platform.Actor;
import org.zhsz.platform.ClassScope;
import org.zhsz.platform.CountyScope;
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
 * Derives relationships from stored facts only: this term's assignments, guardianship, the student's own
 * account, the school's county and active grants. Nothing a client sends is trusted here.
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

    /** Empty when the student does not exist; a scope with no relationships when out of the actor's scope. */
    Mono<StudentScope> forStudent(Actor actor, String studentId) {
        return students.find(studentId).flatMap(s -> forStudent(actor, s));
    }

    Mono<StudentScope> forStudent(Actor actor, StudentView s) {
        return organization.currentTerm(s.schoolId()).flatMap(term -> {
            Set<Relationship> rels = EnumSet.noneOf(Relationship.class);
            if (actor.has(Role.STUDENT) && actor.username().equals(s.username())) {
                rels.add(Relationship.SELF);
            }
            if (actor.has(Role.PARENT) && s.hasGuardian(actor.username())) {
                rels.add(Relationship.GUARDIAN);
            }
            Mono<Set<Relationship>> staff = Mono.just(rels);
            if (actor.inSchool(s.schoolId())) {
                staff = staffRelationships(actor, s.schoolId(), s.classId(), term.code()).map(more -> {
                    rels.addAll(more);
                    return rels;
                });
            }
            return staff.flatMap(r -> countyAndGrants(actor, s.schoolId(), s.id(), r))
                    .map(r -> new StudentScope(s.id(), s.schoolId(), s.classId(), term.code(), r));
        });
    }

    /** Empty when the class does not exist. */
    Mono<ClassScope> forClass(Actor actor, String classId) {
        return organization.schoolClassNow(classId).flatMap(c -> forClass(actor, c));
    }

    Mono<ClassScope> forClass(Actor actor, ClassView c) {
        Set<Relationship> rels = EnumSet.noneOf(Relationship.class);
        Mono<Set<Relationship>> result = Mono.just(rels);
        if (actor.inSchool(c.schoolId())) {
            result = staffRelationships(actor, c.schoolId(), c.id(), c.termCode()).map(more -> {
                rels.addAll(more);
                return rels;
            });
            if (actor.has(Role.STUDENT)) {
                result = result.flatMap(r -> students.findByUsername(actor.username())
                        .filter(me -> c.id().equals(me.classId()))
                        .map(me -> {
                            r.add(Relationship.CLASSMATE);
                            return r;
                        }).defaultIfEmpty(r));
            }
        }
        if (actor.has(Role.PARENT)) {
            result = result.flatMap(r -> students.childrenOf(actor.username())
                    .any(child -> c.id().equals(child.classId()))
                    .map(any -> {
                        if (any) {
                            r.add(Relationship.CLASSMATE_GUARDIAN);
                        }
                        return r;
                    }));
        }
        return result.flatMap(r -> organization.school(c.schoolId())
                        .map(school -> {
                            if (actor.countyId() != null && actor.countyId().equals(school.countyId())) {
                                if (actor.has(Role.BUREAU_ADMIN)) {
                                    r.add(Relationship.COUNTY_BUREAU);
                                }
                                if (actor.has(Role.AUDITOR)) {
                                    r.add(Relationship.COUNTY_AUDITOR);
                                }
                            }
                            return r;
                        }).defaultIfEmpty(r))
                .map(r -> new ClassScope(c.id(), c.schoolId(), c.termCode(), r));
    }

    /**
     * Empty when the school does not exist. Everyone whose token names the school is a member of it (in scope);
     * its school admins administer it; the bureau and auditor of its county relate to it as county roles.
     */
    Mono<SchoolScope> forSchool(Actor actor, String schoolId) {
        return organization.school(schoolId).flatMap(school -> organization.currentTerm(schoolId).map(term -> {
            Set<Relationship> rels = EnumSet.noneOf(Relationship.class);
            if (actor.inSchool(schoolId)) {
                rels.add(Relationship.SCHOOL_MEMBER);
                if (actor.has(Role.SCHOOL_ADMIN)) {
                    rels.add(Relationship.SCHOOL_ADMIN);
                }
            }
            if (actor.countyId() != null && actor.countyId().equals(school.countyId())) {
                if (actor.has(Role.BUREAU_ADMIN)) {
                    rels.add(Relationship.COUNTY_BUREAU);
                }
                if (actor.has(Role.AUDITOR)) {
                    rels.add(Relationship.COUNTY_AUDITOR);
                }
            }
            return new SchoolScope(schoolId, school.countyId(), term.code(), rels);
        }));
    }

    /** The actor's county roles (none for anyone without a county or a county role). */
    CountyScope forCounty(Actor actor) {
        Set<Relationship> rels = EnumSet.noneOf(Relationship.class);
        if (actor.countyId() != null) {
            if (actor.has(Role.BUREAU_ADMIN)) {
                rels.add(Relationship.COUNTY_BUREAU);
            }
            if (actor.has(Role.AUDITOR)) {
                rels.add(Relationship.COUNTY_AUDITOR);
            }
        }
        return new CountyScope(actor.countyId(), rels);
    }

    private Mono<Set<Relationship>> staffRelationships(Actor actor, String schoolId, String classId, String term) {
        Set<Relationship> rels = EnumSet.noneOf(Relationship.class);
        if (actor.has(Role.SCHOOL_ADMIN)) {
            rels.add(Relationship.SCHOOL_ADMIN);
        }
        if (!actor.hasAny(Role.TEACHER, Role.HEAD_TEACHER, Role.COUNSELOR)) {
            return Mono.just(rels);
        }
        return organization.assignmentsOf(actor.username(), term)
                .filter(a -> schoolId.equals(a.schoolId()))
                .collectList()
                .map(list -> {
                    for (AssignmentView a : list) {
                        if (a.role() == AssignmentRole.COUNSELOR && actor.has(Role.COUNSELOR)) {
                            rels.add(Relationship.SCHOOL_COUNSELOR);
                        } else if (classId != null && classId.equals(a.classId())) {
                            Relationship r = classRelationship(a.role(), actor);
                            if (r != null) {
                                rels.add(r);
                            }
                        }
                    }
                    return rels;
                });
    }

    private static Relationship classRelationship(AssignmentRole role, Actor actor) {
        return switch (role) {
            case HEAD_TEACHER -> actor.has(Role.HEAD_TEACHER) ? Relationship.HEAD_TEACHER : null;
            case PE -> actor.has(Role.TEACHER) || actor.has(Role.HEAD_TEACHER) ? Relationship.PE_TEACHER : null;
            case ARTS -> actor.has(Role.TEACHER) || actor.has(Role.HEAD_TEACHER) ? Relationship.ARTS_TEACHER : null;
            case LABOUR -> actor.has(Role.TEACHER) || actor.has(Role.HEAD_TEACHER) ? Relationship.LABOUR_TEACHER
                    : null;
            case SUBJECT -> actor.has(Role.TEACHER) || actor.has(Role.HEAD_TEACHER) ? Relationship.SUBJECT_TEACHER
                    : null;
            case COUNSELOR -> null;
        };
    }

    private Mono<Set<Relationship>> countyAndGrants(Actor actor, String schoolId, String studentId,
                                                    Set<Relationship> rels) {
        Mono<Set<Relationship>> result = Mono.just(rels);
        if (actor.hasAny(Role.BUREAU_ADMIN, Role.AUDITOR) && actor.countyId() != null) {
            result = organization.school(schoolId).map(school -> {
                if (actor.countyId().equals(school.countyId())) {
                    if (actor.has(Role.BUREAU_ADMIN)) {
                        rels.add(Relationship.COUNTY_BUREAU);
                    }
                    if (actor.has(Role.AUDITOR)) {
                        rels.add(Relationship.COUNTY_AUDITOR);
                    }
                }
                return rels;
            }).defaultIfEmpty(rels);
        }
        if (actor.has(Role.ADMISSIONS_OFFICER) || (actor.has(Role.SCHOOL_ADMIN) && actor.inSchool(schoolId))) {
            result = result.flatMap(r -> activeGrants(actor.username(), studentId).collectList().map(list -> {
                for (Grant g : list) {
                    if (g.kind() == Grant.Kind.ADMISSIONS_RELEASE && actor.has(Role.ADMISSIONS_OFFICER)) {
                        r.add(Relationship.ADMISSIONS_RELEASED);
                    }
                    if (g.kind() == Grant.Kind.BREAK_GLASS && actor.has(Role.SCHOOL_ADMIN)) {
                        r.add(Relationship.BREAK_GLASS);
                    }
                }
                return r;
            }));
        }
        return result;
    }

    Flux<Grant> activeGrants(String username, String studentId) {
        var now = clock.now();
        return grants.findByGranteeAndStudentId(username, studentId).filter(g -> g.activeAt(now));
    }

    /** Ids of classes the actor may list this term. */
    Mono<Set<String>> visibleClassIds(Actor actor) {
        Set<String> ids = new HashSet<>();
        Mono<Set<String>> result = Mono.just(ids);
        if (actor.schoolId() != null && actor.hasAny(Role.SCHOOL_ADMIN, Role.COUNSELOR)) {
            result = result.flatMap(s -> organization.currentTerm(actor.schoolId())
                    .flatMapMany(t -> organization.classesOfSchool(actor.schoolId(), t.code()))
                    .map(ClassView::id).collectList().map(l -> {
                        s.addAll(l);
                        return s;
                    }));
        }
        if (actor.schoolId() != null && actor.hasAny(Role.TEACHER, Role.HEAD_TEACHER)) {
            result = result.flatMap(s -> organization.currentTerm(actor.schoolId())
                    .flatMapMany(t -> organization.assignmentsOf(actor.username(), t.code()))
                    .filter(a -> a.classId() != null && actor.schoolId().equals(a.schoolId()))
                    .map(AssignmentView::classId).collectList().map(l -> {
                        s.addAll(l);
                        return s;
                    }));
        }
        if (actor.has(Role.STUDENT)) {
            result = result.flatMap(s -> students.findByUsername(actor.username()).map(me -> {
                if (me.classId() != null && actor.inSchool(me.schoolId())) {
                    s.add(me.classId());
                }
                return s;
            }).defaultIfEmpty(s));
        }
        if (actor.has(Role.PARENT)) {
            result = result.flatMap(s -> students.childrenOf(actor.username()).map(StudentView::classId)
                    .collectList().map(l -> {
                        l.stream().filter(java.util.Objects::nonNull).forEach(s::add);
                        return s;
                    }));
        }
        if (actor.has(Role.BUREAU_ADMIN) && actor.countyId() != null) {
            result = result.flatMap(s -> organization.schoolsOfCounty(actor.countyId())
                    .flatMap(school -> organization.currentTerm(school.id())
                            .flatMapMany(t -> organization.classesOfSchool(school.id(), t.code())))
                    .map(ClassView::id).collectList().map(l -> {
                        s.addAll(l);
                        return s;
                    }));
        }
        return result;
    }
}
