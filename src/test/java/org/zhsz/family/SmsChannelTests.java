package org.zhsz.family;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/**
 * 阿里云短信 SendSms against a fake server that checks the request the way the provider does: the RPC parameters,
 * and the HMAC-SHA1 signature recomputed from them with the account's secret.
 */
class SmsChannelTests {

    private static final String SECRET = "test-secret-not-real";
    private static final DeliveryChannel.Message MESSAGE = new DeliveryChannel.Message("班级通知",
            "您有一条新的班级通知，请登录平台查看。", "https://zhsz.example.org/notices/abc123");

    private FakeProvider fake;
    private SmsChannel sms;

    @BeforeEach
    void start() throws IOException {
        fake = new FakeProvider();
        sms = channel(SECRET);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private SmsChannel channel(String secret) {
        FamilyProperties.Sms config = new FamilyProperties.Sms(true, fake.url() + "/", "LTAI-test", secret,
                "泾源县教育体育局", "SMS_000001", null, 100);
        return new SmsChannel(config, new ProviderHttp(Duration.ofSeconds(5)), JsonMapper.builder().build(),
                Clock.fixed(Instant.parse("2026-12-07T02:00:00Z"), ZoneOffset.UTC));
    }

    /** What the provider does: rebuild the canonical query without Signature and compare signatures. */
    private static boolean signedCorrectly(FakeProvider.Request r) {
        Map<String, String> params = new TreeMap<>(r.query());
        String signature = params.remove("Signature");
        return SmsChannel.sign("GET", SmsChannel.canonical(params), SECRET).equals(signature);
    }

    @Test
    void aSignedSendSmsRequestWithOnlyTheLink() {
        fake.answer(r -> signedCorrectly(r) ? FakeProvider.Reply.json("{\"Code\":\"OK\",\"Message\":\"OK\","
                + "\"BizId\":\"900619746936498440^0\",\"RequestId\":\"F655A8D5\"}")
                : new FakeProvider.Reply(400, "{\"Code\":\"SignatureDoesNotMatch\"}"));
        DeliveryChannel.Outcome o = sms.send("13912345678", MESSAGE).block();
        assertThat(o).isEqualTo(DeliveryChannel.Outcome.sent("900619746936498440^0"));
        FakeProvider.Request r = fake.requests.get(0);
        assertThat(r.method()).isEqualTo("GET");
        assertThat(r.query()).containsEntry("Action", "SendSms").containsEntry("Version", "2017-05-25")
                .containsEntry("PhoneNumbers", "13912345678").containsEntry("SignName", "泾源县教育体育局")
                .containsEntry("TemplateCode", "SMS_000001").containsEntry("SignatureMethod", "HMAC-SHA1")
                .containsEntry("SignatureVersion", "1.0").containsEntry("Timestamp", "2026-12-07T02:00:00Z")
                .containsEntry("Format", "JSON").containsEntry("AccessKeyId", "LTAI-test")
                .containsKeys("SignatureNonce", "Signature");
        // the message carries nothing but a link to the platform
        assertThat(r.query().get("TemplateParam")).isEqualTo("{\"link\":\"https://zhsz.example.org/notices/abc123\"}");
    }

    @Test
    void aWrongSecretIsAFailureNotARetry() {
        fake.answer(r -> signedCorrectly(r) ? FakeProvider.Reply.json("{\"Code\":\"OK\"}")
                : new FakeProvider.Reply(400, "{\"Code\":\"SignatureDoesNotMatch\",\"Message\":\"Specified signature "
                + "is not matched with our calculation.\"}"));
        DeliveryChannel.Outcome o = channel("wrong").send("13912345678", MESSAGE).block();
        assertThat(o.status()).isEqualTo(DeliveryChannel.Outcome.Status.FAILED);
        assertThat(o.error()).startsWith("SignatureDoesNotMatch");
    }

    @Test
    void providerAnswersMapToRetriesThrottlingAndFailures() {
        fake.answer(r -> FakeProvider.Reply.json("{\"Code\":\"isv.BUSINESS_LIMIT_CONTROL\",\"Message\":\"触发分钟级流控\"}"));
        assertThat(sms.send("13912345678", MESSAGE).block().status())
                .isEqualTo(DeliveryChannel.Outcome.Status.RATE_LIMITED);
        fake.answer(r -> new FakeProvider.Reply(503, "busy"));
        assertThat(sms.send("13912345678", MESSAGE).block().status()).isEqualTo(DeliveryChannel.Outcome.Status.RETRY);
        fake.answer(r -> FakeProvider.Reply.json("{\"Code\":\"isp.SYSTEM_ERROR\"}"));
        assertThat(sms.send("13912345678", MESSAGE).block().status()).isEqualTo(DeliveryChannel.Outcome.Status.RETRY);
        fake.answer(r -> FakeProvider.Reply.json("{\"Code\":\"isv.MOBILE_NUMBER_ILLEGAL\",\"Message\":\"非法手机号\"}"));
        assertThat(sms.send("13912345678", MESSAGE).block().status()).isEqualTo(DeliveryChannel.Outcome.Status.FAILED);
    }

    @Test
    void anUnreachableProviderIsARetry() {
        fake.close();
        assertThat(sms.send("13912345678", MESSAGE).block().status()).isEqualTo(DeliveryChannel.Outcome.Status.RETRY);
    }

    @Test
    void onlyMainlandMobileNumbersAreAddresses() {
        assertThat(sms.address(new DeliveryChannel.Recipient(null, "139 1234 5678"))).isEqualTo("13912345678");
        assertThat(sms.address(new DeliveryChannel.Recipient(null, "+8613912345678"))).isEqualTo("13912345678");
        assertThat(sms.address(new DeliveryChannel.Recipient("parent_c1a", "0954-5012345"))).isNull();
        assertThat(sms.address(new DeliveryChannel.Recipient("parent_c1a", null))).isNull();
    }

    @Test
    void percentEncodingFollowsTheProvider() {
        assertThat(SmsChannel.percent("a b*c~d")).isEqualTo("a%20b%2Ac~d");
        assertThat(SmsChannel.percent("班级")).isEqualTo("%E7%8F%AD%E7%BA%A7");
    }
}
