package org.zhsz.insight;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.zhsz.audit.AuditEvent;
import org.zhsz.audit.AuditTrail;
import org.zhsz.fitness.FitnessDirectory;
import org.zhsz.health.HealthQueries;
import org.zhsz.organization.OrganizationDirectory;
import org.zhsz.organization.Views.TermView;
import org.zhsz.platform.AccessPolicy;
import org.zhsz.platform.Action;
import org.zhsz.platform.Actor;
import org.zhsz.platform.DataClass;
import org.zhsz.platform.Problems;
import org.zhsz.platform.SchoolClock;
import org.zhsz.record.Dimension;
import org.zhsz.record.RecordDirectory;
import org.zhsz.student.StudentDirectory;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The growth portrait (五育成长画像) of a student: per term, the figures of each dimension and a score and level by
 * the rules of {@code insight/portrait.json}. Whoever may read the student's profile may open it; each figure is
 * there only when the viewer may read its own data class (a subject teacher sees records but no vision category).
 * Reads of health data are audited for the family's access log.
 */
@Service
class Portraits {

    /** Terms shown, newest last. */
    static final int TERMS = 4;

    record DimensionView(String dimension, String label, @Nullable Integer score, @Nullable String level,
                         @Nullable String levelLabel) {
    }

    record Figures(@Nullable Map<String, Integer> records, @Nullable Integer violations,
                   @Nullable Integer sportsSkills, @Nullable Integer artsSkills, @Nullable BigDecimal labourHours,
                   @Nullable BigDecimal fitnessTotal, @Nullable String fitnessRating,
                   @Nullable String visionCategory, @Nullable BigDecimal attendanceRate) {
    }

    record TermPortrait(String term, String termName, Figures figures, List<DimensionView> dimensions) {
    }

    record Portrait(String studentId, String name, String rulesVersion, List<String> levels,
                    List<String> shown, List<TermPortrait> terms) {
    }

    private final AccessPolicy access;
    private final StudentDirectory students;
    private final OrganizationDirectory organization;
    private final RecordDirectory records;
    private final FitnessDirectory fitness;
    private final HealthQueries health;
    private final PortraitRules rules;
    private final InsightTexts texts;
    private final AuditTrail audit;
    private final SchoolClock clock;

    Portraits(AccessPolicy access, StudentDirectory students, OrganizationDirectory organization,
              RecordDirectory records, FitnessDirectory fitness, HealthQueries health, PortraitRules rules,
              InsightTexts texts, AuditTrail audit, SchoolClock clock) {
        this.access = access;
        this.students = students;
        this.organization = organization;
        this.records = records;
        this.fitness = fitness;
        this.health = health;
        this.rules = rules;
        this.texts = texts;
        this.audit = audit;
        this.clock = clock;
    }

    Mono<Portrait> of(Actor actor, String studentId, Locale locale) {
        return access.require(actor, studentId, DataClass.PROFILE, Action.READ).flatMap(scope -> {
            Set<DataClass> shown = EnumSet.noneOf(DataClass.class);
            for (DataClass dc : List.of(DataClass.GENERAL_RECORDS, DataClass.FITNESS_SCORE, DataClass.VISION,
                    DataClass.ATTENDANCE)) {
                if (access.permits(scope.relationships(), dc, Action.READ)) {
                    shown.add(dc);
                }
            }
            LocalDate today = clock.today();
            return students.find(studentId).switchIfEmpty(Mono.error(() -> Problems.notFound("student", studentId)))
                    .flatMap(s -> organization.terms(s.schoolId())
                            .filter(t -> !t.startDate().isAfter(today))
                            .take(TERMS).collectList()
                            .flatMap(terms -> {
                                List<TermView> ordered = new ArrayList<>(terms);
                                ordered.sort(java.util.Comparator.comparing(TermView::code));
                                return terms(studentId, ordered, shown, true, locale);
                            })
                            .flatMap(list -> auditRead(actor, scope.schoolId(), studentId, shown)
                                    .thenReturn(new Portrait(studentId, s.name(), rules.version(), rules.levelCodes(),
                                            shown.stream().map(Enum::name).toList(), list))));
        });
    }

    /**
     * The portrait of these terms (in the given order) with the figures of {@code shown} alone; without
     * {@code violations} the violation count is neither shown nor scored (the dossier prints no violation).
     */
    Mono<List<TermPortrait>> terms(String studentId, List<TermView> ordered, Set<DataClass> shown,
                                   boolean violations, Locale locale) {
        return Mono.zip(
                        shown.contains(DataClass.FITNESS_SCORE) ? fitness.results(studentId)
                                .collectMap(FitnessDirectory.YearResult::schoolYear)
                                : Mono.just(Map.<String, FitnessDirectory.YearResult>of()),
                        shown.contains(DataClass.VISION) ? health.visionHistory(studentId)
                                .collectMap(HealthQueries.VisionSummary::schoolYear)
                                : Mono.just(Map.<String, HealthQueries.VisionSummary>of()))
                .flatMap(t -> Flux.fromIterable(ordered).concatMap(term -> termOf(studentId, term, shown,
                                violations, t.getT1(), t.getT2(), locale))
                        .collectList());
    }

    private Mono<TermPortrait> termOf(String studentId, TermView term, Set<DataClass> shown, boolean withViolations,
                                      Map<String, FitnessDirectory.YearResult> fit,
                                      Map<String, HealthQueries.VisionSummary> vision, Locale locale) {
        Mono<List<RecordDirectory.ArchivableRecord>> recs = shown.contains(DataClass.GENERAL_RECORDS)
                ? records.approved(studentId, term.code()).collectList() : Mono.just(List.of());
        Mono<java.util.Optional<HealthQueries.AttendanceSummary>> att = shown.contains(DataClass.ATTENDANCE)
                ? health.attendance(studentId, term.code()).map(java.util.Optional::of)
                .defaultIfEmpty(java.util.Optional.empty())
                : Mono.just(java.util.Optional.empty());
        return Mono.zip(recs, att).map(t -> {
            Map<String, Double> figures = new HashMap<>();
            Map<String, Integer> byDimension = null;
            Integer violations = null;
            Integer sports = null;
            Integer arts = null;
            BigDecimal labour = null;
            if (shown.contains(DataClass.GENERAL_RECORDS)) {
                byDimension = new LinkedHashMap<>();
                for (Dimension d : Dimension.values()) {
                    byDimension.put(d.name(), 0);
                }
                int v = 0;
                Set<String> sportSkills = new HashSet<>();
                Set<String> artSkills = new HashSet<>();
                BigDecimal hours = BigDecimal.ZERO;
                for (RecordDirectory.ArchivableRecord r : t.getT1()) {
                    if ("violation".equals(r.category())) {
                        v++;
                        continue;
                    }
                    byDimension.merge(r.dimension(), 1, Integer::sum);
                    if (r.skill() != null && !r.skill().isBlank()) {
                        if (r.dimension().equals("PHYSICAL")) {
                            sportSkills.add(r.skill().strip());
                        } else if (r.dimension().equals("ARTS")) {
                            artSkills.add(r.skill().strip());
                        }
                    }
                    if (r.dimension().equals("LABOUR") && r.hours() != null) {
                        hours = hours.add(r.hours());
                    }
                }
                violations = withViolations ? v : null;
                sports = sportSkills.size();
                arts = artSkills.size();
                labour = hours.stripTrailingZeros();
                if (labour.scale() < 0) {
                    labour = labour.setScale(0);
                }
                byDimension.forEach((d, n) -> figures.put("records." + d, n.doubleValue()));
                if (withViolations) {
                    figures.put("violations", (double) v);
                }
                figures.put("sportsSkills", (double) sports);
                figures.put("artsSkills", (double) arts);
                figures.put("labourHours", hours.doubleValue());
            }
            FitnessDirectory.YearResult f = fit.get(term.schoolYear());
            BigDecimal total = f == null ? null : f.totalScoreRounded();
            if (total != null) {
                figures.put("fitnessTotal", total.doubleValue());
            }
            HealthQueries.VisionSummary vs = vision.get(term.schoolYear());
            BigDecimal rate = t.getT2().map(HealthQueries.AttendanceSummary::attendanceRate).orElse(null);
            Figures out = new Figures(byDimension, violations, sports, arts, labour, total,
                    f == null ? null : f.rating(), vs == null ? null : vs.category(), rate);
            List<DimensionView> dims = rules.score(figures).stream().map(sc -> new DimensionView(
                    sc.dimension().name(), texts.dimension(locale, sc.dimension().name()), sc.score(), sc.level(),
                    sc.level() == null ? null : texts.portraitLevel(locale, sc.level()))).toList();
            return new TermPortrait(term.code(), term.name(), out, dims);
        });
    }

    /** One event per sensitive data class shown (records are not audited on read, as elsewhere). */
    private Mono<Void> auditRead(Actor actor, String schoolId, String studentId, Set<DataClass> shown) {
        return Flux.fromIterable(shown).filter(dc -> dc != DataClass.GENERAL_RECORDS)
                .concatMap(dc -> audit.record(AuditEvent.allowed(actor, "portrait.read", "student", studentId,
                        studentId, schoolId).withDataClass(dc)))
                .then();
    }
}
