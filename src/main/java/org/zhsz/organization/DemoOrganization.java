package org.zhsz.organization;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import org.zhsz.organization.Documents.Assignment;
import org.zhsz.organization.Documents.Region;
import org.zhsz.organization.Documents.School;
import org.zhsz.organization.Documents.SchoolClass;
import org.zhsz.organization.Documents.Staff;
import org.zhsz.organization.Documents.Term;
import org.zhsz.platform.DemoMode;
import org.zhsz.platform.SchoolClock;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The demo county: 泾源县 with a junior middle school (S1) and a primary school (S2), this term and the last,
 * three classes and the staff of the realm's demo users. Inserted only where missing.
 */
@Component
@Order(10)
class DemoOrganization implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoOrganization.class);

    private final ReactiveMongoTemplate mongo;
    private final DemoMode demo;
    private final SchoolClock clock;
    private final OrganizationDirectory directory;

    DemoOrganization(ReactiveMongoTemplate mongo, DemoMode demo, SchoolClock clock, OrganizationDirectory directory) {
        this.directory = directory;
        this.mongo = mongo;
        this.demo = demo;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo.enabled()) {
            return;
        }
        Instant now = clock.now();
        String current = TermCalendar.codeOf(clock.today());
        String previous = TermCalendar.previous(current);
        List<Object> docs = new ArrayList<>();
        docs.add(new Region(DemoMode.COUNTY, "泾源县", "泾源县教育体育局"));
        docs.add(new School(DemoMode.S1, DemoMode.COUNTY, "泾源县第一中学", "6404240001", SchoolStage.JUNIOR,
                "宁夏回族自治区固原市泾源县香水镇", null, now, "demo", now, "demo"));
        docs.add(new School(DemoMode.S2, DemoMode.COUNTY, "泾源县泾河源镇中心小学", "6404240102", SchoolStage.PRIMARY,
                "宁夏回族自治区固原市泾源县泾河源镇", null, now, "demo", now, "demo"));
        for (String school : List.of(DemoMode.S1, DemoMode.S2)) {
            for (String code : List.of(previous, current)) {
                docs.add(new Term(school + ":" + code, school, code, TermCalendar.defaultStart(code),
                        TermCalendar.defaultEnd(code), null, now, "demo"));
            }
        }
        int entry = TermCalendar.schoolYearStart(current);
        docs.add(new SchoolClass(DemoMode.C1, DemoMode.S1, SchoolStage.JUNIOR, entry, 1, true, null, now, "demo", now,
                "demo"));
        docs.add(new SchoolClass(DemoMode.C2, DemoMode.S1, SchoolStage.JUNIOR, entry, 2, true, null, now, "demo", now,
                "demo"));
        docs.add(new SchoolClass(DemoMode.S2_C1, DemoMode.S2, SchoolStage.PRIMARY, entry - 4, 1, true, null, now,
                "demo", now, "demo"));
        docs.add(staff("admin_s1", DemoMode.S1, "王建国", Set.of(), now));
        docs.add(staff("head_c1", DemoMode.S1, "马晓梅", Set.of("英语"), now));
        docs.add(staff("teacher_c1", DemoMode.S1, "李文华", Set.of("语文"), now));
        docs.add(staff("pe_c1", DemoMode.S1, "海振宇", Set.of("体育"), now));
        docs.add(staff("teacher_c2", DemoMode.S1, "杨丽娟", Set.of("数学"), now));
        docs.add(staff("counselor_s1", DemoMode.S1, "苏静怡", Set.of("心理健康"), now));
        docs.add(staff("admin_s2", DemoMode.S2, "田志强", Set.of(), now));
        docs.add(staff("counselor_s2", DemoMode.S2, "兰芳", Set.of("心理健康"), now));
        docs.add(staff("teacher_s2", DemoMode.S2, "禹晓东", Set.of("语文", "体育"), now));
        for (String term : List.of(previous, current)) {
            docs.add(assignment(term, "head_c1", AssignmentRole.HEAD_TEACHER, DemoMode.S1, DemoMode.C1, null, now));
            docs.add(assignment(term, "head_c1", AssignmentRole.SUBJECT, DemoMode.S1, DemoMode.C1, "英语", now));
            docs.add(assignment(term, "teacher_c1", AssignmentRole.SUBJECT, DemoMode.S1, DemoMode.C1, "语文", now));
            docs.add(assignment(term, "pe_c1", AssignmentRole.PE, DemoMode.S1, DemoMode.C1, null, now));
            docs.add(assignment(term, "pe_c1", AssignmentRole.PE, DemoMode.S1, DemoMode.C2, null, now));
            docs.add(assignment(term, "teacher_c2", AssignmentRole.SUBJECT, DemoMode.S1, DemoMode.C2, "数学", now));
            docs.add(assignment(term, "counselor_s1", AssignmentRole.COUNSELOR, DemoMode.S1, null, null, now));
            docs.add(assignment(term, "teacher_s2", AssignmentRole.SUBJECT, DemoMode.S2, DemoMode.S2_C1, "语文", now));
            docs.add(assignment(term, "teacher_s2", AssignmentRole.PE, DemoMode.S2, DemoMode.S2_C1, null, now));
            docs.add(assignment(term, "counselor_s2", AssignmentRole.COUNSELOR, DemoMode.S2, null, null, now));
        }
        Long inserted = Flux.fromIterable(docs)
                .concatMap(d -> mongo.insert(d).thenReturn(1L)
                        .onErrorResume(DuplicateKeyException.class, e -> Mono.just(0L)))
                .reduce(0L, Long::sum)
                .block();
        directory.invalidateCaches(); // written straight to the store: nothing read before may be kept
        log.info("Demo organization: {} documents added", inserted);
    }

    private static Staff staff(String username, String school, String name, Set<String> subjects, Instant now) {
        return new Staff(username, school, name, subjects, null, now, "demo", null);
    }

    private static Assignment assignment(String term, String username, AssignmentRole role, String school,
                                         String classId, String subject, Instant now) {
        String id = "demo:" + term + ":" + username + ":" + role + ":" + (classId == null ? school : classId);
        return new Assignment(id, school, term, username, role, classId, subject, now, "demo");
    }

}
