package org.zhsz.family;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** 钉钉 gettoken + 工作通知 asyncsend_v2 against a fake server: action_card format, token renewal, errcodes. */
class DingTalkChannelTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DeliveryChannel.Message MESSAGE = new DeliveryChannel.Message("班级通知",
            "您有一条新的班级通知，请登录平台查看。", "https://zhsz.example.org/notices/abc123");

    private FakeProvider fake;
    private DingTalkChannel dingtalk;
    private final AtomicInteger tokens = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        fake = new FakeProvider();
        dingtalk = new DingTalkChannel(new FamilyProperties.DingTalk(true, fake.url(), "ding-key", "ding-secret",
                2768410L, null), new ProviderHttp(Duration.ofSeconds(5)), JSON,
                Clock.fixed(Instant.parse("2026-12-07T02:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private void provider(String send) {
        fake.answer(r -> {
            if (r.path().equals("/gettoken")) {
                boolean ok = "ding-key".equals(r.query().get("appkey")) && "ding-secret".equals(r.query().get("appsecret"));
                return FakeProvider.Reply.json(ok ? "{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\"dt-"
                        + tokens.incrementAndGet() + "\",\"expires_in\":7200}" : "{\"errcode\":40089,\"errmsg\":\"bad\"}");
            }
            return FakeProvider.Reply.json(send);
        });
    }

    @Test
    void aWorkNotificationWithAnActionCard() {
        provider("{\"errcode\":0,\"errmsg\":\"ok\",\"task_id\":256271667526,\"request_id\":\"4jzllmte0wau\"}");
        assertThat(dingtalk.send("parent_c1a", MESSAGE).block()).isEqualTo(DeliveryChannel.Outcome.sent("256271667526"));
        FakeProvider.Request send = fake.to("/topapi/message/corpconversation/asyncsend_v2").get(0);
        assertThat(send.method()).isEqualTo("POST");
        assertThat(send.query()).containsEntry("access_token", "dt-1");
        JsonNode body = JSON.readTree(send.body());
        assertThat(body.get("agent_id").asLong()).isEqualTo(2768410L);
        assertThat(body.get("userid_list").asString()).isEqualTo("parent_c1a");
        JsonNode msg = body.get("msg");
        assertThat(msg.get("msgtype").asString()).isEqualTo("action_card");
        assertThat(msg.get("action_card").get("title").asString()).isEqualTo("班级通知");
        assertThat(msg.get("action_card").get("markdown").asString()).isEqualTo("您有一条新的班级通知，请登录平台查看。");
        assertThat(msg.get("action_card").get("single_url").asString())
                .isEqualTo("https://zhsz.example.org/notices/abc123");
    }

    @Test
    void anInvalidTokenInTheAuthErrorIsRenewed() {
        AtomicInteger sends = new AtomicInteger();
        fake.answer(r -> {
            if (r.path().equals("/gettoken")) {
                return FakeProvider.Reply.json("{\"errcode\":0,\"access_token\":\"dt-" + tokens.incrementAndGet()
                        + "\",\"expires_in\":7200}");
            }
            return FakeProvider.Reply.json(sends.incrementAndGet() == 1
                    ? "{\"errcode\":88,\"sub_code\":\"40014\",\"sub_msg\":\"不合法的access_token\"}"
                    : "{\"errcode\":0,\"task_id\":1}");
        });
        assertThat(dingtalk.send("parent_c1a", MESSAGE).block().status())
                .isEqualTo(DeliveryChannel.Outcome.Status.SENT);
        assertThat(fake.to("/gettoken")).hasSize(2);
    }

    @Test
    void errcodesMapToOutcomes() {
        provider("{\"errcode\":90018,\"errmsg\":\"请求被限流\"}");
        assertThat(dingtalk.send("parent_c1a", MESSAGE).block().status())
                .isEqualTo(DeliveryChannel.Outcome.Status.RATE_LIMITED);
        provider("{\"errcode\":-1,\"errmsg\":\"系统繁忙\"}");
        assertThat(dingtalk.send("parent_c1a", MESSAGE).block().status())
                .isEqualTo(DeliveryChannel.Outcome.Status.RETRY);
        provider("{\"errcode\":33012,\"errmsg\":\"无效的USERID\"}");
        assertThat(dingtalk.send("parent_c1a", MESSAGE).block().status())
                .isEqualTo(DeliveryChannel.Outcome.Status.FAILED);
        fake.answer(r -> new FakeProvider.Reply(502, "bad gateway"));
        assertThat(dingtalk.send("parent_c1a", MESSAGE).block().status())
                .isEqualTo(DeliveryChannel.Outcome.Status.RETRY);
    }
}
