package org.zhsz.health;

import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Health settings.
 *
 * @param attendance the daily register: {@code registerBy} the school-local time by which a class should be
 *                   registered (08:30; later is shown as late, none as missing); {@code absentStreakDays} school days
 *                   absent in a row that put a student on the 控辍保学 list (3); {@code clusterDay} and
 *                   {@code clusterThreeDays} the outbreak signal: sick absences with one symptom in one class on one
 *                   day (3) or within three registered days (5)
 */
@ConfigurationProperties("zhsz.health")
record HealthProperties(Attendance attendance) {

    HealthProperties {
        attendance = attendance == null ? new Attendance(null, null, null, null) : attendance;
    }

    record Attendance(LocalTime registerBy, Integer absentStreakDays, Integer clusterDay, Integer clusterThreeDays) {
        Attendance {
            registerBy = registerBy == null ? LocalTime.of(8, 30) : registerBy;
            absentStreakDays = absentStreakDays == null ? 3 : absentStreakDays;
            clusterDay = clusterDay == null ? 3 : clusterDay;
            clusterThreeDays = clusterThreeDays == null ? 5 : clusterThreeDays;
        }
    }
}
