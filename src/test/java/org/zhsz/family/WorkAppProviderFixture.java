package org.zhsz.family;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import tools.jackson.databind.json.JsonMapper;

/**
 * The fake 企业微信 / 钉钉 server the work-app channel tests talk to: started before and closed after each test; its
 * gettoken issues numbered tokens (prefix-1, prefix-2, …) to the right credentials and refuses others, and it
 * answers every send as the test says.
 */
abstract class WorkAppProviderFixture {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final DeliveryChannel.Message MESSAGE = new DeliveryChannel.Message("班级通知",
            "您有一条新的班级通知，请登录平台查看。", "https://zhsz.example.org/notices/abc123");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T02:00:00Z"), ZoneOffset.UTC);

    FakeProvider fake;
    final AtomicInteger tokens = new AtomicInteger();

    @BeforeEach
    void startProvider() throws IOException {
        fake = new FakeProvider();
    }

    @AfterEach
    void stopProvider() {
        fake.close();
    }

    static ProviderHttp http() {
        return new ProviderHttp(Duration.ofSeconds(5));
    }

    /**
     * {@code tokenPath} answers {@code prefix-N} when the query has the right {@code credentials}, else
     * {@code refusal}; every other request gets what {@code send} says for it.
     */
    void provider(String tokenPath, Predicate<Map<String, String>> credentials, String prefix, String refusal,
                  Function<FakeProvider.Request, String> send) {
        fake.answer(r -> {
            if (r.path().equals(tokenPath)) {
                return FakeProvider.Reply.json(credentials.test(r.query()) ? "{\"errcode\":0,\"errmsg\":\"ok\","
                        + "\"access_token\":\"" + prefix + "-" + tokens.incrementAndGet() + "\",\"expires_in\":7200}"
                        : refusal);
            }
            return FakeProvider.Reply.json(send.apply(r));
        });
    }
}
