package org.zhsz.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class RateLimiterTests {

    @Test
    void aClientGetsItsBudgetPerMinuteAndOthersTheirsToo() {
        Clock t0 = Clock.fixed(Instant.parse("2026-11-29T08:00:10Z"), ZoneOffset.UTC);
        RateLimiter limiter = new RateLimiter(3, t0);
        assertThat(limiter.tryAcquire("1.2.3.4")).isTrue();
        assertThat(limiter.tryAcquire("1.2.3.4")).isTrue();
        assertThat(limiter.tryAcquire("1.2.3.4")).isTrue();
        assertThat(limiter.tryAcquire("1.2.3.4")).isFalse();
        assertThat(limiter.tryAcquire("5.6.7.8")).isTrue();
        RateLimiter nextMinute = new RateLimiter(3, Clock.offset(t0, java.time.Duration.ofSeconds(60)));
        assertThat(nextMinute.tryAcquire("1.2.3.4")).isTrue();
    }
}
