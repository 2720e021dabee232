package org.zhsz.record;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * 写实记录 in the module's stored shape, for the county-scale data generator (bench sources only): categories from
 * the defaults (skills for the skill categories, hours where a category counts them), teachers' records approved,
 * students' self-reports approved, rejected or (in the newest term) waiting for review.
 */
public final class RecordBenchData {

    private RecordBenchData() {
    }

    private static final String[][] TEACHER = {
            {"MORAL", "commendation"}, {"MORAL", "class_duty"}, {"MORAL", "daily_conduct"},
            {"MORAL", "volunteer_service"}, {"ACADEMIC", "reading"}, {"ACADEMIC", "research_project"},
            {"PHYSICAL", "sports_skill"}, {"PHYSICAL", "health_habit"}, {"ARTS", "course_performance"},
            {"ARTS", "arts_skill"}, {"LABOUR", "labour_course"}, {"LABOUR", "school_labour"},
            {"SOCIAL_PRACTICE", "research_trip"}, {"SOCIAL_PRACTICE", "community_service"}};
    private static final String[][] SELF = {{"LABOUR", "household"}, {"ACADEMIC", "reading"},
            {"SOCIAL_PRACTICE", "social_survey"}, {"LABOUR", "practice_base"}};
    private static final String[] SPORTS = {"篮球", "足球", "乒乓球", "跳绳", "武术", "游泳"};
    private static final String[] ARTS = {"书法", "舞蹈", "合唱", "花儿", "剪纸", "绘画"};
    private static final Map<String, Boolean> HOURS = Map.ofEntries(Map.entry("volunteer_service", true),
            Map.entry("labour_course", true), Map.entry("school_labour", true), Map.entry("household", true),
            Map.entry("practice_base", true), Map.entry("research_trip", true), Map.entry("community_service", true),
            Map.entry("social_survey", true));

    /**
     * One record. {@code self}: a student's self-report; {@code pending}: still waiting for review (SUBMITTED).
     */
    public static Object record(String id, String schoolId, String studentId, String classId, String term,
                                LocalDate on, boolean self, boolean pending, String teacher, String teacherName,
                                String studentUsername, Random rnd) {
        String[] cat = self ? SELF[rnd.nextInt(SELF.length)] : TEACHER[rnd.nextInt(TEACHER.length)];
        Dimension d = Dimension.valueOf(cat[0]);
        String skill = cat[1].equals("sports_skill") ? SPORTS[rnd.nextInt(SPORTS.length)]
                : cat[1].equals("arts_skill") ? ARTS[rnd.nextInt(ARTS.length)] : null;
        BigDecimal hours = HOURS.containsKey(cat[1]) ? BigDecimal.valueOf(1 + rnd.nextInt(4)) : null;
        RecordStatus status = !self ? RecordStatus.APPROVED : pending ? RecordStatus.SUBMITTED
                : rnd.nextInt(10) == 0 ? RecordStatus.REJECTED : RecordStatus.APPROVED;
        Instant at = on.atTime(16, rnd.nextInt(60)).toInstant(java.time.ZoneOffset.ofHours(8));
        StudentRecord.Person by = self ? new StudentRecord.Person(studentUsername, "学生", "student")
                : new StudentRecord.Person(teacher, teacherName, "teacher");
        StudentRecord.Review review = self && !pending ? new StudentRecord.Review(status.name(),
                status == RecordStatus.REJECTED ? "请补充细节" : null,
                new StudentRecord.Person(teacher, teacherName, "head_teacher"), at.plusSeconds(86_400)) : null;
        return new StudentRecord(id, schoolId, studentId, classId, term, d, cat[1], titleOf(cat[1]),
                "按学期记录的写实内容", on, hours, null, null, null, skill, List.of(),
                self ? StudentRecord.Source.STUDENT : StudentRecord.Source.TEACHER, status, by, review, null, null,
                List.of(new StudentRecord.Change(at, by, "create", Map.of(), null)), 0L, at,
                review == null ? at : review.at(), null);
    }

    private static String titleOf(String category) {
        return switch (category) {
            case "sports_skill" -> "掌握一项运动技能";
            case "arts_skill" -> "艺术特长展示";
            case "household" -> "在家帮忙做饭";
            case "volunteer_service" -> "社区志愿服务";
            default -> "学期写实记录";
        };
    }
}
