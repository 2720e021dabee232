package org.zhsz.insight;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.zhsz.fitness.FitnessDirectory;
import org.zhsz.health.HealthQueries;
import org.zhsz.organization.Views.TermView;
import org.zhsz.platform.DataClass;
import org.zhsz.record.RecordDirectory;
import org.zhsz.student.StudentView;
import org.zhsz.wellbeing.AttentionFlags;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Gathers a class's {@link StudentFacts} from the other modules' public read APIs — and only the kinds of data the
 * viewer may read: a module whose data the viewer may not see is not asked at all (so a head teacher's list never
 * even reads the wellbeing flag). Decides nothing and audits nothing: the caller has asked the policy.
 */
@Component
class InsightFacts {

    private final HealthQueries health;
    private final FitnessDirectory fitness;
    private final RecordDirectory records;
    private final AttentionFlags flags;

    InsightFacts(HealthQueries health, FitnessDirectory fitness, RecordDirectory records, AttentionFlags flags) {
        this.health = health;
        this.fitness = fitness;
        this.records = records;
        this.flags = flags;
    }

    /** The facts of one class's members this term, in the members' order; {@code readable} limits what is read. */
    Mono<List<StudentFacts>> ofClass(String classId, List<StudentView> members, TermView term, LocalDate today,
                                     Set<DataClass> readable) {
        if (members.isEmpty()) {
            return Mono.just(List.of());
        }
        List<String> ids = members.stream().map(StudentView::id).toList();
        LocalDate to = today.isAfter(term.endDate()) ? term.endDate() : today;
        Mono<List<HealthQueries.RegisterDay>> register = readable.contains(DataClass.ATTENDANCE)
                ? health.register(classId, term.startDate(), to).collectList() : Mono.just(List.of());
        Mono<Map<String, StudentFacts.Fitness>> fit = readable.contains(DataClass.FITNESS_SCORE)
                ? Flux.fromIterable(ids).concatMap(id -> fitness.result(id, term.schoolYear())
                        .map(r -> Map.entry(id, new StudentFacts.Fitness(r.status(), r.rating()))))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .map(m -> (Map<String, StudentFacts.Fitness>) m)
                : Mono.just(Map.of());
        Mono<Map<String, StudentFacts.Vision>> vision = readable.contains(DataClass.VISION)
                ? health.vision(ids, term.schoolYear()).collectMap(HealthQueries.VisionSummary::studentId,
                        v -> new StudentFacts.Vision(v.examinedOn(), v.advice(), v.glasses()))
                .map(m -> (Map<String, StudentFacts.Vision>) m)
                : Mono.just(Map.of());
        Mono<Map<String, List<StudentFacts.RecordFact>>> recs = readable.contains(DataClass.GENERAL_RECORDS)
                ? Flux.fromIterable(ids).concatMap(id -> records.approved(id, term.code()))
                .collectMultimap(RecordDirectory.ArchivableRecord::studentId,
                        r -> new StudentFacts.RecordFact(r.dimension(), r.category(), r.occurredOn(), r.hours()))
                .map(m -> {
                    Map<String, List<StudentFacts.RecordFact>> out = new HashMap<>();
                    m.forEach((k, v) -> out.put(k, List.copyOf(v)));
                    return out;
                })
                : Mono.just(Map.of());
        Mono<Map<String, LocalDate>> attention = readable.contains(DataClass.MENTAL_HEALTH)
                ? flags.open(ids).collect(HashMap<String, LocalDate>::new,
                        (m, f) -> m.put(f.studentId(), f.since() == null ? term.startDate() : f.since()))
                .map(m -> (Map<String, LocalDate>) m)
                : Mono.just(Map.of());
        return Mono.zip(register, fit, vision, recs, attention).map(t -> {
            List<StudentFacts> out = new ArrayList<>();
            for (StudentView s : members) {
                List<LocalDate> days = new ArrayList<>();
                Map<LocalDate, String> absences = new HashMap<>();
                for (HealthQueries.RegisterDay d : t.getT1()) {
                    days.add(d.date());
                    d.absent().stream().filter(a -> a.studentId().equals(s.id())).findFirst()
                            .ifPresent(a -> absences.put(d.date(), a.type()));
                }
                out.add(new StudentFacts(s.id(), s.name(), classId, days, absences, t.getT2().get(s.id()),
                        t.getT3().get(s.id()), t.getT4().getOrDefault(s.id(), List.of()), t.getT5().get(s.id())));
            }
            return out;
        });
    }
}
