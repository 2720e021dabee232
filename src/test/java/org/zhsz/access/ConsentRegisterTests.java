package org.zhsz.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhsz.support.DemoUsers.jwt;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.zhsz.support.ZhszTest;

/** Consent for a minor: the guardian for students under 14; withdrawals end the basis; statutory bases. */
@ZhszTest
class ConsentRegisterTests {

    @Autowired
    WebTestClient web;
    @Autowired
    ConsentRegister register;

    private WebTestClient.ResponseSpec decide(String user, String student, String decision) {
        return web.mutateWith(jwt(user)).post().uri("/api/v1/students/{id}/consents", student)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("purpose", "HEALTH_SPECIAL_CONSTITUTION", "noticeVersion", 1, "decision", decision))
                .exchange();
    }

    @Test
    void aStudentUnder14CannotConsentAloneButTheGuardianCan() {
        assertThat(register.basis("S1-C1-01", "HEALTH_SPECIAL_CONSTITUTION").onErrorResume(e -> reactor.core
                .publisher.Mono.empty()).blockOptional()).isEmpty();
        decide("student_c1a", "S1-C1-01", "GRANTED").expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("guardian_consent_required");
        String id = decide("parent_c1a", "S1-C1-01", "GRANTED").expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
        var basis = register.basis("S1-C1-01", "HEALTH_SPECIAL_CONSTITUTION").block();
        assertThat(basis.kind()).isEqualTo("CONSENT");
        assertThat(basis.detail()).contains("父亲").contains("马海军");

        web.mutateWith(jwt("parent_c1a")).post().uri("/api/v1/students/S1-C1-01/consents/{c}/withdraw", id)
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.withdrawnAt").exists();
        assertThat(register.basis("S1-C1-01", "HEALTH_SPECIAL_CONSTITUTION")
                .map(b -> "ok").onErrorResume(e -> reactor.core.publisher.Mono.just(e.getMessage())).block())
                .contains("refused or withdrawn");
    }

    @Test
    void anOutdatedNoticeVersionIsRefused() {
        web.mutateWith(jwt("parent_c1a")).post().uri("/api/v1/students/S1-C1-01/consents")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("purpose", "MENTAL_HEALTH_SCREENING", "noticeVersion", 0, "decision", "GRANTED"))
                .exchange().expectStatus().isEqualTo(409);
    }

    @Test
    void screeningRestsOnTheSchoolsStatutoryBasisInTheDemo() {
        var basis = register.basis("S1-C2-05", ConsentRegister.MENTAL_HEALTH_SCREENING).block();
        assertThat(basis.kind()).isEqualTo("STATUTORY");
        assertThat(basis.detail()).contains("泾源县教育质量提升行动实施方案");
    }

    @Test
    void onlyTheFamilyDecides() {
        // the head teacher knows the student but does not decide for the family; another family's child is unknown
        decide("head_c1", "S1-C1-01", "GRANTED").expectStatus().isForbidden();
        decide("parent_c1a", "S1-C2-01", "GRANTED").expectStatus().isNotFound();
    }
}
