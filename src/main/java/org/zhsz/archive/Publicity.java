package org.zhsz.archive;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.zhsz.archive.TermArchive.Status;
import org.zhsz.audit.AuditEvent;
import org.zhsz.audit.AuditTrail;
import org.zhsz.organization.TermCalendar;
import org.zhsz.platform.AccessPolicy;
import org.zhsz.platform.Action;
import org.zhsz.platform.Actor;
import org.zhsz.platform.ClassScope;
import org.zhsz.platform.DataClass;
import org.zhsz.platform.Ids;
import org.zhsz.platform.FieldError;
import org.zhsz.platform.Problems;
import org.zhsz.platform.Relationship;
import org.zhsz.record.RecordDirectory;
import org.zhsz.record.RecordDirectory.ArchivableRecord;
import org.zhsz.student.StudentDirectory;
import org.zhsz.student.StudentView;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * 公示: the head teacher opens a window for the class; classmates and their parents see the selected records and
 * nothing private (no 学籍号, birth date, violations, health or mental-health data); anyone of the class may
 * object; the head teacher resolves (upheld: the record leaves the selection; dismissed: the objector is told why).
 */
@Service
class Publicity {

    private final ReactiveMongoTemplate mongo;
    private final AccessPolicy access;
    private final StudentDirectory students;
    private final RecordDirectory records;
    private final ArchiveService archives;
    private final AuditTrail audit;
    private final ArchiveProperties props;

    Publicity(ReactiveMongoTemplate mongo, AccessPolicy access, StudentDirectory students, RecordDirectory records,
              ArchiveService archives, AuditTrail audit, ArchiveProperties props) {
        this.mongo = mongo;
        this.access = access;
        this.students = students;
        this.records = records;
        this.archives = archives;
        this.audit = audit;
        this.props = props;
    }

    record Window(String classId, String term, @Nullable LocalDate startOn, @Nullable LocalDate endOn, int workingDays,
                  int archives,
                  boolean open) {
    }

    Mono<Window> open(Actor actor, String classId, String term, Integer workingDays, LocalDate startOn) {
        int days = workingDays == null ? props.publicityDays() : workingDays;
        if (days < 1 || days > 20) {
            return Mono.error(Problems.invalid(List.of(FieldError.of("workingDays", "range", "field.between", 1, 20))));
        }
        LocalDate start = archives.calendar().firstWorkingDay(startOn == null ? archives.today() : startOn);
        if (start.isBefore(archives.today())) {
            return Mono.error(Problems.invalid("startOn", "in_past", "publicity cannot start in the past"));
        }
        LocalDate end = archives.calendar().end(start, days);
        return access.requireClass(actor, classId, DataClass.PUBLICITY, Action.REVIEW).flatMap(scope -> {
            String t = term == null ? scope.termCode() : term;
            TermArchive.Publicity p = new TermArchive.Publicity(start, end, days, ArchiveService.person(actor),
                    Instant.now(), null);
            return students.inClass(classId).concatMap(s -> mongo.findById(TermArchive.idOf(s.id(), t),
                                    TermArchive.class)
                            .defaultIfEmpty(new TermArchive(TermArchive.idOf(s.id(), t), s.schoolId(), s.id(), classId,
                                    t, Status.DRAFT, Map.of(), null, null, null, null, List.of(), null, 1, null, null,
                                    null, List.of(), null, Instant.now(), Instant.now()))
                            .filter(a -> a.status() == Status.DRAFT)
                            .flatMap(a -> {
                                TermArchive opened = new TermArchive(a.id(), a.schoolId(), a.studentId(), a.classId(),
                                        a.term(), Status.PUBLICITY, a.selection(), a.selfStatement(), a.comment(),
                                        a.commentBy(), p, a.signatures(), a.snapshot(), a.archiveVersion(),
                                        a.contentHash(), a.previousHash(), a.lockedAt(), a.amendments(), a.version(),
                                        a.createdAt(), Instant.now());
                                return a.version() == null ? mongo.insert(opened) : mongo.save(opened);
                            }))
                    .count()
                    .flatMap(n -> audit.record(AuditEvent.allowed(actor, "publicity.open", "class", classId, null,
                                    scope.schoolId()).withReason(t + " " + start + "–" + end))
                            .thenReturn(new Window(classId, t, start, end, days, n.intValue(),
                                    !archives.today().isAfter(end))));
        });
    }

    /** One student on the board: name, class, and the selected records — nothing else. */
    record BoardEntry(String studentId, String name, Map<String, List<BoardRecord>> selected, long openObjections,
                      @com.fasterxml.jackson.annotation.JsonIgnore String studentNo) {
    }

    record BoardRecord(String recordId, String dimensionLabel, String categoryName, String title, LocalDate occurredOn,
                       @Nullable String levelLabel, @Nullable String award) {
    }

    /**
     * The class's board, its students in 学号 order (the number itself is not shown). {@code canObject}: whether the
     * reader may raise an objection (classmates, their parents and teachers; not the school, which decides them).
     */
    record Board(String classId, String term, String termName, LocalDate startOn, LocalDate endOn, boolean open,
                 List<BoardEntry> students, boolean canObject) {
    }

    Mono<Board> board(Actor actor, String classId, String term) {
        return access.requireClass(actor, classId, DataClass.PUBLICITY, Action.READ).flatMap(scope -> {
            String t = term == null ? scope.termCode() : term;
            return mongo.find(Query.query(Criteria.where("classId").is(classId).and("term").is(t)
                            .and("publicity").ne(null)), TermArchive.class)
                    .collectList()
                    .flatMap(list -> {
                        if (list.isEmpty()) {
                            return Mono.error(Problems.notFound("publicity", classId + " " + t));
                        }
                        TermArchive.Publicity p = list.get(0).publicity();
                        return Flux.fromIterable(list).concatMap(a -> entry(a)).collectList()
                                .map(entries -> new Board(classId, t, TermCalendar.displayName(t), p.startOn(),
                                        p.endOn(), !archives.today().isAfter(p.endOn()) && p.closedEarlyAt() == null,
                                        entries.stream().sorted(java.util.Comparator.comparing(BoardEntry::studentNo,
                                                java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))
                                                .thenComparing(BoardEntry::name)).toList(),
                                        access.permits(scope.relationships(), DataClass.PUBLICITY, Action.WRITE)));
                    });
        });
    }

    private Mono<BoardEntry> entry(TermArchive a) {
        List<String> ids = a.selection().values().stream().flatMap(List::stream).toList();
        Mono<List<ArchivableRecord>> rs = ids.isEmpty() ? Mono.just(List.of()) : records.approved(ids).collectList();
        return Mono.zip(students.find(a.studentId()), rs, mongo.count(Query.query(Criteria.where("studentId")
                        .is(a.studentId()).and("term").is(a.term()).and("status").is("OPEN")), Objection.class))
                .map(t -> {
                    StudentView s = t.getT1();
                    Map<String, List<BoardRecord>> sel = new java.util.LinkedHashMap<>();
                    for (String d : ArchiveService.DIMENSIONS) {
                        List<BoardRecord> list = new ArrayList<>();
                        for (String id : a.selection().getOrDefault(d, List.of())) {
                            t.getT2().stream().filter(r -> r.id().equals(id) && !r.privateToFamily()).findFirst()
                                    .ifPresent(r -> list.add(new BoardRecord(r.id(), r.dimensionLabel(),
                                            r.categoryName(), r.title(), r.occurredOn(), r.levelLabel(), r.award())));
                        }
                        if (!list.isEmpty()) {
                            sel.put(d, list);
                        }
                    }
                    return new BoardEntry(s.id(), s.name(), sel, t.getT3(), s.studentNo());
                });
    }

    // ---------------------------------------------------------------- objections

    record ObjectionView(String id, String classId, String term, String studentId, String studentName,
                         String recordId, String reason, @Nullable String filedByName, String filedByRole,
                         Instant filedAt,
                         String status, @Nullable String resolution, @Nullable Instant resolvedAt, boolean mine) {
    }

    Mono<ObjectionView> object(Actor actor, String classId, String term, String studentId, String recordId,
                               String reason) {
        if (reason == null || reason.strip().length() < 5) {
            return Mono.error(Problems.invalid(List.of(FieldError.of("reason", "too_short", "field.min_length", 5))));
        }
        return access.requireClass(actor, classId, DataClass.PUBLICITY, Action.WRITE).flatMap(scope -> {
            String t = term == null ? scope.termCode() : term;
            return mongo.findById(TermArchive.idOf(studentId, t), TermArchive.class)
                    .filter(a -> classId.equals(a.classId()) && a.publicity() != null)
                    .switchIfEmpty(Mono.error(() -> Problems.notFound("publicity", studentId)))
                    .flatMap(a -> {
                        TermArchive.Publicity p = a.publicity();
                        if (archives.today().isBefore(p.startOn()) || archives.today().isAfter(p.endOn())
                                || p.closedEarlyAt() != null) {
                            return Mono.error(Problems.rule("publicity_closed", "Objections are taken only during "
                                    + "the publicity window " + p.startOn() + "–" + p.endOn()));
                        }
                        if (recordId != null && a.selection().values().stream().noneMatch(l -> l.contains(recordId))) {
                            return Mono.error(Problems.invalid("recordId", "not_selected",
                                    "this record is not in the student's publicised selection"));
                        }
                        Objection o = new Objection(Ids.newId(), a.schoolId(), classId, t, studentId, recordId,
                                reason.strip(), actor.username(), actor.displayName(), role(scope), Instant.now(),
                                "OPEN", null, null, null, null);
                        return mongo.insert(o);
                    })
                    .flatMap(o -> audit.record(AuditEvent.allowed(actor, "publicity.object", "objection", o.id(),
                            studentId, o.schoolId())).then(view(o, actor)));
        });
    }

    private static String role(ClassScope scope) {
        if (scope.is(Relationship.CLASSMATE)) {
            return "classmate";
        }
        if (scope.is(Relationship.CLASSMATE_GUARDIAN)) {
            return "parent";
        }
        return "teacher";
    }

    private Mono<ObjectionView> view(Objection o, Actor actor) {
        return students.find(o.studentId()).map(StudentView::name).defaultIfEmpty("").map(name -> new ObjectionView(
                o.id(), o.classId(), o.term(), o.studentId(), name, o.recordId(), o.reason(),
                o.filedBy().equals(actor.username()) ? o.filedByName() : null, o.filedByRole(), o.filedAt(),
                o.status(), o.resolution(), o.resolvedAt(), o.filedBy().equals(actor.username())));
    }

    /** The head teacher sees all objections of the class; everyone else the ones they filed. */
    Mono<List<ObjectionView>> objections(Actor actor, String classId, String term) {
        return access.requireClass(actor, classId, DataClass.PUBLICITY, Action.READ).flatMap(scope -> {
            String t = term == null ? scope.termCode() : term;
            boolean reviewer = access.permits(scope.relationships(), DataClass.PUBLICITY, Action.REVIEW);
            Criteria c = Criteria.where("classId").is(classId).and("term").is(t);
            if (!reviewer) {
                c = c.and("filedBy").is(actor.username());
            }
            return mongo.find(Query.query(c), Objection.class).concatMap(o -> reviewer ? viewForReviewer(o)
                    : view(o, actor)).collectList();
        });
    }

    private Mono<ObjectionView> viewForReviewer(Objection o) {
        return students.find(o.studentId()).map(StudentView::name).defaultIfEmpty("").map(name -> new ObjectionView(
                o.id(), o.classId(), o.term(), o.studentId(), name, o.recordId(), o.reason(), o.filedByName(),
                o.filedByRole(), o.filedAt(), o.status(), o.resolution(), o.resolvedAt(), false));
    }

    Mono<ObjectionView> resolve(Actor actor, String objectionId, boolean upheld, String resolution) {
        if (resolution == null || resolution.isBlank()) {
            return Mono.error(Problems.invalid("resolution", "required", "explain the decision to the objector"));
        }
        return mongo.findById(objectionId, Objection.class)
                .switchIfEmpty(Mono.error(() -> Problems.notFound("objection", objectionId)))
                .flatMap(o -> access.requireClass(actor, o.classId(), DataClass.PUBLICITY, Action.REVIEW)
                        .flatMap(scope -> {
                            if (!"OPEN".equals(o.status())) {
                                return Mono.error(Problems.conflict("objection_resolved", "Already resolved"));
                            }
                            Objection done = new Objection(o.id(), o.schoolId(), o.classId(), o.term(), o.studentId(),
                                    o.recordId(), o.reason(), o.filedBy(), o.filedByName(), o.filedByRole(),
                                    o.filedAt(), upheld ? "UPHELD" : "DISMISSED", resolution.strip(),
                                    actor.username(), Instant.now(), o.version());
                            Mono<Void> effect = upheld && o.recordId() != null ? removeFromSelection(o) : Mono.empty();
                            return mongo.save(done).flatMap(saved -> effect.thenReturn(saved));
                        }))
                .flatMap(o -> audit.record(AuditEvent.allowed(actor, "publicity.resolve", "objection", o.id(),
                                o.studentId(), o.schoolId()).withReason(o.status()))
                        .then(archives.notifyObjector(o.filedBy(), o.schoolId(), "异议处理结果 Objection decided",
                                ("UPHELD".equals(o.status()) ? "您提出的异议已被采纳：" : "您提出的异议未被采纳，理由：")
                                        + o.resolution()))
                        .then(viewForReviewer(o)));
    }

    private Mono<Void> removeFromSelection(Objection o) {
        return mongo.findById(TermArchive.idOf(o.studentId(), o.term()), TermArchive.class).flatMap(a -> {
            Map<String, List<String>> sel = new java.util.LinkedHashMap<>();
            a.selection().forEach((k, v) -> {
                List<String> kept = v.stream().filter(id -> !id.equals(o.recordId())).toList();
                if (!kept.isEmpty()) {
                    sel.put(k, kept);
                }
            });
            return mongo.save(new TermArchive(a.id(), a.schoolId(), a.studentId(), a.classId(), a.term(), a.status(),
                    sel, a.selfStatement(), a.comment(), a.commentBy(), a.publicity(), a.signatures(), a.snapshot(),
                    a.archiveVersion(), a.contentHash(), a.previousHash(), a.lockedAt(), a.amendments(), a.version(),
                    a.createdAt(), Instant.now()));
        }).then();
    }

    /** Ends a window early (e.g. after a short trial); objections then close too. */
    Mono<Window> close(Actor actor, String classId, String term) {
        return access.requireClass(actor, classId, DataClass.PUBLICITY, Action.REVIEW).flatMap(scope -> {
            String t = term == null ? scope.termCode() : term;
            return mongo.find(Query.query(Criteria.where("classId").is(classId).and("term").is(t)
                            .and("status").is(Status.PUBLICITY)), TermArchive.class)
                    .concatMap(a -> mongo.save(new TermArchive(a.id(), a.schoolId(), a.studentId(), a.classId(),
                            a.term(), a.status(), a.selection(), a.selfStatement(), a.comment(), a.commentBy(),
                            new TermArchive.Publicity(a.publicity().startOn(), a.publicity().endOn(),
                                    a.publicity().workingDays(), a.publicity().openedBy(), a.publicity().openedAt(),
                                    Instant.now()), a.signatures(), a.snapshot(), a.archiveVersion(), a.contentHash(),
                            a.previousHash(), a.lockedAt(), a.amendments(), a.version(), a.createdAt(),
                            Instant.now())))
                    .collectList()
                    .flatMap(list -> audit.record(AuditEvent.allowed(actor, "publicity.close", "class", classId, null,
                                    scope.schoolId()))
                            .thenReturn(list.isEmpty() ? new Window(classId, t, null, null, 0, 0, false)
                                    : new Window(classId, t, list.get(0).publicity().startOn(),
                                    list.get(0).publicity().endOn(), list.get(0).publicity().workingDays(),
                                    list.size(), false)));
        });
    }
}
