package org.zhsz.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import com.github.benmanes.caffeine.cache.Ticker;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Verified tokens are kept until their own expiry: a token is checked in full once (also when many requests bring
 * it at the same time), a changed byte is a miss, an expired token is refused and dropped, the size is bounded
 * without forgetting everything, and hits and misses are measured. Time is a test clock (no waiting).
 */
class VerifiedTokenCacheTests {

    private final AtomicInteger fullChecks = new AtomicInteger();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));
    private final Ticker ticker = () -> clock.now.toEpochMilli() * 1_000_000L;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private Sinks.One<Void> gate;

    /** Stands in for the signature check: accepts tokens starting with "good", with the expiry after the dot. */
    private final ReactiveJwtDecoder signatureCheck = token -> {
        fullChecks.incrementAndGet();
        if (!token.startsWith("good")) {
            return Mono.error(new BadJwtException("bad signature"));
        }
        String exp = token.substring(token.indexOf('.') + 1);
        Jwt.Builder b = Jwt.withTokenValue(token).header("alg", "RS256").subject("u");
        if (!exp.equals("none")) {
            Instant e = Instant.ofEpochSecond(Long.parseLong(exp));
            b.issuedAt(e.minusSeconds(300)).expiresAt(e);
        }
        Mono<Jwt> jwt = Mono.just(b.build());
        return gate == null ? jwt : gate.asMono().then(jwt);
    };

    private VerifiedTokenCache cache(int max) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ZERO);
        timestamps.setClock(clock);
        return new VerifiedTokenCache(signatureCheck, timestamps, max, meters, clock, ticker);
    }

    private String good(String name, long secondsLeft) {
        return "good-" + name + "." + clock.now.plusSeconds(secondsLeft).getEpochSecond();
    }

    @Test
    void aTokenIsCheckedInFullOnceThenServedFromTheCache() {
        VerifiedTokenCache cache = cache(100);
        String t = good("a", 60);
        assertThat(cache.decode(t).block().getSubject()).isEqualTo("u");
        assertThat(cache.decode(t).block().getTokenValue()).isEqualTo(t);
        assertThat(fullChecks).hasValue(1);
        assertThat(meters.get("cache.gets").tag("cache", "security.verified_tokens").tag("result", "hit")
                .functionCounter().count()).isEqualTo(1);
    }

    @Test
    void manyRequestsWithANewTokenShareOneFullCheck() {
        VerifiedTokenCache cache = cache(100);
        gate = Sinks.one();
        String t = good("burst", 60);
        List<CompletableFuture<Jwt>> waiting = Flux.range(0, 40).map(i -> cache.decode(t).toFuture()).collectList()
                .block();
        assertThat(waiting).noneMatch(CompletableFuture::isDone);
        gate.tryEmitEmpty();
        assertThat(waiting).allSatisfy(f -> assertThat(f.join().getTokenValue()).isEqualTo(t));
        assertThat(fullChecks).hasValue(1);
    }

    @Test
    void aChangedTokenIsNotACacheHitAndARefusedOneIsNotKept() {
        VerifiedTokenCache cache = cache(100);
        String t = good("a", 60);
        cache.decode(t).block();
        String forged = "bad" + t.substring(4);
        assertThatThrownBy(() -> cache.decode(forged).block()).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> cache.decode(forged).block()).isInstanceOf(BadJwtException.class);
        assertThat(fullChecks).hasValue(3);
    }

    @Test
    void aKeptTokenIsRefusedAndDroppedAtItsExpiry() {
        VerifiedTokenCache cache = cache(100);
        String soon = good("soon", 30);
        String later = good("later", 3600);
        assertThat(cache.decode(soon).block()).isNotNull();
        assertThat(cache.decode(later).block()).isNotNull();
        clock.now = clock.now.plusSeconds(31);
        assertThatThrownBy(() -> cache.decode(soon).block()).isInstanceOf(JwtValidationException.class);
        assertThat(fullChecks).as("refused without another signature check").hasValue(3);
        // each entry expires at its own exp: the later token is still there, the expired one gone
        assertThat(cache.decode(later).block()).isNotNull();
        assertThat(fullChecks).hasValue(3);
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void aTokenWithoutExpiryIsNotKept() {
        VerifiedTokenCache cache = cache(100);
        String t = "good-noexp.none";
        cache.decode(t).block();
        cache.decode(t).block();
        assertThat(fullChecks).hasValue(2);
    }

    @Test
    void theSizeIsBoundedWithoutForgettingEverything() {
        VerifiedTokenCache cache = cache(50);
        for (int i = 0; i < 80; i++) {
            cache.decode(good("n" + i, 600)).block();
        }
        assertThat(cache.size()).isLessThanOrEqualTo(50).isGreaterThanOrEqualTo(40);
    }

    private static final class MutableClock extends java.time.Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
