package org.zhsz.record;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.zhsz.audit.AuditEvent;
import org.zhsz.audit.AuditTrail;
import org.zhsz.organization.OrganizationDirectory;
import org.zhsz.platform.Actor;
import org.zhsz.platform.FieldError;
import org.zhsz.platform.Ids;
import org.zhsz.platform.Problems;
import org.zhsz.platform.SchoolClock;
import org.zhsz.student.StudentDirectory;

import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Labour records that come from home: a home task ticked done and confirmed by a guardian becomes a LABOUR record
 * (source FAMILY) waiting for the head teacher's review, exactly like a submitted self-report — it appears in the
 * review queue, and once approved its hours count toward the term's labour hours and the county's coverage. Called
 * by the family module, which has checked access; this module never depends on it.
 */
@Service
public class FamilyLabour {

    /** The labour category family records are filed under (record/categories.json: 家务劳动). */
    public static final String CATEGORY = "household";

    private final ReactiveMongoTemplate mongo;
    private final StudentDirectory students;
    private final OrganizationDirectory organization;
    private final Categories categories;
    private final Evidence evidence;
    private final AuditTrail audit;
    private final SchoolClock clock;
    private final MeterRegistry meters;

    FamilyLabour(ReactiveMongoTemplate mongo, StudentDirectory students, OrganizationDirectory organization,
                 Categories categories, Evidence evidence, AuditTrail audit, SchoolClock clock, MeterRegistry meters) {
        this.mongo = mongo;
        this.students = students;
        this.organization = organization;
        this.categories = categories;
        this.evidence = evidence;
        this.audit = audit;
        this.clock = clock;
        this.meters = meters;
    }

    /** Someone as the record shows them: account (may be null), name, and role word (student, parent). */
    public record Person(String username, String name, String role) {
    }

    /**
     * What the family confirmed. {@code doneBy}: who ticked it (the student, or the guardian for the child);
     * {@code confirmedBy}: the guardian whose confirmation makes it a record.
     */
    public record Confirmation(String completionId, String studentId, String taskCode, String title,
                               String description, LocalDate doneOn, BigDecimal hours, List<String> photos,
                               Person doneBy, Person confirmedBy, Instant confirmedAt) {
    }

    /** Where a family record stands: SUBMITTED (waiting for review), APPROVED, REJECTED (with the reason), VOIDED. */
    public record State(String recordId, String studentId, String status, BigDecimal hours, String term,
                        String reviewReason, String reviewedBy, Instant reviewedAt) {
    }

    /** Creates the record (SUBMITTED, source FAMILY); emits its id. Field rules are the record module's own. */
    public Mono<String> submit(Actor actor, Confirmation c) {
        return students.find(c.studentId())
                .switchIfEmpty(Mono.error(() -> Problems.notFound("student", c.studentId())))
                .flatMap(s -> categories.find(s.schoolId(), Dimension.LABOUR, CATEGORY).map(java.util.Optional::of)
                        .defaultIfEmpty(java.util.Optional.empty())
                        .flatMap(cat -> {
                            RecordRules.Draft d = new RecordRules.Draft(Dimension.LABOUR, CATEGORY, c.title(),
                                    c.description(), c.doneOn(), c.hours(), null, null, null, null, c.photos());
                            List<FieldError> errors = RecordRules.validate(d, cat.orElse(null), clock.today(), null);
                            if (!errors.isEmpty()) {
                                return Mono.error(Problems.invalid(errors));
                            }
                            return Flux.fromIterable(c.photos()).concatMap(id -> evidence.find(id)
                                            .filter(e -> s.id().equals(e.studentId()))
                                            .switchIfEmpty(Mono.error(() -> Problems.invalid("photos", "unknown",
                                                    "no such photo for this student: " + id))))
                                    .then(organization.termOn(s.schoolId(), c.doneOn()))
                                    .flatMap(term -> {
                                        Instant now = clock.now();
                                        StudentRecord.Person by = person(c.confirmedBy());
                                        StudentRecord r = new StudentRecord(Ids.newId(), s.schoolId(), s.id(),
                                                StudentDirectory.classOn(s, c.doneOn()), term.code(), Dimension.LABOUR,
                                                CATEGORY, c.title().strip(), blank(c.description()), c.doneOn(),
                                                c.hours(), null, null, null, null, c.photos(),
                                                StudentRecord.Source.FAMILY, RecordStatus.SUBMITTED, by, null, null,
                                                null, List.of(new StudentRecord.Change(now, by, "create", Map.of(),
                                                "family_confirmed")), null, now, now,
                                                new StudentRecord.Family(c.completionId(), c.taskCode(),
                                                        person(c.doneBy()), by, c.confirmedAt()));
                                        return mongo.insert(r);
                                    })
                                    .flatMap(saved -> audit.record(AuditEvent.allowed(actor, "record.create",
                                                    "record", saved.id(), saved.studentId(), saved.schoolId())
                                                    .withReason("family_confirmed"))
                                            .doOnSuccess(v -> meters.counter("zhsz.records.added", "dimension",
                                                    "labour").increment())
                                            .thenReturn(saved.id()));
                        }));
    }

    /** The current state of family records by id (unknown ids are skipped). */
    public Flux<State> states(Collection<String> recordIds) {
        if (recordIds.isEmpty()) {
            return Flux.empty();
        }
        Query q = Query.query(Criteria.where("_id").in(recordIds));
        q.fields().include("studentId", "status", "hours", "term", "review");
        return mongo.find(q, StudentRecord.class).map(r -> new State(r.id(), r.studentId(), r.status().name(),
                r.hours(), r.term(), r.review() == null ? null : r.review().reason(),
                r.review() == null || r.review().by() == null ? null : r.review().by().name(),
                r.review() == null ? null : r.review().at()));
    }

    private static StudentRecord.Person person(Person p) {
        return p == null ? null : new StudentRecord.Person(p.username(), p.name(), p.role());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
