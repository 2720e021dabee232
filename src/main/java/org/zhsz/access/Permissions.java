package org.zhsz.access;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Service;
import org.zhsz.platform.Action;
import org.zhsz.platform.Actor;
import org.zhsz.platform.DataClass;
import org.zhsz.platform.Relationship;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What the signed-in user may do, as stable permission codes for the web app's menus and buttons
 * ({@code GET /api/v1/me}). Each code is a data class and action of the access table at one scope level; it is
 * granted where the user's relationships at that level allow it — the same resolver and the same table as every
 * request, so a page the app offers is a page the API answers.
 */
@Service
class Permissions {

    /** Where a permission applies; its {@code ids} name the students, classes, school or county. */
    enum Level { STUDENT, CLASS, SCHOOL, COUNTY, ACCOUNT }

    /** One line of the catalogue. */
    record Entry(String code, Level level, DataClass dataClass, Action action, String meaning) {
    }

    /** One granted permission as {@code /me} returns it. */
    record Granted(String code, String scope, List<String> ids) {
    }

    /** The catalogue (docs/access-model.md renders it). */
    static final List<Entry> CATALOGUE = List.of(
            // the family's own view: student level, ids = the student themself or the children
            new Entry("profile.read", Level.STUDENT, DataClass.PROFILE, Action.READ, "the student's profile page"),
            new Entry("records.read", Level.STUDENT, DataClass.GENERAL_RECORDS, Action.READ, "写实记录 timeline"),
            new Entry("records.write", Level.STUDENT, DataClass.GENERAL_RECORDS, Action.WRITE,
                    "a student's own self-reported records"),
            new Entry("fitness.read", Level.STUDENT, DataClass.HEALTH_FITNESS, Action.READ, "体测 results in detail"),
            new Entry("health-flags.read", Level.STUDENT, DataClass.SPECIAL_CONSTITUTION_GUIDANCE, Action.READ,
                    "特异体质 flags and guidance"),
            new Entry("screening.respond", Level.STUDENT, DataClass.SCREENING_RESPONSE, Action.WRITE,
                    "answering the school's screening questionnaires (心情自评)"),
            new Entry("archive.read", Level.STUDENT, DataClass.ARCHIVE, Action.READ, "the term archive"),
            new Entry("archive.statement", Level.STUDENT, DataClass.ARCHIVE_STATEMENT, Action.WRITE,
                    "selecting records and writing the 自我陈述"),
            new Entry("archive.sign", Level.STUDENT, DataClass.ARCHIVE, Action.SIGN, "signing the term archive"),
            new Entry("dossier.download", Level.STUDENT, DataClass.ARCHIVE, Action.EXPORT, "the dossier PDF"),
            new Entry("access-log.read", Level.STUDENT, DataClass.ACCESS_LOG, Action.READ,
                    "who read the child's sensitive data"),
            new Entry("consents.decide", Level.STUDENT, DataClass.CONSENT, Action.WRITE, "consent decisions"),
            new Entry("home-tasks.read", Level.STUDENT, DataClass.HOME_TASK, Action.READ,
                    "the child's home tasks and ticks (家务劳动)"),
            new Entry("five-management.read", Level.STUDENT, DataClass.FIVE_MANAGEMENT, Action.READ,
                    "the child's 五项管理 check-ins"),
            new Entry("vision.read", Level.STUDENT, DataClass.VISION, Action.READ,
                    "视力筛查 results with plain-language advice"),
            new Entry("attendance.read", Level.STUDENT, DataClass.ATTENDANCE, Action.READ,
                    "daily attendance and 晨午检"),
            // a class: ids = the classes
            new Entry("classes.roster", Level.CLASS, DataClass.PROFILE, Action.READ, "the class roster"),
            new Entry("records.read", Level.CLASS, DataClass.GENERAL_RECORDS, Action.READ,
                    "the class's records and overview"),
            new Entry("records.write", Level.CLASS, DataClass.GENERAL_RECORDS, Action.WRITE,
                    "recording for the class's students, batch entry"),
            new Entry("records.review", Level.CLASS, DataClass.GENERAL_RECORDS, Action.REVIEW,
                    "the review queue of self-reports"),
            new Entry("records.coverage", Level.CLASS, DataClass.RECORD_STATS, Action.READ,
                    "skills and labour-hour coverage of the class"),
            new Entry("fitness.scores.read", Level.CLASS, DataClass.FITNESS_SCORE, Action.READ,
                    "the class's fitness grid (total scores and ratings)"),
            new Entry("fitness.read", Level.CLASS, DataClass.HEALTH_FITNESS, Action.READ,
                    "every item of the class's fitness results, class statistics"),
            new Entry("fitness.write", Level.CLASS, DataClass.HEALTH_FITNESS, Action.WRITE,
                    "entering and importing the class's fitness results"),
            new Entry("health-flags.read", Level.CLASS, DataClass.SPECIAL_CONSTITUTION_GUIDANCE, Action.READ,
                    "the class's 特异体质 flags and guidance"),
            new Entry("health-flags.documents", Level.CLASS, DataClass.SPECIAL_CONSTITUTION, Action.READ,
                    "特异体质 flags with their medical documents"),
            new Entry("health-flags.write", Level.CLASS, DataClass.SPECIAL_CONSTITUTION, Action.WRITE,
                    "recording 特异体质 flags"),
            new Entry("wellbeing.flag", Level.CLASS, DataClass.MENTAL_HEALTH_FLAG, Action.READ,
                    "the 需关注 flag of the class's students"),
            new Entry("publicity.read", Level.CLASS, DataClass.PUBLICITY, Action.READ, "the 公示 board"),
            new Entry("publicity.object", Level.CLASS, DataClass.PUBLICITY, Action.WRITE, "raising an objection"),
            new Entry("publicity.review", Level.CLASS, DataClass.PUBLICITY, Action.REVIEW,
                    "opening and closing 公示, resolving objections"),
            new Entry("archive.read", Level.CLASS, DataClass.ARCHIVE, Action.READ, "the class's term archives"),
            new Entry("archive.comment", Level.CLASS, DataClass.ARCHIVE_COMMENT, Action.WRITE,
                    "the head teacher's 评语 and amendments"),
            new Entry("archive.sign", Level.CLASS, DataClass.ARCHIVE, Action.SIGN, "signing the class's archives"),
            new Entry("archive.approve", Level.CLASS, DataClass.ARCHIVE, Action.APPROVE,
                    "the principal's approval that locks an archive"),
            new Entry("dossier.download", Level.CLASS, DataClass.ARCHIVE, Action.EXPORT,
                    "the dossier PDF of the class's students"),
            new Entry("access-log.read", Level.CLASS, DataClass.ACCESS_LOG, Action.READ,
                    "the access log of the class's students"),
            new Entry("accounts.manage", Level.CLASS, DataClass.ACCOUNTS, Action.WRITE,
                    "login accounts of the class's students and guardians (账号卡)"),
            new Entry("notices.read", Level.CLASS, DataClass.CLASS_NOTICE, Action.READ,
                    "the class's notices (班级通知), for its families and teachers"),
            new Entry("notices.send", Level.CLASS, DataClass.CLASS_NOTICE, Action.WRITE,
                    "sending notices to the class, receipts and reminders"),
            new Entry("home-tasks.read", Level.CLASS, DataClass.HOME_TASK, Action.READ,
                    "the class's home tasks and the families' ticks"),
            new Entry("five-management.read", Level.CLASS, DataClass.FIVE_MANAGEMENT, Action.READ,
                    "the class's 五项管理 week"),
            new Entry("homework.write", Level.CLASS, DataClass.HOMEWORK, Action.WRITE,
                    "declaring the day's homework (作业公示)"),
            new Entry("vision.read", Level.CLASS, DataClass.VISION, Action.READ,
                    "the class's vision grid with values"),
            new Entry("vision.write", Level.CLASS, DataClass.VISION, Action.WRITE,
                    "recording the class's vision screenings"),
            new Entry("attendance.write", Level.CLASS, DataClass.ATTENDANCE, Action.WRITE,
                    "the class's daily attendance register with 晨午检"),
            new Entry("early-warnings.read", Level.CLASS, DataClass.EARLY_WARNING, Action.READ,
                    "the class's early warnings (学生预警) with the reasons the user may read"),
            // the user's own school as a whole: ids = the school
            new Entry("school.write", Level.SCHOOL, DataClass.SCHOOL, Action.WRITE, "classes and terms"),
            new Entry("school.settings", Level.SCHOOL, DataClass.SCHOOL_SETTINGS, Action.WRITE,
                    "record categories, processing bases, return reasons"),
            new Entry("students.write", Level.SCHOOL, DataClass.PROFILE, Action.WRITE,
                    "the student registry, roster import"),
            new Entry("staff.read", Level.SCHOOL, DataClass.STAFF, Action.READ, "the staff directory"),
            new Entry("staff.write", Level.SCHOOL, DataClass.STAFF, Action.WRITE, "registering staff"),
            new Entry("assignments.write", Level.SCHOOL, DataClass.ASSIGNMENTS, Action.WRITE, "teaching assignments"),
            new Entry("records.coverage.school", Level.SCHOOL, DataClass.RECORD_STATS, Action.READ,
                    "the school's skills and labour-hour coverage"),
            new Entry("fitness.export", Level.SCHOOL, DataClass.HEALTH_FITNESS, Action.EXPORT,
                    "the national-format fitness export"),
            new Entry("fitness.stats.school", Level.SCHOOL, DataClass.FITNESS_STATS, Action.READ,
                    "the school's fitness statistics"),
            new Entry("fitness.calculator", Level.SCHOOL, DataClass.FITNESS_CALCULATOR, Action.READ,
                    "the fitness-standard calculator"),
            new Entry("wellbeing.casework", Level.SCHOOL, DataClass.MENTAL_HEALTH, Action.READ,
                    "alerts, caseload, screening campaigns (心理健康 casework)"),
            new Entry("wellbeing.stats.school", Level.SCHOOL, DataClass.MENTAL_HEALTH_STATS, Action.READ,
                    "the school's mental-health counts"),
            new Entry("wellbeing.tasks", Level.SCHOOL, DataClass.MENTAL_HEALTH_TASK, Action.READ,
                    "tasks assigned to the user in 一人一案 plans"),
            new Entry("grants.read", Level.SCHOOL, DataClass.BREAK_GLASS_GRANT, Action.READ, "break-glass grants"),
            new Entry("break-glass", Level.SCHOOL, DataClass.BREAK_GLASS_GRANT, Action.WRITE,
                    "opening a mental-health file in an emergency"),
            new Entry("notices.send.school", Level.SCHOOL, DataClass.CLASS_NOTICE, Action.WRITE,
                    "notices to the whole school"),
            new Entry("home-tasks.checklists", Level.SCHOOL, DataClass.HOME_TASK_CHECKLIST, Action.WRITE,
                    "the school's per-grade home-task checklists"),
            new Entry("five-management.stats.school", Level.SCHOOL, DataClass.FIVE_MANAGEMENT, Action.READ,
                    "the school's 五项管理 figures"),
            new Entry("exports.dossiers", Level.SCHOOL, DataClass.ARCHIVE, Action.EXPORT, "dossier ZIP exports"),
            new Entry("exports.releases", Level.SCHOOL, DataClass.DOSSIER_RELEASE, Action.WRITE,
                    "releasing dossiers to admission officers"),
            new Entry("vision.import", Level.SCHOOL, DataClass.VISION, Action.WRITE,
                    "importing the school's vision screenings"),
            new Entry("vision.export", Level.SCHOOL, DataClass.VISION, Action.EXPORT,
                    "exporting the school's vision screenings"),
            new Entry("health.stats.school", Level.SCHOOL, DataClass.HEALTH_STATS, Action.READ,
                    "the school's vision statistics by grade and sex, and their trend"),
            new Entry("attendance.overview", Level.SCHOOL, DataClass.ATTENDANCE_OVERVIEW, Action.READ,
                    "the school's day (registers, absences, 控辍保学) and open sick-absence follow-ups"),
            new Entry("early-warnings.school", Level.SCHOOL, DataClass.EARLY_WARNING, Action.READ,
                    "the school's early warnings (学生预警) with names"),
            // the user's own county: ids = the county
            new Entry("stats.county", Level.COUNTY, DataClass.COUNTY_STATS, Action.READ, "the county dashboard"),
            new Entry("audit.read", Level.COUNTY, DataClass.AUDIT_TRAIL, Action.READ, "the audit trail"),
            new Entry("reports.county", Level.COUNTY, DataClass.COUNTY_REPORT, Action.READ,
                    "the county report against the plan's targets"),
            new Entry("fitness.calculator", Level.COUNTY, DataClass.FITNESS_CALCULATOR, Action.READ,
                    "the fitness-standard calculator"),
            // the user's own account
            new Entry("exports.admissions", Level.ACCOUNT, DataClass.DOSSIER_RELEASE, Action.READ,
                    "dossiers released to the admission officer"));

    private final RelationshipResolver resolver;

    Permissions(RelationshipResolver resolver) {
        this.resolver = resolver;
    }

    Mono<List<Granted>> of(Actor actor) {
        Mono<Map<String, Set<Relationship>>> students = resolver.family(actor)
                .concatMap(f -> resolver.forStudent(actor, f.student()))
                .collectMap(s -> s.studentId(), s -> s.relationships(), LinkedHashMap::new);
        Mono<Map<String, Set<Relationship>>> classes = resolver.visibleClassIds(actor)
                .flatMapMany(ids -> Flux.fromIterable(new TreeSet<>(ids)))
                .concatMap(id -> resolver.forClass(actor, id))
                .collectMap(c -> c.classId(), c -> c.relationships(), LinkedHashMap::new);
        Mono<Map<String, Set<Relationship>>> school = resolver.forSchool(actor, actor.schoolId())
                .map(st -> Map.of(st.schoolId(), st.relationships()))
                .defaultIfEmpty(Map.of());
        Map<String, Set<Relationship>> county = actor.countyId() == null ? Map.of()
                : Map.of(actor.countyId(), resolver.forCounty(actor, actor.countyId()));
        Map<String, Set<Relationship>> account = Map.of(actor.username(), resolver.forAccount(actor));
        return Mono.zip(students, classes, school).map(t -> {
            Map<Level, Map<String, Set<Relationship>>> at = Map.of(Level.STUDENT, t.getT1(), Level.CLASS, t.getT2(),
                    Level.SCHOOL, t.getT3(), Level.COUNTY, county, Level.ACCOUNT, account);
            List<Granted> out = new ArrayList<>();
            for (Entry e : CATALOGUE) {
                List<String> ids = new ArrayList<>();
                at.get(e.level()).forEach((id, rels) -> {
                    if (AccessRules.permits(rels, e.dataClass(), e.action())) {
                        ids.add(id);
                    }
                });
                if (!ids.isEmpty()) {
                    out.add(new Granted(e.code(), e.level().name().toLowerCase(),
                            e.level() == Level.ACCOUNT ? List.of() : ids));
                }
            }
            return out;
        });
    }

    /** Levels a code is defined at (for tests and the documentation). */
    static Set<Level> levelsOf(String code) {
        Set<Level> out = EnumSet.noneOf(Level.class);
        CATALOGUE.stream().filter(e -> e.code().equals(code)).forEach(e -> out.add(e.level()));
        return out;
    }
}
