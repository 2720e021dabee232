package org.zhsz.record;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.zhsz.organization.OrganizationDirectory;
import org.zhsz.organization.Views.ClassView;
import org.zhsz.platform.AccessPolicy;
import org.zhsz.platform.Action;
import org.zhsz.platform.Actor;
import org.zhsz.platform.DataClass;
import org.zhsz.student.StudentDirectory;
import org.zhsz.student.StudentView;

import reactor.core.publisher.Mono;
import reactor.util.function.Tuples;

/**
 * Views over records: the class overview (what is recorded per dimension, who has nothing yet), the head
 * teacher's review queue, and the county goals — sports and arts skills mastered, labour hours against the
 * requirement — per student, class, school and county.
 */
@Service
class RecordViews {

    /** Statuses that count: approved records (submitted ones show in the overview as pending). */
    static final Set<RecordStatus> COUNTING = Set.of(RecordStatus.APPROVED);
    static final int SMALL_CELL = 5;

    private final ReactiveMongoTemplate mongo;
    private final AccessPolicy access;
    private final StudentDirectory students;
    private final OrganizationDirectory organization;
    private final Categories categories;
    private final BigDecimal labourHoursPerTerm;

    RecordViews(ReactiveMongoTemplate mongo, AccessPolicy access, StudentDirectory students,
                OrganizationDirectory organization, Categories categories,
                @Value("${zhsz.records.labour-hours-per-term:16}") BigDecimal labourHoursPerTerm) {
        this.mongo = mongo;
        this.access = access;
        this.students = students;
        this.organization = organization;
        this.categories = categories;
        this.labourHoursPerTerm = labourHoursPerTerm;
    }

    record StudentRow(String studentId, String name, Map<Dimension, Integer> approved, Map<Dimension, Integer> pending,
                      List<Dimension> todo) {
    }

    record ClassOverview(String classId, String className, String term, List<StudentRow> students,
                         Map<Dimension, Integer> studentsWithRecords) {
    }

    Mono<ClassOverview> classOverview(Actor actor, String classId, String term) {
        return access.requireClass(actor, classId, DataClass.GENERAL_RECORDS, Action.READ).flatMap(scope -> {
            String t = term == null ? scope.termCode() : term;
            return Mono.zip(organization.schoolClass(classId, t), students.inClass(classId).collectList(),
                    mongo.find(Query.query(Criteria.where("classId").is(classId).and("term").is(t)
                            .and("status").in(RecordStatus.APPROVED, RecordStatus.SUBMITTED)), StudentRecord.class)
                            .collectList()).map(z -> {
                Map<String, List<StudentRecord>> byStudent = new LinkedHashMap<>();
                z.getT3().forEach(r -> byStudent.computeIfAbsent(r.studentId(), k -> new ArrayList<>()).add(r));
                List<StudentRow> rows = new ArrayList<>();
                Map<Dimension, Integer> covered = zero();
                for (StudentView s : z.getT2()) {
                    Map<Dimension, Integer> approved = zero();
                    Map<Dimension, Integer> pending = zero();
                    for (StudentRecord r : byStudent.getOrDefault(s.id(), List.of())) {
                        (r.status() == RecordStatus.APPROVED ? approved : pending).merge(r.dimension(), 1,
                                Integer::sum);
                    }
                    List<Dimension> todo = new ArrayList<>();
                    for (Dimension d : Dimension.values()) {
                        if (approved.get(d) == 0) {
                            todo.add(d);
                        } else {
                            covered.merge(d, 1, Integer::sum);
                        }
                    }
                    rows.add(new StudentRow(s.id(), s.name(), approved, pending, todo));
                }
                return new ClassOverview(classId, z.getT1().name(), t, rows, covered);
            });
        });
    }

    /** The dimensions the reader may record for the class's students (empty: they only read). */
    record Writable(String classId, List<Dimension> dimensions) {
    }

    Mono<Writable> writable(Actor actor, String classId) {
        return access.requireClass(actor, classId, DataClass.GENERAL_RECORDS, Action.READ)
                .map(scope -> new Writable(classId, access.permits(scope.relationships(), DataClass.GENERAL_RECORDS,
                        Action.WRITE) ? RecordRules.writable(scope.relationships()).stream().sorted().toList()
                        : List.of()));
    }

    private static Map<Dimension, Integer> zero() {
        Map<Dimension, Integer> m = new EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.values()) {
            m.put(d, 0);
        }
        return m;
    }

    /**
     * Submitted self-reports waiting for this reviewer: wherever in their school the policy lets them review
     * (a head teacher: their classes; the school admin: the whole school).
     */
    Mono<List<RecordView>> reviewQueue(Actor actor) {
        return access.requireInOwnSchool(actor, DataClass.GENERAL_RECORDS, Action.REVIEW).flatMap(scope -> {
            Criteria where = scope.wholeSchool() ? Criteria.where("schoolId").is(scope.schoolId())
                    : Criteria.where("schoolId").is(scope.schoolId()).and("classId").in(scope.classIds());
            return Mono.zip(mongo.find(Query.query(where).addCriteria(Criteria.where("status")
                                    .is(RecordStatus.SUBMITTED)), StudentRecord.class)
                            .sort((a, b) -> a.updatedAt().compareTo(b.updatedAt())).collectList(),
                    categories.of(scope.schoolId()));
        }).flatMap(t -> names(t.getT1()).map(n -> t.getT1().stream().map(r -> RecordView.of(r,
                        RecordService.category(t.getT2(), r)).named(n.students().get(r.studentId()),
                        n.classes().get(r.classId())))
                .toList()));
    }

    private record Names(Map<String, String> students, Map<String, String> classes) {
    }

    /** The students' and classes' names of a list of records: one read of the students, one per class. */
    private Mono<Names> names(List<StudentRecord> records) {
        List<String> ids = records.stream().map(StudentRecord::studentId).distinct().toList();
        List<String> classIds = records.stream().map(StudentRecord::classId).filter(java.util.Objects::nonNull)
                .distinct().toList();
        return Mono.zip(students.findAll(ids).collectMap(StudentView::id, StudentView::name),
                reactor.core.publisher.Flux.fromIterable(classIds).flatMap(id -> organization.schoolClassNow(id))
                        .collectMap(ClassView::id, ClassView::name))
                .map(t -> new Names(t.getT1(), t.getT2()));
    }

    // ---------------------------------------------------------------- skills and hours

    record Skills(String studentId, Set<String> sportsSkills, Set<String> artsSkills,
                  Map<String, BigDecimal> labourHoursByTerm, BigDecimal labourHoursRequired, boolean sportsGoalMet,
                  boolean artsGoalMet, boolean labourMetThisTerm, String currentTerm) {
    }

    private record Facts(Set<String> sports, Set<String> arts, Map<String, BigDecimal> labour) {
    }

    /**
     * Skills and labour hours per student. Only the records that can count are read (approved, with a skill or in
     * the labour dimension), only the six fields the counts need, and they are folded in as they stream: a school's
     * coverage no longer loads every record of the school.
     */
    private Mono<Map<String, Facts>> facts(Criteria scope, String schoolId) {
        Query q = Query.query(scope)
                .addCriteria(Criteria.where("status").in(COUNTING))
                .addCriteria(new Criteria().orOperator(Criteria.where("skill").ne(null),
                        Criteria.where("dimension").is(Dimension.LABOUR)));
        q.fields().include("studentId", "dimension", "category", "skill", "hours", "term");
        return categories.of(schoolId).flatMap(cats -> mongo.find(q, StudentRecord.class)
                .<Map<String, Facts>>collect(LinkedHashMap::new, (out, r) -> {
                    Facts f = out.computeIfAbsent(r.studentId(), k -> new Facts(new TreeSet<>(), new TreeSet<>(),
                            new TreeMap<>()));
                    Category c = RecordService.category(cats, r);
                    if (c != null && "SPORTS".equals(c.skill()) && r.skill() != null) {
                        f.sports().add(r.skill());
                    }
                    if (c != null && "ARTS".equals(c.skill()) && r.skill() != null) {
                        f.arts().add(r.skill());
                    }
                    if (r.dimension() == Dimension.LABOUR && r.hours() != null) {
                        f.labour().merge(r.term(), r.hours(), BigDecimal::add);
                    }
                }));
    }

    /**
     * The facts of the school's current students, read through the student index in chunks of 100: bounded by
     * the records of the students the school has now, not by every record the school ever stored (graduated
     * cohorts included), which is what a query by school read.
     */
    private Mono<Map<String, Facts>> factsOfStudents(List<StudentView> current, String schoolId) {
        List<String> ids = current.stream().map(StudentView::id).toList();
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += 100) {
            chunks.add(ids.subList(i, Math.min(ids.size(), i + 100)));
        }
        return reactor.core.publisher.Flux.fromIterable(chunks)
                .concatMap(c -> facts(Criteria.where("studentId").in(c).and("schoolId").is(schoolId), schoolId))
                .reduceWith(() -> (Map<String, Facts>) new LinkedHashMap<String, Facts>(), (all, part) -> {
                    all.putAll(part);
                    return all;
                });
    }

    Mono<Skills> skills(Actor actor, String studentId) {
        return access.require(actor, studentId, DataClass.GENERAL_RECORDS, Action.READ)
                .flatMap(scope -> facts(Criteria.where("studentId").is(studentId), scope.schoolId())
                        .map(all -> {
                            Facts f = all.getOrDefault(studentId, new Facts(Set.of(), Set.of(), Map.of()));
                            BigDecimal now = f.labour().getOrDefault(scope.termCode(), BigDecimal.ZERO);
                            return new Skills(studentId, f.sports(), f.arts(), f.labour(), labourHoursPerTerm,
                                    !f.sports().isEmpty(), !f.arts().isEmpty(),
                                    now.compareTo(labourHoursPerTerm) >= 0, scope.termCode());
                        }));
    }

    /** Share of students with ≥ 1 sports skill, ≥ 1 arts skill, and labour hours met this term. */
    record Coverage(String scope, String id, @Nullable String name, String term, int students,
                    @Nullable Integer withSportsSkill,
                    @Nullable Integer withArtsSkill, @Nullable Integer labourHoursMet, @Nullable Double sportsRate,
                    @Nullable Double artsRate,
                    @Nullable Double labourRate, boolean suppressed) {
    }

    private Coverage coverage(String scope, String id, String name, String term, List<String> studentIds,
                              Map<String, Facts> facts, boolean suppressSmall) {
        int n = studentIds.size();
        int sports = 0;
        int arts = 0;
        int labour = 0;
        for (String s : studentIds) {
            Facts f = facts.get(s);
            if (f == null) {
                continue;
            }
            sports += f.sports().isEmpty() ? 0 : 1;
            arts += f.arts().isEmpty() ? 0 : 1;
            labour += f.labour().getOrDefault(term, BigDecimal.ZERO).compareTo(labourHoursPerTerm) >= 0 ? 1 : 0;
        }
        if (suppressSmall && n < SMALL_CELL) {
            return new Coverage(scope, id, name, term, n, null, null, null, null, null, null, true);
        }
        return new Coverage(scope, id, name, term, n, sports, arts, labour, rate(sports, n), rate(arts, n),
                rate(labour, n), false);
    }

    private static Double rate(int k, int n) {
        return n == 0 ? null : Math.round(1000.0 * k / n) / 10.0;
    }

    Mono<Coverage> classCoverage(Actor actor, String classId, String term) {
        return access.requireClass(actor, classId, DataClass.RECORD_STATS, Action.READ)
                .flatMap(scope -> {
                    String t = term == null ? scope.termCode() : term;
                    return Mono.zip(organization.schoolClass(classId, t),
                                    students.inClass(classId).map(StudentView::id).collectList(),
                                    facts(Criteria.where("classId").is(classId), scope.schoolId()))
                            .map(z -> coverage("class", classId, z.getT1().name(), t, z.getT2(), z.getT3(), false));
                });
    }

    record SchoolCoverage(Coverage school, List<Coverage> classes) {
    }

    Mono<SchoolCoverage> schoolCoverage(Actor actor, String schoolId, String term) {
        return access.requireSchool(actor, schoolId, DataClass.RECORD_STATS, Action.READ)
                .flatMap(scope -> schoolCoverageOf(scope.schoolId(), term, false));
    }

    private Mono<SchoolCoverage> schoolCoverageOf(String schoolId, String term, boolean suppress) {
        return organization.currentTerm(schoolId).flatMap(current -> {
            String t = term == null ? current.code() : term;
            return Mono.zip(organization.school(schoolId), organization.classesOfSchool(schoolId, t).collectList(),
                            students.inSchool(schoolId).filter(s -> s.classId() != null).collectList())
                    .flatMap(z -> factsOfStudents(z.getT3(), schoolId).map(f -> Tuples.of(z.getT1(), z.getT2(),
                            z.getT3(), f)))
                    .map(z -> {
                        List<Coverage> classes = new ArrayList<>();
                        for (ClassView c : z.getT2()) {
                            List<String> ids = z.getT3().stream().filter(s -> c.id().equals(s.classId()))
                                    .map(StudentView::id).toList();
                            classes.add(coverage("class", c.id(), c.name(), t, ids, z.getT4(), suppress));
                        }
                        List<String> all = z.getT3().stream().map(StudentView::id).toList();
                        return new SchoolCoverage(coverage("school", schoolId, z.getT1().name(), t, all, z.getT4(),
                                suppress), classes);
                    });
        });
    }

    record CountyCoverage(String countyId, String term, Coverage county, List<Coverage> schools) {
    }

    /**
     * For the bureau: aggregates only. Schools with fewer than 5 students are suppressed, and when exactly one
     * school is suppressed the next smallest is too (complementary suppression), so no hidden cell can be
     * derived from the county total.
     */
    Mono<CountyCoverage> countyCoverage(Actor actor, String term) {
        return access.requireOwnCounty(actor, DataClass.COUNTY_STATS, Action.READ)
                .flatMap(scope -> countyCoverageOf(scope.countyId(), term));
    }

    private Mono<CountyCoverage> countyCoverageOf(String countyId, String term) {
        return organization.schoolsOfCounty(countyId)
                .concatMap(s -> schoolCoverageOf(s.id(), term, false).map(SchoolCoverage::school))
                .collectList()
                .map(raw -> {
                    int n = 0;
                    int sp = 0;
                    int ar = 0;
                    int lb = 0;
                    String t = term;
                    for (Coverage c : raw) {
                        n += c.students();
                        t = c.term();
                        sp += c.withSportsSkill();
                        ar += c.withArtsSkill();
                        lb += c.labourHoursMet();
                    }
                    Set<String> hide = new java.util.HashSet<>();
                    raw.stream().filter(c -> c.students() < SMALL_CELL).forEach(c -> hide.add(c.id()));
                    if (hide.size() == 1) {
                        raw.stream().filter(c -> !hide.contains(c.id()))
                                .min(java.util.Comparator.comparingInt(Coverage::students))
                                .ifPresent(c -> hide.add(c.id()));
                    }
                    List<Coverage> shown = raw.stream().map(c -> hide.contains(c.id())
                            ? new Coverage(c.scope(), c.id(), c.name(), c.term(), c.students(), null, null, null, null,
                            null, null, true) : c).toList();
                    Coverage county = new Coverage("county", countyId, null, t, n, sp, ar, lb, rate(sp, n),
                            rate(ar, n), rate(lb, n), false);
                    return new CountyCoverage(countyId, t, county, shown);
                });
    }
}
