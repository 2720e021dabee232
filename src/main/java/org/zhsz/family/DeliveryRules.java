package org.zhsz.family;

import java.time.Duration;
import java.time.Instant;

/**
 * What happens after an attempt to deliver a message, and how fast a channel may send. Pure; unit-tested.
 * <ul>
 * <li>SENT and FAILED are final;</li>
 * <li>RETRY waits {@code firstRetryAfter}, then twice as long after each further failure (30 s, 60 s, 120 s …) and
 * gives up as FAILED after {@code maxAttempts} attempts;</li>
 * <li>RATE_LIMITED (the provider throttles) waits a minute and does not use up an attempt.</li>
 * </ul>
 */
final class DeliveryRules {

    static final Duration RATE_LIMIT_PAUSE = Duration.ofMinutes(1);

    enum Status { PENDING, SENT, FAILED }

    record Next(Status status, Instant nextAttemptAt, int attempts) {
    }

    private DeliveryRules() {
    }

    /** {@code attempts}: attempts made so far, this one included. */
    static Next after(DeliveryChannel.Outcome outcome, int attempts, Instant now, int maxAttempts,
                      Duration firstRetryAfter) {
        return switch (outcome.status()) {
            case SENT -> new Next(Status.SENT, null, attempts);
            case FAILED -> new Next(Status.FAILED, null, attempts);
            case RATE_LIMITED -> new Next(Status.PENDING, now.plus(RATE_LIMIT_PAUSE), attempts - 1);
            case RETRY -> attempts >= maxAttempts ? new Next(Status.FAILED, null, attempts)
                    : new Next(Status.PENDING, now.plus(firstRetryAfter.multipliedBy(1L << Math.min(20,
                    attempts - 1))), attempts);
        };
    }

    /** At most {@code perMinute} sends per calendar minute of the given clock (per instance, per county channel). */
    static final class RateWindow {
        private final int perMinute;
        private long minute = Long.MIN_VALUE;
        private int used;

        RateWindow(int perMinute) {
            this.perMinute = perMinute;
        }

        synchronized boolean tryTake(Instant now) {
            long m = now.getEpochSecond() / 60;
            if (m != minute) {
                minute = m;
                used = 0;
            }
            if (used >= perMinute) {
                return false;
            }
            used++;
            return true;
        }

        static Instant nextWindow(Instant now) {
            return Instant.ofEpochSecond((now.getEpochSecond() / 60 + 1) * 60);
        }
    }
}
