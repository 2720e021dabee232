package org.zhsz.health;

import org.zhsz.support.Json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.zhsz.support.DemoUsers.jwt;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.zhsz.platform.SchoolClock;
import org.zhsz.support.ZhszTest;

/**
 * The daily register through the API: the head teacher registers only the exceptions; the same register again
 * changes nothing; a sick absence with symptoms opens a follow-up that the school sees until 复课 is recorded;
 * taking the absence back removes it; the family reads the child's attendance; the school's day shows who registered,
 * counts by type and symptom, 控辍保学 streaks and the outbreak signal; the county sees suppressed counts only.
 */
@ZhszTest
class AttendanceApiTests {

    @Autowired
    WebTestClient web;

    static final LocalDate TODAY = LocalDate.now(SchoolClock.ZONE);

    WebTestClient.ResponseSpec register(String user, String classId, LocalDate date, List<Map<String, Object>> absences) {
        return web.mutateWith(jwt(user)).put().uri("/api/v1/classes/{c}/attendance/{d}", classId, date)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("absences", absences)).exchange();
    }

    Map<String, Object> ok(WebTestClient.ResponseSpec r) {
        return Json.map(r.expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody());
    }

    Object getOk(String user, String uri, Object... vars) {
        return web.mutateWith(jwt(user)).get().uri(uri, vars).exchange().expectStatus().isOk()
                .expectBody(Object.class).returnResult().getResponseBody();
    }

    static Map<String, Object> followUpOf(List<Object> list, String studentId) {
        for (Object o : list) {
            if (studentId.equals(Json.map(o).get("studentId"))) {
                return Json.map(o);
            }
        }
        return null;
    }

    @Test
    void theHeadTeacherRegistersOnlyTheExceptionsAndASickAbsenceIsFollowedUpUntil复课() {
        List<Map<String, Object>> absences = List.of(
                Map.of("studentId", "S1-C1-30", "type", "SICK", "symptoms", List.of("FEVER", "COUGH"),
                        "note", "家长来电：发热38.5℃"),
                Map.of("studentId", "S1-C1-31", "type", "PERSONAL"));
        Map<String, Object> day = ok(register("head_c1", "S1-C1", TODAY, absences));
        assertThat(day).containsEntry("registered", true).containsEntry("members", 40).containsEntry("present", 38)
                .containsEntry("absent", 2);
        assertThat(Json.map(day.get("byType"))).containsEntry("SICK", 1).containsEntry("PERSONAL", 1);
        assertThat(Json.list(day.get("openFollowUps"))).anySatisfy(f ->
                assertThat(Json.map(f)).containsEntry("studentId", "S1-C1-30"));

        // registering the same again changes nothing
        Map<String, Object> again = ok(register("head_c1", "S1-C1", TODAY, absences));
        assertThat(again.get("registeredAt")).isEqualTo(day.get("registeredAt"));

        // the school sees the open follow-up
        List<Object> open = Json.list(getOk("doctor_s1", "/api/v1/schools/S1/attendance/follow-ups"));
        Map<String, Object> f = followUpOf(open, "S1-C1-30");
        assertThat(f).isNotNull().containsEntry("status", "OPEN").containsEntry("sickDays", 1);
        assertThat(Json.list(f.get("symptoms"))).containsExactly("FEVER", "COUGH");

        // the family reads the child's day
        Map<String, Object> mine = Json.map(getOk("student_c1a", "/api/v1/students/S1-C1-01/attendance"));
        assertThat((Integer) mine.get("schoolDays")).isPositive();

        // 复课 before the sick day is refused; then recorded by the school doctor; a second time is a conflict
        String id = (String) f.get("id");
        web.mutateWith(jwt("doctor_s1")).post().uri("/api/v1/students/S1-C1-30/attendance/follow-ups/{id}/return", id)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("returnedOn", TODAY.minusDays(1).toString()))
                .exchange().expectStatus().isEqualTo(422);
        web.mutateWith(jwt("teacher_c1")).post().uri("/api/v1/students/S1-C1-30/attendance/follow-ups/{id}/return", id)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("returnedOn", TODAY.toString()))
                .exchange().expectStatus().isForbidden();
        Map<String, Object> closed = Json.map(web.mutateWith(jwt("doctor_s1")).post()
                .uri("/api/v1/students/S1-C1-30/attendance/follow-ups/{id}/return", id)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("returnedOn", TODAY.toString(), "note", "体温正常，已复课")).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody());
        assertThat(closed).containsEntry("status", "CLOSED").containsEntry("returnedOn", TODAY.toString());
        web.mutateWith(jwt("doctor_s1")).post().uri("/api/v1/students/S1-C1-30/attendance/follow-ups/{id}/return", id)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("returnedOn", TODAY.toString()))
                .exchange().expectStatus().isEqualTo(409);
        assertThat(followUpOf(Json.list(getOk("doctor_s1", "/api/v1/schools/S1/attendance/follow-ups")),
                "S1-C1-30")).isNull();

        // the parent of that child would see it closed in the child's attendance; the head teacher sees it too
        Map<String, Object> student = Json.map(getOk("head_c1", "/api/v1/students/S1-C1-30/attendance"));
        assertThat(Json.list(student.get("followUps"))).anySatisfy(x ->
                assertThat(Json.map(x)).containsEntry("status", "CLOSED"));
        assertThat(Json.list(student.get("absences"))).anySatisfy(x ->
                assertThat(Json.map(x)).containsEntry("date", TODAY.toString()).containsEntry("type", "SICK"));
    }

    @Test
    void takingASickAbsenceBackRemovesItsFollowUp() {
        LocalDate day = TODAY.minusDays(0);
        ok(register("admin_s1", "S1-C2", day, List.of(Map.of("studentId", "S1-C2-30", "type", "SICK",
                "symptoms", List.of("RASH")))));
        assertThat(followUpOf(Json.list(getOk("admin_s1", "/api/v1/schools/S1/attendance/follow-ups")),
                "S1-C2-30")).isNotNull();
        ok(register("admin_s1", "S1-C2", day, List.of(Map.of("studentId", "S1-C2-30", "type", "PERSONAL"))));
        assertThat(followUpOf(Json.list(getOk("admin_s1", "/api/v1/schools/S1/attendance/follow-ups?status=all")),
                "S1-C2-30")).isNull();
        ok(register("admin_s1", "S1-C2", day, List.of()));
    }

    @Test
    void badRegistersAreRefusedAndChangeNothing() {
        Map<String, Object> p = Json.map(register("head_c1", "S1-C1", TODAY, List.of(
                Map.of("studentId", "S1-C2-05", "type", "SICK"),
                Map.of("studentId", "S1-C1-05", "type", "PERSONAL", "symptoms", List.of("FEVER"))))
                .expectStatus().isEqualTo(422).expectBody(Map.class).returnResult().getResponseBody());
        assertThat(Json.list(p.get("errors"))).extracting(e -> Json.map(e).get("field"))
                .containsExactly("absences[0].studentId", "absences[1].symptoms");
        register("head_c1", "S1-C1", TODAY.plusDays(1), List.of()).expectStatus().isEqualTo(422);
        web.mutateWith(jwt("head_c1")).put().uri("/api/v1/classes/S1-C1/attendance/yesterday")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("absences", List.of())).exchange()
                .expectStatus().isEqualTo(422);
        register("teacher_c1", "S1-C1", TODAY, List.of()).expectStatus().isForbidden();
        register("doctor_s1", "S1-C1", TODAY, List.of()).expectStatus().isForbidden();
        register("head_c1", "S1-C2", TODAY, List.of()).expectStatus().isNotFound();
        register("admin_s2", "S1-C1", TODAY, List.of()).expectStatus().isNotFound();
    }

    @Test
    void theSchoolsDayShowsRegistersCountsStreaksAndTheOutbreakSignal() {
        // three students of 七年级(2)班 off sick with diarrhoea on the last school day: the outbreak signal
        LocalDate day = lastWeekday();
        Object before = getOk("admin_s1", "/api/v1/classes/S1-C2/attendance/{d}", day);
        List<Map<String, Object>> keep = new java.util.ArrayList<>();
        for (Object a : Json.list(Json.map(before).get("absences"))) {
            Map<String, Object> m = Json.map(a);
            if (!List.of("S1-C2-21", "S1-C2-22", "S1-C2-23").contains(m.get("studentId"))) {
                java.util.HashMap<String, Object> copy = new java.util.HashMap<>();
                copy.put("studentId", m.get("studentId"));
                copy.put("type", m.get("type"));
                copy.put("symptoms", m.get("symptoms"));
                copy.put("note", m.get("note"));
                keep.add(copy);
            }
        }
        for (String s : List.of("S1-C2-21", "S1-C2-22", "S1-C2-23")) {
            keep.add(Map.of("studentId", s, "type", "SICK", "symptoms", List.of("DIARRHEA", "VOMITING")));
        }
        ok(register("admin_s1", "S1-C2", day, keep));

        Map<String, Object> overview = Json.map(getOk("doctor_s1", "/api/v1/schools/S1/attendance/{d}", day));
        assertThat(Json.list(overview.get("classes"))).hasSize(2).allSatisfy(c ->
                assertThat(Json.map(c).get("status")).isIn("REGISTERED", "LATE"));
        assertThat((Integer) Json.at(overview, "totals.bySymptom.DIARRHEA")).isGreaterThanOrEqualTo(3);
        assertThat(Json.list(overview.get("clusters"))).anySatisfy(c -> assertThat(Json.map(c))
                .containsEntry("classId", "S1-C2").containsEntry("symptom", "DIARRHEA"));
        // the demo's S1-C2-11 has been away three registered days in a row
        assertThat(Json.list(overview.get("streaks"))).anySatisfy(s -> assertThat(Json.map(s))
                .containsEntry("studentId", "S1-C2-11"));

        // a class not yet registered on a past day is MISSING
        Map<String, Object> sunday = Json.map(getOk("admin_s1", "/api/v1/schools/S1/attendance/{d}",
                TODAY.minusDays(40)));
        assertThat(Json.list(sunday.get("classes"))).allSatisfy(c ->
                assertThat(Json.map(c).get("status")).isIn("MISSING", "REGISTERED", "LATE"));

        web.mutateWith(jwt("head_c1")).get().uri("/api/v1/schools/S1/attendance/{d}", day).exchange()
                .expectStatus().isForbidden();
        web.mutateWith(jwt("bureau")).get().uri("/api/v1/schools/S1/attendance/{d}", day).exchange()
                .expectStatus().isForbidden();
        web.mutateWith(jwt("admin_s2")).get().uri("/api/v1/schools/S1/attendance/{d}", day).exchange()
                .expectStatus().isNotFound();
    }

    /** The last Monday–Friday before today: the demo registered it for both classes. */
    static LocalDate lastWeekday() {
        LocalDate d = TODAY.minusDays(1);
        while (d.getDayOfWeek().getValue() > 5) {
            d = d.minusDays(1);
        }
        return d;
    }

    @Test
    void theCountySeesSuppressedCountsWithoutNames() {
        Map<String, Object> county = Json.map(getOk("bureau", "/api/v1/attendance/county?from={f}&to={t}",
                TODAY.minusDays(20), TODAY));
        assertThat(county).containsEntry("suppressionThreshold", 5);
        assertThat(Json.list(county.get("days"))).hasSize(21);
        String text = county.toString();
        assertThat(text).doesNotContain("S1-C1-").doesNotContain("studentId");
        for (Object d : Json.list(county.get("days"))) {
            for (Object v : Json.map(Json.map(d).get("bySymptom")).values()) {
                assertThat(v == null || (Integer) v == 0 || (Integer) v >= 5).as(d.toString()).isTrue();
            }
        }
        web.mutateWith(jwt("admin_s1")).get().uri("/api/v1/attendance/county").exchange().expectStatus()
                .isForbidden();
        web.mutateWith(jwt("bureau")).get().uri("/api/v1/attendance/county?from=2026-01-01&to=2026-12-31")
                .exchange().expectStatus().isEqualTo(422);
    }

    @Test
    void attendanceReadsAppearInTheFamilysAccessLog() {
        getOk("head_c1", "/api/v1/students/S1-C1-01/attendance");
        Map<String, Object> log = Json.map(getOk("parent_c1a", "/api/v1/students/S1-C1-01/access-log?size=50"));
        assertThat(Json.list(log.get("items"))).anySatisfy(e -> assertThat(Json.map(e))
                .containsEntry("dataClass", "ATTENDANCE").containsEntry("action", "attendance.read"));
        web.mutateWith(jwt("teacher_c1")).get().uri("/api/v1/students/S1-C1-01/attendance").exchange()
                .expectStatus().isForbidden();
        web.mutateWith(jwt("parent_c1a")).get().uri("/api/v1/students/S1-C1-02/attendance").exchange()
                .expectStatus().isNotFound();
    }
}
