package org.zhsz.wellbeing;

/**
 * Published when screening answers raise an alert. Carries no content: listeners (the notification port: log and
 * in-app inbox now, SMS/WeChat adapters later) tell the school's counselors that a student needs follow-up.
 */
public record AlertRaised(String alertId, String schoolId, String studentId) {
}
