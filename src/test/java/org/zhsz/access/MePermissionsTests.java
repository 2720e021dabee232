package org.zhsz.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhsz.support.DemoUsers.jwt;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.zhsz.organization.TermCalendar;
import org.zhsz.platform.SchoolClock;
import org.zhsz.support.DemoUsers;
import org.zhsz.support.ZhszTest;

/**
 * {@code GET /api/v1/me} says what the user may do, and the API agrees: for every demo user, every permission
 * with a page behind it answers that page's request (2xx) for every id it names, and a permission the user lacks
 * is refused (403/404) — so a menu built from the permissions never offers a 403 and never hides a usable page.
 */
@ZhszTest
// its own store: the ids in /me (classes, students) must be the demo county's only, whatever other tests add
@org.springframework.test.context.TestPropertySource(properties = "zhsz.test.isolated=permissions")
class MePermissionsTests {

    @Autowired
    WebTestClient web;

    /** code → the request its page makes ({id} = an id of the permission's scope). */
    static final Map<String, List<String>> PROBES = new LinkedHashMap<>();

    static {
        String term = TermCalendar.codeOf(LocalDate.now(SchoolClock.ZONE));
        probe("student:profile.read", "/api/v1/students/{id}");
        probe("student:records.read", "/api/v1/students/{id}/records");
        probe("student:fitness.read", "/api/v1/students/{id}/fitness");
        probe("student:health-flags.read", "/api/v1/students/{id}/health-flags");
        probe("student:archive.read", "/api/v1/students/{id}/archives/" + term);
        probe("student:access-log.read", "/api/v1/students/{id}/access-log");
        probe("student:consents.decide", "/api/v1/students/{id}/consents");
        probe("student:screening.respond", "/api/v1/wellbeing/my-screenings");
        probe("class:classes.roster", "/api/v1/students?classId={id}");
        probe("class:records.read", "/api/v1/classes/{id}/records/overview");
        probe("class:records.coverage", "/api/v1/classes/{id}/coverage");
        probe("class:records.review", "/api/v1/records/review-queue");
        probe("class:fitness.scores.read", "/api/v1/classes/{id}/fitness");
        probe("class:fitness.read", "/api/v1/fitness/stats?classId={id}");
        probe("class:health-flags.read", "/api/v1/classes/{id}/health-flags");
        // (the board itself is 404 while a class has no 公示 window; its objections list always answers)
        probe("class:publicity.read", "/api/v1/classes/{id}/publicity/objections");
        probe("class:early-warnings.read", "/api/v1/classes/{id}/early-warnings");
        probe("school:early-warnings.school", "/api/v1/schools/{id}/early-warnings");
        probe("school:staff.read", "/api/v1/staff");
        probe("school:records.coverage.school", "/api/v1/schools/{id}/coverage");
        probe("school:fitness.stats.school", "/api/v1/fitness/stats");
        probe("school:fitness.export", "/api/v1/fitness/export");
        probe("school:wellbeing.casework", "/api/v1/wellbeing/alerts", "/api/v1/wellbeing/caseload",
                "/api/v1/wellbeing/campaigns", "/api/v1/wellbeing/stats/trend");
        probe("school:wellbeing.stats.school", "/api/v1/wellbeing/stats/school", "/api/v1/wellbeing/alerts/overdue");
        probe("school:wellbeing.tasks", "/api/v1/wellbeing/my-tasks");
        // (an admission officer reads GET /grants too: the releases given to them, their own page)
        probe("school:grants.read", "/api/v1/grants");
        probe("school:exports.dossiers", "/api/v1/dossier-exports");
        probe("school:exports.releases", "/api/v1/dossier-releases");
        probe("county:stats.county", "/api/v1/stats/coverage", "/api/v1/fitness/stats/county",
                "/api/v1/wellbeing/stats/county", "/api/v1/stats/early-warnings");
        probe("county:reports.county", "/api/v1/reports/county");
        probe("county:audit.read", "/api/v1/audit/events", "/api/v1/audit/verify");
        probe("account:exports.admissions", "/api/v1/admissions/dossiers");
    }

    private static void probe(String scopedCode, String... uris) {
        PROBES.put(scopedCode, List.of(uris));
    }

    record Granted(String code, String scope, List<String> ids) {
    }

    private final Map<String, List<Granted>> seen = new java.util.HashMap<>();

    private List<Granted> permissions(String user) {
        return seen.computeIfAbsent(user, this::load);
    }

    private List<Granted> load(String user) {
        Map<String, Object> me = web.mutateWith(jwt(user)).get().uri("/api/v1/me").exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult()
                .getResponseBody();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> raw = (List<Map<String, Object>>) me.get("permissions");
        List<Granted> out = new ArrayList<>();
        for (Map<String, Object> p : raw) {
            @SuppressWarnings("unchecked")
            List<String> ids = (List<String>) p.get("ids");
            out.add(new Granted((String) p.get("code"), (String) p.get("scope"), ids));
        }
        return out;
    }

    private Set<String> codes(String user) {
        Set<String> out = new TreeSet<>();
        permissions(user).forEach(g -> out.add(g.scope() + ":" + g.code()));
        return out;
    }

    private List<String> ids(String user, String scopedCode) {
        return permissions(user).stream().filter(g -> scopedCode.equals(g.scope() + ":" + g.code())).findFirst()
                .map(Granted::ids).orElse(List.of());
    }

    @Test
    void eachDemoUserGetsWhatTheirWorkNeedsAndNothingElse() {
        // a subject teacher: the roster, the scores, recording — never fitness details, statistics or exports
        assertThat(codes("teacher_c1")).contains("class:classes.roster", "class:fitness.scores.read",
                "class:records.write", "school:staff.read", "school:wellbeing.tasks").doesNotContain(
                "class:fitness.read", "class:fitness.write", "school:fitness.stats.school", "class:records.review",
                "school:fitness.export", "school:exports.dossiers");
        assertThat(ids("teacher_c1", "class:classes.roster")).containsExactly("S1-C1");
        // the PE teacher: fitness entry and class statistics for both classes, not the school's
        assertThat(ids("pe_c1", "class:fitness.write")).containsExactlyInAnyOrder("S1-C1", "S1-C2");
        assertThat(ids("pe_c1", "class:fitness.read")).containsExactlyInAnyOrder("S1-C1", "S1-C2");
        assertThat(codes("pe_c1")).doesNotContain("school:fitness.stats.school", "school:fitness.export");
        // the head teacher: reviews and comments for their class, the school's coverage, the attention flag
        assertThat(ids("head_c1", "class:records.review")).containsExactly("S1-C1");
        assertThat(codes("head_c1")).contains("class:archive.comment", "class:wellbeing.flag",
                "school:records.coverage.school").doesNotContain("school:wellbeing.casework");
        // the school admin: the school's administration, statistics and exports; reviews in every class
        assertThat(codes("admin_s1")).contains("school:school.write", "school:students.write",
                "school:staff.write", "school:assignments.write", "school:school.settings",
                "school:fitness.stats.school", "school:fitness.export", "school:exports.dossiers",
                "school:exports.releases", "school:grants.read", "school:break-glass", "school:wellbeing.stats.school")
                .doesNotContain("school:wellbeing.casework", "county:stats.county");
        assertThat(ids("admin_s1", "class:records.review")).containsExactlyInAnyOrder("S1-C1", "S1-C2");
        // the counselor: casework of the school
        assertThat(codes("counselor_s1")).contains("school:wellbeing.casework", "school:grants.read")
                .doesNotContain("school:break-glass", "school:fitness.stats.school");
        // the family
        assertThat(ids("student_c1a", "student:screening.respond")).containsExactly("S1-C1-01");
        assertThat(codes("student_c1a")).contains("student:records.write", "student:archive.statement",
                "student:access-log.read", "class:publicity.object").doesNotContain("class:classes.roster");
        assertThat(ids("parent_c1a", "student:access-log.read")).containsExactly("S1-C1-01");
        assertThat(codes("parent_c1a")).contains("student:consents.decide", "student:archive.sign")
                .doesNotContain("student:screening.respond", "student:records.write", "student:archive.statement");
        // the county and the admission office
        assertThat(codes("bureau")).containsExactlyInAnyOrder("county:stats.county", "county:fitness.calculator",
                "county:reports.county");
        assertThat(codes("auditor")).containsExactlyInAnyOrder("county:audit.read", "county:reports.county");
        assertThat(codes("admissions")).containsExactly("account:exports.admissions");
    }

    @Test
    void everyPermissionAnswersAndEveryMissingOneIsRefused() {
        List<String> wrong = new ArrayList<>();
        for (String user : DemoUsers.usernames()) {
            List<Granted> granted = permissions(user);
            for (var probe : PROBES.entrySet()) {
                String scopedCode = probe.getKey();
                List<String> ids = granted.stream().filter(g -> scopedCode.equals(g.scope() + ":" + g.code()))
                        .findFirst().map(Granted::ids).orElse(null);
                for (String template : probe.getValue()) {
                    if (ids == null) {
                        // not granted: its page, for the user's own things, is refused
                        if (scopedCode.equals("school:grants.read") && user.equals("admissions")) {
                            continue;
                        }
                        for (String id : ownIds(user, scopedCode)) {
                            int status = get(user, template.replace("{id}", id));
                            if (status < 400) {
                                wrong.add(user + " lacks " + scopedCode + " but " + template + " (" + id + ") answers "
                                        + status);
                            }
                        }
                        continue;
                    }
                    for (String id : ids.isEmpty() ? List.of("-") : ids) {
                        int status = get(user, template.replace("{id}", id));
                        if (status >= 300) {
                            wrong.add(user + " has " + scopedCode + " but " + template + " (" + id + ") answers "
                                    + status);
                        }
                    }
                }
            }
        }
        assertThat(wrong).as(String.join("\n", wrong)).isEmpty();
    }

    static final java.nio.file.Path FIXTURE = java.nio.file.Path.of(System.getProperty("zhsz.project.dir", "."))
            .resolve("frontend/src/navigation/demo-me.json");

    /**
     * The web app's menu tests run on what {@code /me} really answers for the demo users (roles, own record,
     * children, permissions), kept in frontend/src/navigation/demo-me.json; refresh it with
     * {@code -Dzhsz.docs.update=true}.
     */
    @Test
    void theWebAppsMenuTestsUseWhatTheServerAnswers() throws java.io.IOException {
        Map<String, Object> all = new java.util.TreeMap<>();
        for (String user : DemoUsers.usernames()) {
            Map<String, Object> me = web.mutateWith(jwt(user)).get().uri("/api/v1/me").exchange()
                    .expectStatus().isOk().expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                    .returnResult().getResponseBody();
            Map<String, Object> slim = new LinkedHashMap<>();
            slim.put("username", user);
            slim.put("roles", me.get("roles"));
            if (me.get("studentId") != null) {
                slim.put("studentId", me.get("studentId"));
            }
            if (me.get("children") instanceof List<?> kids) {
                slim.put("children", kids.stream().map(k -> (Map<?, ?>) k).map(k -> Map.of("studentId",
                        k.get("studentId"), "classId", k.get("classId"))).toList());
            }
            slim.put("permissions", me.get("permissions"));
            all.put(user, slim);
        }
        String expected = tools.jackson.databind.json.JsonMapper.builder()
                .enable(tools.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                .enable(tools.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build()
                .writeValueAsString(all) + "\n";
        if (Boolean.getBoolean("zhsz.docs.update")) {
            java.nio.file.Files.writeString(FIXTURE, expected);
        }
        assertThat(java.nio.file.Files.readString(FIXTURE)).as("frontend/src/navigation/demo-me.json is out of date: "
                + "run -Dtest=MePermissionsTests -Dzhsz.docs.update=true").isEqualTo(expected);
    }

    /** The ids a user's pages would use for a code's scope: their own student record, class, school, county. */
    private static List<String> ownIds(String user, String scopedCode) {
        DemoUsers.User u = DemoUsers.get(user);
        String scope = scopedCode.substring(0, scopedCode.indexOf(':'));
        return switch (scope) {
            // student-level codes are the family's view of their own child; staff reach students through classes
            case "student" -> user.equals("student_c1a") || user.equals("parent_c1a") ? List.of(AccessMatrix.C1A)
                    : user.equals("student_c2a") ? List.of(AccessMatrix.C2A) : List.of();
            case "class" -> List.of("S1-C1");
            case "school" -> List.of(u.attributes().getOrDefault("school_id", "S1"));
            default -> List.of("-");
        };
    }

    private int get(String user, String uri) {
        return web.mutateWith(jwt(user)).get().uri(uri).exchange().expectBody().returnResult().getStatus().value();
    }
}
