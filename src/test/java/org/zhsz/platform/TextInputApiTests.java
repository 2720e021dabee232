package org.zhsz.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhsz.support.DemoUsers.jwt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.zhsz.support.ZhszTest;

/**
 * Every JSON string of every request body is checked by the one text rule as it is decoded: a refused string is a
 * 422 naming the field (also inside nested objects and lists) and nothing is stored; multi-line fields take line
 * breaks; Chinese and emoji pass. JSON bodies are written by hand so escapes reach the server as sent.
 */
@ZhszTest
class TextInputApiTests {

    @Autowired
    WebTestClient web;
    @Autowired
    ReactiveMongoTemplate mongo;

    private long records(String student) {
        return mongo.count(Query.query(Criteria.where("studentId").is(student)), "records").block();
    }

    private WebTestClient.ResponseSpec record(String student, String title, String description) {
        String json = "{\"dimension\":\"MORAL\",\"category\":\"commendation\",\"occurredOn\":\"2026-10-15\","
                + "\"title\":\"" + title + "\",\"description\":\"" + description + "\"}";
        return web.mutateWith(jwt("teacher_c1")).post().uri("/api/v1/students/{id}/records", student)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "a\\u0000b|title|text_control",
            "bell\\u0007|title|text_control",
            "two\\nlines|title|text_line_break",
            "tab\\tbed|title|text_control",
            "\\u202Eexe.jpg|title|text_bidi",
            "x\\u2066y\\u2069|title|text_bidi",
            "\\ud800|title|text_surrogate",
            "\\u200B\\u200B|title|text_invisible",
            "\\u3164|title|text_invisible"})
    void aRefusedTitleIs422NamingTheFieldAndStoresNothing(String title, String field, String code) {
        long before = records("S1-C1-06");
        record("S1-C1-06", title, "说明").expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("validation_failed")
                .jsonPath("$.errors[0].field").isEqualTo(field)
                .jsonPath("$.errors[0].code").isEqualTo(code)
                .jsonPath("$.errors[0].message").value(m -> assertThat((String) m).startsWith("标题"));
        assertThat(records("S1-C1-06")).isEqualTo(before);
    }

    @Test
    void aMultiLineFieldTakesLineBreaksButNoControlCharacters() {
        long before = records("S1-C1-06");
        record("S1-C1-06", "参加社区志愿服务 👍🏽", "第一行\\n第二行\\r\\n\\t缩进 ✅").expectStatus().isCreated()
                .expectBody().jsonPath("$.title").isEqualTo("参加社区志愿服务 👍🏽");
        record("S1-C1-06", "参加社区志愿服务", "第一行\\u0000").expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("description")
                .jsonPath("$.errors[0].code").isEqualTo("text_control");
        record("S1-C1-06", "参加社区志愿服务", "\\u202E").expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("text_bidi");
        assertThat(records("S1-C1-06")).isEqualTo(before + 1);
    }

    @Test
    void theMessageIsInTheCallersLanguage() {
        record("S1-C1-06", "\\u200B", "x").expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].message").isEqualTo("标题只含有看不见的字符（如零宽空格），请填写实际内容");
    }

    @Test
    void nestedObjectsAndListsAreCheckedToo() {
        String batch = "{\"studentIds\":[\"S1-C1-07\"],\"record\":{\"dimension\":\"MORAL\",\"category\":"
                + "\"commendation\",\"occurredOn\":\"2026-10-15\",\"title\":\"\\u202Ex\"}}";
        web.mutateWith(jwt("head_c1")).post().uri("/api/v1/classes/S1-C1/records/batch")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(batch).exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.errors[0].field").isEqualTo("record.title");
        String ids = "{\"studentIds\":[\"S1-C1-07\",\"\\u0000\"],\"record\":{\"dimension\":\"MORAL\",\"category\":"
                + "\"commendation\",\"occurredOn\":\"2026-10-15\",\"title\":\"x\"}}";
        web.mutateWith(jwt("head_c1")).post().uri("/api/v1/classes/S1-C1/records/batch")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(ids).exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.errors[0].field").isEqualTo("studentIds[1]");
    }

    @Test
    void otherModulesBodiesAreCheckedByTheSameRule() {
        // organization: a staff member's name
        web.mutateWith(jwt("admin_s1")).post().uri("/api/v1/staff").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\":\"bidi_teacher\",\"name\":\"\\u202E师老王\"}").exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.errors[0].field").isEqualTo("name")
                .jsonPath("$.errors[0].code").isEqualTo("text_bidi");
        assertThat(mongo.count(Query.query(Criteria.where("_id").is("bidi_teacher")), "staff").block()).isZero();
        // student: a guardian's phone with a NUL
        web.mutateWith(jwt("admin_s1")).put().uri("/api/v1/students/S1-C1-06/guardians")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("[{\"name\":\"马建国\",\"relation\":\"父亲\",\"phone\":\"138\\u00000000000\"}]").exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.errors[0].field").isEqualTo("[0].phone");
        // a list body: record categories
        web.mutateWith(jwt("admin_s1")).put().uri("/api/v1/record-categories").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("[{\"dimension\":\"MORAL\",\"code\":\"x_y\",\"zh\":\"\\u200D\"}]").exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.errors[0].field").isEqualTo("[0].zh");
    }
}
