package org.zhsz.health;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Service;
import org.zhsz.organization.OrganizationDirectory;
import org.zhsz.student.StudentDirectory;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The health module's read API for other modules (the national upload file in fitness, the early warning in
 * insight): vision per student and school year, attendance per student and term, follow-ups. It decides nothing
 * about access and audits nothing: the calling module has asked the access policy for the student (or school)
 * first and audits what it shows.
 */
@Service
public class HealthQueries {

    /** One eye as screened: five-point values, dioptres (0.25 steps), axis in degrees; null when not measured. */
    public record EyeSummary(BigDecimal uncorrected, BigDecimal corrected, BigDecimal sphere, BigDecimal cylinder,
                             Integer axis, String category, boolean screeningMyopia) {
    }

    /**
     * A school year's screening. {@code glasses} NONE|FRAME|CONTACT|ORTHO_K; {@code category}
     * normal|mild|moderate|severe (the worse eye); {@code advice} NONE|RECHECK|SEE_DOCTOR.
     */
    public record VisionSummary(String studentId, String schoolYear, LocalDate examinedOn, String glasses,
                                EyeSummary left, EyeSummary right, String category, boolean screeningMyopia,
                                String advice) {
    }

    /** Registered school days in the period and the absences among them; {@code attendanceRate} in percent. */
    public record AttendanceSummary(String studentId, LocalDate from, LocalDate to, int schoolDays, int absentDays,
                                    int sickDays, int personalDays, int otherDays, BigDecimal attendanceRate,
                                    int openFollowUps) {
    }

    /** A sick absence's follow-up: OPEN until 复课 ({@code returnedOn}). */
    public record FollowUpSummary(String id, String studentId, LocalDate firstDay, LocalDate lastDay, int sickDays,
                                  List<String> symptoms, String status, LocalDate returnedOn) {
    }

    /** One registered school day of a class and who was absent (type SICK|PERSONAL|OTHER), without symptoms. */
    public record RegisterDay(String classId, LocalDate date, List<Absent> absent) {
    }

    public record Absent(String studentId, String type) {
    }

    private final AttendanceDay.Repository days;
    private final VisionScreening.Repository screenings;
    private final FollowUp.Repository followUps;
    private final AttendanceService attendance;
    private final StudentDirectory students;
    private final OrganizationDirectory organization;

    HealthQueries(AttendanceDay.Repository days, VisionScreening.Repository screenings,
                  FollowUp.Repository followUps, AttendanceService attendance, StudentDirectory students,
                  OrganizationDirectory organization) {
        this.days = days;
        this.screenings = screenings;
        this.followUps = followUps;
        this.attendance = attendance;
        this.students = students;
        this.organization = organization;
    }

    /** The screening of a school year ({@code 2026-2027}), empty when there is none. */
    public Mono<VisionSummary> vision(String studentId, String schoolYear) {
        return screenings.findById(VisionScreening.idOf(studentId, schoolYear)).map(HealthQueries::summary);
    }

    /** The screenings of these students in a school year, in no particular order (students without one are left out). */
    public Flux<VisionSummary> vision(Collection<String> studentIds, String schoolYear) {
        return screenings.findAllById(studentIds.stream().map(id -> VisionScreening.idOf(id, schoolYear)).toList())
                .map(HealthQueries::summary);
    }

    /** Every screening of the student, oldest first (一人一档). */
    public Flux<VisionSummary> visionHistory(String studentId) {
        return screenings.findByStudentId(studentId).sort(java.util.Comparator.comparing(
                VisionScreening::schoolYear)).map(HealthQueries::summary);
    }

    /** Attendance in a term of the student's school ({@code 2026-2027-1}), up to today; empty for an unknown term. */
    public Mono<AttendanceSummary> attendance(String studentId, String termCode) {
        return students.find(studentId).flatMap(s -> organization.term(s.schoolId(), termCode)
                .flatMap(t -> attendance(studentId, t.startDate(), t.endDate())));
    }

    /** Attendance over registered days in [from, to]. */
    public Mono<AttendanceSummary> attendance(String studentId, LocalDate from, LocalDate to) {
        return students.find(studentId).flatMap(s -> attendance.studentPeriod(s, from, to))
                .map(v -> new AttendanceSummary(v.studentId(), v.from(), v.to(), v.schoolDays(), v.absentDays(),
                        v.byType().getOrDefault("SICK", 0), v.byType().getOrDefault("PERSONAL", 0),
                        v.byType().getOrDefault("OTHER", 0), v.attendanceRate(),
                        (int) v.followUps().stream().filter(f -> f.status().equals("OPEN")).count()));
    }

    /** The class's registered days in [from, to], oldest first (days nobody registered are left out). */
    public Flux<RegisterDay> register(String classId, LocalDate from, LocalDate to) {
        return days.ofClasses(List.of(classId), from, to)
                .sort(java.util.Comparator.comparing(AttendanceDay::date))
                .map(d -> new RegisterDay(d.classId(), d.date(), d.absences().stream()
                        .map(a -> new Absent(a.studentId(), a.type().name())).toList()));
    }

    public Flux<FollowUpSummary> followUps(String studentId) {
        return followUps.findByStudentId(studentId).map(HealthQueries::summary);
    }

    public Flux<FollowUpSummary> openFollowUps(String schoolId) {
        return followUps.findBySchoolIdAndStatus(schoolId, FollowUp.Status.OPEN).map(HealthQueries::summary);
    }

    private static FollowUpSummary summary(FollowUp f) {
        List<LocalDate> sorted = f.days().stream().sorted().toList();
        return new FollowUpSummary(f.id(), f.studentId(), sorted.isEmpty() ? f.openedOn() : sorted.get(0),
                sorted.isEmpty() ? f.openedOn() : sorted.get(sorted.size() - 1), sorted.size(), f.symptoms(),
                f.status().name(), f.returnedOn());
    }

    private static VisionSummary summary(VisionScreening s) {
        return new VisionSummary(s.studentId(), s.schoolYear(), s.examinedOn(), s.glasses().name(), eye(s.left()),
                eye(s.right()), s.category(), s.screeningMyopia(), s.advice().name());
    }

    private static EyeSummary eye(VisionScreening.EyeRecord e) {
        return e == null ? null : new EyeSummary(e.uncorrected(), e.corrected(), e.sphere(), e.cylinder(), e.axis(),
                e.category(), e.screeningMyopia());
    }
}
