package org.zhsz.family;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** Retries back off 30 s, 60 s, 120 s and give up after four attempts; throttling waits without using attempts. */
class DeliveryRulesTests {

    private static final Instant T0 = Instant.parse("2026-12-07T02:00:00Z");
    private static final Duration FIRST = Duration.ofSeconds(30);

    @Test
    void retriesBackOffAndThenFail() {
        DeliveryChannel.Outcome busy = DeliveryChannel.Outcome.retry("http 503");
        assertThat(DeliveryRules.after(busy, 1, T0, 4, FIRST)).isEqualTo(new DeliveryRules.Next(
                DeliveryRules.Status.PENDING, T0.plusSeconds(30), 1));
        assertThat(DeliveryRules.after(busy, 2, T0, 4, FIRST).nextAttemptAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(DeliveryRules.after(busy, 3, T0, 4, FIRST).nextAttemptAt()).isEqualTo(T0.plusSeconds(120));
        assertThat(DeliveryRules.after(busy, 4, T0, 4, FIRST)).isEqualTo(new DeliveryRules.Next(
                DeliveryRules.Status.FAILED, null, 4));
    }

    @Test
    void sentAndPermanentFailuresAreFinal() {
        assertThat(DeliveryRules.after(DeliveryChannel.Outcome.sent("m1"), 2, T0, 4, FIRST).status())
                .isEqualTo(DeliveryRules.Status.SENT);
        assertThat(DeliveryRules.after(DeliveryChannel.Outcome.failed("invaliduser"), 1, T0, 4, FIRST).status())
                .isEqualTo(DeliveryRules.Status.FAILED);
    }

    @Test
    void throttlingWaitsAMinuteWithoutUsingAnAttempt() {
        assertThat(DeliveryRules.after(DeliveryChannel.Outcome.rateLimited("45009"), 4, T0, 4, FIRST))
                .isEqualTo(new DeliveryRules.Next(DeliveryRules.Status.PENDING, T0.plusSeconds(60), 3));
    }

    @Test
    void aChannelSendsAtMostItsLimitPerMinute() {
        DeliveryRules.RateWindow w = new DeliveryRules.RateWindow(2);
        assertThat(w.tryTake(T0)).isTrue();
        assertThat(w.tryTake(T0.plusSeconds(10))).isTrue();
        assertThat(w.tryTake(T0.plusSeconds(59))).isFalse();
        assertThat(DeliveryRules.RateWindow.nextWindow(T0.plusSeconds(59))).isEqualTo(T0.plusSeconds(60));
        assertThat(w.tryTake(T0.plusSeconds(60))).isTrue();
    }
}
