package org.zhsz.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.zhsz.organization.AssignmentRole;
import org.zhsz.platform.Action;
import org.zhsz.platform.DataClass;
import org.zhsz.platform.Relationship;
import org.zhsz.platform.Role;

/**
 * docs/access-model.md shows the access table, where relationships come from and the permission codes of
 * {@code /me} exactly as the code has them: the generated parts between the {@code <!-- generated:NAME -->}
 * markers are rendered here and compared. Run with {@code -Dzhsz.docs.update=true} to rewrite them.
 */
class AccessModelDocTests {

    static final Path DOC = Path.of(System.getProperty("zhsz.project.dir", ".")).resolve("docs/access-model.md");

    /** What each data class is, in the document's words (a new data class needs a line here). */
    static final Map<DataClass, String> MEANING = new EnumMap<>(Map.ofEntries(
            Map.entry(DataClass.PROFILE, "name, sex, class"),
            Map.entry(DataClass.PROFILE_PRIVATE, "full 学籍号, birth date, ethnicity, guardians and phones, status history"),
            Map.entry(DataClass.GENERAL_RECORDS, "写实记录 and their evidence files"),
            Map.entry(DataClass.HEALTH_FITNESS, "体测 results item by item, height, weight"),
            Map.entry(DataClass.FITNESS_SCORE, "the 体测 total score and rating"),
            Map.entry(DataClass.SPECIAL_CONSTITUTION, "特异体质 flags with medical documents"),
            Map.entry(DataClass.SPECIAL_CONSTITUTION_GUIDANCE, "特异体质 flag and guidance, no documents"),
            Map.entry(DataClass.MENTAL_HEALTH, "screening answers and scores, 一人一案, sessions, referrals, alerts"),
            Map.entry(DataClass.MENTAL_HEALTH_FLAG, "a plain 需关注 flag, never content"),
            Map.entry(DataClass.SCREENING_RESPONSE, "answering a screening questionnaire"),
            Map.entry(DataClass.ARCHIVE, "the term archive (综评档案), the dossier PDF"),
            Map.entry(DataClass.ARCHIVE_STATEMENT, "the student's 自我陈述"),
            Map.entry(DataClass.ARCHIVE_COMMENT, "the head teacher's 评语, amendments"),
            Map.entry(DataClass.PUBLICITY, "公示 of a class, objections"),
            Map.entry(DataClass.CONSENT, "consent decisions"),
            Map.entry(DataClass.ACCESS_LOG, "who read the student's sensitive data"),
            Map.entry(DataClass.ACCOUNTS, "login accounts of a class's students and guardians"),
            Map.entry(DataClass.BREAK_GLASS_GRANT, "紧急调阅 (break-glass) grants"),
            Map.entry(DataClass.DOSSIER_RELEASE, "releases of dossiers to admissions"),
            Map.entry(DataClass.VISION, "视力筛查 values, categories, screening myopia, advice"),
            Map.entry(DataClass.VISION_ADVICE, "only whether a vision check-up is advised, no values"),
            Map.entry(DataClass.ATTENDANCE, "daily attendance with 晨午检 symptoms, sick-absence follow-ups (复课)"),
            Map.entry(DataClass.SCHOOL, "the school: name, address, terms, classes"),
            Map.entry(DataClass.SCHOOL_SETTINGS, "record categories, statutory processing bases, preset return reasons"),
            Map.entry(DataClass.STAFF, "the staff directory"),
            Map.entry(DataClass.ASSIGNMENTS, "teaching assignments"),
            Map.entry(DataClass.MENTAL_HEALTH_TASK, "tasks assigned to the reader in 一人一案 plans"),
            Map.entry(DataClass.RECORD_STATS, "写实记录 coverage of a class or school"),
            Map.entry(DataClass.FITNESS_STATS, "体测 statistics of a school"),
            Map.entry(DataClass.MENTAL_HEALTH_STATS, "k-suppressed mental-health counts of a school"),
            Map.entry(DataClass.ATTENDANCE_OVERVIEW, "a school's day with names: registers, absences, follow-ups, 控辍保学"),
            Map.entry(DataClass.HEALTH_STATS, "a school's vision statistics by grade and sex, trend"),
            Map.entry(DataClass.COUNTY_REPORT, "the county report against the plan's targets, suppressed, no names"),
            Map.entry(DataClass.EARLY_WARNING, "学生预警: who is flagged, the level, the reasons of data classes the reader may read"),
            Map.entry(DataClass.FITNESS_CALCULATOR, "the 体测 standard calculator (stores nothing)"),
            Map.entry(DataClass.COUNTY_STATS, "the county's suppressed aggregates (fitness, records, 五项管理 …)"),
            Map.entry(DataClass.CLASS_NOTICE, "班级通知 to a class's (or the school's) families, receipts, confirmations"),
            Map.entry(DataClass.HOME_TASK, "a student's home tasks (家务劳动) and their ticks and photos"),
            Map.entry(DataClass.HOME_TASK_CHECKLIST, "the school's per-grade home-task checklists"),
            Map.entry(DataClass.FIVE_MANAGEMENT, "五项管理 weekly check-ins of a family; the school's figures"),
            Map.entry(DataClass.HOMEWORK, "作业公示: the homework minutes a class's teachers declare per day"),
            Map.entry(DataClass.AUDIT_TRAIL, "the county's audit trail")));

    static String accessTable() {
        StringBuilder b = new StringBuilder("| data class | what | ");
        List<Action> actions = List.of(Action.values());
        b.append(actions.stream().map(a -> a.name().toLowerCase()).collect(Collectors.joining(" | "))).append(" |\n");
        b.append("|---|---|").append("---|".repeat(actions.size())).append('\n');
        Map<DataClass, Map<Action, Set<Relationship>>> table = AccessRules.table();
        for (DataClass dc : DataClass.values()) {
            b.append("| `").append(dc.name()).append("` | ").append(MEANING.getOrDefault(dc, "**(describe me)**"))
                    .append(" | ");
            for (Action a : actions) {
                Set<Relationship> allowed = table.getOrDefault(dc, Map.of()).getOrDefault(a, Set.of());
                b.append(allowed.isEmpty() ? "–" : names(allowed)).append(" | ");
            }
            b.setLength(b.length() - 1);
            b.append('\n');
        }
        return b.toString();
    }

    static String derivation() {
        List<String> lines = new ArrayList<>();
        lines.add("| source | roles | relationship |");
        lines.add("|---|---|---|");
        RoleRelationships.IN_OWN_SCHOOL.forEach((role, rels) -> lines.add("| the token's own school: to every "
                + "student, class and the school | " + claim(role) + " | " + names(rels) + " |"));
        RoleRelationships.TO_OWN_SCHOOL.forEach((role, rels) -> lines.add("| the token's own school: to the school "
                + "only | " + claim(role) + " | " + names(rels) + " |"));
        for (AssignmentRole a : AssignmentRole.values()) {
            var from = RoleRelationships.ASSIGNMENTS.get(a);
            String where = from.schoolWide() ? "to every student and class of the school, and the school"
                    : "to the class and its students" + (from.toSchool() != null ? "; to the school" : "");
            String rels = from.schoolWide() ? names(Set.of(from.toClass()))
                    : names(Set.of(from.toClass())) + (from.toSchool() != null ? "; " + names(Set.of(from.toSchool()))
                    : "");
            lines.add("| this term's `" + a.name() + "` assignment, " + where + " | "
                    + from.heldBy().stream().sorted().map(AccessModelDocTests::claim).collect(Collectors.joining(", "))
                    + " | " + rels + " |");
        }
        RoleRelationships.FAMILY.forEach((role, f) -> lines.add("| " + (role == Role.STUDENT
                ? "the student record of the account" : "a student whose guardian the account is")
                + ": to the student; their class; their school | " + claim(role) + " | "
                + names(Set.of(f.toStudent())) + "; " + names(Set.of(f.toClass())) + "; "
                + names(Set.of(f.toSchool())) + " |"));
        RoleRelationships.IN_OWN_COUNTY.forEach((role, rels) -> lines.add("| the token's county: to its schools, "
                + "classes and students, and the county | " + claim(role) + " | " + names(rels) + " |"));
        RoleRelationships.TO_OWN_ACCOUNT.forEach((role, rels) -> lines.add("| the account itself | " + claim(role)
                + " | " + names(rels) + " |"));
        RoleRelationships.GRANTS.forEach((kind, g) -> lines.add("| an active `" + kind.name() + "` grant"
                + (g.ownSchoolOnly() ? " in the token's own school" : "") + ": to the student | "
                + g.heldBy().stream().sorted().map(AccessModelDocTests::claim).collect(Collectors.joining(", "))
                + " | " + names(Set.of(g.toStudent())) + " |"));
        return String.join("\n", lines) + "\n";
    }

    static String permissions() {
        StringBuilder b = new StringBuilder("| code | scope | data class · action | what it opens |\n|---|---|---|---|\n");
        for (Permissions.Entry e : Permissions.CATALOGUE) {
            b.append("| `").append(e.code()).append("` | ").append(e.level().name().toLowerCase()).append(" | `")
                    .append(e.dataClass().name()).append("` · ").append(e.action().name().toLowerCase()).append(" | ")
                    .append(e.meaning()).append(" |\n");
        }
        return b.toString();
    }

    private static String claim(Role r) {
        return "`" + r.claim() + "`";
    }

    private static String names(Set<Relationship> rels) {
        return rels.stream().sorted().map(Relationship::name).collect(Collectors.joining(", "));
    }

    static String render(String doc, String name, String content) {
        String start = "<!-- generated:" + name + " -->\n";
        String end = "<!-- /generated:" + name + " -->";
        int a = doc.indexOf(start);
        int z = doc.indexOf(end);
        if (a < 0 || z < a) {
            throw new AssertionError("docs/access-model.md has no " + start.strip() + " … " + end + " section");
        }
        return doc.substring(0, a + start.length()) + content + doc.substring(z);
    }

    @Test
    void theDocumentShowsTheRulesAsTheCodeHasThem() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        String expected = render(render(render(doc, "access-table", accessTable()), "relationships", derivation()),
                "permissions", permissions());
        if (Boolean.getBoolean("zhsz.docs.update")) {
            Files.writeString(DOC, expected, StandardCharsets.UTF_8);
            doc = expected;
        }
        assertThat(MEANING.keySet()).as("every data class is described").containsAll(List.of(DataClass.values()));
        assertThat(doc).as("docs/access-model.md is out of date: run the build with -Dzhsz.docs.update=true "
                + "-Dtest=AccessModelDocTests").isEqualTo(expected);
    }
}
