package org.zhsz.insight;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.zhsz.platform.DataClass;

/**
 * The early-warning rules, without Spring: which criteria of {@link WarningCriteria} a student's facts meet, with
 * the date each reason dates from; and a viewer's level from the reasons they may see.
 */
final class WarningRules {

    /**
     * A met criterion. {@code args} fill the label ({@code insight.reason.<code>}); a dimension is passed as its
     * code.
     */
    record Reason(String code, DataClass dataClass, int weight, boolean aggregate, LocalDate since,
                  List<Object> args) {
        Reason {
            args = List.copyOf(args);
        }
    }

    /** A student as one viewer sees them: the reasons they may read and the level of those alone. */
    record Warning(String studentId, String name, String level, int score, List<Reason> reasons) {
    }

    private final WarningCriteria criteria;

    WarningRules(WarningCriteria criteria) {
        this.criteria = criteria;
    }

    WarningCriteria criteria() {
        return criteria;
    }

    /** Every criterion the student meets (in the order of the criteria file), whoever looks. */
    List<Reason> evaluate(StudentFacts f, StudentFacts.Term term) {
        List<Reason> out = new ArrayList<>();
        for (WarningCriteria.Criterion c : criteria.criteria()) {
            switch (c.kind()) {
                case ABSENT_IN_A_ROW -> absentInARow(f, c, out);
                case SICK_DAYS_IN_MONTH -> sickDays(f, c, out);
                case FITNESS_FAILED -> {
                    if (f.fitness() != null && "TESTED".equals(f.fitness().status())
                            && "不及格".equals(f.fitness().rating())) {
                        out.add(reason(c, term.start()));
                    }
                }
                case FITNESS_NOT_TESTED -> {
                    LocalDate due = term.start().plusDays(c.intParam("graceDays"));
                    if (!term.today().isBefore(due) && (f.fitness() == null
                            || "INCOMPLETE".equals(f.fitness().status()))) {
                        out.add(reason(c, due));
                    }
                }
                case VISION_NOT_FOLLOWED_UP -> {
                    StudentFacts.Vision v = f.vision();
                    if (v != null && v.examinedOn() != null && "SEE_DOCTOR".equals(v.advice())
                            && "NONE".equals(v.glasses())) {
                        LocalDate due = v.examinedOn().plusDays(c.intParam("graceDays"));
                        if (!term.today().isBefore(due)) {
                            out.add(reason(c, due, v.examinedOn().toString()));
                        }
                    }
                }
                case NO_RECORD_IN_DIMENSION -> {
                    LocalDate due = term.start().plusDays(c.intParam("graceDays"));
                    if (!term.today().isBefore(due)) {
                        for (String d : c.listParam("dimensions")) {
                            if (f.records().stream().noneMatch(r -> d.equals(r.dimension()))) {
                                out.add(new Reason(c.code(), c.dataClass(), c.weight(), c.aggregate(), due,
                                        List.of(d)));
                            }
                        }
                    }
                }
                case VIOLATION -> {
                    String category = c.textParam("category");
                    f.records().stream().filter(r -> category.equals(r.category()))
                            .map(StudentFacts.RecordFact::occurredOn).max(Comparator.naturalOrder())
                            .ifPresent(on -> out.add(reason(c, on)));
                }
                case LABOUR_HOURS_LOW -> labour(f, term, c, out);
                case WELLBEING_ATTENTION -> {
                    if (f.attentionSince() != null) {
                        out.add(reason(c, f.attentionSince()));
                    }
                }
            }
        }
        return out;
    }

    /**
     * The student as a viewer sees them: only the reasons {@code mayRead} allows, the score and level of those; null
     * when none is left or the score reaches no level.
     */
    Warning view(StudentFacts f, List<Reason> reasons, Predicate<Reason> mayRead) {
        List<Reason> visible = reasons.stream().filter(mayRead).toList();
        int score = visible.stream().mapToInt(Reason::weight).sum();
        String level = criteria.level(score);
        if (visible.isEmpty() || level == null) {
            return null;
        }
        return new Warning(f.studentId(), f.name(), level, score, visible);
    }

    /** Highest score first, then by name and id, so the list reads the same every time. */
    static final Comparator<Warning> ORDER = Comparator.comparingInt(Warning::score).reversed()
            .thenComparing(Warning::name, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Warning::studentId);

    // ---------------------------------------------------------------------------------------------- attendance

    /** The row of absences ending at the latest registered day; days not registered do not break it. */
    private static void absentInARow(StudentFacts f, WarningCriteria.Criterion c, List<Reason> out) {
        int need = c.intParam("days");
        List<LocalDate> days = f.registeredDays();
        int run = 0;
        LocalDate first = null;
        for (int i = days.size() - 1; i >= 0 && f.absences().containsKey(days.get(i)); i--) {
            run++;
            first = days.get(i);
        }
        if (run >= need) {
            out.add(reason(c, first, run));
        }
    }

    /** The latest calendar month with at least {@code days} sick absences. */
    private static void sickDays(StudentFacts f, WarningCriteria.Criterion c, List<Reason> out) {
        int need = c.intParam("days");
        TreeMap<YearMonth, List<LocalDate>> byMonth = new TreeMap<>();
        for (Map.Entry<LocalDate, String> e : f.absences().entrySet()) {
            if ("SICK".equals(e.getValue())) {
                byMonth.computeIfAbsent(YearMonth.from(e.getKey()), k -> new ArrayList<>()).add(e.getKey());
            }
        }
        for (YearMonth m : byMonth.descendingKeySet()) {
            List<LocalDate> sick = byMonth.get(m);
            if (sick.size() >= need) {
                out.add(reason(c, sick.stream().min(Comparator.naturalOrder()).orElseThrow(), sick.size(),
                        m.getMonthValue()));
                return;
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- labour

    private static void labour(StudentFacts f, StudentFacts.Term term, WarningCriteria.Criterion c,
                               List<Reason> out) {
        LocalDate due = term.start().plusDays(c.intParam("graceDays"));
        if (term.today().isBefore(due)) {
            return;
        }
        long length = Math.max(1, ChronoUnit.DAYS.between(term.start(), term.end()) + 1);
        long passed = Math.min(length, ChronoUnit.DAYS.between(term.start(), term.today()) + 1);
        double expected = c.numberParam("targetHours") * passed / length;
        double floor = c.numberParam("belowShare") * expected;
        BigDecimal hours = f.records().stream().filter(r -> "LABOUR".equals(r.dimension()) && r.hours() != null)
                .map(StudentFacts.RecordFact::hours).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (hours.doubleValue() < floor) {
            out.add(reason(c, due, hours.stripTrailingZeros().toPlainString(),
                    BigDecimal.valueOf(expected).setScale(0, java.math.RoundingMode.HALF_UP).toPlainString()));
        }
    }

    private static Reason reason(WarningCriteria.Criterion c, LocalDate since, Object... args) {
        return new Reason(c.code(), c.dataClass(), c.weight(), c.aggregate(), since, List.of(args));
    }

    /** The data classes the criteria read (to ask the policy once per class of data, not per reason). */
    Set<DataClass> dataClasses() {
        Set<DataClass> s = java.util.EnumSet.noneOf(DataClass.class);
        criteria.criteria().forEach(c -> s.add(c.dataClass()));
        return s;
    }
}
