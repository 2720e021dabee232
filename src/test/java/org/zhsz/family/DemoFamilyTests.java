package org.zhsz.family;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.zhsz.support.DemoUsers.jwt;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.zhsz.support.ZhszTest;

/**
 * The demo family data runs at every start: a student the school added to a demo class since (no guardians, an id
 * of the store's own) must not stop the next start, and gets no invented receipts or check-ins. (It did stop it:
 * the demo took the first guardian of C1's fourth to sixth students, found by EmbeddedStoreBackupIT, which adds
 * students to S1-C1 and starts the restored app.)
 */
@ZhszTest
@TestPropertySource(properties = "zhsz.test.isolated=demo-family")
class DemoFamilyTests {

    @Autowired
    WebTestClient web;
    @Autowired
    DemoFamily demo;
    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void studentsAddedToADemoClassDoNotStopTheNextStart() {
        String added = null;
        String[] names = {"新同学甲", "新同学乙", "新同学丙", "新同学丁", "新同学戊", "新同学己", "新同学庚", "新同学辛"};
        // 学籍号 that sort before the demo's own, and more of them than the demo skips before it picks the families
        // who ticked a home task
        for (int i = 0; i < names.length; i++) {
            Map<?, ?> s = web.mutateWith(jwt("admin_s1")).post().uri("/api/v1/students")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("studentNo", "A0000000000000000" + i + "1", "name", names[i], "sex", "F",
                            "birthDate", "2013-12-01", "ethnicity", "回族", "classId", "S1-C1"))
                    .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
            added = (String) s.get("id");
        }
        assertThatCode(() -> demo.run(new DefaultApplicationArguments())).doesNotThrowAnyException();
        Query of = Query.query(Criteria.where("studentId").is(added));
        assertThat(mongo.count(of, Docs.Receipt.class).block()).isZero();
        assertThat(mongo.count(of, Docs.CheckIn.class).block()).isZero();
    }
}
