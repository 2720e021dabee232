package org.zhsz.insight;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.zhsz.archive.PublicityProgress;
import org.zhsz.audit.AuditEvent;
import org.zhsz.audit.AuditTrail;
import org.zhsz.fitness.FitnessDirectory;
import org.zhsz.health.HealthQueries;
import org.zhsz.organization.OrganizationDirectory;
import org.zhsz.organization.TermCalendar;
import org.zhsz.organization.Views.SchoolView;
import org.zhsz.platform.AccessPolicy;
import org.zhsz.platform.Action;
import org.zhsz.platform.Actor;
import org.zhsz.platform.DataClass;
import org.zhsz.platform.Problems;
import org.zhsz.platform.SchoolClock;
import org.zhsz.platform.Suppression;
import org.zhsz.record.RecordDirectory;
import org.zhsz.student.StudentDirectory;
import org.zhsz.student.StudentView;
import org.zhsz.wellbeing.ScreeningCoverage;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The county report against the plan's targets: per school and for the county, each indicator of
 * {@code insight/county-targets.json} this school year and last, people counts k-suppressed with the shared
 * routine (so that no hidden count can be recomputed from the county's totals). Computed from the modules'
 * public read APIs; stores nothing. Stable order (schools by id, indicators as in the file).
 */
@Service
class CountyReport {

    static final int K = 5;
    /** Approved labour hours a term counts as met (as the early warning's target). */
    static final BigDecimal LABOUR_HOURS_PER_TERM = new BigDecimal("16");

    record Value(BigDecimal rate, BigDecimal previous) {
    }

    record SchoolValue(String schoolId, String schoolName, @Nullable BigDecimal rate,
                       @Nullable BigDecimal previous) {
    }

    record IndicatorView(String code, String label, @Nullable BigDecimal target, boolean higherIsBetter,
                         String planItem, String source, @Nullable BigDecimal county,
                         @Nullable BigDecimal countyPrevious, @Nullable Boolean met,
                         List<SchoolValue> schools) {
    }

    record Report(String countyId, String year, String previousYear, LocalDate asOf, int suppressionThreshold,
                  String targetsVersion, List<IndicatorView> indicators) {
    }

    /** One school's counts for one indicator and year: {@code count} of {@code of}. */
    record Count(long count, long of) {
    }

    private final AccessPolicy access;
    private final OrganizationDirectory organization;
    private final StudentDirectory students;
    private final RecordDirectory records;
    private final FitnessDirectory fitness;
    private final HealthQueries health;
    private final CountyTargets targets;
    private final InsightTexts texts;
    private final AuditTrail audit;
    private final SchoolClock clock;
    private final ScreeningCoverage screening;
    private final PublicityProgress publicity;

    CountyReport(AccessPolicy access, OrganizationDirectory organization, StudentDirectory students,
                 RecordDirectory records, FitnessDirectory fitness, HealthQueries health, CountyTargets targets,
                 InsightTexts texts, AuditTrail audit, SchoolClock clock, ScreeningCoverage screening,
                 PublicityProgress publicity) {
        this.screening = screening;
        this.publicity = publicity;
        this.access = access;
        this.organization = organization;
        this.students = students;
        this.records = records;
        this.fitness = fitness;
        this.health = health;
        this.targets = targets;
        this.texts = texts;
        this.audit = audit;
        this.clock = clock;
    }

    Mono<Report> report(Actor actor, String yearParam, Locale locale) {
        String year = yearParam == null || yearParam.isBlank()
                ? TermCalendar.schoolYear(TermCalendar.codeOf(clock.today())) : yearParam.strip();
        if (!year.matches("\\d{4}-\\d{4}") || Integer.parseInt(year.substring(5)) != Integer.parseInt(
                year.substring(0, 4)) + 1) {
            return Mono.error(Problems.invalid("year", "invalid_school_year", "a school year such as 2026-2027"));
        }
        int start = Integer.parseInt(year.substring(0, 4));
        String previous = (start - 1) + "-" + start;
        LocalDate today = clock.today();
        LocalDate asOf = today.isBefore(LocalDate.of(start + 1, 8, 31)) ? today : LocalDate.of(start + 1, 8, 31);
        return access.requireOwnCounty(actor, DataClass.COUNTY_REPORT, Action.READ)
                .flatMap(scope -> organization.schoolsOfCounty(scope.countyId())
                        .sort(java.util.Comparator.comparing(SchoolView::id))
                        .concatMap(s -> Mono.zip(counts(s, year, asOf), counts(s, previous, asOf))
                                .map(t -> new SchoolCounts(s, t.getT1(), t.getT2())))
                        .collectList()
                        .map(list -> build(scope.countyId(), year, previous, asOf, list, locale))
                        .flatMap(r -> audit.record(AuditEvent.allowed(actor, "report.county.read", "county",
                                scope.countyId(), null, null).withDataClass(DataClass.COUNTY_REPORT)).thenReturn(r)));
    }

    record SchoolCounts(SchoolView school, Map<String, Count> now, Map<String, Count> before) {
    }

    /** The county's name for the report's title (its id when unknown). */
    Mono<String> countyName(String countyId) {
        return organization.region(countyId).map(r -> r.name()).defaultIfEmpty(countyId);
    }

    // ------------------------------------------------------------------------------------------------ counting

    /** Every indicator's count for the school's students in a school year, up to {@code asOf}. */
    private Mono<Map<String, Count>> counts(SchoolView school, String year, LocalDate asOf) {
        String term1 = year + "-1";
        String term2 = year + "-2";
        return students.inSchool(school.id()).collectSortedList(java.util.Comparator.comparing(StudentView::id))
                .flatMap(members -> {
                    List<String> ids = members.stream().map(StudentView::id).toList();
                    Mono<List<RecordDirectory.ArchivableRecord>> recs = Flux.fromIterable(ids)
                            .concatMap(id -> records.approved(id, term1).concatWith(records.approved(id, term2)))
                            .collectList();
                    Mono<List<FitnessDirectory.YearResult>> fit = Flux.fromIterable(ids)
                            .concatMap(id -> fitness.result(id, year)).collectList();
                    Mono<List<HealthQueries.VisionSummary>> vis = health.vision(ids, year).collectList();
                    return Mono.zip(recs, fit, vis, attendance(school, year, asOf), wellbeing(school, year, asOf),
                                    publicity(school, year, asOf))
                            .map(t -> {
                                Map<String, Count> out = count(ids, t.getT1(), t.getT2(), t.getT3(), t.getT4(), year,
                                        asOf);
                                ScreeningCoverage.Counts w = t.getT5();
                                // the targets file's order: the wellbeing and 公示 indicators before attendance
                                Count attendance = out.remove("attendance");
                                out.put("screening_coverage", new Count(Math.min(w.screened(), ids.size()),
                                        ids.size()));
                                out.put("referral_follow_up", new Count(w.followedUp(), w.referred()));
                                out.put("publicity_done", t.getT6());
                                out.put("attendance", attendance);
                                return out;
                            });
                });
    }

    /** The school year's screening and referral counts (counts only: the wellbeing module gives nothing else). */
    private Mono<ScreeningCoverage.Counts> wellbeing(SchoolView school, String year, LocalDate asOf) {
        int start = Integer.parseInt(year.substring(0, 4));
        LocalDate from = LocalDate.of(start, 8, 1);
        LocalDate to = asOf.isBefore(LocalDate.of(start + 1, 7, 31)) ? asOf : LocalDate.of(start + 1, 7, 31);
        if (to.isBefore(from)) {
            return Mono.just(new ScreeningCoverage.Counts(0, 0, 0));
        }
        return screening.ofSchool(school.id(), from, to);
    }

    /**
     * 公示 completion: of the school's classes in each term of the year begun by {@code asOf}, those whose 公示 of
     * that term was over by then.
     */
    private Mono<Count> publicity(SchoolView school, String year, LocalDate asOf) {
        return Flux.just(year + "-1", year + "-2").filter(t -> !asOf.isBefore(TermCalendar.defaultStart(t)))
                .concatMap(t -> Mono.zip(organization.classesOfSchool(school.id(), t).map(c -> c.id())
                                .collectList(), publicity.finishedClasses(school.id(), t, asOf))
                        .map(z -> new Count(z.getT1().stream().filter(z.getT2()::contains).count(),
                                z.getT1().size())))
                .reduce(new Count(0, 0), (a, b) -> new Count(a.count() + b.count(), a.of() + b.of()));
    }

    /** Registered student-days and absences of the school's classes in the school year. */
    private Mono<long[]> attendance(SchoolView school, String year, LocalDate asOf) {
        int start = Integer.parseInt(year.substring(0, 4));
        LocalDate from = LocalDate.of(start, 8, 1);
        LocalDate to = asOf.isBefore(LocalDate.of(start + 1, 7, 31)) ? asOf : LocalDate.of(start + 1, 7, 31);
        if (to.isBefore(from)) {
            return Mono.just(new long[2]);
        }
        return organization.classesOfSchool(school.id(), year + "-1").map(c -> c.id())
                .concatMap(classId -> students.inClass(classId).count()
                        .flatMapMany(n -> health.register(classId, from, to)
                                .map(d -> new long[]{n, d.absent().size()})))
                .reduce(new long[2], (acc, d) -> new long[]{acc[0] + d[0], acc[1] + d[1]});
    }

    private Map<String, Count> count(List<String> ids, List<RecordDirectory.ArchivableRecord> recs,
                                     List<FitnessDirectory.YearResult> fit, List<HealthQueries.VisionSummary> vis,
                                     long[] att, String year, LocalDate asOf) {
        Set<String> sports = new HashSet<>();
        Set<String> arts = new HashSet<>();
        Map<String, BigDecimal> labour = new LinkedHashMap<>();
        for (RecordDirectory.ArchivableRecord r : recs) {
            if (r.skill() != null && !r.skill().isBlank()) {
                if ("PHYSICAL".equals(r.dimension())) {
                    sports.add(r.studentId());
                } else if ("ARTS".equals(r.dimension())) {
                    arts.add(r.studentId());
                }
            }
            if ("LABOUR".equals(r.dimension()) && r.hours() != null) {
                labour.merge(r.studentId(), r.hours(), BigDecimal::add);
            }
        }
        int termsBegun = !asOf.isBefore(TermCalendar.defaultStart(year + "-2")) ? 2
                : !asOf.isBefore(TermCalendar.defaultStart(year + "-1")) ? 1 : 0;
        BigDecimal need = LABOUR_HOURS_PER_TERM.multiply(BigDecimal.valueOf(termsBegun));
        long labourMet = termsBegun == 0 ? 0 : labour.values().stream().filter(h -> h.compareTo(need) >= 0).count();
        List<FitnessDirectory.YearResult> tested = fit.stream().filter(r -> "TESTED".equals(r.status())).toList();
        long eg = tested.stream().filter(r -> "优秀".equals(r.rating()) || "良好".equals(r.rating())).count();
        long pass = tested.stream().filter(r -> r.rating() != null && !"不及格".equals(r.rating())).count();
        List<HealthQueries.VisionSummary> screened = vis.stream().filter(v -> v.category() != null).toList();
        long poor = screened.stream().filter(v -> !"normal".equals(v.category())).count();
        long myopia = screened.stream().filter(HealthQueries.VisionSummary::screeningMyopia).count();
        // a school without a single approved record that year kept its records elsewhere: no figure, not 0 %
        long withRecords = recs.isEmpty() ? 0 : ids.size();
        Map<String, Count> out = new LinkedHashMap<>();
        out.put("sports_skill", new Count(sports.size(), withRecords));
        out.put("arts_skill", new Count(arts.size(), withRecords));
        out.put("labour_hours", new Count(labourMet, termsBegun == 0 ? 0 : withRecords));
        out.put("fitness_excellent_good", new Count(eg, tested.size()));
        out.put("fitness_pass", new Count(pass, tested.size()));
        out.put("poor_vision", new Count(poor, screened.size()));
        out.put("screening_myopia", new Count(myopia, screened.size()));
        out.put("attendance", new Count(att[0] - att[1], att[0]));
        return out;
    }

    // ------------------------------------------------------------------------------------------------ the table

    private Report build(String countyId, String year, String previous, LocalDate asOf, List<SchoolCounts> schools,
                         Locale locale) {
        List<IndicatorView> views = new ArrayList<>();
        for (CountyTargets.Indicator ind : targets.indicators()) {
            // attendance counts days and 公示 counts classes: not people, so not suppressed
            boolean people = !ind.code().equals("attendance") && !ind.code().equals("publicity_done");
            Published now = publish(schools, ind.code(), true, people);
            Published before = publish(schools, ind.code(), false, people);
            BigDecimal target = ind.target() != null ? ind.target()
                    : before.county() == null ? null : before.county().subtract(ind.yearlyDrop()).max(BigDecimal.ZERO);
            Boolean met = target == null || now.county() == null ? null
                    : ind.higher() ? now.county().compareTo(target) >= 0 : now.county().compareTo(target) <= 0;
            List<SchoolValue> rows = new ArrayList<>();
            for (SchoolCounts s : schools) {
                rows.add(new SchoolValue(s.school().id(), s.school().name(), now.bySchool().get(s.school().id()),
                        before.bySchool().get(s.school().id())));
            }
            views.add(new IndicatorView(ind.code(), texts.indicator(locale, ind.code()), target, ind.higher(),
                    ind.planItem(), ind.source(), now.county(), before.county(), met, rows));
        }
        return new Report(countyId, year, previous, asOf, K, targets.version(), views);
    }

    record Published(Map<String, BigDecimal> bySchool, BigDecimal county) {
    }

    /**
     * Rates per school and for the county. For people, each school's count and remainder (of − count) are the cells
     * of a table whose row totals are the schools' sizes and whose column totals are the county's: the shared
     * routine hides small cells and enough others; a rate is published only when both its cells are.
     */
    static Published publish(List<SchoolCounts> schools, String code, boolean now, boolean people) {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        List<Suppression.Line<String>> lines = new ArrayList<>();
        List<String> counts = new ArrayList<>();
        List<String> rests = new ArrayList<>();
        List<String> totals = new ArrayList<>();
        long countyCount = 0;
        long countyOf = 0;
        for (SchoolCounts s : schools) {
            Count c = (now ? s.now() : s.before()).get(code);
            String id = s.school().id();
            sizes.put(id + ":count", (int) c.count());
            sizes.put(id + ":rest", (int) (c.of() - c.count()));
            sizes.put(id + ":of", (int) c.of());
            lines.add(new Suppression.Line<>(List.of(id + ":count", id + ":rest"), id + ":of"));
            counts.add(id + ":count");
            rests.add(id + ":rest");
            totals.add(id + ":of");
            countyCount += c.count();
            countyOf += c.of();
        }
        sizes.put("county:count", (int) countyCount);
        sizes.put("county:rest", (int) (countyOf - countyCount));
        sizes.put("county:of", (int) countyOf);
        lines.add(new Suppression.Line<>(counts, "county:count"));
        lines.add(new Suppression.Line<>(rests, "county:rest"));
        lines.add(new Suppression.Line<>(totals, "county:of"));
        lines.add(new Suppression.Line<>(List.of("county:count", "county:rest"), "county:of"));
        Set<String> hidden = people ? Suppression.suppress(sizes, lines, K) : Set.of();
        Map<String, BigDecimal> bySchool = new LinkedHashMap<>();
        for (SchoolCounts s : schools) {
            String id = s.school().id();
            bySchool.put(id, rate(sizes.get(id + ":count"), sizes.get(id + ":of"),
                    hidden.contains(id + ":count") || hidden.contains(id + ":rest")));
        }
        return new Published(bySchool, rate(sizes.get("county:count"), sizes.get("county:of"),
                hidden.contains("county:count") || hidden.contains("county:rest")));
    }

    private static BigDecimal rate(long count, long of, boolean hidden) {
        if (hidden || of == 0) {
            return null;
        }
        return BigDecimal.valueOf(count * 100).divide(BigDecimal.valueOf(of), 1, RoundingMode.HALF_UP);
    }
}
