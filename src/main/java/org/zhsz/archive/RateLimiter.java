package org.zhsz.archive;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small fixed-window limiter per client key (the public verification endpoints are not behind a login).
 * In-memory per instance: with N replicas a client gets N times the budget, which is acceptable for this purpose.
 */
final class RateLimiter {

    private final int perMinute;
    private final Clock clock;
    private final Map<String, long[]> windows = new ConcurrentHashMap<>();

    RateLimiter(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    boolean tryAcquire(String key) {
        long minute = clock.millis() / 60_000;
        if (windows.size() > 10_000) {
            windows.entrySet().removeIf(e -> e.getValue()[0] != minute);
        }
        long[] w = windows.compute(key, (k, v) -> v == null || v[0] != minute ? new long[]{minute, 1}
                : new long[]{minute, v[1] + 1});
        return w[1] <= perMinute;
    }
}
