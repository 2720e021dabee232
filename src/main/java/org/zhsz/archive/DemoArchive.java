package org.zhsz.archive;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import org.zhsz.archive.TermArchive.Person;
import org.zhsz.archive.TermArchive.SignRole;
import org.zhsz.archive.TermArchive.Status;
import org.zhsz.organization.TermCalendar;
import org.zhsz.platform.DemoMode;
import org.zhsz.platform.SchoolClock;
import org.zhsz.record.RecordDirectory;
import org.zhsz.record.RecordDirectory.ArchivableRecord;
import org.zhsz.student.StudentDirectory;
import org.zhsz.student.StudentView;

/**
 * Demo: student_c1a's archive of the previous term is locked (so the dossier and its verification work on a
 * fresh run), and this term 七年级(1)班 is in publicity with every student's selection, so parents can object.
 */
@Component
@Order(70)
class DemoArchive implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoArchive.class);

    private final ReactiveMongoTemplate mongo;
    private final ArchiveService archives;
    private final RecordDirectory records;
    private final StudentDirectory students;
    private final DemoMode demo;
    private final SchoolClock clock;

    DemoArchive(ReactiveMongoTemplate mongo, ArchiveService archives, RecordDirectory records,
                StudentDirectory students, DemoMode demo, SchoolClock clock) {
        this.mongo = mongo;
        this.archives = archives;
        this.records = records;
        this.students = students;
        this.demo = demo;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo.enabled()) {
            return;
        }
        String term = TermCalendar.codeOf(clock.today());
        String previous = TermCalendar.previous(term);
        StudentView c1a = students.find("S1-C1-01").block();
        if (c1a == null || mongo.findById(TermArchive.idOf(c1a.id(), previous), TermArchive.class).block() != null) {
            return;
        }
        // the previous term: locked
        LocalDate end = TermCalendar.defaultEnd(previous).minusDays(40);
        Instant signedAt = end.atTime(10, 0).atZone(SchoolClock.ZONE).toInstant();
        TermArchive prev = new TermArchive(TermArchive.idOf(c1a.id(), previous), c1a.schoolId(), c1a.id(),
                c1a.classId(), previous, Status.SIGNING, selection(c1a.id(), previous, 5),
                "这学期我积极参加少先队活动，在劳动实践基地学会了种土豆，也在六一汇演中第一次登台跳舞。我会继续努力，做一个有担当的少年。",
                "该生尊敬师长，团结同学，劳动积极，能主动承担班级事务。希望进入初中后保持良好的学习习惯，多读书、勤思考。",
                new Person("head_c1", "马晓梅"),
                new TermArchive.Publicity(end.minusDays(12), end.minusDays(6), 5, new Person("head_c1", "马晓梅"),
                        signedAt.minusSeconds(14 * 86400), null),
                List.of(new TermArchive.Signature(SignRole.STUDENT, "student_c1a", "马思远", signedAt),
                        new TermArchive.Signature(SignRole.GUARDIAN, "parent_c1a", "马海军", signedAt.plusSeconds(3600)),
                        new TermArchive.Signature(SignRole.HEAD_TEACHER, "head_c1", "马晓梅",
                                signedAt.plusSeconds(86400)),
                        new TermArchive.Signature(SignRole.PRINCIPAL, "admin_s1", "王建国",
                                signedAt.plusSeconds(2 * 86400))),
                null, 1, null, null, null, List.of(), null, signedAt, signedAt);
        TermArchive locked = archives.lock(prev, 1, null).block();
        mongo.insert(locked).block();

        // this term: C1 in publicity
        LocalDate start = archives.calendar().firstWorkingDay(clock.today().minusDays(1));
        if (start.isAfter(clock.today())) {
            start = clock.today();
        }
        TermArchive.Publicity window = new TermArchive.Publicity(start, archives.calendar().end(start, 5), 5,
                new Person("head_c1", "马晓梅"), clock.now(), null);
        int n = 0;
        for (StudentView s : students.inClass(DemoMode.C1).collectList().block()) {
            Map<String, List<String>> sel = selection(s.id(), term, 3);
            String statement = s.id().equals(c1a.id())
                    ? "升入初中后，我参加了敬老院志愿服务和县图书馆讲解，学会了照顾别人；国庆帮家里收玉米，体会到劳动的辛苦。希望自己在学习上更专注，早睡早起。"
                    : null;
            mongo.insert(new TermArchive(TermArchive.idOf(s.id(), term), s.schoolId(), s.id(), s.classId(), term,
                    Status.PUBLICITY, sel, statement, null, null, window, List.of(), null, 1, null, null, null,
                    List.of(), null, clock.now(), clock.now())).block();
            n++;
        }
        log.info("Demo archive: {} locked for {}, {} archives of 七年级(1)班 in publicity until {}", c1a.name(),
                previous, n, window.endOn());
    }

    private Map<String, List<String>> selection(String studentId, String term, int perDimension) {
        Map<String, List<String>> sel = new LinkedHashMap<>();
        for (ArchivableRecord r : records.approved(studentId, term).collectList().block()) {
            if (r.privateToFamily()) {
                continue;
            }
            List<String> list = sel.computeIfAbsent(r.dimension(), k -> new java.util.ArrayList<>());
            if (list.size() < perDimension) {
                list.add(r.id());
            }
        }
        return sel;
    }
}
