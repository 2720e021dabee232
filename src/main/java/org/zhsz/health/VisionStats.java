package org.zhsz.health;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.zhsz.audit.AuditEvent;
import org.zhsz.audit.AuditTrail;
import org.zhsz.organization.OrganizationDirectory;
import org.zhsz.organization.SchoolStage;
import org.zhsz.organization.Views.ClassView;
import org.zhsz.organization.Views.SchoolView;
import org.zhsz.platform.AccessPolicy;
import org.zhsz.platform.Action;
import org.zhsz.platform.Actor;
import org.zhsz.platform.DataClass;
import org.zhsz.platform.SchoolClock;
import org.zhsz.platform.GradeSexTable;
import org.zhsz.platform.GradeSexTable.Hidden;
import org.zhsz.platform.GradeSexTable.Key;
import org.zhsz.student.StudentDirectory;
import org.zhsz.student.StudentStatus;

import reactor.core.publisher.Mono;

/**
 * Vision statistics by grade and sex: screened, poor vision (视力不良: below 5.0) with its three degrees, screening
 * myopia, as counts and rates, and the trend over five school years. A school's figures are exact (school doctor and
 * admin) and, for the current year, show how many enrolled students are not screened yet. The county's (bureau)
 * hide cells of fewer than {@value #K} students with the shared complementary suppression, per school too.
 */
@Service
class VisionStats {

    static final int K = 5;
    static final int TREND_YEARS = 5;
    static final List<String> DEGREES = List.of("mild", "moderate", "severe");

    record Rate(int count, @Nullable BigDecimal percent) {
    }

    /** grade null = all grades; sex M, F or ALL. Suppressed cells carry no figures. */
    record Cell(@Nullable Integer grade, String gradeName, String sex, boolean suppressed, @Nullable Integer enrolled,
                @Nullable Integer screened,
                @Nullable Rate poorVision, @Nullable Map<String, Rate> degrees, @Nullable Rate screeningMyopia,
                @Nullable Rate checkupAdvised) {
    }

    record SchoolRow(String schoolId, String name, boolean suppressed, @Nullable Integer screened,
                     @Nullable Rate poorVision,
                     @Nullable Rate screeningMyopia) {
    }

    record TrendRow(String schoolYear, boolean suppressed, @Nullable Integer screened, @Nullable Rate poorVision,
                    @Nullable Rate screeningMyopia) {
    }

    record Stats(String scope, String scopeId, String scopeName, String schoolYear,
                 @Nullable Integer suppressionThreshold,
                 List<Cell> cells, @Nullable List<SchoolRow> schools, List<TrendRow> trend) {
    }

    private final AccessPolicy access;
    private final AuditTrail audit;
    private final OrganizationDirectory organization;
    private final StudentDirectory students;
    private final VisionScreening.Repository screenings;
    private final SchoolClock clock;

    VisionStats(AccessPolicy access, AuditTrail audit, OrganizationDirectory organization, StudentDirectory students,
                VisionScreening.Repository screenings, SchoolClock clock) {
        this.access = access;
        this.audit = audit;
        this.organization = organization;
        this.students = students;
        this.screenings = screenings;
        this.clock = clock;
    }

    Mono<Stats> school(Actor actor, String schoolId, String yearParam) {
        String year = SchoolYearSpan.parseOrCurrent(yearParam, clock.today(), "year");
        boolean current = year.equals(SchoolYearSpan.of(clock.today()));
        return access.requireSchool(actor, schoolId, DataClass.HEALTH_STATS, Action.READ)
                .flatMap(scope -> organization.school(schoolId))
                .flatMap(school -> enrolled(schoolId, year, current)
                        .flatMap(enrolled -> screenings.findBySchoolIdInAndSchoolYearIn(List.of(schoolId),
                                        trendYears(year))
                                .reduceWith(() -> new Tally(year, false), Tally::add)
                                .map(t -> t.finish("school", schoolId, school.name(), Map.of(), enrolled)))
                        .flatMap(s -> audit.record(AuditEvent.allowed(actor, "vision.stats.read", "school", schoolId,
                                null, schoolId).withDataClass(DataClass.HEALTH_STATS).withReason("year=" + year))
                                .thenReturn(s)));
    }

    /** Enrolled students per grade × sex key, now (only the current year has a roster to compare with). */
    private Mono<Map<Key, Integer>> enrolled(String schoolId, String year, boolean current) {
        if (!current) {
            return Mono.just(Map.of());
        }
        String term = year + "-1";
        return organization.classesOfSchool(schoolId, term).collectMap(ClassView::id, c -> HealthPlacements.placed(c, term)
                        .grade())
                .flatMap(grades -> students.inSchool(schoolId)
                        .filter(s -> s.status() == StudentStatus.ENROLLED && s.classId() != null)
                        .reduce(new HashMap<Key, Integer>(), (m, s) -> {
                            int g = grades.getOrDefault(s.classId(), 0);
                            if (g > 0) {
                                for (Key k : Key.cellsOf(g, s.sex().name())) {
                                    m.merge(k, 1, Integer::sum);
                                }
                            }
                            return m;
                        }));
    }

    Mono<Stats> county(Actor actor, String yearParam) {
        String year = SchoolYearSpan.parseOrCurrent(yearParam, clock.today(), "year");
        return access.requireOwnCounty(actor, DataClass.COUNTY_STATS, Action.READ).flatMap(scope -> organization
                .schoolsOfCounty(scope.countyId()).collectMap(SchoolView::id, SchoolView::name)
                .flatMap(schools -> organization.region(scope.countyId()).map(r -> r.name())
                        .defaultIfEmpty(scope.countyId())
                        .flatMap(name -> screenings.findBySchoolIdInAndSchoolYearIn(schools.keySet(), trendYears(year))
                                .reduceWith(() -> new Tally(year, true), Tally::add)
                                .map(t -> t.finish("county", scope.countyId(), name, schools, Map.of())))));
        // small cells suppressed, no one's data: not audited, like the county's fitness figures
    }

    static List<String> trendYears(String year) {
        List<String> years = new ArrayList<>();
        int end = SchoolYearSpan.start(year);
        for (int y = end - TREND_YEARS + 1; y <= end; y++) {
            years.add(SchoolYearSpan.ofStart(y));
        }
        return years;
    }

    static final class Acc {
        int screened;
        int poor;
        final int[] degrees = new int[DEGREES.size()];
        int myopia;
        int advised;

        void add(VisionScreening s) {
            screened++;
            int d = DEGREES.indexOf(s.category());
            if (d >= 0) {
                poor++;
                degrees[d]++;
            }
            if (s.screeningMyopia()) {
                myopia++;
            }
            if (s.checkupAdvised()) {
                advised++;
            }
        }
    }

    static final class Tally {
        private final String year;
        private final boolean suppress;
        private final Map<Key, Acc> cells = new LinkedHashMap<>();
        private final Map<String, Acc> bySchool = new LinkedHashMap<>();
        private final Map<String, Acc> byYear = new LinkedHashMap<>();
        private final TreeSet<Integer> grades = new TreeSet<>();

        Tally(String year, boolean suppress) {
            this.year = year;
            this.suppress = suppress;
            trendYears(year).forEach(y -> byYear.put(y, new Acc()));
        }

        Tally add(VisionScreening s) {
            Acc ya = byYear.get(s.schoolYear());
            if (ya != null) {
                ya.add(s);
            }
            if (!year.equals(s.schoolYear())) {
                return this;
            }
            grades.add(s.grade());
            for (Key k : Key.cellsOf(s.grade(), s.sex())) {
                cells.computeIfAbsent(k, x -> new Acc()).add(s);
            }
            if (suppress) {
                bySchool.computeIfAbsent(s.schoolId(), x -> new Acc()).add(s);
            }
            return this;
        }

        Stats finish(String scope, String scopeId, String scopeName, Map<String, String> schoolNames,
                     Map<Key, Integer> enrolled) {
            enrolled.keySet().forEach(k -> {
                if (k.grade() > 0) {
                    grades.add(k.grade());
                }
            });
            GradeSexTable.complete(cells, grades, Acc::new);
            if (suppress) {
                schoolNames.keySet().forEach(id -> bySchool.computeIfAbsent(id, x -> new Acc()));
            }
            Hidden hidden = suppress ? hidden() : Hidden.NONE;
            List<Key> keys = new ArrayList<>(cells.keySet());
            keys.sort(GradeSexTable.ORDER);
            List<Cell> out = new ArrayList<>();
            for (Key k : keys) {
                Acc a = cells.get(k);
                Integer grade = k.grade() == 0 ? null : k.grade();
                String gradeName = grade == null ? "全部年级" : SchoolStage.gradeName(grade);
                if (hidden.cell(k)) {
                    out.add(new Cell(grade, gradeName, k.sex(), true, null, null, null, null, null, null));
                    continue;
                }
                Map<String, Rate> degrees = new LinkedHashMap<>();
                for (int i = 0; i < DEGREES.size(); i++) {
                    degrees.put(DEGREES.get(i), rate(a.degrees[i], a.screened));
                }
                out.add(new Cell(grade, gradeName, k.sex(), false, suppress ? null : enrolled.getOrDefault(k,
                        enrolled.isEmpty() ? null : 0), a.screened, rate(a.poor, a.screened), degrees,
                        rate(a.myopia, a.screened), rate(a.advised, a.screened)));
            }
            List<SchoolRow> schools = null;
            if (suppress) {
                schools = new ArrayList<>();
                for (Map.Entry<String, Acc> e : bySchool.entrySet()) {
                    Acc a = e.getValue();
                    String name = schoolNames.getOrDefault(e.getKey(), e.getKey());
                    schools.add(hidden.school(e.getKey())
                            ? new SchoolRow(e.getKey(), name, true, null, null, null)
                            : new SchoolRow(e.getKey(), name, false, a.screened, rate(a.poor, a.screened),
                            rate(a.myopia, a.screened)));
                }
            }
            List<TrendRow> trend = new ArrayList<>();
            byYear.forEach((y, a) -> {
                boolean small = suppress && a.screened > 0 && a.screened < K;
                trend.add(small ? new TrendRow(y, true, null, null, null)
                        : new TrendRow(y, false, a.screened, rate(a.poor, a.screened), rate(a.myopia, a.screened)));
            });
            return new Stats(scope, scopeId, scopeName, year, suppress ? K : null, out, schools, trend);
        }

        private Hidden hidden() {
            Map<Key, Integer> sizes = new HashMap<>();
            cells.forEach((k, a) -> sizes.put(k, a.screened));
            Map<String, Integer> schoolSizes = new LinkedHashMap<>();
            bySchool.forEach((id, a) -> schoolSizes.put(id, a.screened));
            return GradeSexTable.hidden(sizes, grades, schoolSizes, K);
        }
    }

    static Rate rate(int count, int n) {
        return new Rate(count, GradeSexTable.percent(count, n));
    }
}
