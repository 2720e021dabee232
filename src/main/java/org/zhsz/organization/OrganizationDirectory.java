package org.zhsz.organization;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;

import org.springframework.stereotype.Service;
import org.zhsz.organization.Documents.Assignment;
import org.zhsz.organization.Documents.School;
import org.zhsz.organization.Documents.SchoolClass;
import org.zhsz.organization.Documents.Term;
import org.zhsz.organization.Views.AssignmentView;
import org.zhsz.organization.Views.ClassView;
import org.zhsz.organization.Views.RegionView;
import org.zhsz.organization.Views.SchoolView;
import org.zhsz.organization.Views.StaffView;
import org.zhsz.organization.Views.TermView;
import org.zhsz.platform.SchoolClock;
import org.zhsz.platform.LookupCache;

import io.micrometer.core.instrument.MeterRegistry;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Read API of the organization module for other modules. A school's terms and a teacher's assignments of a term are
 * read by nearly every request (access decisions, term derivation), so they are kept for a few seconds
 * ({@code zhsz.cache.organization-ttl}, default 5 s; 0 turns this off). Writes through {@link OrganizationService}
 * invalidate them at once in this instance; writes made by another instance are seen within that time.
 */
@Service
public class OrganizationDirectory {

    private final Repositories.Regions regions;
    private final Repositories.Schools schools;
    private final Repositories.Terms terms;
    private final Repositories.Classes classes;
    private final Repositories.StaffMembers staff;
    private final Repositories.Assignments assignments;
    private final SchoolClock clock;
    private final LookupCache<String, List<Term>> termsBySchool;
    private final LookupCache<String, List<AssignmentView>> assignmentsByUser;
    private final LookupCache<String, SchoolClass> classesById;

    OrganizationDirectory(Repositories.Regions regions, Repositories.Schools schools, Repositories.Terms terms,
                          Repositories.Classes classes, Repositories.StaffMembers staff,
                          Repositories.Assignments assignments, SchoolClock clock,
                          @Value("${zhsz.cache.organization-ttl:5s}") Duration cacheTtl, MeterRegistry meters) {
        this.termsBySchool = LookupCache.of("organization.terms", cacheTtl, 10_000, meters);
        this.assignmentsByUser = LookupCache.of("organization.assignments", cacheTtl, 50_000, meters);
        this.classesById = LookupCache.of("organization.class", cacheTtl, 20_000, meters);
        this.regions = regions;
        this.schools = schools;
        this.terms = terms;
        this.classes = classes;
        this.staff = staff;
        this.assignments = assignments;
        this.clock = clock;
    }

    public Mono<RegionView> region(String id) {
        return regions.findById(id).map(r -> new RegionView(r.id(), r.name(), r.bureauName()));
    }

    public Mono<SchoolView> school(String id) {
        return id == null ? Mono.empty() : schools.findById(id).map(OrganizationDirectory::view);
    }

    public Flux<SchoolView> schoolsOfCounty(String countyId) {
        return schools.findByCountyId(countyId).map(OrganizationDirectory::view);
    }

    /** The term of the school containing today (from the school's calendar, else the default calendar). */
    public Mono<TermView> currentTerm(String schoolId) {
        return termOn(schoolId, clock.today());
    }

    public Mono<TermView> termOn(String schoolId, LocalDate date) {
        String today = TermCalendar.codeOf(clock.today());
        return termsOf(schoolId).flatMapMany(Flux::fromIterable)
                .filter(t -> !date.isBefore(t.startDate()) && !date.isAfter(t.endDate()))
                .next()
                .map(t -> termView(t, today))
                .switchIfEmpty(Mono.fromSupplier(() -> defaultTerm(schoolId, TermCalendar.codeOf(date), today)));
    }

    public Mono<TermView> term(String schoolId, String code) {
        String today = TermCalendar.codeOf(clock.today());
        return terms.findBySchoolIdAndCode(schoolId, code).map(t -> termView(t, today))
                .switchIfEmpty(Mono.fromSupplier(() -> defaultTerm(schoolId, code, today)));
    }

    public Flux<TermView> terms(String schoolId) {
        String today = TermCalendar.codeOf(clock.today());
        return termsOf(schoolId).flatMapMany(Flux::fromIterable).map(t -> termView(t, today))
                .sort((a, b) -> b.code().compareTo(a.code()));
    }

    /** The class as it is named in the given term. */
    public Mono<ClassView> schoolClass(String classId, String termCode) {
        return classId == null ? Mono.empty() : classDocument(classId).map(c -> classView(c, termCode));
    }

    public Mono<ClassView> schoolClassNow(String classId) {
        return classId == null ? Mono.empty()
                : classDocument(classId).flatMap(c -> currentTerm(c.schoolId()).map(t -> classView(c, t.code())));
    }

    /** A class by id, kept as briefly as the terms (class-scoped access decisions and pages read it each time). */
    private Mono<SchoolClass> classDocument(String classId) {
        return classesById.get(classId, () -> classes.findById(classId));
    }

    public Flux<ClassView> classesOfSchool(String schoolId, String termCode) {
        return classes.findBySchoolId(schoolId).map(c -> classView(c, termCode));
    }

    public Flux<AssignmentView> assignmentsOf(String username, String termCode) {
        return assignmentsByUser.get(username + "\u0000" + termCode,
                        () -> assignments.findByUsernameAndTermCode(username, termCode)
                                .flatMapSequential(this::assignmentView).collectList())
                .flatMapMany(Flux::fromIterable);
    }

    /** The school's terms as stored (cached briefly). */
    private Mono<List<Term>> termsOf(String schoolId) {
        return termsBySchool.get(schoolId, () -> terms.findBySchoolId(schoolId).collectList());
    }

    /** Called after terms, assignments or staff names change in this instance. */
    void invalidateCaches() {
        termsBySchool.invalidateAll();
        assignmentsByUser.invalidateAll();
        classesById.invalidateAll();
    }

    public Flux<AssignmentView> assignmentsOfClass(String classId, String termCode) {
        return assignments.findByClassIdAndTermCode(classId, termCode).flatMap(this::assignmentView);
    }

    public Flux<AssignmentView> assignmentsOfSchool(String schoolId, String termCode) {
        return assignments.findBySchoolIdAndTermCode(schoolId, termCode).flatMap(this::assignmentView);
    }

    public Mono<StaffView> staff(String username) {
        return staff.findById(username).map(s -> new StaffView(s.username(), s.schoolId(), s.name(), s.subjects(),
                s.active()));
    }

    Mono<AssignmentView> assignmentView(Assignment a) {
        return staff.findById(a.username()).map(s -> s.name()).defaultIfEmpty(a.username())
                .map(name -> new AssignmentView(a.id(), a.schoolId(), a.termCode(), a.username(), name, a.role(),
                        a.classId(), a.subject()));
    }

    static SchoolView view(School s) {
        return new SchoolView(s.id(), s.countyId(), s.name(), s.code(), s.stage(), s.address(), s.version());
    }

    static ClassView classView(SchoolClass c, String termCode) {
        int start = TermCalendar.schoolYearStart(termCode);
        return new ClassView(c.id(), c.schoolId(), c.stage(), c.entryYear(), c.classNo(), termCode,
                c.stage().gradeLevel(c.entryYear(), start), c.stage().className(c.entryYear(), start, c.classNo()),
                c.stage().graduationYear(c.entryYear()), c.active(), c.version());
    }

    TermView termView(Term t, String ignored) {
        LocalDate today = clock.today();
        return new TermView(t.schoolId(), t.code(), TermCalendar.displayName(t.code()),
                TermCalendar.schoolYear(t.code()), TermCalendar.semester(t.code()), t.startDate(), t.endDate(),
                !today.isBefore(t.startDate()) && !today.isAfter(t.endDate()));
    }

    static TermView defaultTerm(String schoolId, String code, String todayCode) {
        return new TermView(schoolId, code, TermCalendar.displayName(code), TermCalendar.schoolYear(code),
                TermCalendar.semester(code), TermCalendar.defaultStart(code), TermCalendar.defaultEnd(code),
                code.equals(todayCode));
    }
}
