package org.zhsz.family;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.zhsz.student.StudentDirectory;
import org.zhsz.student.StudentView;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The family module's read API for other modules (e.g. early warning and the growth portrait): a student's
 * 五项管理 check-ins, home-task confirmations and labour hours from home, and a class's notice confirmation rate.
 * Access is the caller's to check (a student's check-ins are {@code DataClass.FIVE_MANAGEMENT}, home tasks
 * {@code HOME_TASK}, notices {@code CLASS_NOTICE}); reads of a child's check-ins should be audited by the caller.
 */
@Service
public class FamilyFigures {

    private final ReactiveMongoTemplate mongo;
    private final HomeTasks homeTasks;
    private final StudentDirectory students;

    FamilyFigures(ReactiveMongoTemplate mongo, HomeTasks homeTasks, StudentDirectory students) {
        this.mongo = mongo;
        this.homeTasks = homeTasks;
        this.students = students;
    }

    /** One week's check-in: minutes and counts as the family entered them; {@code sleepMinutes} derived. */
    public record CheckIn(String studentId, LocalDate weekStart, String bedtime, String wakeTime,
                          Integer sleepMinutes, Integer homeworkMinutes, Boolean phoneAtSchool, Integer booksRead,
                          Integer exerciseMinutes) {
    }

    /** The student's check-ins for the weeks starting between {@code from} and {@code to}, oldest first. */
    public Flux<CheckIn> checkIns(String studentId, LocalDate from, LocalDate to) {
        return mongo.find(Query.query(Criteria.where("studentId").is(studentId).and("weekStart").gte(from).lte(to)),
                        Docs.CheckIn.class)
                .sort((a, b) -> a.weekStart().compareTo(b.weekStart()))
                .map(c -> new CheckIn(c.studentId(), c.weekStart(), (String) c.values().get("bedtime"),
                        (String) c.values().get("wakeTime"), c.sleepMinutes(), number(c, "homeworkMinutes"),
                        (Boolean) c.values().get("phoneAtSchool"), number(c, "booksRead"),
                        number(c, "exerciseMinutes")));
    }

    private static Integer number(Docs.CheckIn c, String key) {
        return c.values().get(key) instanceof Number n ? n.intValue() : null;
    }

    /**
     * Home tasks of a term: ticks in force, confirmed by the family, approved by the head teacher (and their hours,
     * which the record module also counts as labour hours), waiting for a guardian.
     */
    public record HomeTaskSummary(String studentId, String term, int confirmed, int approved,
                                  BigDecimal approvedHours, int awaitingGuardian) {
    }

    public Mono<HomeTaskSummary> homeTasks(String studentId, String term) {
        return homeTasks.completions(studentId, term).collectList().flatMap(homeTasks::views).map(list -> {
            int confirmed = 0;
            int approved = 0;
            int waiting = 0;
            BigDecimal hours = BigDecimal.ZERO;
            for (HomeTasks.CompletionView v : list) {
                switch (v.status()) {
                    case "SUBMITTED", "REJECTED" -> confirmed++;
                    case "APPROVED" -> {
                        confirmed++;
                        approved++;
                        hours = hours.add(v.hours());
                    }
                    case "AWAITING_GUARDIAN" -> waiting++;
                    default -> { }
                }
            }
            return new HomeTaskSummary(studentId, term, confirmed, approved, hours, waiting);
        });
    }

    /**
     * Notices of a class in a term that asked for a confirmation, and the mean share of the class's students with at
     * least one guardian who confirmed (null when no notice asked for one).
     */
    public record NoticeConfirmation(String classId, String term, int notices, int askingConfirmation,
                                     Double confirmedShare) {
    }

    public Mono<NoticeConfirmation> noticeConfirmation(String classId, String term) {
        return Mono.zip(mongo.find(Query.query(Criteria.where("classIds").is(classId).and("term").is(term)),
                                Docs.Notice.class).collectList(),
                        students.inClass(classId).collectList())
                .flatMap(t -> {
                    List<Docs.Notice> asking = t.getT1().stream().filter(Docs.Notice::requiresConfirmation).toList();
                    List<StudentView> roster = t.getT2();
                    if (asking.isEmpty() || roster.isEmpty()) {
                        return Mono.just(new NoticeConfirmation(classId, term, t.getT1().size(), asking.size(), null));
                    }
                    return Flux.fromIterable(asking).concatMap(n -> mongo.find(Query.query(Criteria.where("noticeId")
                                            .is(n.id()).and("classId").is(classId)), Docs.Receipt.class).collectList()
                                    .map(receipts -> (double) ClassNotices.count(roster, receipts).studentsConfirmed()
                                            / roster.size()))
                            .collectList()
                            .map(shares -> new NoticeConfirmation(classId, term, t.getT1().size(), asking.size(),
                                    Math.round(1000.0 * shares.stream().mapToDouble(Double::doubleValue).average()
                                            .orElse(0)) / 10.0));
                });
    }
}
