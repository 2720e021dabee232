package org.zhsz.access;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.Period;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.zhsz.audit.AuditEvent;
import org.zhsz.audit.AuditTrail;
import org.zhsz.platform.AccessPolicy;
import org.zhsz.platform.Action;
import org.zhsz.platform.Actor;
import org.zhsz.platform.DataClass;
import org.zhsz.platform.Ids;
import org.zhsz.platform.Problems;
import org.zhsz.platform.Relationship;
import org.zhsz.platform.Role;
import org.zhsz.platform.SchoolClock;
import org.zhsz.student.StudentDirectory;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The consent and basis register: which notice was shown to whom, who consented (a guardian for a student under
 * 14, as PIPL requires for minors' sensitive data; the student or a guardian from 14), for what purpose, when,
 * and withdrawals; or the school's statutory basis where consent is not the basis. Modules ask
 * {@link #basis(String, String)} before collecting.
 */
@Service
public class ConsentRegister {

    public static final String MENTAL_HEALTH_SCREENING = "MENTAL_HEALTH_SCREENING";
    public static final String HEALTH_SPECIAL_CONSTITUTION = "HEALTH_SPECIAL_CONSTITUTION";
    static final int SELF_CONSENT_AGE = 14;

    private final ReactiveMongoTemplate mongo;
    private final StudentDirectory students;
    private final AccessPolicy access;
    private final AuditTrail audit;
    private final SchoolClock clock;
    private final List<Notice> notices;

    ConsentRegister(ReactiveMongoTemplate mongo, StudentDirectory students, AccessPolicy access, AuditTrail audit,
                    SchoolClock clock, JsonMapper json) throws IOException {
        this.mongo = mongo;
        this.students = students;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
        try (InputStream in = new ClassPathResource("notices/notices.json").getInputStream()) {
            this.notices = json.readValue(in, new TypeReference<List<Notice>>() { });
        }
    }

    public record Notice(String purpose, int version, boolean consentRequired, Map<String, String> title,
                         Map<String, String> text) {
    }

    @Document("consents")
    record Consent(@Id String id, String studentId, String schoolId, String purpose, int noticeVersion,
                   String decision, String by, String byName, String byRelation, Instant at, Instant withdrawnAt,
                   String withdrawnBy) {
    }

    @Document("processing_bases")
    record SchoolBasis(@Id String id, String schoolId, String purpose, String basis, String reference, String by,
                       Instant at, Instant revokedAt, String revokedBy) {
    }

    /** Why processing is lawful for this student and purpose. */
    public record Basis(String kind, String detail, String recordId) {
    }

    List<Notice> notices() {
        return notices;
    }

    Mono<Notice> notice(String purpose) {
        return Mono.justOrEmpty(notices.stream().filter(n -> n.purpose().equals(purpose)).findFirst())
                .switchIfEmpty(Mono.error(() -> Problems.notFound("notice", purpose)));
    }

    /**
     * The basis for processing: a current consent by someone entitled to give it, or the school's statutory
     * basis. Emits an error (422 {@code no_basis}) when there is none, or when consent was refused or withdrawn.
     */
    public Mono<Basis> basis(String studentId, String purpose) {
        return students.find(studentId).switchIfEmpty(Mono.error(() -> Problems.notFound("student", studentId)))
                .flatMap(s -> mongo.find(Query.query(Criteria.where("studentId").is(studentId)
                                .and("purpose").is(purpose)), Consent.class)
                        .sort(Comparator.comparing(Consent::at).reversed())
                        .collectList()
                        .flatMap(consents -> {
                            // the newest decision of an entitled person counts
                            for (Consent c : consents) {
                                if (c.withdrawnAt() != null || "REFUSED".equals(c.decision())) {
                                    return Mono.error(Problems.rule("no_basis",
                                            "Consent for " + purpose + " was refused or withdrawn"));
                                }
                                if ("GRANTED".equals(c.decision())) {
                                    return Mono.just(new Basis("CONSENT", c.byRelation() + " " + c.byName(), c.id()));
                                }
                            }
                            return mongo.find(Query.query(Criteria.where("schoolId").is(s.schoolId())
                                                    .and("purpose").is(purpose).and("revokedAt").is(null)),
                                            SchoolBasis.class).next()
                                    .map(b -> new Basis("STATUTORY", b.reference(), b.id()))
                                    .switchIfEmpty(Mono.error(() -> Problems.rule("no_basis",
                                            "No consent or statutory basis is recorded for " + purpose)));
                        }));
    }

    record ConsentView(String id, String purpose, int noticeVersion, String decision, String byName,
                       String byRelation, Instant at, @Nullable Instant withdrawnAt) {
        static ConsentView of(Consent c) {
            return new ConsentView(c.id(), c.purpose(), c.noticeVersion(), c.decision(), c.byName(), c.byRelation(),
                    c.at(), c.withdrawnAt());
        }
    }

    Mono<List<ConsentView>> list(Actor actor, String studentId) {
        return access.require(actor, studentId, DataClass.CONSENT, Action.READ)
                .flatMap(scope -> mongo.find(Query.query(Criteria.where("studentId").is(studentId)), Consent.class)
                        .sort(Comparator.comparing(Consent::at).reversed()).map(ConsentView::of).collectList());
    }

    /** Records that the notice was shown and the decision of the student (from 14) or a guardian. */
    Mono<ConsentView> decide(Actor actor, String studentId, String purpose, int noticeVersion, String decision) {
        return access.require(actor, studentId, DataClass.CONSENT, Action.WRITE).flatMap(scope -> {
            if (!"GRANTED".equals(decision) && !"REFUSED".equals(decision)) {
                return Mono.error(Problems.invalid("decision", "invalid", "decision must be GRANTED or REFUSED"));
            }
            return notice(purpose).flatMap(n -> {
                if (n.version() != noticeVersion) {
                    return Mono.error(Problems.conflict("notice_changed",
                            "The notice has changed; read the current version " + n.version()));
                }
                return students.find(studentId).flatMap(s -> {
                    int age = Period.between(s.birthDate(), clock.today()).getYears();
                    boolean self = scope.is(Relationship.SELF);
                    if (self && age < SELF_CONSENT_AGE) {
                        return Mono.error(Problems.rule("guardian_consent_required",
                                "Students under 14: a guardian must give this consent"));
                    }
                    String relation = self ? "本人" : s.guardians().stream()
                            .filter(g -> actor.username().equals(g.username())).map(g -> g.relation())
                            .findFirst().orElse("监护人");
                    Consent c = new Consent(Ids.newId(), s.id(), s.schoolId(), purpose, noticeVersion, decision,
                            actor.username(), actor.displayName(), relation, clock.now(), null, null);
                    return mongo.insert(c).flatMap(saved -> audit.record(AuditEvent.allowed(actor,
                            "consent." + decision.toLowerCase(), "consent", saved.id(), s.id(), s.schoolId())
                            .withReason(purpose)).thenReturn(ConsentView.of(saved)));
                });
            });
        });
    }

    /** Records that a notice was shown to (and acknowledged by) the actor for this student, e.g. before screening. */
    public Mono<Void> recordNoticeShown(Actor actor, String studentId, String schoolId, String purpose,
                                        int noticeVersion) {
        Consent c = new Consent(Ids.newId(), studentId, schoolId, purpose, noticeVersion, "NOTICE_SHOWN",
                actor.username(), actor.displayName(), actor.has(Role.STUDENT) ? "本人" : actor.primaryRole().claim(),
                clock.now(), null, null);
        return mongo.insert(c).then();
    }

    /** The current version of a purpose's notice (for callers that must check what the user saw). */
    public Mono<Integer> currentNoticeVersion(String purpose) {
        return notice(purpose).map(Notice::version);
    }

    Mono<ConsentView> withdraw(Actor actor, String studentId, String consentId) {
        return mongo.findOne(Query.query(Criteria.where("_id").is(consentId).and("studentId").is(studentId)),
                        Consent.class)
                .switchIfEmpty(Mono.error(() -> Problems.notFound("consent", consentId)))
                .flatMap(c -> access.require(actor, studentId, DataClass.CONSENT, Action.WRITE).thenReturn(c))
                .flatMap(c -> {
                    if (c.withdrawnAt() != null) {
                        return Mono.just(c);
                    }
                    Consent w = new Consent(c.id(), c.studentId(), c.schoolId(), c.purpose(), c.noticeVersion(),
                            c.decision(), c.by(), c.byName(), c.byRelation(), c.at(), clock.now(), actor.username());
                    return mongo.save(w);
                })
                .flatMap(c -> audit.record(AuditEvent.allowed(actor, "consent.withdraw", "consent", c.id(),
                        c.studentId(), c.schoolId()).withReason(c.purpose())).thenReturn(ConsentView.of(c)));
    }

    record BasisView(String id, String purpose, String basis, String reference, String by, Instant at) {
        static BasisView of(SchoolBasis b) {
            return new BasisView(b.id(), b.purpose(), b.basis(), b.reference(), b.by(), b.at());
        }
    }

    Flux<BasisView> schoolBases(Actor actor, String schoolId) {
        return access.requireSchool(actor, schoolId, DataClass.SCHOOL_SETTINGS, Action.READ)
                .flatMapMany(scope -> mongo.find(Query.query(Criteria.where("schoolId").is(scope.schoolId())
                        .and("revokedAt").is(null)), SchoolBasis.class))
                .map(BasisView::of);
    }

    Mono<BasisView> addSchoolBasis(Actor actor, String schoolId, String purpose, String reference) {
        return access.requireSchool(actor, schoolId, DataClass.SCHOOL_SETTINGS, Action.WRITE)
                .then(notice(purpose))
                .flatMap(n -> mongo.insert(new SchoolBasis(Ids.newId(), schoolId, purpose, "STATUTORY", reference,
                        actor.username(), clock.now(), null, null)))
                .flatMap(b -> audit.record(AuditEvent.allowed(actor, "basis.create", "basis", b.id(), null, schoolId)
                        .withReason(purpose)).thenReturn(BasisView.of(b)));
    }

    /** Demo data: a statutory basis for screening at a school, if none exists. */
    Mono<Void> ensureSchoolBasis(String schoolId, String purpose, String reference) {
        return mongo.exists(Query.query(Criteria.where("schoolId").is(schoolId).and("purpose").is(purpose)),
                        SchoolBasis.class)
                .flatMap(exists -> exists ? Mono.empty() : mongo.insert(new SchoolBasis(Ids.newId(), schoolId,
                        purpose, "STATUTORY", reference, "demo", clock.now(), null, null)).then());
    }

}
