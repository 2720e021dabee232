package org.zhsz.fitness;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.zhsz.audit.AuditEvent;
import org.zhsz.audit.AuditTrail;
import org.zhsz.organization.OrganizationDirectory;
import org.zhsz.organization.SchoolStage;
import org.zhsz.organization.Views.SchoolView;
import org.zhsz.platform.AccessPolicy;
import org.zhsz.platform.Action;
import org.zhsz.platform.Actor;
import org.zhsz.platform.DataClass;
import org.zhsz.platform.Problems;
import org.zhsz.platform.SchoolClock;
import org.zhsz.platform.GradeSexTable;
import org.zhsz.platform.GradeSexTable.Hidden;
import org.zhsz.platform.GradeSexTable.Key;
import org.zhsz.platform.TableWriter;
import org.zhsz.student.StudentDirectory;
import org.zhsz.student.StudentView;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Fitness statistics by grade and sex: tested count, mean 学年总分, 优秀/良好/及格/不及格 rates, BMI categories, and the
 * trend over the last five school years. Computed in Java from a projected stream of results, summed one document
 * at a time (no aggregation stage the embedded store might lack, and no list of a county's results in memory).
 * A class's teachers and the school admin see exact figures; the county view (bureau) hides cells of fewer than
 * {@value #K} students with complementary suppression ({@link org.zhsz.platform.Suppression}) and leaves out exemption counts, which
 * are health data about few people.
 */
@Service
class FitnessStats {

    static final int K = 5;
    static final int TREND_YEARS = 5;
    static final List<String> RATINGS = List.of("优秀", "良好", "及格", "不及格");
    static final List<String> BMI = List.of("正常", "低体重", "超重", "肥胖");
    static final List<String> FIELDS = List.of("schoolId", "schoolYear", "grade", "sex", "status", "totalScore",
            "rating", "bmiCategory");

    /** {@code percent} is absent when nobody was counted (no share of zero). */
    record Rate(int count, @Nullable BigDecimal percent) {
    }

    /** One cell; grade null = all grades, sex "ALL" = both. Suppressed cells carry no figures. */
    record Cell(@Nullable Integer grade, String gradeName, String sex, boolean suppressed, @Nullable Integer tested,
                @Nullable Integer exempt, @Nullable BigDecimal meanTotal, @Nullable Map<String, Rate> ratings,
                @Nullable Integer bmiMeasured, @Nullable Map<String, Rate> bmi) {
    }

    record SchoolRow(String schoolId, String name, boolean suppressed, @Nullable Integer tested,
                     @Nullable BigDecimal meanTotal, @Nullable Map<String, Rate> ratings) {
    }

    record TrendRow(String schoolYear, boolean suppressed, @Nullable Integer tested, @Nullable BigDecimal meanTotal,
                    @Nullable Map<String, Rate> ratings) {
    }

    /** {@code suppressionThreshold} and {@code schools} only for the county, whose small cells are suppressed. */
    record Stats(String scope, String scopeId, String scopeName, String schoolYear,
                 @Nullable Integer suppressionThreshold, List<Cell> cells, @Nullable List<SchoolRow> schools,
                 List<TrendRow> trend) {
    }

    private final AccessPolicy access;
    private final AuditTrail audit;
    private final OrganizationDirectory organization;
    private final StudentDirectory students;
    private final ResultStore store;
    private final SchoolClock clock;

    FitnessStats(AccessPolicy access, AuditTrail audit, OrganizationDirectory organization,
                 StudentDirectory students, ResultStore store, SchoolClock clock) {
        this.access = access;
        this.audit = audit;
        this.organization = organization;
        this.students = students;
        this.store = store;
        this.clock = clock;
    }

    /** A class (its PE teacher, head teacher, counselor, school admin) or, without classId, the admin's school. */
    Mono<Stats> school(Actor actor, String yearParam, String classId) {
        String year = SchoolYears.parseOrCurrent(yearParam, clock.today());
        List<String> years = trendYears(year);
        if (classId != null && !classId.isBlank()) {
            return access.requireClass(actor, classId, DataClass.HEALTH_FITNESS, Action.READ)
                    .flatMap(scope -> students.inClass(classId).map(StudentView::id).collectList())
                    .flatMap(ids -> {
                        List<String> resultIds = new ArrayList<>();
                        for (String id : ids) {
                            for (String y : years) {
                                resultIds.add(SchoolYears.resultId(id, y));
                            }
                        }
                        return store.findAll(resultIds).map(ResultDocuments::toDocument)
                                .reduceWith(() -> new Tally(year, false), Tally::add);
                    })
                    .flatMap(t -> organization.schoolClass(classId, SchoolYears.firstTerm(year))
                            .map(c -> c.name()).defaultIfEmpty(classId)
                            .map(name -> t.finish("class", classId, name, Map.of())));
        }
        return access.requireOwnSchool(actor, DataClass.FITNESS_STATS, Action.READ)
                .flatMap(scope -> organization.school(scope.schoolId()))
                .flatMap(s -> store.select(List.of(s.id()), years, null, FIELDS, null)
                        .reduceWith(() -> new Tally(year, false), Tally::add)
                        .map(t -> t.finish("school", s.id(), s.name(), Map.of())));
    }

    /** The county (bureau only): aggregates over its schools, small cells suppressed. */
    Mono<Stats> county(Actor actor, String yearParam) {
        return access.requireOwnCounty(actor, DataClass.COUNTY_STATS, Action.READ)
                .flatMap(scope -> county(scope.countyId(), yearParam));
    }

    private Mono<Stats> county(String county, String yearParam) {
        String year = SchoolYears.parseOrCurrent(yearParam, clock.today());
        List<String> years = trendYears(year);
        return organization.schoolsOfCounty(county).collectMap(SchoolView::id, SchoolView::name)
                .flatMap(schools -> organization.region(county).map(r -> r.name()).defaultIfEmpty(county)
                        .flatMap(name -> store.select(schools.keySet(), years, null, FIELDS, null)
                                .reduceWith(() -> new Tally(year, true), Tally::add)
                                .publishOn(Schedulers.boundedElastic()) // suppression may iterate a while
                                .map(t -> t.finish("county", county, name, schools))));
    }

    /** Records that figures left the system as a file. */
    Mono<Void> auditDownload(Actor actor, Stats stats, String format) {
        String school = "county".equals(stats.scope()) ? null : actor.schoolId();
        return audit.record(AuditEvent.allowed(actor, "fitness.stats.export", stats.scope(), stats.scopeId(), null,
                school).withReason("year=" + stats.schoolYear() + " format=" + format));
    }

    private static List<String> trendYears(String year) {
        List<String> years = new ArrayList<>();
        int end = SchoolYears.start(year);
        for (int y = end - TREND_YEARS + 1; y <= end; y++) {
            years.add(SchoolYears.ofStart(y));
        }
        return years;
    }

    /** What one result contributes, read once from its document (it is added to six sums). */
    record Figures(boolean exempt, boolean tested, long totalHundredths, int rating, int bmi) {
        static Figures of(Document d) {
            String status = d.getString("status");
            if ("EXEMPT".equals(status)) {
                return new Figures(true, false, 0, -1, -1);
            }
            String cat = d.getString("bmiCategory");
            int b = cat == null ? -1 : BMI.indexOf(cat);
            if ("TESTED".equals(status) && d.get("totalScore") instanceof Number n) {
                long hundredths = BigDecimal.valueOf(n.doubleValue()).movePointRight(2)
                        .setScale(0, RoundingMode.HALF_UP).longValue();
                return new Figures(false, true, hundredths, RATINGS.indexOf(d.getString("rating")), b);
            }
            return new Figures(false, false, 0, -1, b);
        }
    }

    /** Running sums of one cell. */
    static final class Acc {
        int tested;
        int exempt;
        long totalHundredths;
        final int[] ratings = new int[RATINGS.size()];
        int bmiMeasured;
        final int[] bmi = new int[BMI.size()];

        void add(Document d) {
            add(Figures.of(d));
        }

        void add(Figures r) {
            if (r.exempt()) {
                exempt++;
                return;
            }
            if (r.bmi() >= 0) {
                bmiMeasured++;
                bmi[r.bmi()]++;
            }
            if (r.tested()) {
                tested++;
                totalHundredths += r.totalHundredths();
                if (r.rating() >= 0) {
                    ratings[r.rating()]++;
                }
            }
        }

        /** The number of people a published figure of this cell is about. */
        int size() {
            return Math.max(tested, bmiMeasured);
        }
    }

    static Stats compute(String scope, String scopeId, String scopeName, String year, Collection<Document> docs,
                         Map<String, String> schoolNames, boolean suppress) {
        Tally t = new Tally(year, suppress);
        docs.forEach(t::add);
        return t.finish(scope, scopeId, scopeName, schoolNames);
    }

    /** Sums a stream of results one document at a time, so a county's million results never sit in memory. */
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
            for (String y : trendYears(year)) {
                byYear.put(y, new Acc());
            }
        }

        Tally add(Document d) {
            String y = d.getString("schoolYear");
            Acc ya = byYear.get(y);
            boolean current = year.equals(y);
            if (ya == null && !current) {
                return this;
            }
            Figures row = Figures.of(d); // read once, added to up to six sums
            if (ya != null) {
                ya.add(row);
            }
            if (!current) {
                return this;
            }
            int grade = d.get("grade") instanceof Number n ? n.intValue() : 0;
            String sex = d.getString("sex");
            grades.add(grade);
            for (Key k : Key.cellsOf(grade, sex)) {
                cells.computeIfAbsent(k, x -> new Acc()).add(row);
            }
            if (suppress) {
                bySchool.computeIfAbsent(d.getString("schoolId"), x -> new Acc()).add(row);
            }
            return this;
        }

        Stats finish(String scope, String scopeId, String scopeName, Map<String, String> schoolNames) {
            return FitnessStats.finish(this, scope, scopeId, scopeName, schoolNames);
        }
    }

    private static Stats finish(Tally t, String scope, String scopeId, String scopeName,
                                Map<String, String> schoolNames) {
        String year = t.year;
        boolean suppress = t.suppress;
        Map<Key, Acc> cells = t.cells;
        Map<String, Acc> bySchool = t.bySchool;
        Map<String, Acc> byYear = t.byYear;
        TreeSet<Integer> grades = t.grades;
        GradeSexTable.complete(cells, grades, Acc::new);
        if (suppress) {
            schoolNames.keySet().forEach(id -> bySchool.computeIfAbsent(id, x -> new Acc()));
        }
        Hidden hidden = Hidden.NONE;
        if (suppress) {
            Map<Key, Integer> sizes = new HashMap<>();
            cells.forEach((k, a) -> sizes.put(k, a.size()));
            Map<String, Integer> schoolSizes = new LinkedHashMap<>();
            bySchool.forEach((id, a) -> schoolSizes.put(id, a.size()));
            hidden = GradeSexTable.hidden(sizes, grades, schoolSizes, K);
        }

        List<Cell> out = new ArrayList<>();
        List<Key> keys = new ArrayList<>(cells.keySet());
        keys.sort(GradeSexTable.ORDER);
        for (Key k : keys) {
            Acc a = cells.get(k);
            Integer grade = k.grade() == 0 ? null : k.grade();
            String gradeName = grade == null ? "全部年级" : SchoolStage.gradeName(grade);
            if (hidden.cell(k)) {
                out.add(new Cell(grade, gradeName, k.sex(), true, null, null, null, null, null, null));
            } else {
                out.add(new Cell(grade, gradeName, k.sex(), false, a.tested, suppress ? null : a.exempt, mean(a),
                        rates(RATINGS, a.ratings, a.tested), a.bmiMeasured, rates(BMI, a.bmi, a.bmiMeasured)));
            }
        }
        List<SchoolRow> schools = new ArrayList<>();
        if (suppress) {
            for (Map.Entry<String, Acc> e : bySchool.entrySet()) {
                Acc a = e.getValue();
                String name = schoolNames.getOrDefault(e.getKey(), e.getKey());
                schools.add(hidden.school(e.getKey())
                        ? new SchoolRow(e.getKey(), name, true, null, null, null)
                        : new SchoolRow(e.getKey(), name, false, a.tested, mean(a),
                        rates(RATINGS, a.ratings, a.tested)));
            }
        }
        List<TrendRow> trend = new ArrayList<>();
        for (Map.Entry<String, Acc> e : byYear.entrySet()) {
            Acc a = e.getValue();
            boolean small = suppress && a.size() > 0 && a.size() < K;
            trend.add(small ? new TrendRow(e.getKey(), true, null, null, null)
                    : new TrendRow(e.getKey(), false, a.tested, mean(a), rates(RATINGS, a.ratings, a.tested)));
        }
        return new Stats(scope, scopeId, scopeName, year, suppress ? K : null, out, suppress ? schools : null, trend);
    }

    private static BigDecimal mean(Acc a) {
        return a.tested == 0 ? null : BigDecimal.valueOf(a.totalHundredths)
                .divide(BigDecimal.valueOf(a.tested * 100L), 1, RoundingMode.HALF_UP);
    }

    private static Map<String, Rate> rates(List<String> names, int[] counts, int n) {
        Map<String, Rate> m = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            m.put(names.get(i), new Rate(counts[i], GradeSexTable.percent(counts[i], n)));
        }
        return m;
    }

    // ------------------------------------------------------------------------------------------------ downloads

    private static final String HIDDEN = "*";

    /** One part of a download: a worksheet in XLSX, a block of lines in CSV. */
    private record Section(String name, List<List<Object>> rows) {
    }

    /** The same rows for both formats; numbers stay numbers, suppressed cells are "*". */
    private static List<Section> sections(Stats s) {
        List<Section> out = new ArrayList<>();
        List<List<Object>> cells = new ArrayList<>();
        List<Object> header = new ArrayList<>(List.of("范围", "学年", "年级", "性别", "受测人数", "平均学年总分"));
        RATINGS.forEach(r -> header.add(r + "率%"));
        BMI.forEach(r -> header.add(r + "%"));
        cells.add(header);
        for (Cell c : s.cells()) {
            List<Object> row = new ArrayList<>(List.of(nz(s.scopeName()), s.schoolYear(), c.gradeName(),
                    sexLabel(c.sex())));
            if (c.suppressed()) {
                hidden(row, 2 + RATINGS.size() + BMI.size());
            } else {
                row.add(c.tested());
                row.add(c.meanTotal());
                RATINGS.forEach(r -> row.add(c.ratings().get(r).percent()));
                BMI.forEach(r -> row.add(c.bmi().get(r).percent()));
            }
            cells.add(row);
        }
        out.add(new Section("年级性别", cells));

        List<List<Object>> trend = new ArrayList<>();
        List<Object> trendHeader = new ArrayList<>(List.of("学年", "受测人数", "平均学年总分"));
        RATINGS.forEach(r -> trendHeader.add(r + "率%"));
        trend.add(trendHeader);
        for (TrendRow t : s.trend()) {
            List<Object> row = new ArrayList<>(List.of(t.schoolYear()));
            if (t.suppressed()) {
                hidden(row, 2 + RATINGS.size());
            } else {
                row.add(t.tested());
                row.add(t.meanTotal());
                RATINGS.forEach(r -> row.add(t.ratings().get(r).percent()));
            }
            trend.add(row);
        }
        out.add(new Section("历年趋势", trend));

        if (s.schools() != null) {
            List<List<Object>> schools = new ArrayList<>();
            List<Object> schoolHeader = new ArrayList<>(List.of("学校", "受测人数", "平均学年总分"));
            RATINGS.forEach(r -> schoolHeader.add(r + "率%"));
            schools.add(schoolHeader);
            for (SchoolRow r : s.schools()) {
                List<Object> row = new ArrayList<>(List.of(nz(r.name())));
                if (r.suppressed()) {
                    hidden(row, 2 + RATINGS.size());
                } else {
                    row.add(r.tested());
                    row.add(r.meanTotal());
                    RATINGS.forEach(x -> row.add(r.ratings().get(x).percent()));
                }
                schools.add(row);
            }
            out.add(new Section("学校", schools));
        }
        if (s.suppressionThreshold() != null) {
            List<Object> note = List.of("注：* 表示人数少于" + s.suppressionThreshold() + "人的单元格及为防止推算而一并隐藏的单元格");
            out.add(new Section("说明", List.of(note)));
        }
        return out;
    }

    private static void hidden(List<Object> row, int n) {
        for (int i = 0; i < n; i++) {
            row.add(HIDDEN);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    static byte[] csv(Stats s) {
        return write(s, TableWriter::csv);
    }

    static byte[] xlsx(Stats s) {
        return write(s, TableWriter::xlsx);
    }

    private static byte[] write(Stats s, java.util.function.Function<java.io.OutputStream, TableWriter> format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TableWriter w = format.apply(out)) {
            for (Section section : sections(s)) {
                TableWriter.Sheet sheet = w.sheet(section.name());
                section.rows().forEach(sheet::row);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String sexLabel(String sex) {
        return switch (sex) {
            case "M" -> "男";
            case "F" -> "女";
            default -> "合计";
        };
    }


}
