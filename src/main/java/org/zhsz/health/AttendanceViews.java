package org.zhsz.health;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;




/** What the attendance endpoints answer. */
final class AttendanceViews {

    private AttendanceViews() {
    }

    record AbsenceView(String studentId, String name, String type, List<String> symptoms, @Nullable String note) {
    }

    /** A class's register of a day; {@code registered} false = nobody registered it yet (everyone counted present). */
    record DayView(String classId, String className, LocalDate date, boolean registered, int members, int present,
                   int absent, Map<String, Integer> byType, @Nullable Instant firstRegisteredAt,
                   @Nullable Instant registeredAt,
                   @Nullable String registeredBy, List<AbsenceView> absences, List<FollowUpView> openFollowUps) {
    }

    record FollowUpView(String id, String studentId, String name, String classId, String className,
                        LocalDate firstDay, LocalDate lastDay, int sickDays, List<String> symptoms, String status,
                        @Nullable LocalDate returnedOn, @Nullable String returnNote, Long version) {
    }

    record DateAbsence(LocalDate date, String type, List<String> symptoms, @Nullable String note) {
    }

    /** A student's attendance over a period: registered school days, absences, the rate, follow-ups. */
    record StudentAttendance(String studentId, LocalDate from, LocalDate to, int schoolDays, int absentDays,
                             Map<String, Integer> byType, @Nullable BigDecimal attendanceRate,
                             List<DateAbsence> absences,
                             List<FollowUpView> followUps) {
    }

    /** REGISTERED on time, LATE (after the register-by time), PENDING (not yet, before it), MISSING (not at all). */
    record ClassStatus(String classId, String name, int grade, int members, String status,
                       @Nullable Instant registeredAt,
                       int absent, int sick) {
    }

    record Streak(String studentId, String name, String classId, String className, int days, String type,
                  LocalDate lastDay) {
    }

    record ClusterView(String classId, String className, String symptom, int onDay, int withinThreeDays) {
    }

    record Totals(int members, int registeredClasses, int classes, int absent, Map<String, Integer> byType,
                  Map<String, Integer> bySymptom) {
    }

    record SchoolDay(String schoolId, String schoolName, LocalDate date, LocalTime registerBy,
                     List<ClassStatus> classes, Totals totals, int absentStreakDays, List<Streak> streaks,
                     List<ClusterView> clusters, int openFollowUps) {
    }

    /** One day of the county's sick absences: null counts were suppressed (fewer than k, or to protect one). */
    record CountyDay(LocalDate date, @Nullable Integer sick, Map<String, Integer> bySymptom) {
    }

    record County(String countyId, String countyName, LocalDate from, LocalDate to, int suppressionThreshold,
                  List<String> symptoms, List<CountyDay> days, @Nullable Integer sick, Map<String, Integer> bySymptom) {
    }
}
