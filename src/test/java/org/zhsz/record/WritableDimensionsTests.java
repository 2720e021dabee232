package org.zhsz.record;

import static org.zhsz.support.DemoUsers.jwt;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.zhsz.support.ZhszTest;

/** The web app offers the record form only the dimensions the server will accept from this teacher here. */
@ZhszTest
class WritableDimensionsTests {

    @Autowired
    WebTestClient web;

    @ParameterizedTest(name = "{0} in {1}: {2}")
    @CsvSource(delimiter = ';', value = {
            "teacher_c1;   S1-C1; MORAL,ACADEMIC",
            "pe_c1;        S1-C1; MORAL,PHYSICAL",
            "pe_c1;        S1-C2; MORAL,PHYSICAL",
            "head_c1;      S1-C1; MORAL,ACADEMIC,PHYSICAL,ARTS,LABOUR,SOCIAL_PRACTICE",
            "admin_s1;     S1-C2; MORAL,ACADEMIC,PHYSICAL,ARTS,LABOUR,SOCIAL_PRACTICE",
            "counselor_s1; S1-C1; ''",
    })
    void theServerSaysWhichDimensionsATeacherMayRecord(String user, String classId, String dimensions) {
        web.mutateWith(jwt(user)).get().uri("/api/v1/classes/{c}/records/writable", classId).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.dimensions").value(d -> org.assertj.core.api.Assertions.assertThat(
                        String.join(",", (java.util.List<String>) d)).isEqualTo(dimensions));
    }
}
