package org.zhsz.archive;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.zhsz.audit.AuditEvent;
import org.zhsz.audit.AuditTrail;
import org.zhsz.fitness.FitnessDirectory;
import org.zhsz.organization.OrganizationDirectory;
import org.zhsz.organization.SchoolStage;
import org.zhsz.organization.Views.ClassView;
import org.zhsz.platform.AccessPolicy;
import org.zhsz.platform.Action;
import org.zhsz.platform.Actor;
import org.zhsz.platform.DataClass;
import org.zhsz.platform.PortraitPage;
import org.zhsz.platform.Problems;
import org.zhsz.platform.SchoolClock;
import org.zhsz.student.StudentDirectory;
import org.zhsz.student.StudentView;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The dossier: every locked term archive of the student plus the fitness results and graduation score, rendered
 * as a Chinese A4 PDF, signed with the school's key and registered under a verification code, so that anyone
 * holding the file can check it has not changed and is still current.
 */
@Service
class Dossiers {

    private final ReactiveMongoTemplate mongo;
    private final AccessPolicy access;
    private final ArchiveService archives;
    private final StudentDirectory students;
    private final OrganizationDirectory organization;
    private final FitnessDirectory fitness;
    private final SchoolKeys keys;
    private final AuditTrail audit;
    private final SchoolClock clock;
    private final ArchiveProperties props;
    private final MeterRegistry meters;
    private final PortraitPage portraits;
    private final DossierRenderer renderer = new DossierRenderer();

    Dossiers(ReactiveMongoTemplate mongo, AccessPolicy access, ArchiveService archives, StudentDirectory students,
             OrganizationDirectory organization, FitnessDirectory fitness, SchoolKeys keys, AuditTrail audit,
             SchoolClock clock, ArchiveProperties props, MeterRegistry meters, PortraitPage portraits) {
        this.portraits = portraits;
        this.mongo = mongo;
        this.access = access;
        this.archives = archives;
        this.students = students;
        this.organization = organization;
        this.fitness = fitness;
        this.keys = keys;
        this.audit = audit;
        this.clock = clock;
        this.props = props;
        this.meters = meters;
    }

    /** A dossier as issued: the code, the hash of the signed file, and the archive versions it shows. */
    @Document("dossiers")
    record Issued(@Id String code, String studentId, String schoolId, String schoolName, String studentNameMasked,
                  int graduationYear, String sha256, List<String> archiveIds, List<String> archiveHashes,
                  Instant issuedAt, String issuedBy, Instant revokedAt, String revokedBy, String revokeReason) {
    }

    record Rendered(byte[] pdf, Issued issued) {
    }

    Mono<Rendered> dossier(Actor actor, String studentId) {
        return access.require(actor, studentId, DataClass.ARCHIVE, Action.EXPORT)
                .flatMap(scope -> issue(actor.username(), studentId)
                        .flatMap(r -> audit.record(new AuditEvent(actor, "archive.dossier.export", "dossier",
                                        r.issued().code(), studentId, scope.schoolId(), AuditEvent.Outcome.ALLOWED,
                                        null, DataClass.ARCHIVE))
                                .thenReturn(r)));
    }

    /** Builds, renders and signs off the event loop, then registers the code. No access check: callers do. */
    Mono<Rendered> issue(String issuedBy, String studentId) {
        return content(studentId).flatMap(c -> Mono.fromCallable(() -> {
                    Timer.Sample sample = Timer.start(meters);
                    byte[] unsigned = renderer.render(c.content());
                    byte[] signed = new PdfSigner(keys.of(c.schoolId(), c.content().school().name())).sign(unsigned);
                    sample.stop(meters.timer("zhsz.pdf.render", "kind", "dossier"));
                    return new Rendered(signed, new Issued(c.content().verificationCode().value(), studentId,
                            c.schoolId(), c.content().school().name(), StudentView.maskName(c.content().student().name()),
                            c.content().student().graduationYear(), SignatureVerifier.sha256Hex(signed),
                            c.archiveIds(), c.archiveHashes(), clock.now(), issuedBy, null, null, null));
                }).subscribeOn(Schedulers.boundedElastic()))
                .flatMap(r -> mongo.insert(r.issued()).thenReturn(r))
                .doOnNext(r -> meters.counter("zhsz.dossiers.exported").increment());
    }

    record Built(DossierContent content, String schoolId, List<String> archiveIds, List<String> archiveHashes) {
    }

    Mono<Built> content(String studentId) {
        return students.find(studentId).switchIfEmpty(Mono.error(() -> Problems.notFound("student", studentId)))
                .flatMap(s -> Mono.zip(archives.locked(studentId).collectList(), organization.school(s.schoolId()),
                                organization.schoolClassNow(s.classId()).map(java.util.Optional::of)
                                        .defaultIfEmpty(java.util.Optional.empty()),
                                fitness.results(studentId).collectList())
                        .flatMap(t -> {
                            if (t.getT1().isEmpty()) {
                                return Mono.error(Problems.rule("no_locked_archive",
                                        "There is no locked term archive for this student yet"));
                            }
                            ClassView cls = t.getT3().orElse(null);
                            int graduation = cls == null ? 0 : cls.graduationYear();
                            String gradYear = (graduation - 1) + "-" + graduation;
                            List<String> termCodes = t.getT1().stream().map(TermArchive::term).distinct().toList();
                            return Mono.zip(organization.region(t.getT2().countyId()).map(r -> r.bureauName())
                                                    .defaultIfEmpty(""),
                                            fitness.graduation(studentId, gradYear).map(java.util.Optional::of)
                                                    .defaultIfEmpty(java.util.Optional.empty()),
                                            portraits.of(studentId, termCodes).defaultIfEmpty(List.of()))
                                    .map(z -> build(s, t.getT2().name(), z.getT1(), cls, t.getT1(), t.getT4(),
                                            z.getT2().orElse(null), z.getT3()));
                        }));
    }

    private Built build(StudentView s, String schoolName, String authority, ClassView cls, List<TermArchive> locked,
                        List<FitnessDirectory.YearResult> years, FitnessDirectory.Graduation graduation,
                        List<PortraitPage.Term> portrait) {
        List<DossierContent.Term> terms = new ArrayList<>();
        for (TermArchive a : locked) {
            TermArchive.Snapshot snap = a.snapshot();
            Map<DossierContent.Dimension, List<DossierContent.Entry>> byDim = new EnumMap<>(
                    DossierContent.Dimension.class);
            for (TermArchive.SnapshotRecord r : snap.records()) {
                byDim.computeIfAbsent(dimension(r.dimension()), k -> new ArrayList<>())
                        .add(new DossierContent.Entry(r.title(), r.occurredOn(), r.levelLabel(), r.award(), r.hours()));
            }
            List<DossierContent.Section> sections = byDim.entrySet().stream()
                    .map(e -> new DossierContent.Section(e.getKey(), e.getValue())).toList();
            List<DossierContent.Signature> sigs = snap.signatures().stream()
                    .map(g -> new DossierContent.Signature(DossierContent.SignatureRole.valueOf(g.role().name()),
                            g.name(), LocalDate.ofInstant(g.at(), SchoolClock.ZONE))).toList();
            terms.add(new DossierContent.Term(snap.termName() + "（" + snap.className() + "）", sections,
                    snap.selfStatement(), snap.comment(), sigs));
        }
        List<DossierContent.FitnessYear> fy = years.stream().filter(y -> y.totalScoreRounded() != null
                        || "EXEMPT".equals(y.status()))
                .map(y -> new DossierContent.FitnessYear(y.schoolYear().replace("-", "—") + "学年",
                        SchoolStage.gradeName(y.grade()), y.totalScoreRounded(),
                        "EXEMPT".equals(y.status()) ? "免测" : y.rating())).toList();
        BigDecimal gradScore = graduation == null ? null : graduation.scoreRounded();
        String gradRating = graduation == null ? null : graduation.exempt() ? "免测" : graduation.rating();
        TermArchive last = locked.get(locked.size() - 1);
        List<DossierContent.Signature> approvals = last.snapshot().signatures().stream()
                .filter(g -> g.role() == TermArchive.SignRole.PRINCIPAL)
                .map(g -> new DossierContent.Signature(DossierContent.SignatureRole.PRINCIPAL, g.name(),
                        LocalDate.ofInstant(g.at(), SchoolClock.ZONE))).toList();
        VerificationCode code = VerificationCode.random();
        DossierContent content = new DossierContent(new DossierContent.School(schoolName, authority),
                new DossierContent.Student(s.name(), s.sex().label(), s.ethnicity(), s.maskedStudentNo(),
                        cls == null ? "" : cls.name(), cls == null ? "" : cls.stage().label(),
                        cls == null ? 0 : cls.entryYear(), cls == null ? 0 : cls.graduationYear()),
                terms, new DossierContent.Fitness(fy, gradScore, gradRating), approvals, code,
                props.verificationBaseUrl() + code.formatted(), clock.now(), portrait.stream()
                .map(p -> new DossierContent.PortraitTerm(p.termName(), p.dimensions().stream()
                        .map(d -> new DossierContent.PortraitDimension(d.label(), d.score(), d.level())).toList(),
                        p.figures().stream().map(f -> new DossierContent.PortraitFigure(f.label(), f.value()))
                                .toList())).toList());
        return new Built(content, s.schoolId(), locked.stream().map(TermArchive::id).toList(),
                locked.stream().map(TermArchive::contentHash).toList());
    }

    static DossierContent.Dimension dimension(String d) {
        return switch (d) {
            case "MORAL" -> DossierContent.Dimension.MORAL;
            case "ACADEMIC" -> DossierContent.Dimension.ACADEMIC;
            case "PHYSICAL" -> DossierContent.Dimension.HEALTH;
            case "ARTS" -> DossierContent.Dimension.ARTS;
            default -> DossierContent.Dimension.LABOUR_PRACTICE;
        };
    }

    // ---------------------------------------------------------------- verification

    /** valid: the archives it shows are current; amended: one was amended since; revoked: withdrawn by the school. */
    record Status(String status, String school, String student, int graduationYear, String sha256, Instant issuedAt) {
    }

    Mono<Status> status(String rawCode) {
        String code = VerificationCode.parse(rawCode).map(VerificationCode::value).orElse(null);
        if (code == null) {
            return Mono.error(Problems.notFound("dossier", rawCode));
        }
        return mongo.findById(code, Issued.class).switchIfEmpty(Mono.error(() -> Problems.notFound("dossier", rawCode)))
                .flatMap(this::status);
    }

    private Mono<Status> status(Issued d) {
        if (d.revokedAt() != null) {
            return Mono.just(new Status("revoked", d.schoolName(), d.studentNameMasked(), d.graduationYear(),
                    d.sha256(), d.issuedAt()));
        }
        return Flux.range(0, d.archiveIds().size())
                .concatMap(i -> mongo.findById(d.archiveIds().get(i), TermArchive.class)
                        .map(a -> a.contentHash() != null && a.contentHash().equals(d.archiveHashes().get(i)))
                        .defaultIfEmpty(false))
                .all(current -> current)
                .map(current -> new Status(current ? "valid" : "amended", d.schoolName(), d.studentNameMasked(),
                        d.graduationYear(), d.sha256(), d.issuedAt()));
    }

    /** What an uploaded file proves: intact signature over the whole file, a known dossier, and its status. */
    /**
     * What an uploaded dossier PDF is: {@code signer} the signing certificate's holder as people name it (its CN,
     * e.g. the school), {@code signerSubject} the certificate's full subject; {@code problemCode} why it is not
     * valid ({@code no_signature}, {@code malformed_signature}, {@code certificate_mismatch},
     * {@code signature_invalid}, {@code changed_after_signing}, {@code not_issued}) and {@code problem} the same in
     * the reader's language.
     */
    record FileCheck(boolean signaturePresent, boolean signatureValid, boolean coversWholeDocument,
                     @Nullable String signer, @Nullable String signerSubject, boolean signerIsIssuingSchool,
                     String sha256, boolean known,
                     @Nullable String code, String status, @Nullable String school, @Nullable String student,
                     @Nullable String problemCode, @Nullable String problem) {
        FileCheck localized(org.zhsz.platform.Messages messages, java.util.Locale locale) {
            return new FileCheck(signaturePresent, signatureValid, coversWholeDocument, signer, signerSubject,
                    signerIsIssuingSchool, sha256, known, code, status, school, student, problemCode,
                    problemCode == null ? null : messages.text(locale, "verify.problem." + problemCode));
        }
    }

    /** The verifier's finding (English, for logs) as a stable code. */
    static String problemCode(String problem) {
        if (problem == null) {
            return null;
        }
        if (problem.equals("no signature")) {
            return "no_signature";
        }
        if (problem.startsWith("certificate does not match")) {
            return "certificate_mismatch";
        }
        if (problem.startsWith("signature does not verify")) {
            return "signature_invalid";
        }
        if (problem.startsWith("bytes were added")) {
            return "changed_after_signing";
        }
        return "malformed_signature";
    }

    /** The holder's name (CN) of an X.500 subject such as {@code C=CN,O=ZHSZ Demo,CN=泾源县第一中学}. */
    static String signerName(String subject) {
        if (subject == null) {
            return null;
        }
        try {
            var cns = org.bouncycastle.asn1.x500.X500Name.getInstance(new org.bouncycastle.asn1.x500.X500Name(subject))
                    .getRDNs(org.bouncycastle.asn1.x500.style.BCStyle.CN);
            if (cns.length > 0) {
                return org.bouncycastle.asn1.x500.style.IETFUtils.valueToString(cns[0].getFirst().getValue());
            }
        } catch (IllegalArgumentException e) {
            // not an X.500 name: show nothing rather than the raw text
        }
        return null;
    }

    Mono<FileCheck> check(byte[] pdf) {
        return Mono.fromCallable(() -> new SignatureVerifier().verify(pdf)).subscribeOn(Schedulers.boundedElastic())
                .flatMap(report -> mongo.findOne(Query.query(Criteria.where("sha256").is(report.documentSha256())),
                                Issued.class)
                        .flatMap(d -> status(d).flatMap(st -> Mono.fromCallable(() -> {
                            SchoolKey key = keys.of(d.schoolId(), d.schoolName());
                            boolean sameSigner = report.signerCertificate() != null
                                    && report.signerCertificate().equals(key.certificate());
                            String problem = problemCode(report.problem());
                            if (problem == null && !sameSigner) {
                                problem = "other_signer";
                            }
                            return new FileCheck(report.present(), report.signatureValid(),
                                    report.coversWholeDocument(), signerName(report.signerSubject()),
                                    report.signerSubject(), sameSigner, report.documentSha256(), true,
                                    new VerificationCode(d.code()).formatted(),
                                    report.valid() && sameSigner ? st.status() : "invalid", d.schoolName(),
                                    d.studentNameMasked(), problem, null);
                        }).subscribeOn(Schedulers.boundedElastic())))
                        .defaultIfEmpty(new FileCheck(report.present(), report.signatureValid(),
                                report.coversWholeDocument(), signerName(report.signerSubject()),
                                report.signerSubject(), false, report.documentSha256(), false, null, "invalid", null,
                                null, report.problem() != null ? problemCode(report.problem()) : "not_issued",
                                null)));
    }

    Mono<Status> revoke(Actor actor, String rawCode, String reason) {
        String code = VerificationCode.parse(rawCode).map(VerificationCode::value).orElse(rawCode);
        return mongo.findById(code, Issued.class)
                .switchIfEmpty(Mono.error(() -> Problems.notFound("dossier", rawCode)))
                .flatMap(d -> access.require(actor, d.studentId(), DataClass.ARCHIVE, Action.APPROVE).thenReturn(d))
                .flatMap(d -> mongo.save(new Issued(d.code(), d.studentId(), d.schoolId(), d.schoolName(),
                        d.studentNameMasked(), d.graduationYear(), d.sha256(), d.archiveIds(), d.archiveHashes(),
                        d.issuedAt(), d.issuedBy(), clock.now(), actor.username(), reason)))
                .flatMap(d -> audit.record(new AuditEvent(actor, "archive.dossier.revoke", "dossier", d.code(),
                        d.studentId(), d.schoolId(), AuditEvent.Outcome.ALLOWED, reason, DataClass.ARCHIVE))
                        .then(status(d)));
    }
}
