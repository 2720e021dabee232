package org.zhsz.fitness;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.zhsz.platform.DemoMode;
import org.zhsz.platform.FieldCipher;
import org.zhsz.platform.SchoolClock;
import org.zhsz.student.StudentDirectory;
import org.zhsz.student.StudentView;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A school year of fitness results for the demo classes (this school year; S2-C1 also the year before, for the
 * trend), drawn from the standard's own tables so the ratings spread over all four bands; one 补测 (S1-C1-07 failed
 * in October and passed two weeks later), one 免测 (S1-C2-05, with a medical certificate) and three 特异体质 flags
 * (asthma for S1-C1-05, heart disease for S1-C2-07, recovery after a fracture for S1-C2-05); S2-C1-25 not tested
 * this school year yet. Deterministic, and
 * inserted only where missing.
 */
@Component
@Order(30)
class DemoFitness implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoFitness.class);

    static final String MAKEUP_STUDENT = "S1-C1-07";
    static final String EXEMPT_STUDENT = "S1-C2-05";
    static final String ASTHMA_STUDENT = "S1-C1-05";
    static final String HEART_STUDENT = "S1-C2-07";
    /** Missed this school year's test days and is not tested yet (the early warning's "not tested"). */
    static final String MISSED_STUDENT = "S2-C1-25";

    private final DemoMode demo;
    private final StudentDirectory students;
    private final Placements placements;
    private final ResultStore store;
    private final ResultScoring scoring;
    private final MedicalDocuments documents;
    private final HealthFlag.Repository flags;
    private final FieldCipher cipher;
    private final SchoolClock clock;

    DemoFitness(DemoMode demo, StudentDirectory students, Placements placements, ResultStore store,
                ResultScoring scoring, MedicalDocuments documents, HealthFlag.Repository flags, FieldCipher cipher,
                SchoolClock clock) {
        this.demo = demo;
        this.students = students;
        this.placements = placements;
        this.store = store;
        this.scoring = scoring;
        this.documents = documents;
        this.flags = flags;
        this.cipher = cipher;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo.enabled()) {
            return;
        }
        String year = SchoolYears.of(clock.today());
        String previous = SchoolYears.ofStart(SchoolYears.start(year) - 1);
        int added = 0;
        added += classYear(DemoMode.C1, year, 111);
        added += classYear(DemoMode.C2, year, 222);
        added += classYear(DemoMode.S2_C1, year, 333);
        added += classYear(DemoMode.S2_C1, previous, 334);
        added += exemption(year);
        int flagsAdded = healthFlags();
        log.info("Demo fitness: {} results and {} health flags added", added, flagsAdded);
    }

    private LocalDate testDay(String year, int dayOffset) {
        LocalDate d = LocalDate.of(SchoolYears.start(year), 10, 12).plusDays(dayOffset);
        LocalDate today = clock.today();
        if (d.isAfter(today)) {
            d = today;
        }
        return d.isBefore(SchoolYears.firstDay(year)) ? SchoolYears.firstDay(year) : d;
    }

    private int classYear(String classId, String year, long seed) {
        Placements.Placement p = placements.of(classId, year).block();
        if (p == null || !p.valid()) {
            return 0;
        }
        List<StudentView> members = students.inClass(classId).collectList().block();
        Set<String> existing = store.findAll(members.stream().map(s -> SchoolYears.resultId(s.id(), year)).toList())
                .map(FitnessResult::studentId).collect(Collectors.toSet()).block();
        PlausibleResults gen = new PlausibleResults(scoring.scorer());
        Random rnd = new Random(seed);
        Instant now = clock.now();
        List<FitnessResult> writes = new ArrayList<>();
        for (StudentView s : members) {
            double ability = rnd.nextGaussian();
            boolean forceFail = s.id().equals(MAKEUP_STUDENT) && year.equals(SchoolYears.of(clock.today()));
            Map<String, Object> items = gen.items(p.grade(), s.sex().name(), forceFail ? -2.6 : ability, rnd);
            LocalDate date = testDay(year, rnd.nextInt(5));
            if (existing.contains(s.id())
                    || (s.id().equals(EXEMPT_STUDENT) || s.id().equals(MISSED_STUDENT))
                    && year.equals(SchoolYears.of(clock.today()))) {
                continue;
            }
            ResultScoring.Scored sc = scoring.score(p.grade(), s.sex().name(), items, date, "pe_demo", "体育组",
                    "demo", now);
            if (!sc.valid()) {
                log.warn("Demo fitness: generated values for {} rejected: {}", s.id(), sc.errors());
                continue;
            }
            FitnessResult r = FitnessResult.empty(s.schoolId(), s.id(), p.classId(), year, p.grade(), s.sex().name(),
                    now, "demo").withFirst(sc.attempt(), p.classId(), p.grade(), s.sex().name(), now, "demo");
            if (forceFail && sc.attempt().failed()) {
                Map<String, Object> better = gen.items(p.grade(), s.sex().name(), -0.6, new Random(seed + 7));
                ResultScoring.Scored mk = scoring.score(p.grade(), s.sex().name(), better,
                        testDay(year, 14), "pe_demo", "体育组", "demo", now);
                if (mk.valid()) {
                    r = r.withMakeup(mk.attempt(), now, "demo");
                }
            }
            writes.add(r);
        }
        Set<Integer> failed = store.write(writes).block();
        return writes.size() - failed.size();
    }

    /** A one-page PDF standing in for a hospital's certificate. */
    static byte[] demoCertificate() {
        String pdf = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
                + "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
                + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
                + "trailer<</Root 1 0 R>>\n%%EOF\n";
        return pdf.getBytes(StandardCharsets.US_ASCII);
    }

    private int exemption(String year) {
        StudentView s = students.find(EXEMPT_STUDENT).block();
        if (s == null || store.find(s.id(), year).blockOptional().isPresent()) {
            return 0;
        }
        Placements.Placement p = placements.of(s.classId(), year).block();
        if (p == null || !p.valid()) {
            return 0;
        }
        Instant now = clock.now();
        MedicalDocuments.Stored doc = documents.store(demoCertificate(), "诊断证明.pdf", s.schoolId(), s.id(),
                "fitness_exemption", "demo", now).block();
        FitnessResult r = FitnessResult.empty(s.schoolId(), s.id(), p.classId(), year, p.grade(), s.sex().name(), now,
                "demo").withExemption(new FitnessResult.Exemption("左胫骨骨折术后恢复期，医嘱本学年避免剧烈运动", doc.id(),
                doc.filename(), doc.contentType(), doc.size(), now, "demo"), now, "demo");
        Set<Integer> failed = store.write(List.of(r)).block();
        if (!failed.isEmpty()) {
            documents.delete(doc.id()).block();
            return 0;
        }
        return 1;
    }

    private int healthFlags() {
        Instant now = clock.now();
        List<HealthFlag> demoFlags = new ArrayList<>();
        demoFlags.add(flag(ASTHMA_STUDENT, DemoMode.S1, HealthFlag.Kind.ASTHMA,
                "运动诱发型哮喘：耐力跑前充分热身，避免冷空气中长时间奔跑；出现胸闷、喘息立即停止运动。吸入器由本人随身携带。",
                "支气管哮喘（运动诱发型），规律使用沙丁胺醇气雾剂，2025年曾急诊一次。", now));
        demoFlags.add(flag(HEART_STUDENT, DemoMode.S1, HealthFlag.Kind.HEART_DISEASE,
                "不参加1000米/800米跑及其他耐力和对抗项目；可参加低强度活动，出现心慌、面色苍白立即停止并通知校医。",
                "先天性心脏病（室间隔缺损）修补术后，心内科建议避免剧烈运动。", now));
        demoFlags.add(flag(EXEMPT_STUDENT, DemoMode.S1, HealthFlag.Kind.RECOVERY,
                "骨折术后恢复期，本学年体育课只做上肢和柔韧练习，不参加跑跳项目。",
                "左胫骨骨折内固定术后，复查前避免负重跑跳。", now));
        return Flux.fromIterable(demoFlags)
                .concatMap(f -> students.find(f.studentId())
                        .flatMap(s -> flags.insert(f).thenReturn(1))
                        .onErrorResume(DuplicateKeyException.class, e -> Mono.just(0)))
                .reduce(0, Integer::sum).blockOptional().orElse(0);
    }

    private HealthFlag flag(String studentId, String school, HealthFlag.Kind kind, String guidance,
                            String description, Instant now) {
        String id = "demo-flag-" + studentId;
        return new HealthFlag(id, school, studentId, kind, guidance,
                cipher.encrypt(description, HealthFlag.cipherContext(id)), List.of(), true, null, now, "demo", now,
                "demo", null, null, null);
    }
}
