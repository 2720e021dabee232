package org.zhsz.access;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.zhsz.support.DemoUsers;

/**
 * The authorization matrix (docs/access-model.md made concrete): every endpoint × every demo user → the expected status,
 * for the user's own and other classes and schools, reads and writes. One table, run with mock tokens
 * ({@code AuthorizationMatrixTests}) and with real Keycloak tokens ({@code AuthorizationMatrixIT}). Every later
 * issue adds its endpoints here. Writes are chosen so that an allowed call either succeeds idempotently or stops
 * at a business rule (409/422) after the access check.
 */
public final class AccessMatrix {

    public static final String C1A = "S1-C1-01";   // student_c1a, 七年级(1)班
    public static final String C1B = "S1-C1-03";   // another C1 student
    public static final String C2A = "S1-C2-01";   // student_c2a, 七年级(2)班
    public static final String S2A = "S2-C1-01";   // a student of school S2

    public record Row(String name, HttpMethod method, String uri, Object body, Map<String, Integer> expected,
                      int otherwise) {
        public int expectedFor(String user) {
            return expected.getOrDefault(user, otherwise);
        }
    }

    public static final class RowBuilder {
        private final String name;
        private final HttpMethod method;
        private final String uri;
        private final Object body;
        private final Map<String, Integer> expected = new LinkedHashMap<>();

        RowBuilder(HttpMethod method, String uri, Object body) {
            this.name = method + " " + uri;
            this.method = method;
            this.uri = uri;
            this.body = body;
        }

        RowBuilder is(int status, String... users) {
            for (String u : users) {
                if (expected.put(u, status) != null) {
                    throw new IllegalStateException(name + ": " + u + " listed twice");
                }
            }
            return this;
        }

        Row otherwise(int status) {
            return new Row(name, method, uri, body, Map.copyOf(expected), status);
        }
    }

    static RowBuilder get(String uri) {
        return new RowBuilder(HttpMethod.GET, uri, null);
    }

    static RowBuilder post(String uri, Object body) {
        return new RowBuilder(HttpMethod.POST, uri, body);
    }

    static RowBuilder patch(String uri, Object body) {
        return new RowBuilder(HttpMethod.PATCH, uri, body);
    }

    static RowBuilder put(String uri, Object body) {
        return new RowBuilder(HttpMethod.PUT, uri, body);
    }

    static RowBuilder delete(String uri) {
        return new RowBuilder(HttpMethod.DELETE, uri, null);
    }

    /** A multipart upload with one file part named "file". */
    record Upload(String filename, byte[] bytes) {
    }

    static final String[] ALL = DemoUsers.usernames().toArray(String[]::new);
    static final String[] S1_STAFF = {"admin_s1", "head_c1", "teacher_c1", "pe_c1", "teacher_c2", "counselor_s1"};
    static final String[] S2_STAFF = {"admin_s2", "counselor_s2", "teacher_s2"};
    static final String[] C1_TEACHERS = {"head_c1", "teacher_c1", "pe_c1"};
    static final String[] COUNTY = {"bureau", "auditor"};

    static String[] concat(String[]... parts) {
        List<String> all = new ArrayList<>();
        for (String[] p : parts) {
            all.addAll(List.of(p));
        }
        return all.toArray(String[]::new);
    }

    public static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        // ---- who am I, what can I list ----
        rows.add(get("/api/v1/me").is(200, ALL).otherwise(0));
        rows.add(get("/api/v1/classes").is(200, ALL).otherwise(0));
        // the county's bureau and auditor relate to every class of the county (they read its schools too)
        rows.add(get("/api/v1/classes/S1-C1").is(200, "admin_s1", "counselor_s1", "student_c1a", "parent_c1a")
                .is(200, COUNTY).is(200, C1_TEACHERS).otherwise(404));
        rows.add(get("/api/v1/classes/S1-C2").is(200, "admin_s1", "counselor_s1", "pe_c1", "teacher_c2",
                "student_c2a").is(200, COUNTY).otherwise(404));
        rows.add(get("/api/v1/notices").is(200, ALL).otherwise(0));
        rows.add(get("/api/v1/notifications").is(200, ALL).otherwise(0));

        // ---- organization ----
        rows.add(get("/api/v1/schools").is(200, ALL).otherwise(0));
        rows.add(get("/api/v1/schools/S1").is(200, S1_STAFF).is(200, "student_c1a", "parent_c1a", "student_c2a")
                .is(200, COUNTY).otherwise(404));
        rows.add(get("/api/v1/schools/S2").is(200, S2_STAFF).is(200, COUNTY).otherwise(404));
        // another school's people and the admission office have no relationship to S1: out of scope
        rows.add(patch("/api/v1/schools/S1", Map.of()).is(200, "admin_s1").is(404, S2_STAFF).is(404, "admissions")
                .otherwise(403));
        rows.add(get("/api/v1/terms").is(200, S1_STAFF).is(200, S2_STAFF)
                .is(200, "student_c1a", "parent_c1a", "student_c2a").otherwise(404));
        rows.add(post("/api/v1/terms", Map.of("code", "2026-2027-1", "startDate", "2026-09-01",
                "endDate", "2027-01-31")).is(409, "admin_s1", "admin_s2").otherwise(403));
        rows.add(post("/api/v1/classes", Map.of("stage", "JUNIOR", "entryYear", 2026, "classNo", 1))
                .is(409, "admin_s1").is(201, "admin_s2").otherwise(403));
        rows.add(get("/api/v1/staff").is(200, S1_STAFF).is(200, S2_STAFF).otherwise(403));
        rows.add(get("/api/v1/assignments").is(200, S1_STAFF).is(200, S2_STAFF).otherwise(403));
        rows.add(post("/api/v1/assignments", Map.of("username", "teacher_c1", "role", "SUBJECT", "classId", "S1-C1",
                "subject", "语文")).is(409, "admin_s1").is(422, "admin_s2").otherwise(403));

        // ---- students: own class, other class, other school ----
        rows.add(get("/api/v1/students/" + C1A).is(200, C1_TEACHERS).is(200, "admin_s1", "counselor_s1",
                "student_c1a", "parent_c1a").is(403, COUNTY).otherwise(404));
        rows.add(get("/api/v1/students/" + C2A).is(200, "admin_s1", "counselor_s1", "pe_c1", "teacher_c2",
                "student_c2a").is(403, COUNTY).otherwise(404));
        rows.add(get("/api/v1/students/" + S2A).is(200, S2_STAFF).is(403, COUNTY).otherwise(404));
        rows.add(get("/api/v1/students?classId=S1-C1").is(200, C1_TEACHERS).is(200, "admin_s1", "counselor_s1")
                .is(403, "student_c1a", "parent_c1a").is(403, COUNTY).otherwise(404));
        rows.add(get("/api/v1/students").is(200, S1_STAFF).is(200, S2_STAFF).otherwise(403));
        rows.add(patch("/api/v1/students/" + C1B, Map.of()).is(200, "admin_s1")
                .is(403, C1_TEACHERS).is(403, "counselor_s1").is(403, COUNTY).otherwise(404));
        rows.add(post("/api/v1/students/" + C1B + "/transfer", Map.of("classId", "S1-C1"))
                .is(422, "admin_s1").is(403, C1_TEACHERS).is(403, "counselor_s1").is(403, COUNTY).otherwise(404));
        rows.add(put("/api/v1/students/" + S2A + "/guardians", List.of()).is(200, "admin_s2")
                .is(403, "counselor_s2", "teacher_s2").is(403, COUNTY).otherwise(404));
        rows.add(post("/api/v1/students", Map.of("studentNo", "X", "name", "测试", "sex", "M",
                "birthDate", "2013-10-01", "classId", "S1-C1")).is(422, "admin_s1", "admin_s2").otherwise(403));
        rows.add(post("/api/v1/students/import", new Upload("r.csv",
                "学籍号,姓名,性别,出生日期,班级\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .is(200, "admin_s1", "admin_s2").otherwise(403));

        // ---- audit and the family's access log ----
        rows.add(get("/api/v1/audit/events").is(200, "auditor").otherwise(403));
        rows.add(get("/api/v1/audit/verify").is(200, "auditor").otherwise(403));
        rows.add(get("/api/v1/students/" + C1A + "/access-log").is(200, "student_c1a", "parent_c1a", "admin_s1")
                .is(403, C1_TEACHERS).is(403, "counselor_s1").is(403, COUNTY).otherwise(404));

        // ---- break-glass, grants, consents ----
        // only those in scope of 杨雨桐 (C2) learn she exists: her school's staff who teach her, the county
        rows.add(post("/api/v1/students/" + C2A + "/break-glass", Map.of("reason", "家长紧急来电反映孩子情绪异常，需立即了解情况",
                "minutes", 5)).is(201, "admin_s1").is(403, "pe_c1", "teacher_c2", "counselor_s1", "student_c2a")
                .is(403, COUNTY).otherwise(404));
        rows.add(get("/api/v1/grants").is(200, "admin_s1", "admin_s2", "counselor_s1", "counselor_s2", "admissions")
                .otherwise(403));
        rows.add(get("/api/v1/students/" + C1A + "/consents").is(200, "admin_s1", "head_c1", "counselor_s1",
                "student_c1a", "parent_c1a").is(403, "teacher_c1", "pe_c1").is(403, COUNTY).otherwise(404));
        rows.add(post("/api/v1/students/" + C1A + "/consents", Map.of("purpose", "HEALTH_SPECIAL_CONSTITUTION",
                "noticeVersion", 1, "decision", "GRANTED")).is(201, "parent_c1a").is(422, "student_c1a")
                .is(403, C1_TEACHERS).is(403, "admin_s1", "counselor_s1").is(403, COUNTY).otherwise(404));
        // the school's settings: in scope of S1 (its people, the county) but not theirs to read: 403
        rows.add(get("/api/v1/schools/S1/processing-bases").is(200, "admin_s1", "counselor_s1")
                .is(403, "head_c1", "teacher_c1", "pe_c1", "teacher_c2", "student_c1a", "parent_c1a", "student_c2a")
                .is(403, COUNTY).otherwise(404));
        rows.addAll(MatrixExtensions.rows());
        return HealthMatrixRows.withSchoolDoctor(rows);
    }

    /** Runs one cell; returns the status. */
    public static int call(WebTestClient client, Row row, Function<WebTestClient, WebTestClient> auth) {
        WebTestClient c = auth.apply(client);
        WebTestClient.RequestBodySpec spec = c.method(row.method()).uri(row.uri());
        WebTestClient.ResponseSpec response;
        if (row.body() instanceof Upload up) {
            MultipartBodyBuilder mb = new MultipartBodyBuilder();
            mb.part("file", new ByteArrayResource(up.bytes()) {
                @Override
                public String getFilename() {
                    return up.filename();
                }
            });
            response = spec.contentType(MediaType.MULTIPART_FORM_DATA)
                    .body(BodyInserters.fromMultipartData(mb.build())).exchange();
        } else if (row.body() != null) {
            response = spec.contentType(MediaType.APPLICATION_JSON).bodyValue(row.body()).exchange();
        } else {
            response = spec.exchange();
        }
        // expectBody() reads the whole body, so the connection goes back to the pool (returnResult(Class) would
        // leave it unread and, against a real server, hold the connection until the pool runs dry)
        return response.expectBody().returnResult().getStatus().value();
    }

    /** Runs every cell and lists every wrong one. */
    public static List<String> wrongCells(WebTestClient client, Function<String, Function<WebTestClient,
            WebTestClient>> authFor) {
        List<String> wrong = new ArrayList<>();
        for (Row row : rows()) {
            for (String user : DemoUsers.usernames()) {
                int expected = row.expectedFor(user);
                int actual;
                try {
                    actual = call(client, row, authFor.apply(user));
                } catch (IllegalStateException e) {
                    // A request with no answer is a wrong cell too; name it and go on with the others.
                    wrong.add(String.format("%-55s %-13s expected %d got no answer: %s", row.name(), user,
                            expected, e.getMessage()));
                    if (wrong.size() == 1) {
                        dumpThreads();
                    }
                    continue;
                }
                if (expected != actual) {
                    wrong.add(String.format("%-55s %-13s expected %d got %d", row.name(), user, expected, actual));
                }
            }
        }
        return wrong;
    }

    private static void dumpThreads() {
        for (java.lang.management.ThreadInfo info : java.lang.management.ManagementFactory.getThreadMXBean()
                .dumpAllThreads(true, true)) {
            StringBuilder b = new StringBuilder("\"" + info.getThreadName() + "\" " + info.getThreadState() + "\n");
            for (StackTraceElement e : info.getStackTrace()) {
                b.append("\tat ").append(e).append('\n');
            }
            System.err.print(b);
        }
    }

    private AccessMatrix() {
    }
}
