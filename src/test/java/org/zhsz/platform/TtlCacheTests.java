package org.zhsz.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/** The short cache behind access lookups: reused within its time, never after an invalidation, never an error. */
class TtlCacheTests {

    private final AtomicInteger loads = new AtomicInteger();

    private Mono<String> load(String v) {
        return Mono.fromSupplier(() -> {
            loads.incrementAndGet();
            return v;
        });
    }

    @Test
    void aValueIsReusedWithinItsTimeAndReloadedAfter() throws InterruptedException {
        TtlCache<String, String> cache = new TtlCache<>(Duration.ofMillis(200));
        assertThat(cache.get("k", () -> load("a")).block()).isEqualTo("a");
        assertThat(cache.get("k", () -> load("b")).block()).isEqualTo("a");
        assertThat(loads).hasValue(1);
        Thread.sleep(250);
        assertThat(cache.get("k", () -> load("c")).block()).isEqualTo("c");
        assertThat(loads).hasValue(2);
    }

    @Test
    void anInvalidationIsSeenAtOnce() {
        TtlCache<String, String> cache = new TtlCache<>(Duration.ofMinutes(1));
        cache.get("k", () -> load("old")).block();
        cache.invalidateAll();
        assertThat(cache.get("k", () -> load("new")).block()).isEqualTo("new");
    }

    @Test
    void aLoadThatStartedBeforeAnInvalidationIsNotKept() {
        TtlCache<String, String> cache = new TtlCache<>(Duration.ofMinutes(1));
        Sinks.One<String> slow = Sinks.one();
        Mono<String> inFlight = cache.get("k", slow::asMono);
        var result = inFlight.toFuture();
        cache.invalidateAll(); // the data changed while the old value was being read
        slow.tryEmitValue("read before the write");
        assertThat(result.join()).isEqualTo("read before the write"); // that request saw what it read
        assertThat(cache.get("k", () -> load("after the write")).block()).isEqualTo("after the write");
    }

    @Test
    void emptyResultsAreKeptErrorsAreNot() {
        TtlCache<String, String> cache = new TtlCache<>(Duration.ofMinutes(1));
        assertThat(cache.get("none", () -> {
            loads.incrementAndGet();
            return Mono.<String>empty();
        }).block()).isNull();
        assertThat(cache.get("none", () -> load("x")).block()).isNull();
        assertThat(loads).hasValue(1);

        assertThatThrownBy(() -> cache.get("err", () -> Mono.<String>error(new IllegalStateException("db down")))
                .block()).hasMessageContaining("db down");
        assertThat(cache.get("err", () -> load("ok")).block()).isEqualTo("ok");
    }

    @Test
    void zeroTimeTurnsCachingOff() {
        TtlCache<String, String> cache = new TtlCache<>(Duration.ZERO);
        cache.get("k", () -> load("a")).block();
        assertThat(cache.get("k", () -> load("b")).block()).isEqualTo("b");
        assertThat(loads).hasValue(2);
    }
}
