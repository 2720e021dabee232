package org.zhsz.family;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhsz.family.FamilyApi.list;
import static org.zhsz.family.FamilyApi.map;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.zhsz.student.StudentDirectory;
import org.zhsz.student.StudentView;
import org.zhsz.support.ZhszTest;

/**
 * A notice goes out over the county's SMS and 企业微信 channels (fake providers on loopback): within the channel's
 * rate limit, with retries and backoff, failures shown to the sender in the receipts, and no content in any
 * message. Sending is paused so the test drives each round with its own clock.
 */
@ZhszTest
class DeliveryFlowTests {

    static final FakeProvider SMS;
    static final FakeProvider WECOM;
    static final int SMS_PER_MINUTE = 15;

    static {
        try {
            SMS = new FakeProvider();
            WECOM = new FakeProvider();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void channels(DynamicPropertyRegistry r) {
        String county = "zhsz.family.delivery.counties.640424.";
        r.add("zhsz.family.delivery.paused", () -> "true");
        r.add("zhsz.family.link-base-url", () -> "https://zhsz.example.org");
        r.add(county + "sms.enabled", () -> "true");
        r.add(county + "sms.endpoint", () -> SMS.url() + "/");
        r.add(county + "sms.access-key-id", () -> "LTAI-test");
        r.add(county + "sms.access-key-secret", () -> "sms-secret");
        r.add(county + "sms.sign-name", () -> "泾源县教育体育局");
        r.add(county + "sms.template-code", () -> "SMS_000001");
        r.add(county + "sms.per-minute", () -> String.valueOf(SMS_PER_MINUTE));
        r.add(county + "wecom.enabled", () -> "true");
        r.add(county + "wecom.endpoint", WECOM::url);
        r.add(county + "wecom.corp-id", () -> "ww-corp");
        r.add(county + "wecom.corp-secret", () -> "corp-secret");
        r.add(county + "wecom.agent-id", () -> "1000002");
    }

    @AfterAll
    static void stop() {
        SMS.close();
        WECOM.close();
    }

    @Autowired
    WebTestClient web;
    @Autowired
    DeliveryDispatcher dispatcher;
    @Autowired
    StudentDirectory students;

    @Test
    void aNoticeGoesOutWithinTheLimitsRetriesAndTellsTheSenderWhatFailed() {
        FamilyApi api = new FamilyApi(web);
        List<StudentView> roster = students.inClass("S1-C1").collectList().block();
        String failing = roster.get(2).guardians().get(0).phone();
        SMS.answer(r -> failing.equals(r.query().get("PhoneNumbers")) ? new FakeProvider.Reply(503, "busy")
                : FakeProvider.Reply.json("{\"Code\":\"OK\",\"BizId\":\"biz-" + r.query().get("PhoneNumbers") + "\"}"));
        WECOM.answer(r -> FakeProvider.Reply.json(r.path().equals("/cgi-bin/gettoken")
                ? "{\"errcode\":0,\"access_token\":\"tok\",\"expires_in\":7200}" : "{\"errcode\":0,\"msgid\":\"m1\"}"));

        String title = "寒假安全告知书回执 " + System.nanoTime();
        Map<String, Object> body = Map.of("title", title, "body", "请家长阅读寒假安全告知书并确认。",
                "requiresConfirmation", true);
        String id = (String) api.post("head_c1", "/api/v1/classes/S1-C1/notices", body, 201).get("id");

        // nothing is sent while paused: the receipts show every message waiting
        Map<String, Object> waiting = api.get("head_c1", "/api/v1/class-notices/" + id + "/receipts", 200);
        assertThat(waiting.get("deliveryPending")).isEqualTo(41); // 40 phones, and 企业微信 for the one account
        assertThat(SMS.requests).isEmpty();

        Instant t0 = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
        int before = 0;
        for (int round = 0; round < 10; round++) {
            dispatcher.dispatchDue(t0.plusSeconds(60L * round)).block();
            int sentThisRound = SMS.requests.size() - before;
            assertThat(sentThisRound).as("SMS requests in minute " + round).isLessThanOrEqualTo(SMS_PER_MINUTE);
            before = SMS.requests.size();
        }
        // 39 numbers answered at once; the failing one was tried four times (30 s, 60 s, 120 s apart) and given up
        assertThat(SMS.requests).hasSize(39 + 4);
        assertThat(SMS.requests.stream().filter(r -> failing.equals(r.query().get("PhoneNumbers")))).hasSize(4);
        assertThat(WECOM.to("/cgi-bin/message/send")).hasSize(1);

        Map<String, Object> receipts = api.get("head_c1", "/api/v1/class-notices/" + id + "/receipts", 200);
        assertThat(receipts).containsEntry("deliveryFailed", 1).containsEntry("deliveryPending", 0);
        assertThat(String.valueOf(receipts.get("channels"))).isEqualTo("[SMS, WECOM]");
        Map<String, Object> failed = list(map(list(receipts.get("students")).get(2)).get("guardians")).get(0);
        assertThat(list(failed.get("deliveries"))).singleElement().satisfies(d -> {
            assertThat(d).containsEntry("channel", "SMS").containsEntry("status", "FAILED")
                    .containsEntry("attempts", 4).containsEntry("error", "http 503");
        });
        Map<String, Object> father = list(list(receipts.get("students")).stream()
                .filter(s -> "S1-C1-01".equals(s.get("studentId"))).findFirst().orElseThrow().get("guardians")).get(0);
        assertThat(list(father.get("deliveries"))).extracting(d -> d.get("channel") + ":" + d.get("status"))
                .containsExactly("SMS:SENT", "WECOM:SENT");

        // no message says what the notice is about, nor whom it concerns: only the fixed text and a link
        List<String> everything = new java.util.ArrayList<>();
        SMS.requests.forEach(r -> everything.add(r.query() + r.body()));
        WECOM.requests.forEach(r -> everything.add(r.query() + r.body()));
        for (String sent : everything) {
            assertThat(sent).doesNotContain(title).doesNotContain("寒假安全");
            for (StudentView s : roster) {
                assertThat(sent).doesNotContain(s.name());
            }
        }
        assertThat(SMS.requests.get(0).query().get("TemplateParam"))
                .isEqualTo("{\"link\":\"https://zhsz.example.org/notices/" + id + "\"}");
        assertThat(WECOM.to("/cgi-bin/message/send").get(0).body()).contains("您有一条新的班级通知，请登录平台查看")
                .contains("https://zhsz.example.org/notices/" + id);

        // a reminder queues messages again, for those who have not confirmed
        api.get("parent_c1a", "/api/v1/class-notices/" + id, 200);
        api.post("parent_c1a", "/api/v1/class-notices/" + id + "/confirm", null, 200);
        Map<String, Object> reminded = api.post("head_c1", "/api/v1/class-notices/" + id + "/reminders", null, 200);
        assertThat(reminded).containsEntry("guardians", 39).containsEntry("inApp", 0).containsEntry("external", 39)
                .containsEntry("unreachable", 0);
    }
}
