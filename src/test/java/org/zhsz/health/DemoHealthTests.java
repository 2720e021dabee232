package org.zhsz.health;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.zhsz.support.DemoUsers.jwt;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.zhsz.support.ZhszTest;

/**
 * The demo health data runs at every start: a student the school added to a demo class since (with an id of the
 * store's own, not a demo number) must not stop the next start. (It did: the demo parsed every id as a number and
 * the app exited, found by the kill -9 durability test, which adds students to S1-C1 and starts the app again.)
 */
@ZhszTest
@TestPropertySource(properties = "zhsz.test.isolated=demo-health")
class DemoHealthTests {

    @Autowired
    WebTestClient web;
    @Autowired
    DemoHealth demo;

    @Test
    void aStudentAddedToADemoClassDoesNotStopTheNextStart() {
        web.mutateWith(jwt("admin_s1")).post().uri("/api/v1/students").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("studentNo", "G640424201312019999", "name", "新同学", "sex", "F",
                        "birthDate", "2013-12-01", "ethnicity", "回族", "classId", "S1-C1"))
                .exchange().expectStatus().isCreated();
        assertThatCode(() -> demo.run(new DefaultApplicationArguments())).doesNotThrowAnyException();
    }
}
