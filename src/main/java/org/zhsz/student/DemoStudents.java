package org.zhsz.student;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import org.zhsz.organization.TermCalendar;
import org.zhsz.platform.DemoMode;
import org.zhsz.platform.SchoolClock;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * About forty students per demo class with plausible names (Hui and Han families, as in 泾源县), birth dates
 * fitting the grade, valid 学籍号 (G + an ID number with its check digit) and a guardian each. The realm's
 * demo accounts student_c1a, parent_c1a and student_c2a are linked here. Deterministic: the same every run.
 */
@Component
@Order(20)
class DemoStudents implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoStudents.class);

    static final String STUDENT_C1A = "S1-C1-01";
    static final String STUDENT_C2A = "S1-C2-01";

    private static final String[] SURNAMES = {"马", "马", "马", "海", "李", "王", "杨", "张", "禹", "兰", "田", "刘", "苏",
            "何", "冶", "丁", "白", "金", "穆", "虎", "余", "罗", "锁", "拜", "米", "赵", "陈"};
    private static final String[] BOY = {"浩然", "子涵", "宇轩", "俊杰", "明轩", "志强", "文博", "振华", "天佑", "嘉豪", "建军",
            "思远", "一鸣", "晨阳", "永福", "学军", "成龙", "鹏飞", "彦博", "国栋", "鑫", "磊", "斌", "强"};
    private static final String[] GIRL = {"雨桐", "欣怡", "梓涵", "诗琪", "佳怡", "晓燕", "婷婷", "海燕", "小梅", "雅琴", "思雨",
            "慧敏", "丽娜", "玉兰", "梦瑶", "静", "芳", "燕", "萍", "月", "若曦", "紫萱", "雪梅", "春花"};
    private static final String[] FATHER = {"建国", "志军", "永强", "德明", "海军", "学文", "国华", "占林", "成林", "富贵"};

    private final ReactiveMongoTemplate mongo;
    private final DemoMode demo;
    private final SchoolClock clock;

    DemoStudents(ReactiveMongoTemplate mongo, DemoMode demo, SchoolClock clock) {
        this.mongo = mongo;
        this.demo = demo;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo.enabled()) {
            return;
        }
        String current = TermCalendar.codeOf(clock.today());
        int start = TermCalendar.schoolYearStart(current);
        List<Student> all = new ArrayList<>();
        all.addAll(classOf(DemoMode.S1, DemoMode.C1, 40, start - 13, 11));
        all.addAll(classOf(DemoMode.S1, DemoMode.C2, 40, start - 13, 22));
        all.addAll(classOf(DemoMode.S2, DemoMode.S2_C1, 38, start - 11, 33));
        Long inserted = Flux.fromIterable(all)
                .concatMap(s -> mongo.insert(s).thenReturn(1L)
                        .onErrorResume(DuplicateKeyException.class, e -> Mono.just(0L)))
                .reduce(0L, Long::sum)
                .block();
        log.info("Demo students: {} added", inserted);
    }

    List<Student> classOf(String school, String classId, int count, int birthYear, long seed) {
        Random rnd = new Random(seed);
        Instant now = clock.now();
        LocalDate enrolled = TermCalendar.defaultStart(TermCalendar.codeOf(clock.today()));
        List<Student> list = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            boolean boy = rnd.nextBoolean();
            String surname = SURNAMES[rnd.nextInt(SURNAMES.length)];
            String given = boy ? BOY[rnd.nextInt(BOY.length)] : GIRL[rnd.nextInt(GIRL.length)];
            String username = null;
            List<Student.Guardian> guardians = new ArrayList<>();
            String fatherName = surname + FATHER[rnd.nextInt(FATHER.length)];
            String guardianUser = null;
            if (classId.equals(DemoMode.C1) && i == 1) {
                surname = "马";
                given = "思远";
                boy = true;
                username = "student_c1a";
                fatherName = "马海军";
                guardianUser = "parent_c1a";
            } else if (classId.equals(DemoMode.C2) && i == 1) {
                surname = "杨";
                given = "雨桐";
                boy = false;
                username = "student_c2a";
            } else if (classId.equals(DemoMode.C1) && i == 2) {
                // a rare character (U+4DAE) that ordinary CJK fonts lack: dossiers must still render it
                surname = "李";
                given = "䶮";
                boy = true;
            }
            LocalDate birth = LocalDate.of(birthYear, 9, 1).plusDays(rnd.nextInt(364));
            String id = classId + "-" + String.format("%02d", i);
            String studentNo = "G" + idNumber(birth, 100 + i * 2 + (boy ? 1 : 0) + (int) (seed % 7) * 100);
            guardians.add(new Student.Guardian(guardianUser, fatherName, "父亲",
                    "139" + String.format("%08d", Math.abs(rnd.nextInt(100_000_000)))));
            String ethnicity = rnd.nextInt(10) < 7 ? "回族" : "汉族";
            list.add(new Student(id, school, studentNo, surname + given, boy ? Sex.M : Sex.F, birth, ethnicity,
                    classId, StudentStatus.ENROLLED, username, guardians,
                    List.of(new Student.Enrollment(classId, enrolled, null, "入学")), null, now, "demo", now, "demo"));
        }
        return list;
    }

    /** An 18-character ID number for 泾源县 (640424) with a valid ISO 7064 MOD 11-2 check character. */
    static String idNumber(LocalDate birth, int sequence) {
        String body = "640424" + String.format("%04d%02d%02d", birth.getYear(), birth.getMonthValue(),
                birth.getDayOfMonth()) + String.format("%03d", sequence % 1000);
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }
}
