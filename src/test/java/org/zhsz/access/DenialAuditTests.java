package org.zhsz.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.bson.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.zhsz.support.DemoUsers;
import org.zhsz.support.ZhszTest;

/**
 * Every denial leaves an audit event: for a sample of the matrix's denied cells of each kind — a student's data
 * (403 in scope, 404 out of scope), a class, a school as a whole (statistics, imports, staff and settings), the
 * county (aggregates, the audit trail), an account, wellbeing casework, grants, exports, and a workflow rule of a
 * service — the refused request is followed by a DENIED event naming who, their role, what and why.
 */
@ZhszTest
class DenialAuditTests {

    @Autowired
    WebTestClient web;
    @Autowired
    ReactiveMongoTemplate mongo;

    @ParameterizedTest(name = "{1} {0} → {2}")
    @CsvSource({
            // a student's data: in scope but not allowed, and out of scope
            "GET /api/v1/students/S1-C1-01/wellbeing/plan,         head_c1,      403, student",
            "GET /api/v1/students/S1-C1-01,                        teacher_c2,   404, student",
            "GET /api/v1/students/S1-C1-05/health-flags,           teacher_c1,   403, student",
            // a class
            "GET /api/v1/classes/S1-C1/fitness,                    parent_c1a,   403, class",
            "GET /api/v1/fitness/stats?classId=S1-C1,              teacher_c1,   403, class",
            // a school as a whole: statistics, import, staff administration, settings
            "GET /api/v1/fitness/stats,                            head_c1,      403, school",
            "POST /api/v1/students/import,                         teacher_c1,   403, school",
            "POST /api/v1/staff,                                   counselor_s1, 403, school",
            "PUT /api/v1/record-categories,                        head_c1,      403, school",
            "GET /api/v1/schools/S1/processing-bases,              teacher_c1,   403, school",
            "GET /api/v1/schools/S1/coverage,                      bureau,       403, school",
            // the county: aggregates, the audit trail
            "GET /api/v1/stats/coverage,                           admin_s1,     403, county",
            "GET /api/v1/wellbeing/stats/county,                   counselor_s1, 403, county",
            "GET /api/v1/audit/events,                             bureau,       403, county",
            // an account: the admission officer's inbox
            "GET /api/v1/admissions/dossiers,                      admin_s1,     403, account",
            // wellbeing casework, grants, exports
            "GET /api/v1/wellbeing/alerts,                         head_c1,      403, school",
            "GET /api/v1/wellbeing/caseload,                       admin_s1,     403, school",
            "GET /api/v1/grants,                                   teacher_c1,   403, grants",
            "GET /api/v1/dossier-exports,                          head_c1,      403, school",
            "GET /api/v1/fitness/export,                           pe_c1,        403, school",
            "POST /api/v1/students/S1-C2-01/break-glass,           counselor_s1, 403, student",
            // a workflow rule inside a service (only the author or a reviewer edits a record)
            "PATCH /api/v1/students/S1-C1-01/records/S1-C1-01-r0,  teacher_c1,   403, request",
    })
    void aDeniedRequestLeavesAnAuditEvent(String request, String user, int status, String resourceType) {
        String method = request.substring(0, request.indexOf(' '));
        String uri = request.substring(request.indexOf(' ') + 1);
        AccessMatrix.Row row = AccessMatrix.rows().stream()
                .filter(r -> r.method().name().equals(method) && r.uri().startsWith(uri))
                .findFirst().orElseThrow(() -> new AssertionError("no matrix row for " + request));
        assertThat(row.expectedFor(user)).as("the matrix denies this cell").isEqualTo(status);
        Set<Object> before = denials(user).stream().map(d -> d.get("_id")).collect(Collectors.toSet());

        int actual = AccessMatrix.call(web, row, c -> c.mutateWith(DemoUsers.jwt(user)));

        assertThat(actual).isEqualTo(status);
        List<Document> added = denials(user).stream().filter(d -> !before.contains(d.get("_id"))).toList();
        assertThat(added).as("one DENIED event for %s after %s", user, request).hasSize(1);
        Document event = added.get(0);
        String role = DemoUsers.get(user).roles().contains("head_teacher") ? "head_teacher"
                : DemoUsers.get(user).roles().get(0);
        assertThat(event.getString("username")).isEqualTo(user);
        assertThat(event.getString("role")).isEqualTo(role);
        assertThat(event.getString("action")).as("what was attempted").isNotBlank();
        assertThat(event.getString("resourceType")).isEqualTo(resourceType);
        assertThat(event.getString("reason")).as("why it was refused").isNotBlank();
        if (!"request".equals(resourceType)) {
            assertThat(event.getString("dataClass")).as("which data class").isNotBlank();
        } else {
            assertThat(event.getString("resourceId")).isEqualTo(method + " " + uri);
            assertThat(event.getString("studentId")).isEqualTo("S1-C1-01");
        }
    }

    /** The user's DENIED events. */
    private List<Document> denials(String user) {
        return mongo.find(Query.query(Criteria.where("username").is(user).and("outcome").is("DENIED")),
                Document.class, "audit_events").collectList().block();
    }

}
