package org.zhsz.platform.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long an {@code Idempotency-Key} is remembered.
 *
 * @param ttl            a completed request's key (and its kept answer) expires after this (default 24 h); a retry
 *                       later runs as a new request. Expired keys are removed by a TTL index (MongoDB) and by a
 *                       sweep every {@code sweepEvery} (the embedded store has no TTL indexes)
 * @param pendingTimeout a key whose request never completed (the process died mid-request) stops blocking retries
 *                       after this (default 10 min): the next retry runs the request
 * @param maxBody        largest non-JSON body (multipart upload) fingerprinted by its content (default 32 MB); a
 *                       larger one with a key is a 413
 * @param sweepEvery     how often expired keys are deleted (default 1 h)
 */
@ConfigurationProperties("zhsz.idempotency")
record IdempotencyProperties(Duration ttl, Duration pendingTimeout, Long maxBody, Duration sweepEvery) {

    IdempotencyProperties {
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            ttl = Duration.ofHours(24);
        }
        if (pendingTimeout == null || pendingTimeout.isNegative() || pendingTimeout.isZero()) {
            pendingTimeout = Duration.ofMinutes(10);
        }
        if (maxBody == null || maxBody < 1024) {
            maxBody = 32L * 1024 * 1024;
        }
        if (sweepEvery == null || sweepEvery.isNegative() || sweepEvery.isZero()) {
            sweepEvery = Duration.ofHours(1);
        }
    }
}
