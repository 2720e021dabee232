package org.zhsz.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.mongodb.gridfs.ReactiveGridFsTemplate;
import org.springframework.stereotype.Service;
import org.zhsz.audit.AuditEvent;
import org.zhsz.audit.AuditTrail;
import org.zhsz.organization.OrganizationDirectory;
import org.zhsz.organization.Views.ClassView;
import org.zhsz.platform.AccessPolicy;
import org.zhsz.platform.Action;
import org.zhsz.platform.Actor;
import org.zhsz.platform.DataClass;
import org.zhsz.platform.Ids;
import org.zhsz.platform.Problems;
import org.zhsz.student.StudentDirectory;
import org.zhsz.student.StudentView;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A grade's (or a class's) dossiers as one ZIP, for admissions. The job renders in the background on
 * boundedElastic through {@link DossierZip} (a few PDFs in flight, memory bounded), reports progress, and keeps the
 * finished file in GridFS so any replica can serve the download.
 */
@Service
class Exports {

    private static final Logger log = LoggerFactory.getLogger(Exports.class);

    private final ReactiveMongoTemplate mongo;
    private final ReactiveGridFsTemplate gridFs;
    private final Dossiers dossiers;
    private final ArchiveService archives;
    private final StudentDirectory students;
    private final OrganizationDirectory organization;
    private final AuditTrail audit;
    private final AccessPolicy access;

    Exports(ReactiveMongoTemplate mongo, ReactiveGridFsTemplate gridFs, Dossiers dossiers, ArchiveService archives,
            StudentDirectory students, OrganizationDirectory organization, AuditTrail audit, AccessPolicy access) {
        this.access = access;
        this.mongo = mongo;
        this.gridFs = gridFs;
        this.dossiers = dossiers;
        this.archives = archives;
        this.students = students;
        this.organization = organization;
        this.audit = audit;
    }

    @Document("dossier_exports")
    record Job(@Id String id, String schoolId, String requestedBy, String scope, int total, int done, String status,
               @Nullable String fileId, long bytes, @Nullable String error, Instant createdAt,
               @Nullable Instant finishedAt) {
    }

    /** A ZIP of the locked dossiers of a class or a grade: the school's admin (ARCHIVE EXPORT of the school). */
    Mono<Job> start(Actor actor, String classId, Integer gradeLevel) {
        return access.requireOwnSchool(actor, DataClass.ARCHIVE, Action.EXPORT).flatMap(scope -> {
            if ((classId == null) == (gradeLevel == null)) {
                return Mono.error(Problems.invalid("classId", "one_of", "give either classId or gradeLevel"));
            }
            return start(actor, scope.schoolId(), classId, gradeLevel);
        });
    }

    private Mono<Job> start(Actor actor, String school, String classId, Integer gradeLevel) {
        return organization.currentTerm(school)
                .flatMapMany(t -> organization.classesOfSchool(school, t.code()))
                .filter(c -> classId != null ? c.id().equals(classId) : c.gradeLevel() == gradeLevel)
                .collectList()
                .flatMap(classes -> {
                    if (classes.isEmpty()) {
                        return Mono.error(Problems.notFound("class", classId != null ? classId : "grade " + gradeLevel));
                    }
                    return Flux.fromIterable(classes).concatMap(c -> students.inClass(c.id()))
                            .filterWhen(s -> archives.locked(s.id()).hasElements()).collectList()
                            .flatMap(list -> {
                                String scope = classId != null ? classes.get(0).name()
                                        : classes.stream().map(ClassView::name).findFirst().orElse("") + " 等";
                                Job job = new Job(Ids.newId(), school, actor.username(), scope, list.size(), 0,
                                        "RUNNING", null, 0, null, Instant.now(), null);
                                return mongo.insert(job).doOnNext(j -> run(actor, j, list));
                            });
                })
                .flatMap(j -> audit.record(new AuditEvent(actor, "archive.zip.export", "export", j.id(), null, school,
                        AuditEvent.Outcome.ALLOWED, j.scope() + " (" + j.total() + ")", DataClass.ARCHIVE)).thenReturn(j));
    }

    private void run(Actor actor, Job job, List<StudentView> list) {
        Mono.fromCallable(() -> {
                    Path tmp = Files.createTempFile("dossiers-", ".zip");
                    AtomicInteger done = new AtomicInteger();
                    var executor = Executors.newFixedThreadPool(2);
                    try (OutputStream out = Files.newOutputStream(tmp)) {
                        new DossierZip(executor, 4).write(out, list.iterator(),
                                s -> s.name() + "-" + s.maskedStudentNo().replace("*", "x") + ".pdf",
                                s -> {
                                    byte[] pdf = dossiers.issue(actor.username(), s.id()).block().pdf();
                                    audit.record(new AuditEvent(actor, "archive.dossier.export", "dossier", job.id(),
                                            s.id(), s.schoolId(), AuditEvent.Outcome.ALLOWED, "zip",
                                            DataClass.ARCHIVE)).block();
                                    int n = done.incrementAndGet();
                                    if (n % 10 == 0 || n == list.size()) {
                                        mongo.updateFirst(Query.query(Criteria.where("_id").is(job.id())),
                                                Update.update("done", n), Job.class).block();
                                    }
                                    return pdf;
                                });
                    } finally {
                        executor.shutdown();
                    }
                    return tmp;
                })
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(tmp -> gridFs.store(DataBufferUtils.read(tmp, DefaultDataBufferFactory.sharedInstance, 64 * 1024),
                                "dossiers-" + job.id() + ".zip", "application/zip",
                                new org.bson.Document("exportId", job.id()).append("schoolId", job.schoolId()))
                        .flatMap(fileId -> Mono.fromCallable(() -> Files.size(tmp)).subscribeOn(
                                Schedulers.boundedElastic()).flatMap(size -> mongo.updateFirst(Query.query(
                                        Criteria.where("_id").is(job.id())), new Update().set("status", "DONE")
                                        .set("fileId", fileId.toHexString()).set("bytes", size)
                                        .set("done", job.total()).set("finishedAt", Instant.now()), Job.class)))
                        .doFinally(s -> {
                            try {
                                Files.deleteIfExists(tmp);
                            } catch (IOException ignored) {
                                // temp file
                            }
                        }))
                .subscribe(r -> log.info("Dossier export {} finished", job.id()), e -> {
                    log.error("Dossier export {} failed", job.id(), e);
                    mongo.updateFirst(Query.query(Criteria.where("_id").is(job.id())), new Update()
                            .set("status", "FAILED").set("error", "the export failed; start it again"), Job.class)
                            .subscribe();
                });
    }

    Mono<Job> get(Actor actor, String id) {
        return mongo.findById(id, Job.class)
                .switchIfEmpty(Mono.error(() -> Problems.notFound("export", id)))
                .flatMap(j -> access.requireSchool(actor, j.schoolId(), DataClass.ARCHIVE, Action.EXPORT).thenReturn(j));
    }

    Mono<List<Job>> list(Actor actor) {
        return access.requireOwnSchool(actor, DataClass.ARCHIVE, Action.EXPORT)
                .flatMap(scope -> mongo.find(Query.query(Criteria.where("schoolId").is(scope.schoolId())), Job.class)
                        .sort((a, b) -> b.createdAt().compareTo(a.createdAt())).collectList());
    }

    Flux<DataBuffer> content(Job job) {
        if (!"DONE".equals(job.status())) {
            return Flux.error(Problems.conflict("export_not_ready", "The export is still running"));
        }
        return gridFs.findOne(Query.query(Criteria.where("_id").is(new ObjectId(job.fileId()))))
                .flatMap(gridFs::getResource).flatMapMany(r -> r.getDownloadStream());
    }


}
