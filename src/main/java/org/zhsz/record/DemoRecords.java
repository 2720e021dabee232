package org.zhsz.record;

import java.math.BigDecimal;
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
import org.zhsz.platform.SchoolClock;
import org.zhsz.student.StudentDirectory;
import org.zhsz.student.StudentView;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A term of plausible records for the demo classes: teachers' records across the dimensions, skills and labour
 * hours for most students, a violation, self-reports waiting for head_c1's review, and student_c1a's own
 * drafts. Also a few records of the previous term for C1 (its archive is locked in the demo). Deterministic.
 */
@Component
@Order(40)
class DemoRecords implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoRecords.class);

    private final ReactiveMongoTemplate mongo;
    private final StudentDirectory students;
    private final DemoMode demo;
    private final SchoolClock clock;

    DemoRecords(ReactiveMongoTemplate mongo, StudentDirectory students, DemoMode demo, SchoolClock clock) {
        this.mongo = mongo;
        this.students = students;
        this.demo = demo;
        this.clock = clock;
    }

    private static final String[][] SPORTS = {{"篮球", "校园篮球联赛中担任控球后卫"}, {"足球", "参加校足球队训练"},
            {"乒乓球", "掌握正手攻球与发球技术"}, {"跳绳", "一分钟跳绳达到180次"}, {"武术", "完成初级长拳全套"},
            {"田径", "参加校运会800米比赛"}};
    private static final String[][] ARTS = {{"花儿演唱", "学唱宁夏“花儿”并在班会上表演"}, {"书法", "坚持练习楷书"},
            {"二胡", "能演奏《赛马》片段"}, {"剪纸", "完成回族传统纹样剪纸作品"}, {"合唱", "参加校合唱团"},
            {"绘画", "完成六盘山风景写生"}};

    private record Teacher(String username, String name, String role) {
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo.enabled()) {
            return;
        }
        LocalDate today = clock.today();
        String term = TermCalendar.codeOf(today);
        LocalDate start = TermCalendar.defaultStart(term);
        String prevTerm = TermCalendar.previous(term);
        LocalDate prevStart = TermCalendar.defaultStart(prevTerm);
        List<StudentRecord> all = new ArrayList<>();
        for (String classId : List.of(DemoMode.C1, DemoMode.C2, DemoMode.S2_C1)) {
            List<StudentView> list = students.inClass(classId).collectList().block();
            Teacher head = classId.equals(DemoMode.C1) ? new Teacher("head_c1", "马晓梅", "head_teacher")
                    : classId.equals(DemoMode.C2) ? new Teacher("teacher_c2", "杨丽娟", "teacher")
                    : new Teacher("teacher_s2", "禹晓东", "teacher");
            Teacher pe = classId.equals(DemoMode.S2_C1) ? new Teacher("teacher_s2", "禹晓东", "teacher")
                    : new Teacher("pe_c1", "海振宇", "teacher");
            Random rnd = new Random(classId.hashCode());
            for (StudentView s : list) {
                int n = 0;
                String base = s.id() + "-r";
                all.add(rec(base + n++, s, term, Dimension.MORAL, "volunteer_service", "重阳节敬老院志愿服务",
                        "与同学一起到香水镇敬老院打扫卫生、陪老人聊天", date(start, today, 36), new BigDecimal("3"),
                        Level.SCHOOL, null, null, null, head, RecordStatus.APPROVED, "demo-batch-volunteer"));
                if (rnd.nextInt(10) < 7) {
                    String[] sp = SPORTS[rnd.nextInt(SPORTS.length)];
                    all.add(rec(base + n++, s, term, Dimension.PHYSICAL, "sports_skill", "运动技能：" + sp[0], sp[1],
                            date(start, today, rnd.nextInt(60)), null, null, null, null, sp[0], pe,
                            RecordStatus.APPROVED, null));
                }
                if (rnd.nextInt(10) < 6) {
                    String[] ar = ARTS[rnd.nextInt(ARTS.length)];
                    all.add(rec(base + n++, s, term, Dimension.ARTS, "arts_skill", "艺术特长：" + ar[0], ar[1],
                            date(start, today, rnd.nextInt(60)), null, null, null, null, ar[0], head,
                            RecordStatus.APPROVED, null));
                }
                int hours = 4 + rnd.nextInt(16);
                all.add(rec(base + n++, s, term, Dimension.LABOUR, "school_labour", "校园包干区劳动",
                        "负责教学楼走廊的日常清扫", date(start, today, 20 + rnd.nextInt(30)), new BigDecimal(hours),
                        Level.SCHOOL, null, null, null, head, RecordStatus.APPROVED, null));
                if (rnd.nextInt(10) < 5) {
                    all.add(rec(base + n++, s, term, Dimension.LABOUR, "household", "家务劳动：做饭与整理",
                            "每周末为家人做一顿饭", date(start, today, 40 + rnd.nextInt(20)),
                            new BigDecimal(2 + rnd.nextInt(8)), null, null, null, null,
                            new Teacher(s.username() == null ? "student" : s.username(), s.name(), "student"),
                            RecordStatus.APPROVED, null));
                }
                if (rnd.nextInt(10) < 3) {
                    all.add(rec(base + n++, s, term, Dimension.ACADEMIC, "subject_competition", "县级数学竞赛",
                            "参加泾源县初中数学应用能力竞赛", date(start, today, 50), null, Level.COUNTY,
                            rnd.nextBoolean() ? "二等奖" : "三等奖", null, null, head, RecordStatus.APPROVED, null));
                }
                if (rnd.nextInt(10) < 4) {
                    all.add(rec(base + n++, s, term, Dimension.SOCIAL_PRACTICE, "research_trip", "六盘山红色研学",
                            "参观六盘山红军长征纪念馆，撰写研学报告", date(start, today, 25), new BigDecimal("6"),
                            Level.SCHOOL, null, null, null, head, RecordStatus.APPROVED, null));
                }
                if (rnd.nextInt(10) < 2 && !s.id().equals("S1-C1-01")) {
                    all.add(rec(base + n++, s, term, Dimension.ARTS, "performance_competition", "校园艺术节合唱比赛",
                            "随班级参加校园艺术节合唱比赛", date(start, today, 55), null, Level.SCHOOL, "一等奖",
                            null, null, new Teacher(s.username() == null ? "student" : s.username(), s.name(),
                                    "student"), RecordStatus.SUBMITTED, null));
                }
                if (classId.equals(DemoMode.C1) && s.id().compareTo("S1-C1-10") <= 0) {
                    all.add(rec(base + n++, s, prevTerm, Dimension.MORAL, "commendation", "小学毕业“优秀少先队员”",
                            "获学校“优秀少先队员”称号", date(prevStart, prevStart.plusMonths(5), 100), null,
                            Level.SCHOOL, "优秀少先队员", null, null, head, RecordStatus.APPROVED, null));
                    all.add(rec(base + n++, s, prevTerm, Dimension.LABOUR, "practice_base", "泾河源镇劳动实践基地",
                            "在实践基地种植土豆并记录生长", date(prevStart, prevStart.plusMonths(5), 80),
                            new BigDecimal("8"), Level.SCHOOL, null, null, null, head, RecordStatus.APPROVED, null));
                    all.add(rec(base + n++, s, prevTerm, Dimension.ARTS, "performance_competition", "六一文艺汇演",
                            "表演回族舞蹈《花儿与少年》", date(prevStart, prevStart.plusMonths(5), 120), null,
                            Level.SCHOOL, "优秀节目", null, null, head, RecordStatus.APPROVED, null));
                }
            }
        }
        StudentView c1a = students.find("S1-C1-01").block();
        if (c1a != null) {
            Teacher self = new Teacher("student_c1a", "马思远", "student");
            Teacher head = new Teacher("head_c1", "马晓梅", "head_teacher");
            all.add(rec("S1-C1-01-s1", c1a, term, Dimension.SOCIAL_PRACTICE, "community_service", "社区垃圾分类宣传",
                    "周末在香水镇社区发放垃圾分类宣传单", date(start, today, 70), new BigDecimal("4"), null, null, null,
                    null, self, RecordStatus.SUBMITTED, null));
            all.add(rec("S1-C1-01-s2", c1a, term, Dimension.ARTS, "grading_exam", "二胡考级（草稿）",
                    "准备参加二胡四级考试", date(start, today, 75), null, null, null, null, null, self,
                    RecordStatus.DRAFT, null));
            all.add(new StudentRecord("S1-C1-01-e1", c1a.schoolId(), c1a.id(), c1a.classId(), term, Dimension.MORAL,
                    "volunteer_service", "县图书馆志愿讲解员", "周末在泾源县图书馆为小读者讲解绘本",
                    date(start, today, 50), new BigDecimal("4"), Level.COUNTY, "优秀志愿者", null, null,
                    List.of(DEMO_EVIDENCE_ID), StudentRecord.Source.TEACHER, RecordStatus.APPROVED,
                    new StudentRecord.Person("head_c1", "马晓梅", "head_teacher"), null, null, null,
                    List.of(new StudentRecord.Change(clock.now(), new StudentRecord.Person("head_c1", "马晓梅",
                            "head_teacher"), "create", Map.of(), "demo")), null, clock.now(), clock.now(), null));
            all.add(rec("S1-C1-01-s3", c1a, term, Dimension.LABOUR, "household", "帮家里收玉米",
                    "国庆假期帮家里收玉米三天", date(start, today, 32), new BigDecimal("12"), null, null, null, null,
                    self, RecordStatus.APPROVED, null));
            all.add(rec("S1-C1-01-v1", c1a, term, Dimension.MORAL, "violation", "课堂使用手机",
                    "语文课上使用手机，经教育已改正", date(start, today, 45), null, null, null, "MINOR", null, head,
                    RecordStatus.APPROVED, null));
        }
        demoEvidence();
        Long added = Flux.fromIterable(all)
                .concatMap(r -> mongo.insert(r).thenReturn(1L)
                        .onErrorResume(DuplicateKeyException.class, e -> Mono.just(0L)))
                .reduce(0L, Long::sum).block();
        log.info("Demo records: {} added", added);
    }

    /** The fixed id of student_c1a's demo evidence photo (a certificate), linked from a volunteer record. */
    static final String DEMO_EVIDENCE_ID = "6a0000000000000000000001";

    private void demoEvidence() {
        var bucket = com.mongodb.reactivestreams.client.gridfs.GridFSBuckets.create(mongo.getMongoDatabase().block());
        var id = new org.bson.BsonObjectId(new org.bson.types.ObjectId(DEMO_EVIDENCE_ID));
        Boolean exists = Flux.from(bucket.find(new org.bson.Document("_id", id.getValue()))).hasElements().block();
        if (Boolean.TRUE.equals(exists)) {
            return;
        }
        byte[] png;
        try {
            java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(240, 160,
                    java.awt.image.BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D g = img.createGraphics();
            g.setColor(new java.awt.Color(0xFFF8E7));
            g.fillRect(0, 0, 240, 160);
            g.setColor(new java.awt.Color(0xC0392B));
            g.drawRect(8, 8, 224, 144);
            g.dispose();
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(img, "png", out);
            png = out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        org.bson.Document meta = new org.bson.Document("studentId", "S1-C1-01").append("schoolId", DemoMode.S1)
                .append("uploadedBy", "head_c1").append("contentType", "image/png")
                .append("sha256", org.zhsz.platform.UploadedFiles.sha256(png)).append("size", (long) png.length)
                .append("uploadedAt", java.util.Date.from(clock.now()));
        Mono.from(bucket.uploadFromPublisher(id, "志愿服务证书.png",
                Flux.just(java.nio.ByteBuffer.wrap(png)),
                new com.mongodb.client.gridfs.model.GridFSUploadOptions().metadata(meta))).block();
    }

    /** A date {@code offsetDays} after start, never after today. */
    private static LocalDate date(LocalDate start, LocalDate end, int offsetDays) {
        LocalDate d = start.plusDays(offsetDays);
        return d.isAfter(end) ? end : d;
    }

    private StudentRecord rec(String id, StudentView s, String term, Dimension dim, String category, String title,
                              String description, LocalDate on, BigDecimal hours, Level level, String award,
                              String severity, String skill, Teacher by, RecordStatus status, String batchId) {
        Instant now = clock.now();
        StudentRecord.Person p = new StudentRecord.Person(by.username(), by.name(), by.role());
        StudentRecord.Source source = "student".equals(by.role()) ? StudentRecord.Source.STUDENT
                : StudentRecord.Source.TEACHER;
        StudentRecord.Review review = "student".equals(by.role()) && status == RecordStatus.APPROVED
                ? new StudentRecord.Review("APPROVED", null, new StudentRecord.Person("head_c1", "马晓梅",
                "head_teacher"), now) : null;
        return new StudentRecord(id, s.schoolId(), s.id(), s.classId(), term, dim, category, title, description, on,
                hours, level, award, severity, skill, List.of(), source, status, p, review, null, batchId,
                List.of(new StudentRecord.Change(now, p, "create", Map.of(), "demo")), null, now, now, null);
    }
}
