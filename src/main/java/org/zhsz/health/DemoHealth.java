package org.zhsz.health;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.zhsz.health.AttendanceDay.Absence;
import org.zhsz.health.AttendanceDay.Type;
import org.zhsz.health.VisionRules.EyeInput;
import org.zhsz.organization.OrganizationDirectory;
import org.zhsz.organization.Views.TermView;
import org.zhsz.platform.DemoMode;
import org.zhsz.platform.SchoolClock;
import org.zhsz.student.StudentDirectory;
import org.zhsz.student.StudentView;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Health demo data for S1 (and S2's class, for the county's figures and trend): this school year's vision screening
 * of both S1 classes except 七年级(1)班's numbers 36–40 (still to screen), student_c1a with screening
 * myopia (the family is advised to see a doctor), S2's class this year and last; and the daily register of the last
 * three weeks of school days for both S1 classes (today is left to register), with sick absences (student_c1a one
 * day a week ago), their follow-ups (closed by 复课, the two most recent left open) and a student absent three days
 * in a row, and one often off sick (three days without symptoms in one month). Deterministic, inserted
 * only where missing.
 */
@Component
@Order(35)
class DemoHealth implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoHealth.class);

    static final String MYOPIC_STUDENT = "S1-C1-01";
    static final String STREAK_STUDENT = "S1-C2-11";
    /** Off sick (no symptoms reported, so no follow-up) three days in one month: the early warning's sick days. */
    static final String OFTEN_SICK_STUDENT = "S1-C1-12";
    static final int UNSCREENED_IN_C1 = 5;
    static final int REGISTER_DAYS = 15;

    private final DemoMode demo;
    private final StudentDirectory students;
    private final OrganizationDirectory organization;
    private final HealthPlacements placements;
    private final VisionScreening.Repository screenings;
    private final AttendanceDay.Repository days;
    private final FollowUp.Repository followUps;
    private final SchoolClock clock;
    private final VisionRules rules = new VisionRules(VisionStandard.get());

    DemoHealth(DemoMode demo, StudentDirectory students, OrganizationDirectory organization, HealthPlacements placements,
               VisionScreening.Repository screenings, AttendanceDay.Repository days, FollowUp.Repository followUps,
               SchoolClock clock) {
        this.demo = demo;
        this.students = students;
        this.organization = organization;
        this.placements = placements;
        this.screenings = screenings;
        this.days = days;
        this.followUps = followUps;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo.enabled()) {
            return;
        }
        String year = SchoolYearSpan.of(clock.today());
        String previous = SchoolYearSpan.ofStart(SchoolYearSpan.start(year) - 1);
        int vision = visionOf(DemoMode.C1, year, 611, UNSCREENED_IN_C1)
                + visionOf(DemoMode.C2, year, 622, 0)
                + visionOf(DemoMode.S2_C1, year, 633, 0)
                + visionOf(DemoMode.S2_C1, previous, 634, 0);
        int[] attendance = attendance();
        log.info("Demo health: {} vision screenings, {} class registers and {} follow-ups added", vision,
                attendance[0], attendance[1]);
    }

    private LocalDate screeningDay(String year, int offset) {
        LocalDate d = LocalDate.of(SchoolYearSpan.start(year), 10, 15).plusDays(offset);
        LocalDate today = clock.today();
        if (d.isAfter(today)) {
            d = today;
        }
        return d.isBefore(SchoolYearSpan.firstDay(year)) ? SchoolYearSpan.firstDay(year) : d;
    }

    private int visionOf(String classId, String year, long seed, int leaveOut) {
        List<StudentView> members = students.inClass(classId).collectList().block();
        if (members == null || members.isEmpty()) {
            return 0;
        }
        Set<String> existing = screenings.findAllById(members.stream().map(s -> VisionScreening.idOf(s.id(), year))
                .toList()).map(VisionScreening::studentId).collect(Collectors.toSet()).block();
        Random rnd = new Random(seed);
        Instant now = clock.now();
        int added = 0;
        for (int i = 0; i < members.size(); i++) {
            StudentView s = members.get(i);
            if (!DemoMode.isDemoStudent(s.id())) {
                continue; // added by the school after the demo data (an id of its own): not a demo student
            }
            if (Integer.parseInt(s.id().substring(s.id().lastIndexOf('-') + 1)) > members.size() - leaveOut) {
                continue; // the last numbers of the class are still to be screened
            }
            double eyes = rnd.nextDouble();
            EyeInput left;
            EyeInput right;
            String glasses = null;
            if (s.id().equals(MYOPIC_STUDENT)) {
                left = new EyeInput("4.8", null, "-1.25", "-0.50", "175");
                right = new EyeInput("4.9", null, "-0.75", null, null);
            } else {
                int degree = eyes < 0.55 ? 0 : eyes < 0.70 ? 1 : eyes < 0.88 ? 2 : 3;
                left = eye(degree, rnd);
                right = eye(Math.max(0, degree - (rnd.nextBoolean() ? 1 : 0)), rnd);
                if (degree >= 2 && rnd.nextInt(3) == 0) {
                    glasses = "FRAME";
                    left = new EyeInput(left.uncorrected(), "5.0", left.sphere(), left.cylinder(), left.axis());
                    right = new EyeInput(right.uncorrected(), "5.0", right.sphere(), right.cylinder(), right.axis());
                }
            }
            LocalDate date = screeningDay(year, rnd.nextInt(4));
            if (existing.contains(s.id())) {
                continue;
            }
            VisionRules.Checked c = rules.check(new VisionRules.VisionInput(date.toString(), glasses, left, right),
                    year, clock.today());
            if (!c.valid()) {
                log.warn("Demo health: generated vision of {} rejected: {}", s.id(), c.errors());
                continue;
            }
            HealthPlacements.Placed p = placements.on(s, date).block();
            VisionScreening v = VisionScreening.create(s.schoolId(), s.id(), s.sex().name(), year, now, "demo")
                    .with(c.measured(), rules.evaluate(c.measured()), p.classId(), p.grade(), now, "demo");
            Integer ok = screenings.insert(v).thenReturn(1)
                    .onErrorResume(DuplicateKeyException.class, e -> Mono.just(0)).block();
            added += ok == null ? 0 : ok;
        }
        return added;
    }

    /** An eye of the given degree (0 normal … 3 severe), myopic when poor, as an autorefractor prints it. */
    private static EyeInput eye(int degree, Random rnd) {
        String[][] vision = {{"5.0", "5.1", "5.2"}, {"4.9"}, {"4.6", "4.7", "4.8"}, {"4.0", "4.3", "4.5"}};
        String v = vision[degree][rnd.nextInt(vision[degree].length)];
        int quarters = switch (degree) {
            case 0 -> rnd.nextInt(5) - 1;         // -0.25 … +0.75
            case 1 -> -(2 + rnd.nextInt(3));      // -0.50 … -1.00
            case 2 -> -(4 + rnd.nextInt(7));      // -1.00 … -2.50
            default -> -(11 + rnd.nextInt(10));   // -2.75 … -5.00
        };
        int cyl = -rnd.nextInt(4);
        BigDecimal sphere = BigDecimal.valueOf(quarters * 25L, 2);
        BigDecimal cylinder = BigDecimal.valueOf(cyl * 25L, 2);
        return new EyeInput(v, null, sphere.toPlainString(), cyl == 0 ? null : cylinder.toPlainString(),
                cyl == 0 ? null : String.valueOf(5 * rnd.nextInt(37)));
    }

    // ---------------------------------------------------------------------------------------------- attendance

    private int[] attendance() {
        TermView term = organization.currentTerm(DemoMode.S1).block();
        if (term == null) {
            return new int[]{0, 0};
        }
        List<LocalDate> schoolDays = new ArrayList<>();
        for (LocalDate d = clock.today().minusDays(1); schoolDays.size() < REGISTER_DAYS
                && !d.isBefore(term.startDate()); d = d.minusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                schoolDays.add(0, d);
            }
        }
        int registers = 0;
        int follow = 0;
        Set<Integer> oftenSick = oftenSickDays(schoolDays);
        for (String classId : List.of(DemoMode.C1, DemoMode.C2)) {
            List<StudentView> members = students.inClass(classId).collectList().block();
            if (members == null || members.isEmpty()) {
                continue;
            }
            Random rnd = new Random(classId.hashCode());
            List<AttendanceDay> register = new ArrayList<>();
            Instant now = clock.now();
            for (int i = 0; i < schoolDays.size(); i++) {
                LocalDate d = schoolDays.get(i);
                Map<String, Absence> absences = new HashMap<>();
                int n = rnd.nextInt(3);
                for (int k = 0; k < n; k++) {
                    StudentView s = members.get(1 + rnd.nextInt(members.size() - 1));
                    absences.put(s.id(), absence(s.id(), rnd));
                }
                if (classId.equals(DemoMode.C1) && i == schoolDays.size() - 6) {
                    // 马思远 (student_c1a) was off sick for a day a week ago and came back the next
                    absences.put(MYOPIC_STUDENT, new Absence(MYOPIC_STUDENT, Type.SICK, List.of("FEVER", "COUGH"),
                            "家长来电：发热，已就诊"));
                }
                if (classId.equals(DemoMode.C1) && oftenSick.contains(i)) {
                    absences.put(OFTEN_SICK_STUDENT, new Absence(OFTEN_SICK_STUDENT, Type.SICK, List.of(),
                            "家长来电：身体不适，在家休息"));
                }
                if (classId.equals(DemoMode.C2) && i >= schoolDays.size() - 3) {
                    absences.put(STREAK_STUDENT, new Absence(STREAK_STUDENT, Type.PERSONAL, List.of(),
                            "家长称家中有事，电话已联系"));
                }
                Instant at = d.atTime(8, 5 + rnd.nextInt(20)).atZone(SchoolClock.ZONE).toInstant();
                List<Absence> list = new ArrayList<>(absences.values());
                list.sort(java.util.Comparator.comparing(Absence::studentId));
                register.add(new AttendanceDay(AttendanceDay.idOf(classId, d), DemoMode.S1, classId, d,
                        term.code(), members.size(), list, at, at, classId.equals(DemoMode.C1) ? "head_c1"
                        : "admin_s1", null));
            }
            List<AttendanceDay> inserted = Flux.fromIterable(register)
                    .concatMap(day -> days.insert(day).onErrorResume(DuplicateKeyException.class, e -> Mono.empty()))
                    .collectList().block();
            registers += inserted == null ? 0 : inserted.size();
            if (inserted != null && !inserted.isEmpty()) {
                follow += followUps(classId, register, now);
            }
        }
        return new int[]{registers, follow};
    }

    /** Every other register day of the latest five in one calendar month (none when the term is that young). */
    private static Set<Integer> oftenSickDays(List<LocalDate> schoolDays) {
        for (int k = schoolDays.size() - 5; k >= 0; k--) {
            if (java.time.YearMonth.from(schoolDays.get(k)).equals(java.time.YearMonth.from(schoolDays.get(k + 4)))) {
                return Set.of(k, k + 2, k + 4);
            }
        }
        return Set.of();
    }

    private static Absence absence(String studentId, Random rnd) {
        int kind = rnd.nextInt(10);
        if (kind < 6) {
            String[][] patterns = {{"FEVER", "COUGH"}, {"FEVER"}, {"COUGH", "SORE_THROAT"}, {"DIARRHEA", "VOMITING"},
                    {"HEADACHE"}, {}};
            String[] p = patterns[rnd.nextInt(patterns.length)];
            List<String> symptoms = Symptoms.codes().stream().filter(List.of(p)::contains).toList();
            return new Absence(studentId, Type.SICK, symptoms, symptoms.isEmpty() ? "家长来电：身体不适，在家休息"
                    : "家长来电，已就诊");
        }
        return kind < 9 ? new Absence(studentId, Type.PERSONAL, List.of(), "家长请假") : new Absence(studentId,
                Type.OTHER, List.of(), null);
    }

    /**
     * The follow-ups the register implies: a student's sick days with symptoms on consecutive register days form
     * one follow-up, closed with 复课 on the next register day, except when the last sick day is one of the two most
     * recent register days (still open).
     */
    private int followUps(String classId, List<AttendanceDay> register, Instant now) {
        Map<String, List<Integer>> sickIdx = new HashMap<>();
        for (int i = 0; i < register.size(); i++) {
            for (Absence a : register.get(i).absences()) {
                if (a.sickWithSymptoms()) {
                    sickIdx.computeIfAbsent(a.studentId(), k -> new ArrayList<>()).add(i);
                }
            }
        }
        List<FollowUp> out = new ArrayList<>();
        sickIdx.forEach((studentId, idx) -> {
            List<List<Integer>> runs = new ArrayList<>();
            for (int i : idx) {
                if (runs.isEmpty() || runs.get(runs.size() - 1).get(runs.get(runs.size() - 1).size() - 1) != i - 1) {
                    runs.add(new ArrayList<>());
                }
                runs.get(runs.size() - 1).add(i);
            }
            for (List<Integer> run : runs) {
                List<LocalDate> dates = run.stream().map(i -> register.get(i).date()).toList();
                TreeSet<String> symptoms = new TreeSet<>();
                run.forEach(i -> symptoms.addAll(register.get(i).absenceOf(studentId).symptoms()));
                List<String> ordered = Symptoms.codes().stream().filter(symptoms::contains).toList();
                int last = run.get(run.size() - 1);
                boolean open = last >= register.size() - 2;
                LocalDate back = open ? null : register.get(last + 1).date();
                out.add(new FollowUp(FollowUp.idOf(studentId, dates.get(0)), DemoMode.S1, studentId, classId,
                        dates.get(0), dates, ordered, open ? FollowUp.Status.OPEN : FollowUp.Status.CLOSED, back,
                        open ? null : "已复课，精神状态良好", open ? null : "doctor_s1", open ? null : now, null, now,
                        now));
            }
        });
        Integer n = Flux.fromIterable(out).concatMap(f -> followUps.insert(f).thenReturn(1)
                .onErrorResume(DuplicateKeyException.class, e -> Mono.just(0))).reduce(0, Integer::sum).block();
        return n == null ? 0 : n;
    }
}
