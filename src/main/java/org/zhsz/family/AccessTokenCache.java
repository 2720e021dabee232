package org.zhsz.family;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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

    /**
     * The token from a {@code gettoken} URL as both providers answer it: {@code errcode} 0, {@code access_token}
     * and {@code expires_in} seconds; anything else fails with {@link TokenUnavailable}.
     */
    static AccessTokenCache gettoken(Clock clock, ProviderHttp http, JsonMapper json, Supplier<String> url) {
        return new AccessTokenCache(clock, () -> http.get(url.get()).flatMap(r -> {
            JsonNode n = ProviderHttp.json(json, r.body());
            if (n == null || n.path("errcode").asInt(-1) != 0 || n.path("access_token").asString("").isEmpty()) {
                return Mono.error(new TokenUnavailable(r.reached() ? ProviderHttp.describe(n, r) : "unreachable"));
            }
            return Mono.just(new Token(n.path("access_token").asString(),
                    clock.instant().plusSeconds(n.path("expires_in").asLong(7200))));
        }));
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

    /** gettoken failed: the attempt is retried later (wrong credentials show as the same error every time). */
    static final class TokenUnavailable extends RuntimeException {
        TokenUnavailable(String message) {
            super(message, null, false, false);
        }
    }
}
