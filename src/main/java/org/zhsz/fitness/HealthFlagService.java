package org.zhsz.fitness;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.stereotype.Service;
import org.zhsz.audit.AuditEvent;
import org.zhsz.audit.AuditTrail;
import org.zhsz.platform.AccessPolicy;
import org.zhsz.platform.Action;
import org.zhsz.platform.Actor;
import org.zhsz.platform.DataClass;
import org.zhsz.platform.ETags;
import org.zhsz.platform.FieldCipher;
import org.zhsz.platform.FieldError;
import org.zhsz.platform.Ids;
import org.zhsz.platform.Problems;
import org.zhsz.platform.ReEncryptable;
import org.zhsz.platform.SchoolClock;
import org.zhsz.platform.StudentScope;
import org.zhsz.student.StudentDirectory;
import org.zhsz.student.StudentView;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * 特异体质 flags: recorded by the school admin; the PE teacher and head teacher see flag and guidance
 * (SPECIAL_CONSTITUTION_GUIDANCE); the student, family, counselor and admin also see the medical description and
 * documents (SPECIAL_CONSTITUTION). Every read is audited under the data class actually shown.
 */
@Service
class HealthFlagService implements ReEncryptable {

    private final HealthFlag.Repository flags;
    private final AccessPolicy access;
    private final AuditTrail audit;
    private final StudentDirectory students;
    private final MedicalDocuments documents;
    private final FieldCipher cipher;
    private final SchoolClock clock;

    HealthFlagService(HealthFlag.Repository flags, AccessPolicy access, AuditTrail audit, StudentDirectory students,
                      MedicalDocuments documents, FieldCipher cipher, SchoolClock clock) {
        this.flags = flags;
        this.access = access;
        this.audit = audit;
        this.students = students;
        this.documents = documents;
        this.cipher = cipher;
        this.clock = clock;
    }

    record DocumentView(String id, String filename, String contentType, long size, Instant uploadedAt) {
    }

    /** medicalDescription and documents are null for readers of the guidance only. */
    record FlagView(String id, String studentId, String kind, String kindLabel, String guidance, boolean active,
                    Instant since, @Nullable String medicalDescription, @Nullable List<DocumentView> documents,
                    Long version,
                    @Nullable Instant deactivatedAt, @Nullable String deactivationReason) {
    }

    record ClassFlagView(String studentId, String name, String flagId, String kind, String kindLabel,
                         String guidance, Instant since) {
    }

    record FlagInput(@Nullable String kind, @org.zhsz.platform.MultiLine @Nullable String guidance,
                     @org.zhsz.platform.MultiLine @Nullable String medicalDescription) {
    }

    FlagView view(HealthFlag f, boolean full) {
        return new FlagView(f.id(), f.studentId(), f.kind().name(), f.kind().label, f.guidance(), f.active(),
                f.createdAt(), full && f.medicalDescription() != null
                ? cipher.decrypt(f.medicalDescription(), HealthFlag.cipherContext(f.id())) : null,
                full ? f.documents().stream().map(d -> new DocumentView(d.id(), d.filename(), d.contentType(),
                        d.size(), d.uploadedAt())).toList() : null,
                f.version(), f.deactivatedAt(), f.deactivationReason());
    }

    Mono<List<FlagView>> list(Actor actor, String studentId, boolean includeInactive) {
        return access.require(actor, studentId, DataClass.SPECIAL_CONSTITUTION_GUIDANCE, Action.READ)
                .flatMap(scope -> {
                    boolean full = access.permits(scope.relationships(), DataClass.SPECIAL_CONSTITUTION, Action.READ);
                    return flags.findByStudentId(studentId)
                            .filter(f -> includeInactive || f.active())
                            .sort(Comparator.comparing(HealthFlag::createdAt))
                            .map(f -> view(f, full)).collectList()
                            .flatMap(list -> audit.record(readEvent(actor, scope, studentId, full)).thenReturn(list));
                });
    }

    private static AuditEvent readEvent(Actor actor, StudentScope scope, String studentId, boolean full) {
        return AuditEvent.allowed(actor, "health_flag.read", "health_flags", studentId, studentId, scope.schoolId())
                .withDataClass(full ? DataClass.SPECIAL_CONSTITUTION : DataClass.SPECIAL_CONSTITUTION_GUIDANCE);
    }

    Mono<List<ClassFlagView>> ofClass(Actor actor, String classId) {
        return access.requireClass(actor, classId, DataClass.SPECIAL_CONSTITUTION_GUIDANCE, Action.READ)
                .flatMap(scope -> students.inClass(classId).collectMap(StudentView::id)
                        .flatMap(members -> flags.findByStudentIdInAndActiveTrue(members.keySet()).collectList()
                                .flatMap(list -> {
                                    List<ClassFlagView> out = new ArrayList<>();
                                    for (HealthFlag f : list) {
                                        StudentView s = members.get(f.studentId());
                                        out.add(new ClassFlagView(f.studentId(), s.name(), f.id(), f.kind().name(),
                                                f.kind().label, f.guidance(), f.createdAt()));
                                    }
                                    out.sort(Comparator.comparing(ClassFlagView::studentId));
                                    return Flux.fromIterable(out).map(ClassFlagView::studentId).distinct()
                                            .concatMap(sid -> audit.record(AuditEvent.allowed(actor,
                                                    "health_flag.read", "health_flags", sid, sid, scope.schoolId())
                                                    .withDataClass(DataClass.SPECIAL_CONSTITUTION_GUIDANCE)))
                                            .then(Mono.just(out));
                                })));
    }

    Mono<FlagView> create(Actor actor, String studentId, FlagInput in) {
        return access.require(actor, studentId, DataClass.SPECIAL_CONSTITUTION, Action.WRITE).flatMap(scope -> {
            HealthFlag.Kind kind = validate(in, true);
            String id = Ids.newId();
            Instant now = clock.now();
            String description = blankToNull(in.medicalDescription());
            HealthFlag f = new HealthFlag(id, scope.schoolId(), studentId, kind, in.guidance().trim(),
                    description == null ? null : cipher.encrypt(description, HealthFlag.cipherContext(id)), List.of(),
                    true, null, now, actor.username(), now, actor.username(), null, null, null);
            return flags.insert(f).flatMap(saved -> audit.record(event(actor, "health_flag.create", saved))
                    .thenReturn(view(saved, true)));
        });
    }

    Mono<FlagView> update(Actor actor, String studentId, String flagId, FlagInput in, Long ifMatch) {
        return writable(actor, studentId, flagId).flatMap(f -> {
            ETags.check(ifMatch, f.version());
            if (!f.active()) {
                return Mono.error(Problems.rule("inactive", "This flag was deactivated"));
            }
            HealthFlag.Kind kind = validate(in, false);
            String guidance = in.guidance() == null ? f.guidance() : in.guidance().trim();
            String description = in.medicalDescription() == null ? f.medicalDescription()
                    : blankToNull(in.medicalDescription()) == null ? null
                    : cipher.encrypt(in.medicalDescription().trim(), HealthFlag.cipherContext(f.id()));
            boolean same = (kind == null || kind == f.kind()) && guidance.equals(f.guidance())
                    && in.medicalDescription() == null;
            if (same) {
                return Mono.just(view(f, true));
            }
            HealthFlag next = f.with(kind == null ? f.kind() : kind, guidance, description, f.documents(), true,
                    clock.now(), actor.username(), null, null, null);
            return flags.save(next).flatMap(saved -> audit.record(event(actor, "health_flag.update", saved))
                    .thenReturn(view(saved, true)));
        });
    }

    Mono<FlagView> deactivate(Actor actor, String studentId, String flagId, String reason, Long ifMatch) {
        if (reason != null && reason.length() > 500) {
            return Mono.error(Problems.invalid("reason", "too_long", "at most 500 characters"));
        }
        return writable(actor, studentId, flagId).flatMap(f -> {
            ETags.check(ifMatch, f.version());
            if (!f.active()) {
                return Mono.just(view(f, true));
            }
            Instant now = clock.now();
            HealthFlag next = f.with(f.kind(), f.guidance(), f.medicalDescription(), f.documents(), false, now,
                    actor.username(), now, actor.username(), blankToNull(reason));
            return flags.save(next).flatMap(saved -> audit.record(event(actor, "health_flag.deactivate", saved))
                    .thenReturn(view(saved, true)));
        });
    }

    Mono<FlagView> attach(Actor actor, String studentId, String flagId, FilePart file) {
        if (file == null) {
            return Mono.error(Problems.invalid("file", "required", "a file is required"));
        }
        return writable(actor, studentId, flagId).flatMap(f -> {
            if (f.documents().size() >= 10) {
                return Mono.error(Problems.rule("too_many_documents", "At most 10 documents per flag"));
            }
            Instant now = clock.now();
            return documents.store(file, f.schoolId(), studentId, "health_flag", actor.username(), now)
                    .flatMap(doc -> {
                        List<HealthFlag.FlagDocument> docs = new ArrayList<>(f.documents());
                        docs.add(new HealthFlag.FlagDocument(doc.id(), doc.filename(), doc.contentType(), doc.size(),
                                now, actor.username()));
                        return flags.save(f.with(f.kind(), f.guidance(), f.medicalDescription(), docs, f.active(), now,
                                        actor.username(), f.deactivatedAt(), f.deactivatedBy(),
                                        f.deactivationReason()))
                                .onErrorResume(e -> documents.delete(doc.id()).then(Mono.error(e)));
                    })
                    .flatMap(saved -> audit.record(event(actor, "health_flag.attach", saved))
                            .thenReturn(view(saved, true)));
        });
    }

    Mono<MedicalDocuments.Download> document(Actor actor, String studentId, String flagId, String docId) {
        return access.require(actor, studentId, DataClass.SPECIAL_CONSTITUTION, Action.READ)
                .flatMap(scope -> flags.findById(flagId)
                        .filter(f -> f.studentId().equals(studentId))
                        .flatMap(f -> Mono.justOrEmpty(f.documents().stream().filter(d -> d.id().equals(docId))
                                .findFirst()))
                        .switchIfEmpty(Mono.error(() -> Problems.notFound("document", docId)))
                        .flatMap(d -> documents.open(d.id()))
                        .switchIfEmpty(Mono.error(() -> Problems.notFound("document", docId)))
                        .flatMap(dl -> audit.record(AuditEvent.allowed(actor, "health_flag.document.download",
                                        "health_flag", flagId, studentId, scope.schoolId())
                                .withDataClass(DataClass.SPECIAL_CONSTITUTION)).thenReturn(dl)));
    }

    private Mono<HealthFlag> writable(Actor actor, String studentId, String flagId) {
        return access.require(actor, studentId, DataClass.SPECIAL_CONSTITUTION, Action.WRITE)
                .flatMap(scope -> flags.findById(flagId).filter(f -> f.studentId().equals(studentId))
                        .switchIfEmpty(Mono.error(() -> Problems.notFound("health_flag", flagId))));
    }

    private static AuditEvent event(Actor actor, String action, HealthFlag f) {
        return AuditEvent.allowed(actor, action, "health_flag", f.id(), f.studentId(), f.schoolId())
                .withDataClass(DataClass.SPECIAL_CONSTITUTION);
    }

    private static HealthFlag.Kind validate(FlagInput in, boolean create) {
        List<FieldError> errors = new ArrayList<>();
        HealthFlag.Kind kind = null;
        if (in.kind() == null || in.kind().isBlank()) {
            if (create) {
                errors.add(new FieldError("kind", "required", "kind is required"));
            }
        } else {
            try {
                kind = HealthFlag.Kind.valueOf(in.kind().trim());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("kind", "invalid", "kind must be one of "
                        + java.util.Arrays.toString(HealthFlag.Kind.values())));
            }
        }
        if (in.guidance() == null || in.guidance().isBlank()) {
            if (create || in.guidance() != null) {
                errors.add(new FieldError("guidance", "required", "guidance for PE lessons and tests is required"));
            }
        } else if (in.guidance().length() > 1000) {
            errors.add(new FieldError("guidance", "too_long", "at most 1000 characters"));
        }
        if (in.medicalDescription() != null && in.medicalDescription().length() > 2000) {
            errors.add(new FieldError("medicalDescription", "too_long", "at most 2000 characters"));
        }
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors);
        }
        return kind;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    // ---------------------------------------------------------------------------------------- key rotation

    @Override
    public String name() {
        return "health_flags";
    }

    @Override
    public Mono<Long> reEncrypt(FieldCipher c) {
        return flags.findByMedicalDescriptionNotNull()
                .filter(f -> c.needsRotation(f.medicalDescription()))
                .concatMap(f -> flags.save(f.with(f.kind(), f.guidance(),
                                c.rotate(f.medicalDescription(), HealthFlag.cipherContext(f.id())), f.documents(),
                                f.active(), f.updatedAt(), f.updatedBy(), f.deactivatedAt(), f.deactivatedBy(),
                                f.deactivationReason()))
                        .thenReturn(1L)
                        .onErrorResume(org.springframework.dao.OptimisticLockingFailureException.class,
                                e -> Mono.just(0L)))
                .reduce(0L, Long::sum);
    }

    static Map<String, String> kinds() {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (HealthFlag.Kind k : HealthFlag.Kind.values()) {
            m.put(k.name(), k.label);
        }
        return m;
    }
}
