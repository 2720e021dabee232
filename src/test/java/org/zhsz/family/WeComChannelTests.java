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

/** 企业微信 gettoken + message/send against a fake server: token cached and refreshed, textcard format, errcodes. */
class WeComChannelTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DeliveryChannel.Message MESSAGE = new DeliveryChannel.Message("班级通知",
            "您有一条新的班级通知，请登录平台查看。", "https://zhsz.example.org/notices/abc123");

    private FakeProvider fake;
    private WeComChannel wecom;
    private final AtomicInteger tokens = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        fake = new FakeProvider();
        wecom = new WeComChannel(new FamilyProperties.WeCom(true, fake.url(), "ww-corp", "corp-secret", 1000002L,
                null), new ProviderHttp(Duration.ofSeconds(5)), JSON,
                Clock.fixed(Instant.parse("2026-12-07T02:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    /** A provider that issues token-N on each gettoken and answers sends with {@code send}. */
    private void provider(String send) {
        fake.answer(r -> {
            if (r.path().equals("/cgi-bin/gettoken")) {
                boolean ok = "ww-corp".equals(r.query().get("corpid")) && "corp-secret".equals(r.query().get("corpsecret"));
                return FakeProvider.Reply.json(ok ? "{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\"token-"
                        + tokens.incrementAndGet() + "\",\"expires_in\":7200}" : "{\"errcode\":40001,\"errmsg\":\"invalid\"}");
            }
            return FakeProvider.Reply.json(send);
        });
    }

    @Test
    void aTextcardToTheMemberWithACachedToken() {
        provider("{\"errcode\":0,\"errmsg\":\"ok\",\"invaliduser\":\"\",\"msgid\":\"msg-1\"}");
        assertThat(wecom.send("parent_c1a", MESSAGE).block()).isEqualTo(DeliveryChannel.Outcome.sent("msg-1"));
        assertThat(wecom.send("parent_c1a", MESSAGE).block().status()).isEqualTo(DeliveryChannel.Outcome.Status.SENT);
        assertThat(fake.to("/cgi-bin/gettoken")).hasSize(1);
        FakeProvider.Request send = fake.to("/cgi-bin/message/send").get(0);
        assertThat(send.method()).isEqualTo("POST");
        assertThat(send.query()).containsEntry("access_token", "token-1");
        JsonNode body = JSON.readTree(send.body());
        assertThat(body.get("touser").asString()).isEqualTo("parent_c1a");
        assertThat(body.get("msgtype").asString()).isEqualTo("textcard");
        assertThat(body.get("agentid").asLong()).isEqualTo(1000002L);
        assertThat(body.get("textcard").get("title").asString()).isEqualTo("班级通知");
        assertThat(body.get("textcard").get("description").asString()).isEqualTo("您有一条新的班级通知，请登录平台查看。");
        assertThat(body.get("textcard").get("url").asString()).isEqualTo("https://zhsz.example.org/notices/abc123");
        assertThat(body.properties().stream().map(java.util.Map.Entry::getKey).toList())
                .containsExactlyInAnyOrder("touser", "msgtype", "agentid", "textcard");
    }

    @Test
    void anExpiredTokenIsRenewedOnceAndTheMessageSent() {
        AtomicInteger sends = new AtomicInteger();
        fake.answer(r -> {
            if (r.path().equals("/cgi-bin/gettoken")) {
                return FakeProvider.Reply.json("{\"errcode\":0,\"access_token\":\"token-" + tokens.incrementAndGet()
                        + "\",\"expires_in\":7200}");
            }
            return FakeProvider.Reply.json(sends.incrementAndGet() == 1
                    ? "{\"errcode\":42001,\"errmsg\":\"access_token expired\"}" : "{\"errcode\":0,\"msgid\":\"m\"}");
        });
        assertThat(wecom.send("parent_c1a", MESSAGE).block().status()).isEqualTo(DeliveryChannel.Outcome.Status.SENT);
        assertThat(fake.to("/cgi-bin/gettoken")).hasSize(2);
        assertThat(fake.to("/cgi-bin/message/send")).extracting(r -> r.query().get("access_token"))
                .containsExactly("token-1", "token-2");
    }

    @Test
    void errcodesMapToOutcomes() {
        provider("{\"errcode\":0,\"errmsg\":\"ok\",\"invaliduser\":\"parent_c1a\"}");
        assertThat(wecom.send("parent_c1a", MESSAGE).block()).isEqualTo(DeliveryChannel.Outcome.failed("invaliduser"));
        provider("{\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}");
        assertThat(wecom.send("parent_c1a", MESSAGE).block().status())
                .isEqualTo(DeliveryChannel.Outcome.Status.RATE_LIMITED);
        provider("{\"errcode\":-1,\"errmsg\":\"system busy\"}");
        assertThat(wecom.send("parent_c1a", MESSAGE).block().status()).isEqualTo(DeliveryChannel.Outcome.Status.RETRY);
        provider("{\"errcode\":81013,\"errmsg\":\"user & party & tag all invalid\"}");
        assertThat(wecom.send("parent_c1a", MESSAGE).block().status()).isEqualTo(DeliveryChannel.Outcome.Status.FAILED);
    }

    @Test
    void wrongCredentialsAreRetriedLaterAndSayWhy() throws IOException {
        WeComChannel wrong = new WeComChannel(new FamilyProperties.WeCom(true, fake.url(), "ww-corp", "wrong", 1L,
                null), new ProviderHttp(Duration.ofSeconds(5)), JSON, Clock.systemUTC());
        provider("{\"errcode\":0}");
        DeliveryChannel.Outcome o = wrong.send("parent_c1a", MESSAGE).block();
        assertThat(o.status()).isEqualTo(DeliveryChannel.Outcome.Status.RETRY);
        assertThat(o.error()).contains("gettoken").contains("40001");
        assertThat(fake.to("/cgi-bin/message/send")).isEmpty();
    }
}
