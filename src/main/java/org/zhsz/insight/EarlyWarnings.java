package org.zhsz.insight;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.zhsz.audit.AuditEvent;
import org.zhsz.audit.AuditTrail;
import org.zhsz.organization.OrganizationDirectory;
import org.zhsz.organization.SchoolStage;
import org.zhsz.organization.Views.ClassView;
import org.zhsz.organization.Views.TermView;
import org.zhsz.platform.AccessPolicy;
import org.zhsz.platform.Action;
import org.zhsz.platform.Actor;
import org.zhsz.platform.DataClass;
import org.zhsz.platform.Problems;
import org.zhsz.platform.Relationship;
import org.zhsz.platform.SchoolClock;
import org.zhsz.platform.Suppression;
import org.zhsz.student.StudentDirectory;
import org.zhsz.student.StudentView;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The early warning (学生预警) of a class and of a school. The policy decides who may see the list; each reason is
 * then shown only to a viewer who may read its own data class, and the level is that of the visible reasons alone.
 * Computed on request from the other modules' data (nothing is stored). Every student shown is audited (the family
 * sees it in the access log); a school's counts are k-suppressed for the county.
 */
@Service
class EarlyWarnings {

    /** Cells counting 1 to K−1 students are hidden from the county, as in the other county figures. */
    static final int K = 5;

    record ReasonView(String code, String label, @Nullable LocalDate since) {
    }

    record Item(String studentId, String name, String classId, String className, String level, String levelLabel,
                int score, List<ReasonView> reasons) {
    }

    record ClassWarnings(String classId, String className, String termCode, List<String> levels, int members,
                         List<Item> items) {
    }

    /**
     * One grade's counts: students, and flagged students per level; a suppressed count is absent and named in
     * {@code suppressed} (level codes, and {@code flagged} for the row's total).
     */
    record GradeCount(int grade, String gradeName, int students, Map<String, Integer> byLevel, @Nullable Integer flagged,
                      List<String> suppressed) {
    }

    record SchoolWarnings(String schoolId, String schoolName, String termCode, List<String> levels, boolean names,
                          int suppressionThreshold, List<GradeCount> grades, GradeCount total, List<Item> items) {
    }

    private final AccessPolicy access;
    private final OrganizationDirectory organization;
    private final StudentDirectory students;
    private final InsightFacts facts;
    private final WarningRules rules;
    private final InsightTexts texts;
    private final AuditTrail audit;
    private final SchoolClock clock;

    EarlyWarnings(AccessPolicy access, OrganizationDirectory organization, StudentDirectory students,
                  InsightFacts facts, WarningRules rules, InsightTexts texts, AuditTrail audit, SchoolClock clock) {
        this.access = access;
        this.organization = organization;
        this.students = students;
        this.facts = facts;
        this.rules = rules;
        this.texts = texts;
        this.audit = audit;
        this.clock = clock;
    }

    // ------------------------------------------------------------------------------------------------ a class

    Mono<ClassWarnings> ofClass(Actor actor, String classId, Locale locale) {
        return access.requireClass(actor, classId, DataClass.EARLY_WARNING, Action.READ).flatMap(scope -> {
            Set<DataClass> readable = readable(scope.relationships());
            return term(scope.schoolId()).flatMap(term -> organization.schoolClass(classId, term.code())
                    .switchIfEmpty(Mono.error(() -> Problems.notFound("class", classId)))
                    .flatMap(c -> evaluate(c, term, readable).flatMap(list -> {
                        List<Item> items = new ArrayList<>();
                        for (Evaluated e : list) {
                            WarningRules.Warning w = rules.view(e.facts(), e.reasons(),
                                    r -> readable.contains(r.dataClass()));
                            if (w != null) {
                                items.add(item(w, c, locale));
                            }
                        }
                        items.sort(ITEM_ORDER);
                        return auditShown(actor, scope.schoolId(), items, "class early warnings")
                                .thenReturn(new ClassWarnings(classId, c.name(), term.code(), rules.criteria()
                                        .levelCodes(), list.size(), items));
                    })));
        });
    }

    // ------------------------------------------------------------------------------------------------ a school

    Mono<SchoolWarnings> ofSchool(Actor actor, String schoolId, Locale locale) {
        return access.requireSchool(actor, schoolId, DataClass.EARLY_WARNING, Action.READ).flatMap(scope -> {
            Set<DataClass> readable = readable(scope.relationships());
            return school(schoolId, readable, true, locale)
                    .flatMap(t -> auditShown(actor, schoolId, t.items(), "school early warnings").thenReturn(t));
        });
    }

    // ------------------------------------------------------------------------------------------------ the county

    record CountyWarnings(String countyId, List<String> levels, int suppressionThreshold,
                          List<SchoolWarnings> schools) {
    }

    /** Per school of the county: counts by grade and level, no names, small cells suppressed. */
    Mono<CountyWarnings> ofCounty(Actor actor) {
        return access.requireOwnCounty(actor, DataClass.COUNTY_STATS, Action.READ)
                .flatMap(scope -> organization.schoolsOfCounty(scope.countyId())
                        .sort(java.util.Comparator.comparing(s -> s.id()))
                        .concatMap(s -> school(s.id(), EnumSet.noneOf(DataClass.class), false, Locale.ROOT)
                                .onErrorResume(org.zhsz.platform.ApiException.class, e -> Mono.empty()))
                        .collectList()
                        .flatMap(schools -> audit.record(AuditEvent.allowed(actor, "early_warning.counts.read",
                                        "county", scope.countyId(), null, null)
                                        .withDataClass(DataClass.COUNTY_STATS))
                                .thenReturn(new CountyWarnings(scope.countyId(), rules.criteria().levelCodes(), K,
                                        schools))));
    }

    /**
     * A school's counts by grade and level (from the aggregate criteria, whoever looks) and, with {@code names}, the
     * list as a viewer who may read {@code readable} sees it; without names the counts are suppressed.
     */
    private Mono<SchoolWarnings> school(String schoolId, Set<DataClass> readable, boolean names, Locale locale) {
        Set<DataClass> read = EnumSet.copyOf(readable);
        rules.criteria().criteria().stream().filter(WarningCriteria.Criterion::aggregate)
                .forEach(c -> read.add(c.dataClass()));
        return Mono.zip(term(schoolId), organization.school(schoolId)
                        .switchIfEmpty(Mono.error(() -> Problems.notFound("school", schoolId))))
                .flatMap(t -> organization.classesOfSchool(schoolId, t.getT1().code())
                        .filter(ClassView::active)
                        .sort(java.util.Comparator.comparingInt(ClassView::gradeLevel)
                                .thenComparingInt(ClassView::classNo))
                        .concatMap(c -> evaluate(c, t.getT1(), read).map(list -> Map.entry(c, list)))
                        .collectList()
                        .map(classes -> {
                            List<Item> items = new ArrayList<>();
                            TreeMap<Integer, int[]> sizes = new TreeMap<>();
                            TreeMap<Integer, Map<String, Integer>> counts = new TreeMap<>();
                            for (var entry : classes) {
                                ClassView c = entry.getKey();
                                sizes.computeIfAbsent(c.gradeLevel(), g -> new int[1])[0] += entry.getValue().size();
                                Map<String, Integer> byLevel = counts.computeIfAbsent(c.gradeLevel(),
                                        g -> new LinkedHashMap<>());
                                for (Evaluated e : entry.getValue()) {
                                    WarningRules.Warning counted = rules.view(e.facts(), e.reasons(),
                                            WarningRules.Reason::aggregate);
                                    if (counted != null) {
                                        byLevel.merge(counted.level(), 1, Integer::sum);
                                    }
                                    if (names) {
                                        WarningRules.Warning w = rules.view(e.facts(), e.reasons(),
                                                r -> readable.contains(r.dataClass()));
                                        if (w != null) {
                                            items.add(item(w, c, locale));
                                        }
                                    }
                                }
                            }
                            items.sort(ITEM_ORDER);
                            return table(t.getT1(), t.getT2().name(), names, !names, sizes, counts, items);
                        }));
    }

    private SchoolWarnings table(TermView term, String schoolName, boolean names, boolean suppress,
                                 TreeMap<Integer, int[]> sizes, TreeMap<Integer, Map<String, Integer>> counts,
                                 List<Item> items) {
        List<String> levels = rules.criteria().levelCodes();
        // cells: "g:<grade>:<level>"; totals: "g:<grade>" (flagged in the grade), "l:<level>", "all"
        Map<String, Integer> cells = new LinkedHashMap<>();
        List<Suppression.Line<String>> lines = new ArrayList<>();
        int all = 0;
        Map<String, Integer> levelTotals = new LinkedHashMap<>();
        for (var g : counts.entrySet()) {
            List<String> row = new ArrayList<>();
            int flagged = 0;
            for (String l : levels) {
                int n = g.getValue().getOrDefault(l, 0);
                cells.put("g:" + g.getKey() + ":" + l, n);
                row.add("g:" + g.getKey() + ":" + l);
                flagged += n;
                levelTotals.merge(l, n, Integer::sum);
            }
            cells.put("g:" + g.getKey(), flagged);
            lines.add(new Suppression.Line<>(row, "g:" + g.getKey()));
            all += flagged;
        }
        for (String l : levels) {
            cells.put("l:" + l, levelTotals.getOrDefault(l, 0));
            lines.add(new Suppression.Line<>(counts.keySet().stream().map(g -> "g:" + g + ":" + l).toList(),
                    "l:" + l));
        }
        cells.put("all", all);
        lines.add(new Suppression.Line<>(levels.stream().map(l -> "l:" + l).toList(), "all"));
        lines.add(new Suppression.Line<>(counts.keySet().stream().map(g -> "g:" + g).toList(), "all"));
        Set<String> hidden = suppress ? Suppression.suppress(cells, lines, K) : Set.of();
        List<GradeCount> grades = new ArrayList<>();
        for (var g : counts.entrySet()) {
            Map<String, Integer> byLevel = new LinkedHashMap<>();
            for (String l : levels) {
                String key = "g:" + g.getKey() + ":" + l;
                byLevel.put(l, hidden.contains(key) ? null : cells.get(key));
            }
            String key = "g:" + g.getKey();
            grades.add(new GradeCount(g.getKey(), g.getKey() == 0 ? "" : SchoolStage.gradeName(g.getKey()),
                    sizes.get(g.getKey())[0], byLevel, hidden.contains(key) ? null : cells.get(key),
                    hiddenOf(byLevel, hidden.contains(key))));
        }
        Map<String, Integer> totalByLevel = new LinkedHashMap<>();
        for (String l : levels) {
            totalByLevel.put(l, hidden.contains("l:" + l) ? null : cells.get("l:" + l));
        }
        int students = sizes.values().stream().mapToInt(a -> a[0]).sum();
        GradeCount total = new GradeCount(0, "", students, totalByLevel, hidden.contains("all") ? null : all,
                hiddenOf(totalByLevel, hidden.contains("all")));
        return new SchoolWarnings(term.schoolId(), schoolName, term.code(), levels, names, suppress ? K : 0, grades,
                total, names ? items : List.of());
    }

    private static List<String> hiddenOf(Map<String, Integer> byLevel, boolean flaggedHidden) {
        List<String> out = new ArrayList<>();
        byLevel.forEach((l, n) -> {
            if (n == null) {
                out.add(l);
            }
        });
        if (flaggedHidden) {
            out.add("flagged");
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------------ shared

    private record Evaluated(StudentFacts facts, List<WarningRules.Reason> reasons) {
    }

    private Mono<List<Evaluated>> evaluate(ClassView c, TermView term, Set<DataClass> read) {
        LocalDate today = clock.today();
        StudentFacts.Term t = new StudentFacts.Term(term.code(), term.startDate(), term.endDate(),
                today.isAfter(term.endDate()) ? term.endDate() : today);
        return students.inClass(c.id()).collectSortedList(java.util.Comparator.comparing(StudentView::id))
                .flatMap(members -> facts.ofClass(c.id(), members, term, today, read))
                .map(list -> list.stream().map(f -> new Evaluated(f, rules.evaluate(f, t))).toList());
    }

    private Mono<TermView> term(String schoolId) {
        return organization.currentTerm(schoolId).switchIfEmpty(Mono.error(() -> Problems.notFound("term",
                "current")));
    }

    /** The criteria's data classes the relationships may read. */
    private Set<DataClass> readable(Set<Relationship> relationships) {
        Set<DataClass> out = EnumSet.noneOf(DataClass.class);
        for (DataClass dc : rules.dataClasses()) {
            if (access.permits(relationships, dc, Action.READ)) {
                out.add(dc);
            }
        }
        return out;
    }

    private Item item(WarningRules.Warning w, ClassView c, Locale locale) {
        return new Item(w.studentId(), w.name(), c.id(), c.name(), w.level(), texts.level(locale, w.level()),
                w.score(), w.reasons().stream().map(r -> new ReasonView(r.code(), texts.reason(locale, r),
                        r.since())).toList());
    }

    private static final java.util.Comparator<Item> ITEM_ORDER = java.util.Comparator.comparingInt(Item::score)
            .reversed().thenComparing(Item::classId).thenComparing(Item::studentId);

    /** One event per student shown (the family's access log lists it); the list itself names the reader's view. */
    private Mono<Void> auditShown(Actor actor, String schoolId, List<Item> items, String reason) {
        return Flux.fromIterable(items).concatMap(i -> audit.record(AuditEvent.allowed(actor, "early_warning.read",
                        "student", i.studentId(), i.studentId(), schoolId).withDataClass(DataClass.EARLY_WARNING)
                        .withReason(reason.replace(' ', '_'))))
                .then();
    }
}
