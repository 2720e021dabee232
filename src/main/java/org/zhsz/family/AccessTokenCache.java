package org.zhsz.family;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import reactor.core.publisher.Mono;

/**
 * The access_token of a 企业微信 or 钉钉 app: fetched once and reused until five minutes before it expires (both
 * providers limit how often gettoken may be called and expect callers to cache it), or until the provider says it
 * is no longer valid.
 */
final class AccessTokenCache {

    record Token(String value, Instant expiresAt) {
    }

    private final Clock clock;
    private final Supplier<Mono<Token>> fetch;
    private final AtomicReference<Token> current = new AtomicReference<>();

    AccessTokenCache(Clock clock, Supplier<Mono<Token>> fetch) {
        this.clock = clock;
        this.fetch = fetch;
    }

    Mono<String> get() {
        Token t = current.get();
        if (t != null && clock.instant().isBefore(t.expiresAt().minus(Duration.ofMinutes(5)))) {
            return Mono.just(t.value());
        }
        return fetch.get().doOnNext(current::set).map(Token::value);
    }

    void invalidate() {
        current.set(null);
    }
}
