package org.zhsz.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import reactor.core.publisher.Mono;

class VerifiedTokenCacheTests {

    private final AtomicInteger fullChecks = new AtomicInteger();

    /** Stands in for the signature check: accepts tokens starting with "good", with the expiry after the dot. */
    private final ReactiveJwtDecoder signatureCheck = token -> {
        fullChecks.incrementAndGet();
        if (!token.startsWith("good")) {
            return Mono.error(new BadJwtException("bad signature"));
        }
        Instant exp = Instant.ofEpochSecond(Long.parseLong(token.substring(token.indexOf('.') + 1)));
        return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("u")
                .issuedAt(exp.minusSeconds(300)).expiresAt(exp).build());
    };

    private final VerifiedTokenCache cache = new VerifiedTokenCache(signatureCheck,
            new JwtTimestampValidator(Duration.ofSeconds(0)), 3);

    private static String good(String name, Instant exp) {
        return "good-" + name + "." + exp.getEpochSecond();
    }

    @Test
    void aTokenIsCheckedInFullOnceThenServedFromTheCache() {
        String t = good("a", Instant.now().plusSeconds(60));
        assertThat(cache.decode(t).block().getSubject()).isEqualTo("u");
        assertThat(cache.decode(t).block().getTokenValue()).isEqualTo(t);
        assertThat(fullChecks).hasValue(1);
    }

    @Test
    void aChangedTokenIsNotACacheHit() {
        String t = good("a", Instant.now().plusSeconds(60));
        cache.decode(t).block();
        assertThatThrownBy(() -> cache.decode("bad" + t.substring(4)).block()).isInstanceOf(BadJwtException.class);
        assertThat(fullChecks).hasValue(2);
    }

    @Test
    void aCachedTokenThatHasExpiredIsRefused() {
        MutableClock clock = new MutableClock(Instant.now());
        JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ZERO);
        timestamps.setClock(clock);
        VerifiedTokenCache c = new VerifiedTokenCache(signatureCheck, timestamps, 3);
        String t = good("soon", clock.instant().plusSeconds(30));
        assertThat(c.decode(t).block()).isNotNull();
        clock.now = clock.now.plusSeconds(31);
        assertThatThrownBy(() -> c.decode(t).block()).isInstanceOf(JwtValidationException.class);
        assertThat(fullChecks).as("refused by the validators on the cache hit").hasValue(1);
        assertThat(c.size()).isZero();
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

    @Test
    void theMapStaysBounded() {
        for (int i = 0; i < 10; i++) {
            cache.decode(good("n" + i, Instant.now().plusSeconds(60))).block();
        }
        assertThat(cache.size()).isLessThanOrEqualTo(3);
    }
}
