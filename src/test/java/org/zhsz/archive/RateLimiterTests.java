package org.zhsz.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class RateLimiterTests {

    @Test
    void aClientGetsItsBudgetPerMinuteAndOthersTheirsToo() {
        java.util.concurrent.atomic.AtomicReference<Instant> now = new java.util.concurrent.atomic.AtomicReference<>(
                Instant.parse("2026-11-29T08:00:10Z"));
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        RateLimiter limiter = new RateLimiter(3, clock);
        assertThat(limiter.tryAcquire("1.2.3.4")).isTrue();
        assertThat(limiter.tryAcquire("1.2.3.4")).isTrue();
        assertThat(limiter.tryAcquire("1.2.3.4")).isTrue();
        assertThat(limiter.tryAcquire("1.2.3.4")).isFalse();
        assertThat(limiter.tryAcquire("5.6.7.8")).isTrue();
        now.set(now.get().plusSeconds(40)); // 08:00:50, same minute
        assertThat(limiter.tryAcquire("1.2.3.4")).isFalse();
        now.set(now.get().plusSeconds(15)); // 08:01:05, a new minute
        assertThat(limiter.tryAcquire("1.2.3.4")).isTrue();
    }
}
