package org.zhsz.family;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import org.zhsz.organization.TermCalendar;
import org.zhsz.platform.Actor;
import org.zhsz.platform.DemoMode;
import org.zhsz.platform.Role;
import org.zhsz.platform.SchoolClock;
import org.zhsz.record.FamilyLabour;
import org.zhsz.student.StudentDirectory;
import org.zhsz.student.StudentView;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The demo county's family work: notices in 七年级(1)班 with receipts and a school-wide one, S1's home-task
 * checklists for grades 7–9 (the defaults plus a local task), home tasks 马思远's father confirmed (waiting for the
 * head teacher's review) and one 杨雨桐 ticked herself, four weeks of 五项管理 check-ins for the three demo classes and
 * the homework 七年级(1)班's teachers declared. The demo's other guardians have no accounts; their receipts and
 * check-ins stand for families using the app. Deterministic; what exists is kept.
 */
@Component
@Order(60)
class DemoFamily implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoFamily.class);

    private final ReactiveMongoTemplate mongo;
    private final StudentDirectory students;
    private final Checklists checklists;
    private final FamilyLabour labour;
    private final DemoMode demo;
    private final SchoolClock clock;

    DemoFamily(ReactiveMongoTemplate mongo, StudentDirectory students, Checklists checklists, FamilyLabour labour,
               DemoMode demo, SchoolClock clock) {
        this.mongo = mongo;
        this.students = students;
        this.checklists = checklists;
        this.labour = labour;
        this.demo = demo;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo.enabled()) {
            return;
        }
        LocalDate today = clock.today();
        Instant now = clock.now();
        String term = TermCalendar.codeOf(today);
        List<StudentView> c1 = demoStudents(DemoMode.C1);
        List<StudentView> c2 = demoStudents(DemoMode.C2);
        List<StudentView> s2 = demoStudents(DemoMode.S2_C1);
        List<Object> docs = new ArrayList<>();
        Docs.Person head = new Docs.Person("head_c1", "马晓梅", "head_teacher");
        Docs.Person admin = new Docs.Person("admin_s1", "王建国", "school_admin");

        // ---- notices and receipts
        docs.add(new Docs.Notice("demo-notice-exams", DemoMode.S1, DemoMode.COUNTY, Docs.Scope.CLASS,
                List.of(DemoMode.C1), term, "期末考试安排及寒假安全提醒",
                "各位家长：\n本学期期末考试将于下月中旬进行，具体安排以学校通知为准。请督促孩子按时作息、认真复习，"
                        + "考试期间保证充足睡眠。寒假期间请注意交通、用火用电和防溺水安全，外出时告知去向。\n"
                        + "阅读后请点击“确认已阅”。",
                true, today.plusDays(5), Docs.Audience.GUARDIANS, List.of(), head, now.minus(Duration.ofDays(2)),
                List.of(), null));
        docs.add(new Docs.Notice("demo-notice-meeting", DemoMode.S1, DemoMode.COUNTY, Docs.Scope.CLASS,
                List.of(DemoMode.C1), term, "本周五下午召开家长会",
                "各位家长：本周五下午3点在七年级(1)班教室召开家长会，内容为本学期学习情况和寒假安排，请尽量安排时间参加。",
                false, null, Docs.Audience.GUARDIANS_AND_STUDENTS, List.of(), head, now.minus(Duration.ofHours(20)),
                List.of(), null));
        docs.add(new Docs.Notice("demo-notice-winter", DemoMode.S1, DemoMode.COUNTY, Docs.Scope.SCHOOL,
                List.of(DemoMode.C1, DemoMode.C2), term, "关于冬季校园安全的告知",
                "入冬以来气温较低，路面易结冰。请家长提醒孩子上下学注意交通安全，穿着保暖；学校每天早晨清扫校门口积雪。",
                false, null, Docs.Audience.GUARDIANS, List.of(), admin, now.minus(Duration.ofDays(6)), List.of(),
                null));
        receipts(docs, "demo-notice-exams", c1, 0.85, 0.65, now.minus(Duration.ofDays(2)), true);
        receipts(docs, "demo-notice-meeting", c1, 0.55, 0, now.minus(Duration.ofHours(20)), false);
        receipts(docs, "demo-notice-winter", c1, 0.7, 0, now.minus(Duration.ofDays(6)), true);
        receipts(docs, "demo-notice-winter", c2, 0.6, 0, now.minus(Duration.ofDays(6)), true);

        // ---- checklists: the defaults for grades 7–9, grade 7 with a task of the place
        for (int grade = 7; grade <= 9; grade++) {
            List<Docs.Task> items = new ArrayList<>(checklists.defaults(grade));
            if (grade == 7) {
                items.add(new Docs.Task("feed_livestock", "帮家里喂牛羊", "添草料、打扫圈舍，注意安全",
                        Docs.Frequency.WEEKLY, new BigDecimal("1.0"), false, null, null));
            }
            docs.add(new Docs.Checklist(Docs.Checklist.id(DemoMode.S1, grade), DemoMode.S1, grade, items, admin,
                    now.minus(Duration.ofDays(60)), null));
        }

        // ---- 五项管理: four weeks of check-ins and C1's declared homework
        LocalDate thisWeek = FiveRules.monday(today);
        checkIns(docs, c1, 7, "JUNIOR", thisWeek, new Random(71), now);
        checkIns(docs, c2, 7, "JUNIOR", thisWeek, new Random(72), now);
        checkIns(docs, s2, 5, "PRIMARY", thisWeek, new Random(51), now);
        homework(docs, thisWeek, today, now);

        long inserted = Flux.fromIterable(docs)
                .concatMap(d -> mongo.insert(d).thenReturn(1L)
                        .onErrorResume(DuplicateKeyException.class, e -> Mono.just(0L)))
                .reduce(0L, Long::sum).block();

        // ---- home tasks ticked and confirmed (through the record module, like the app does)
        long ticks = homeTasks(c1, c2, term, today, now);
        log.info("Demo family: {} documents and {} home tasks added", inserted, ticks);
    }

    /** The demo's own students of a class: one the school added since gets no invented receipts, ticks or check-ins. */
    private List<StudentView> demoStudents(String classId) {
        return students.inClass(classId).filter(s -> DemoMode.isDemoStudent(s.id())).collectList().block();
    }

    private static void receipts(List<Object> docs, String noticeId, List<StudentView> roster, double read,
                                 double confirmed, Instant sent, boolean parentRead) {
        Random rnd = new Random(noticeId.hashCode());
        for (StudentView s : roster) {
            for (int i = 0; i < s.guardians().size(); i++) {
                StudentView.GuardianView g = s.guardians().get(i);
                boolean isParentC1a = "parent_c1a".equals(g.username());
                double r = rnd.nextDouble();
                boolean reads = isParentC1a ? parentRead : r < read;
                if (!reads) {
                    continue;
                }
                Instant at = sent.plus(Duration.ofMinutes(20 + rnd.nextInt(600)));
                boolean confirms = isParentC1a ? confirmed > 0 : r < confirmed;
                String key = DeliveryDispatcher.guardianKey(g, i);
                docs.add(new Docs.Receipt(Docs.Receipt.id(noticeId, s.id(), key), noticeId, s.schoolId(), s.classId(),
                        s.id(), key, g.username(), "guardian", at,
                        confirms ? at.plus(Duration.ofMinutes(1 + rnd.nextInt(30))) : null));
            }
        }
    }

    private static void checkIns(List<Object> docs, List<StudentView> roster, int grade, String stage,
                                 LocalDate thisWeek, Random rnd, Instant now) {
        boolean primary = "PRIMARY".equals(stage);
        for (int w = 3; w >= 0; w--) {
            LocalDate week = thisWeek.minusWeeks(w);
            for (StudentView s : roster) {
                double p = rnd.nextDouble();
                // 马思远's family fills in this week in the demo walk-through, so the demo leaves it open
                if ((w == 0 && (p < 0.4 || "S1-C1-01".equals(s.id()))) || p < 0.12) {
                    continue;
                }
                int bed = (primary ? 20 * 60 + 30 : 21 * 60) + rnd.nextInt(primary ? 70 : 100);
                int wake = (primary ? 6 * 60 + 40 : 6 * 60 + 15) + rnd.nextInt(primary ? 40 : 45);
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("bedtime", hhmm(bed));
                v.put("wakeTime", hhmm(wake));
                v.put("homeworkMinutes", (primary ? 30 : 55) + rnd.nextInt(primary ? 50 : 70) / 5 * 5);
                v.put("phoneAtSchool", rnd.nextInt(12) == 0);
                v.put("booksRead", rnd.nextInt(10) < 4 ? 0 : 1 + rnd.nextInt(2));
                v.put("exerciseMinutes", 20 + rnd.nextInt(14) * 5);
                StudentView.GuardianView g = s.guardians().isEmpty() ? null : s.guardians().get(0);
                Docs.Person by = new Docs.Person(g == null ? null : g.username(), g == null ? s.name() : g.name(),
                        "parent");
                docs.add(new Docs.CheckIn(Docs.CheckIn.id(s.id(), week), s.schoolId(), s.classId(), s.id(), grade,
                        stage, week, v, FiveRules.sleepMinutes(hhmm(bed), hhmm(wake)), 1, by, now, now, null));
            }
        }
    }

    private static String hhmm(int minutes) {
        int m = Math.floorMod(minutes, 24 * 60);
        return String.format("%02d:%02d", m / 60, m % 60);
    }

    private static void homework(List<Object> docs, LocalDate thisWeek, LocalDate today, Instant now) {
        Random rnd = new Random(90);
        Docs.Person chinese = new Docs.Person("teacher_c1", "李文华", "teacher");
        Docs.Person english = new Docs.Person("head_c1", "马晓梅", "teacher");
        for (LocalDate d = thisWeek.minusWeeks(3); !d.isAfter(today); d = d.plusDays(1)) {
            if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            List<Docs.HomeworkEntry> entries = List.of(
                    new Docs.HomeworkEntry("语文", 25 + 5 * rnd.nextInt(5), "课文背诵与练习册", chinese, now),
                    new Docs.HomeworkEntry("英语", 20 + 5 * rnd.nextInt(4), "单词听写准备", english, now));
            docs.add(new Docs.Homework(Docs.Homework.id(DemoMode.C1, d), DemoMode.S1, DemoMode.C1, d, entries, null));
        }
    }

    private long homeTasks(List<StudentView> c1, List<StudentView> c2, String term, LocalDate today, Instant now) {
        Actor father = new Actor("demo", "parent_c1a", "马海军", Set.of(Role.PARENT), DemoMode.S1, DemoMode.COUNTY);
        List<Mono<Long>> work = new ArrayList<>();
        StudentView siyuan = c1.stream().filter(s -> "S1-C1-01".equals(s.id())).findFirst().orElse(null);
        if (siyuan != null) {
            work.add(confirmed(father, siyuan, "demo-ht-1", "clean_house", "打扫家庭卫生", today.minusDays(6),
                    new BigDecimal("1.0"), "周末和爸爸一起把家里打扫了一遍", term, now));
            work.add(confirmed(father, siyuan, "demo-ht-2", "cook_dish", "做一道家常菜", today.minusDays(3),
                    new BigDecimal("1.0"), "第一次自己炒了西红柿鸡蛋", term, now));
        }
        for (StudentView s : c1.stream().filter(s -> !"S1-C1-01".equals(s.id()) && !s.guardians().isEmpty())
                .skip(3).limit(3).toList()) {
            StudentView.GuardianView g = s.guardians().get(0);
            Actor a = new Actor("demo", "demo-" + s.id(), g.name(), Set.of(Role.PARENT), DemoMode.S1, DemoMode.COUNTY);
            work.add(confirmed(a, s, "demo-ht-" + s.id(), "wash_clothes", "洗衣服并晾晒、叠放", today.minusDays(2),
                    new BigDecimal("0.5"), null, term, now));
        }
        StudentView yutong = c2.stream().filter(s -> "student_c2a".equals(s.username())).findFirst().orElse(null);
        if (yutong != null) {
            Docs.Person self = new Docs.Person("student_c2a", yutong.name(), "student");
            work.add(mongo.insert(new Docs.Completion("demo-ht-c2a", DemoMode.S1, yutong.id(), yutong.classId(), term, 7,
                            "tidy_room", "整理房间与衣柜", today.minusDays(1), new BigDecimal("0.5"), "把衣柜重新整理了",
                            List.of(), self, Docs.CompletionStatus.AWAITING_GUARDIAN, null, null, null, now, null))
                    .thenReturn(1L).onErrorResume(DuplicateKeyException.class, e -> Mono.just(0L)));
        }
        return Flux.concat(work).reduce(0L, Long::sum).block();
    }

    /** A completion a guardian confirmed, with its labour record waiting for review (once). */
    private Mono<Long> confirmed(Actor guardian, StudentView s, String id, String code, String title, LocalDate on,
                                 BigDecimal hours, String note, String term, Instant now) {
        return mongo.exists(org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("_id").is(id)), Docs.Completion.class)
                .flatMap(exists -> {
                    if (exists) {
                        return Mono.just(0L);
                    }
                    StudentView.GuardianView g = s.guardians().get(0);
                    Docs.Person by = new Docs.Person(g.username(), g.name(), "parent");
                    FamilyLabour.Person p = new FamilyLabour.Person(g.username(), g.name(), g.relation());
                    return labour.submit(guardian, new FamilyLabour.Confirmation(id, s.id(), code, title,
                                    note == null ? "家庭劳动清单任务：" + title + "（家长确认）" : note, on, hours, List.of(),
                                    new FamilyLabour.Person(g.username(), g.name(), "parent"), p, now))
                            .flatMap(recordId -> mongo.insert(new Docs.Completion(id, s.schoolId(), s.id(),
                                    s.classId(), term, 7, code, title, on, hours, note, List.of(), by,
                                    Docs.CompletionStatus.CONFIRMED, by, now, recordId, now, null)))
                            .thenReturn(1L);
                });
    }
}
