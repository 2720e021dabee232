package org.zhsz.wellbeing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.zhsz.platform.FieldCipher;
import org.zhsz.platform.SchoolClock;
import org.zhsz.student.StudentDirectory;
import org.zhsz.student.StudentView;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Demo: a closed autumn screening of C1 (PHQ-9 and GAD-7, adolescent wording) with its acknowledged alerts, an
 * open follow-up screening for C1 and C2 that students can answer now, and a 一人一案 plan for student_c1a with
 * the head teacher's daily check-in, follow-ups and a session note. All content encrypted like real data.
 */
@Component
@Order(50)
class DemoWellbeing implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoWellbeing.class);
    static final String PAST = "demo-screening-autumn";
    static final String OPEN = "demo-screening-followup";

    private final ReactiveMongoTemplate mongo;
    private final StudentDirectory students;
    private final Instruments instruments;
    private final FieldCipher cipher;
    private final JsonMapper json;
    private final DemoMode demo;
    private final SchoolClock clock;

    DemoWellbeing(ReactiveMongoTemplate mongo, StudentDirectory students, Instruments instruments,
                  FieldCipher cipher, JsonMapper json, DemoMode demo, SchoolClock clock) {
        this.mongo = mongo;
        this.students = students;
        this.instruments = instruments;
        this.cipher = cipher;
        this.json = json;
        this.demo = demo;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo.enabled() || Boolean.TRUE.equals(mongo.exists(
                org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("_id").is(PAST)),
                Docs.Campaign.class).block())) {
            return;
        }
        LocalDate today = clock.today();
        LocalDate termStart = TermCalendar.defaultStart(TermCalendar.codeOf(today));
        LocalDate pastOpen = termStart.plusDays(30).isAfter(today.minusDays(20)) ? today.minusDays(20)
                : termStart.plusDays(30);
        Instant now = clock.now();
        List<Object> docs = new ArrayList<>();
        docs.add(new Docs.Campaign(PAST, DemoMode.S1, "七年级秋季心理健康筛查", List.of("phq9", "gad7"), "adolescent",
                List.of(DemoMode.C1), pastOpen, pastOpen.plusDays(10), "CLOSED", "counselor_s1", now, now));
        docs.add(new Docs.Campaign(OPEN, DemoMode.S1, "七年级心理健康复评", List.of("phq9"), "adolescent",
                List.of(DemoMode.C1, DemoMode.C2), today.minusDays(3), today.plusDays(14), "ACTIVE", "counselor_s1",
                now, null));
        List<StudentView> c1 = students.inClass(DemoMode.C1).collectList().block();
        Random rnd = new Random(42);
        Instant answeredAt = pastOpen.plusDays(2).atStartOfDay(SchoolClock.ZONE).toInstant();
        for (StudentView s : c1) {
            if (s.id().equals("S1-C1-39") || s.id().equals("S1-C1-40")) {
                continue; // absent that week
            }
            for (String code : List.of("phq9", "gad7")) {
                Instrument in = instruments.find(code).orElseThrow();
                int n = in.items().size();
                List<Integer> answers = new ArrayList<>();
                int level = s.id().equals("S1-C1-12") ? 3 : rnd.nextInt(10) < 7 ? 0 : rnd.nextInt(10) < 7 ? 1 : 2;
                for (int i = 0; i < n; i++) {
                    int v = Math.max(0, Math.min(3, level + rnd.nextInt(3) - 1));
                    answers.add(v);
                }
                if (code.equals("phq9")) {
                    answers.set(8, s.id().equals("S1-C1-20") ? 1 : s.id().equals("S1-C1-12") ? 2 : 0);
                }
                InstrumentScorer.Score score = InstrumentScorer.score(in, answers);
                String id = "demo-resp-" + s.id() + "-" + code;
                Map<String, Object> result = Map.of("answers", answers, "total", score.total(), "band", score.band(),
                        "criticalItems", score.criticalItems(), "subscales", score.subscales());
                docs.add(new Docs.Response(id, PAST, DemoMode.S1, s.id(), s.classId(), 7, code, in.version(), "APP",
                        cipher.encrypt(json.writeValueAsString(result), "response:" + id), "STATUTORY:demo", 1,
                        s.username() == null ? "demo" : s.username(), answeredAt));
                if (score.raisesAlert()) {
                    String aid = "demo-alert-" + s.id() + "-" + code;
                    docs.add(new Docs.Alert(aid, DemoMode.S1, s.id(), PAST, id,
                            cipher.encrypt(new AlertReason(code, score.total(), score.band(), score.criticalItems())
                                    .encode(), "alert:" + aid), answeredAt,
                            answeredAt.plusSeconds(3600), "苏静怡",
                            cipher.encrypt("当天已约谈学生并联系家长", "alert-note:" + aid), null, 0L));
                }
            }
        }
        String sid = "S1-C1-01";
        docs.add(new Docs.Plan(sid, DemoMode.S1, DemoMode.C1, "yellow", "ACTIVE",
                enc(sid, "concerns", "开学后学业压力较大，入睡困难，偶有情绪低落；与同桌关系紧张。"),
                enc(sid, "goals", "一个月内恢复规律作息（23点前入睡）；能主动向老师或家长表达烦恼。"),
                enc(sid, "interventions", "每两周一次个别辅导；班主任每日晨检问候；与家长沟通减少晚间作业外的补习。"),
                List.of(new Docs.Responsible("counselor_s1", "苏静怡", "counselor", enc(sid, "duty", "主责心理教师，个别辅导")),
                        new Docs.Responsible("head_c1", "马晓梅", "head_teacher", enc(sid, "duty", "每日晨检问候，关注课堂状态"))),
                List.of(new Docs.Task("demo-task-1", "head_c1", enc(sid, "task", "每日晨检：与马思远简短交流，留意精神状态"),
                        "每日", null, false)),
                List.of(new Docs.FollowUp(today.minusDays(20), today.minusDays(20), enc(sid, "followup", "首次约谈，建立关系")),
                        new Docs.FollowUp(today.minusDays(2), null, enc(sid, "followup", "第二次个别辅导")),
                        new Docs.FollowUp(today.plusDays(12), null, enc(sid, "followup", "第三次个别辅导"))),
                today.plusDays(21), "counselor_s1", "苏静怡", now, 0L));
        docs.add(new Docs.Session("demo-session-1", sid, DemoMode.S1, today.minusDays(20), 40, "individual",
                cipher.encrypt("学生主诉睡眠差、担心期中考试；约定睡前不看手机。", "session:demo-session-1"), "counselor_s1",
                "苏静怡", now));
        Long added = Flux.fromIterable(docs).concatMap(d -> mongo.insert(d).thenReturn(1L)
                .onErrorResume(DuplicateKeyException.class, e -> Mono.just(0L))).reduce(0L, Long::sum).block();
        log.info("Demo wellbeing: {} documents added", added);
    }

    private String enc(String studentId, String field, String v) {
        return cipher.encrypt(v, "plan:" + studentId + ":" + field);
    }
}
