package org.zhsz.wellbeing;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import org.zhsz.platform.FieldCipher;
import org.zhsz.platform.ReEncryptable;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** After a key rotation, moves every encrypted wellbeing field to the active key (one save per document). */
@Component
class WellbeingReEncryption implements ReEncryptable {

    private final ReactiveMongoTemplate mongo;

    WellbeingReEncryption(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public String name() {
        return "wellbeing";
    }

    @Override
    public Mono<Long> reEncrypt(FieldCipher c) {
        Flux<Long> responses = mongo.findAll(Docs.Response.class).filter(r -> c.needsRotation(r.result()))
                .concatMap(r -> mongo.save(new Docs.Response(r.id(), r.campaignId(), r.schoolId(), r.studentId(),
                        r.classId(), r.gradeLevel(), r.instrument(), r.instrumentVersion(), r.source(),
                        c.rotate(r.result(), "response:" + r.id()), r.basis(), r.noticeVersion(), r.enteredBy(),
                        r.submittedAt())).thenReturn(1L));
        Flux<Long> alerts = mongo.findAll(Docs.Alert.class)
                .filter(a -> c.needsRotation(a.reason()) || c.needsRotation(a.note()))
                .concatMap(a -> mongo.save(new Docs.Alert(a.id(), a.schoolId(), a.studentId(), a.campaignId(),
                        a.responseId(), c.rotate(a.reason(), "alert:" + a.id()), a.raisedAt(), a.acknowledgedAt(),
                        a.acknowledgedBy(), a.note() == null ? null : c.rotate(a.note(), "alert-note:" + a.id()),
                        a.overdueNotifiedAt(), a.version())).thenReturn(1L));
        Flux<Long> plans = mongo.findAll(Docs.Plan.class).filter(p -> c.needsRotation(p.concerns())
                        || c.needsRotation(p.goals()) || c.needsRotation(p.interventions())
                        || p.tasks().stream().anyMatch(t -> c.needsRotation(t.title()))
                        || p.responsible().stream().anyMatch(r -> c.needsRotation(r.duty()))
                        || p.followUps().stream().anyMatch(f -> c.needsRotation(f.note())))
                .concatMap(p -> {
                    String s = p.studentId();
                    return mongo.save(new Docs.Plan(s, p.schoolId(), p.classId(), p.riskLevel(), p.status(),
                            rot(c, p.concerns(), "plan:" + s + ":concerns"), rot(c, p.goals(), "plan:" + s + ":goals"),
                            rot(c, p.interventions(), "plan:" + s + ":interventions"),
                            p.responsible().stream().map(r -> new Docs.Responsible(r.username(), r.name(), r.role(),
                                    rot(c, r.duty(), "plan:" + s + ":duty"))).toList(),
                            p.tasks().stream().map(t -> new Docs.Task(t.id(), t.assignee(), rot(c, t.title(),
                                    "plan:" + s + ":task"), t.schedule(), t.dueOn(), t.done())).toList(),
                            p.followUps().stream().map(f -> new Docs.FollowUp(f.dueOn(), f.doneOn(),
                                    rot(c, f.note(), "plan:" + s + ":followup"))).toList(),
                            p.reviewOn(), p.updatedBy(), p.updatedByName(), p.updatedAt(), p.version())).thenReturn(1L);
                });
        Flux<Long> sessions = mongo.findAll(Docs.Session.class).filter(x -> c.needsRotation(x.note()))
                .concatMap(x -> mongo.save(new Docs.Session(x.id(), x.studentId(), x.schoolId(), x.date(),
                        x.minutes(), x.kind(), c.rotate(x.note(), "session:" + x.id()), x.counselor(),
                        x.counselorName(), x.createdAt())).thenReturn(1L));
        Flux<Long> referrals = mongo.findAll(Docs.Referral.class)
                .filter(x -> c.needsRotation(x.hospital()) || c.needsRotation(x.outcome()))
                .concatMap(x -> mongo.save(new Docs.Referral(x.id(), x.studentId(), x.schoolId(),
                        c.rotate(x.hospital(), "referral:" + x.id() + ":hospital"), x.referredOn(),
                        x.guardianInformed(), x.guardianInformedOn(),
                        rot(c, x.outcome(), "referral:" + x.id() + ":outcome"), x.status(), x.createdBy(),
                        x.createdAt(), x.updatedAt(), x.version())).thenReturn(1L));
        return Flux.concat(responses, alerts, plans, sessions, referrals).count();
    }

    private static String rot(FieldCipher c, String v, String ctx) {
        return v == null ? null : c.rotate(v, ctx);
    }
}
