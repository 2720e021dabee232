package org.zhsz.wellbeing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import org.zhsz.access.ConsentRegister;
import org.zhsz.audit.AuditEvent;
import org.zhsz.audit.AuditTrail;
import org.zhsz.organization.OrganizationDirectory;
import org.zhsz.organization.Views.ClassView;
import org.zhsz.platform.AccessPolicy;
import org.zhsz.platform.Action;
import org.zhsz.platform.Actor;
import org.zhsz.platform.DataClass;
import org.zhsz.platform.FieldCipher;
import org.zhsz.platform.FieldError;
import org.zhsz.platform.Ids;
import org.zhsz.platform.Problems;
import org.zhsz.platform.Relationship;
import org.zhsz.platform.StudentScope;
import org.zhsz.platform.SchoolClock;
import org.zhsz.student.StudentDirectory;
import org.zhsz.student.StudentView;

import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Screening campaigns and answers. Answers are stored encrypted; a critical item or an alerting band raises an
 * alert to the school's counselors in the same request that stores the answers.
 */
@Service
class Screening {

    private final ReactiveMongoTemplate mongo;
    private final Instruments instruments;
    private final FieldCipher cipher;
    private final AccessPolicy access;
    private final StudentDirectory students;
    private final OrganizationDirectory organization;
    private final ConsentRegister consents;
    private final AuditTrail audit;
    private final Alerts alerts;
    private final SchoolClock clock;
    private final JsonMapper json;
    private final MeterRegistry meters;

    Screening(ReactiveMongoTemplate mongo, Instruments instruments, FieldCipher cipher, AccessPolicy access,
              StudentDirectory students, OrganizationDirectory organization, ConsentRegister consents,
              AuditTrail audit, Alerts alerts, SchoolClock clock, JsonMapper json, MeterRegistry meters) {
        this.mongo = mongo;
        this.instruments = instruments;
        this.cipher = cipher;
        this.access = access;
        this.students = students;
        this.organization = organization;
        this.consents = consents;
        this.audit = audit;
        this.alerts = alerts;
        this.clock = clock;
        this.json = json;
        this.meters = meters;
    }

    // ---------------------------------------------------------------- scoring tool

    record ScoreResult(int total, String band, boolean critical) {
    }

    /** The counselor's scoring tool (stores nothing): mental-health work of the school's counselors. */
    Mono<ScoreResult> preview(Actor actor, String code, List<Integer> answers) {
        return access.requireOwnSchool(actor, DataClass.MENTAL_HEALTH, Action.WRITE).flatMap(scope -> {
            Instrument in = instruments.find(code).orElseThrow(() -> Problems.notFound("instrument", code));
            List<FieldError> errors = InstrumentScorer.validate(in, answers);
            if (!errors.isEmpty()) {
                return Mono.error(Problems.invalid(errors));
            }
            InstrumentScorer.Score s = InstrumentScorer.score(in, answers);
            return Mono.just(new ScoreResult(s.total(), s.band(), s.critical()));
        });
    }

    // ---------------------------------------------------------------- campaigns

    record CampaignView(String id, String name, List<String> instruments, @Nullable String variant,
                        List<String> classIds,
                        LocalDate opensOn, LocalDate closesOn, String status, String createdBy, Instant createdAt) {
    }

    String status(Docs.Campaign c) {
        if ("CLOSED".equals(c.status())) {
            return "CLOSED";
        }
        LocalDate today = clock.today();
        if (today.isBefore(c.opensOn())) {
            return "SCHEDULED";
        }
        return today.isAfter(c.closesOn()) ? "ENDED" : "OPEN";
    }

    CampaignView view(Docs.Campaign c) {
        return new CampaignView(c.id(), c.name(), c.instruments(), c.variant(), c.classIds(), c.opensOn(),
                c.closesOn(), status(c), c.createdBy(), c.createdAt());
    }

    Mono<CampaignView> createCampaign(Actor actor, String name, List<String> codes, String variant,
                                      List<String> classIds, LocalDate opensOn, LocalDate closesOn) {
        return access.requireOwnSchool(actor, DataClass.MENTAL_HEALTH, Action.WRITE).flatMap(scope ->
                createCampaign(actor, scope.schoolId(), name, codes, variant, classIds, opensOn, closesOn));
    }

    private Mono<CampaignView> createCampaign(Actor actor, String school, String name, List<String> codes,
                                              String variant, List<String> classIds, LocalDate opensOn,
                                              LocalDate closesOn) {
        List<FieldError> errors = new ArrayList<>();
        if (codes == null || codes.isEmpty()) {
            errors.add(new FieldError("instruments", "required", "choose at least one instrument"));
        } else {
            for (String c : codes) {
                if (instruments.find(c).isEmpty()) {
                    errors.add(new FieldError("instruments", "unknown", "unknown instrument " + c));
                }
            }
        }
        if (classIds == null || classIds.isEmpty()) {
            errors.add(new FieldError("classIds", "required", "choose at least one class"));
        }
        if (opensOn != null && closesOn != null && closesOn.isBefore(opensOn)) {
            errors.add(new FieldError("closesOn", "before_open", "the window closes before it opens"));
        }
        if (variant != null && !"adolescent".equals(variant)) {
            errors.add(new FieldError("variant", "unknown", "variant must be adolescent or empty"));
        }
        if (!errors.isEmpty()) {
            return Mono.error(Problems.invalid(errors));
        }
        return organization.currentTerm(school)
                .flatMap(t -> organization.classesOfSchool(school, t.code()).map(ClassView::id).collectList())
                .flatMap(schoolClasses -> {
                    for (String c : classIds) {
                        if (!schoolClasses.contains(c)) {
                            return Mono.error(Problems.invalid("classIds", "unknown_class",
                                    "no such class in your school: " + c));
                        }
                    }
                    Docs.Campaign c = new Docs.Campaign(Ids.newId(), school, name, List.copyOf(codes),
                            variant, List.copyOf(classIds), opensOn, closesOn, "ACTIVE", actor.username(),
                            clock.now(), null);
                    return mongo.insert(c);
                })
                .flatMap(c -> audit.record(AuditEvent.allowed(actor, "wellbeing.campaign.create", "campaign", c.id(),
                        null, c.schoolId())).thenReturn(view(c)));
    }

    Mono<List<CampaignView>> campaigns(Actor actor) {
        return access.requireOwnSchool(actor, DataClass.MENTAL_HEALTH, Action.READ)
                .flatMapMany(scope -> mongo.find(Query.query(Criteria.where("schoolId").is(scope.schoolId()))
                        .with(Sort.by(Sort.Direction.DESC, "opensOn")), Docs.Campaign.class))
                .map(this::view).collectList();
    }

    /** A campaign of the school (404 for another school's). */
    Mono<Docs.Campaign> campaignOfSchool(String schoolId, String id) {
        return mongo.findById(id, Docs.Campaign.class).filter(c -> c.schoolId().equals(schoolId))
                .switchIfEmpty(Mono.error(() -> Problems.notFound("campaign", id)));
    }

    Mono<CampaignView> close(Actor actor, String id) {
        return access.requireOwnSchool(actor, DataClass.MENTAL_HEALTH, Action.WRITE)
                .flatMap(scope -> campaignOfSchool(scope.schoolId(), id))
                .flatMap(c -> mongo.findAndModify(Query.query(Criteria.where("_id").is(id)),
                        new Update().set("status", "CLOSED").set("closedAt", clock.now()), Docs.Campaign.class))
                .flatMap(c -> mongo.findById(id, Docs.Campaign.class))
                .flatMap(c -> audit.record(AuditEvent.allowed(actor, "wellbeing.campaign.close", "campaign", id, null,
                        c.schoolId())).thenReturn(view(c)));
    }

    /** What a student sees: open campaigns for their class, the notice first, and which instruments are done. */
    record MyScreening(CampaignView campaign, @Nullable Map<String, Object> notice,
                       List<Map<String, Object>> instruments,
                       List<String> done) {
    }

    Mono<List<MyScreening>> myScreenings(Actor actor) {
        return access.requireOwnRecord(actor, DataClass.SCREENING_RESPONSE, Action.READ)
                .flatMap(scope -> students.find(scope.studentId()))
                .flatMap(me -> mongo.find(Query.query(Criteria.where("schoolId").is(me.schoolId())
                                .and("classIds").is(me.classId())), Docs.Campaign.class)
                        .filter(c -> "OPEN".equals(status(c)))
                        .concatMap(c -> mongo.find(Query.query(Criteria.where("campaignId").is(c.id())
                                        .and("studentId").is(me.id())), Docs.Response.class)
                                .map(Docs.Response::instrument).collectList()
                                .map(done -> new MyScreening(view(c), null, c.instruments().stream()
                                        .map(code -> instruments.find(code).orElseThrow().studentView(c.variant()))
                                        .toList(), done)))
                        .collectList());
    }

    // ---------------------------------------------------------------- answering

    /** What the student is told after answering: it was received. Scores are for counselors. */
    record Submitted(String responseId, String instrument, Instant submittedAt, @Nullable Integer total,
                     @Nullable String band,
                     @Nullable Boolean critical, boolean alertRaised) {
    }

    /**
     * Stores answers: a student's own (in the app, after the notice), or a counselor's entry of paper answers for
     * a named student of the school. Who the answers are for decides which: the student themself, or not.
     */
    Mono<Submitted> respond(Actor actor, String campaignId, String forStudentId, String code, List<Integer> answers,
                            Integer noticeVersion) {
        Mono<StudentScope> target;
        if (forStudentId != null) {
            target = access.require(actor, forStudentId, DataClass.SCREENING_RESPONSE, Action.WRITE);
        } else {
            // no student named: the actor's own answers, or (for a counselor) a paper entry that must name one
            target = students.findByUsername(actor.username()).hasElement().flatMap(student -> student
                    ? access.requireOwnRecord(actor, DataClass.SCREENING_RESPONSE, Action.WRITE)
                    : access.requireOwnSchool(actor, DataClass.SCREENING_RESPONSE, Action.WRITE)
                    .then(Mono.error(Problems.invalid("studentId", "required",
                            "name the student for paper answers"))));
        }
        return target.flatMap(scope -> {
            Instrument in = instruments.find(code).orElse(null);
            if (in == null) {
                return Mono.error(Problems.invalid("instrument", "unknown", "unknown instrument " + code));
            }
            List<FieldError> errors = InstrumentScorer.validate(in, answers);
            if (!errors.isEmpty()) {
                return Mono.error(Problems.invalid(errors));
            }
            boolean paper = !scope.is(Relationship.SELF);
            return students.find(scope.studentId()).flatMap(s -> respond(actor, campaignId, s, in, code, answers,
                    noticeVersion, paper));
        });
    }

    private Mono<Submitted> respond(Actor actor, String campaignId, StudentView student, Instrument in, String code,
                                    List<Integer> answers, Integer noticeVersion, boolean paper) {
        Mono<StudentView> who = Mono.just(student);
        return who.flatMap(s -> mongo.findById(campaignId, Docs.Campaign.class)
                .filter(c -> c.schoolId().equals(s.schoolId()))
                .switchIfEmpty(Mono.error(() -> Problems.notFound("campaign", campaignId)))
                .flatMap(c -> {
                    String st = status(c);
                    if (!c.instruments().contains(code)) {
                        return Mono.error(Problems.invalid("instrument", "not_in_campaign",
                                "this campaign does not use " + code));
                    }
                    if (!c.classIds().contains(s.classId())) {
                        return Mono.error(Problems.rule("not_in_campaign", "This student's class is not screened"));
                    }
                    if (paper ? "CLOSED".equals(st) : !"OPEN".equals(st)) {
                        return Mono.error(Problems.rule("campaign_not_open", "The campaign is not open"));
                    }
                    return consents.currentNoticeVersion(ConsentRegister.MENTAL_HEALTH_SCREENING).flatMap(nv -> {
                        if (!paper && (noticeVersion == null || noticeVersion != nv)) {
                            return Mono.error(Problems.conflict("notice_changed",
                                    "Read the current notice (version " + nv + ") first"));
                        }
                        return consents.basis(s.id(), ConsentRegister.MENTAL_HEALTH_SCREENING)
                                .flatMap(basis -> (paper ? Mono.<Void>empty()
                                        : consents.recordNoticeShown(actor, s.id(), s.schoolId(),
                                        ConsentRegister.MENTAL_HEALTH_SCREENING, nv))
                                        .then(store(actor, c, s, in, answers, paper,
                                                basis.kind() + ":" + basis.recordId(), nv)));
                    });
                }));
    }

    private Mono<Submitted> store(Actor actor, Docs.Campaign c, StudentView s, Instrument in, List<Integer> answers,
                                  boolean paper, String basis, int noticeVersion) {
        InstrumentScorer.Score score = InstrumentScorer.score(in, answers);
        String id = Ids.newId();
        Map<String, Object> result = Map.of("answers", answers, "total", score.total(), "band", score.band(),
                "criticalItems", score.criticalItems(), "subscales", score.subscales());
        String enc = cipher.encrypt(json.writeValueAsString(result), "response:" + id);
        Instant now = clock.now();
        return organization.schoolClassNow(s.classId()).map(ClassView::gradeLevel).defaultIfEmpty(0)
                .flatMap(grade -> mongo.insert(new Docs.Response(id, c.id(), s.schoolId(), s.id(), s.classId(), grade,
                        in.code(), in.version(), paper ? "PAPER" : "APP", enc, basis, noticeVersion,
                        actor.username(), now)))
                .onErrorMap(DuplicateKeyException.class, e -> Problems.conflict("already_answered",
                        "This questionnaire was already answered in this campaign"))
                .flatMap(saved -> audit.record(new AuditEvent(actor, "wellbeing.response.create", "response",
                        saved.id(), s.id(), s.schoolId(), AuditEvent.Outcome.ALLOWED, paper ? "paper" : null,
                        DataClass.MENTAL_HEALTH)).thenReturn(saved))
                .flatMap(saved -> {
                    meters.counter("zhsz.screening.responses", "instrument", in.code()).increment();
                    if (!score.raisesAlert()) {
                        return Mono.just(false);
                    }
                    return alerts.raise(s, c.id(), saved.id(), new AlertReason(in.code(), score.total(), score.band(),
                            score.criticalItems()).encode()).thenReturn(true);
                })
                .map(alert -> paper
                        ? new Submitted(id, in.code(), now, score.total(), score.band(), score.critical(), alert)
                        : new Submitted(id, in.code(), now, null, null, null, false));
    }

    /** Decrypted result of a response (for counselors). */
    @SuppressWarnings("unchecked")
    Map<String, Object> result(Docs.Response r) {
        return json.readValue(cipher.decrypt(r.result(), "response:" + r.id()), Map.class);
    }

    Flux<Docs.Response> responsesOf(String campaignId) {
        return mongo.find(Query.query(Criteria.where("campaignId").is(campaignId)), Docs.Response.class);
    }
}
