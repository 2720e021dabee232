package org.zhsz.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import com.github.benmanes.caffeine.cache.Ticker;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The cache behind access lookups: reused within its time (a test ticker moves it), loaded once however many
 * requests miss at once, bounded without dropping everything, never after an invalidation, never an error.
 */
class LookupCacheTests {

    private final AtomicInteger loads = new AtomicInteger();
    private final AtomicLong nanos = new AtomicLong();
    private final Ticker ticker = nanos::get;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private Mono<String> load(String v) {
        return Mono.fromSupplier(() -> {
            loads.incrementAndGet();
            return v;
        });
    }

    private LookupCache<String, String> cache(Duration ttl, long max) {
        return LookupCache.of("test", ttl, max, meters, ticker);
    }

    @Test
    void aValueIsReusedWithinItsTimeAndReloadedAfter() {
        LookupCache<String, String> cache = cache(Duration.ofSeconds(5), 100);
        assertThat(cache.get("k", () -> load("a")).block()).isEqualTo("a");
        nanos.addAndGet(Duration.ofMillis(4_999).toNanos());
        assertThat(cache.get("k", () -> load("b")).block()).isEqualTo("a");
        assertThat(loads).hasValue(1);
        nanos.addAndGet(Duration.ofMillis(2).toNanos());
        assertThat(cache.get("k", () -> load("c")).block()).isEqualTo("c");
        assertThat(loads).hasValue(2);
    }

    @Test
    void concurrentMissesOfOneKeyShareOneLoad() {
        LookupCache<String, String> cache = cache(Duration.ofSeconds(5), 100);
        Sinks.One<String> slow = Sinks.one();
        List<java.util.concurrent.CompletableFuture<String>> waiting = Flux.range(0, 50)
                .map(i -> cache.get("k", () -> {
                    loads.incrementAndGet();
                    return slow.asMono();
                }).toFuture())
                .collectList().block();
        assertThat(waiting).noneMatch(java.util.concurrent.CompletableFuture::isDone);
        assertThat(loads).hasValue(1);
        slow.tryEmitValue("v");
        assertThat(waiting).allSatisfy(f -> assertThat(f.join()).isEqualTo("v"));
        assertThat(cache.get("k", () -> load("other")).block()).isEqualTo("v");
        assertThat(loads).hasValue(1);
    }

    @Test
    void theSizeIsBoundedWithoutDroppingEverything() {
        LookupCache<String, String> cache = cache(Duration.ofMinutes(5), 100);
        for (int i = 0; i < 150; i++) {
            cache.get("k" + i, () -> load("v")).block();
        }
        long size = cache.size();
        assertThat(size).isLessThanOrEqualTo(100).isGreaterThanOrEqualTo(90);
        // a key used again and again stays while one-off keys come and go
        for (int round = 0; round < 20; round++) {
            cache.get("hot", () -> load("hot")).block();
            for (int i = 0; i < 20; i++) {
                cache.get("cold" + round + "-" + i, () -> load("v")).block();
            }
        }
        int before = loads.get();
        cache.get("hot", () -> load("hot")).block();
        assertThat(loads).hasValue(before);
    }

    @Test
    void anInvalidationIsSeenAtOnceAndALoadStartedBeforeItIsNotKept() {
        LookupCache<String, String> cache = cache(Duration.ofMinutes(1), 100);
        cache.get("k", () -> load("old")).block();
        cache.invalidateAll();
        assertThat(cache.get("k", () -> load("new")).block()).isEqualTo("new");

        Sinks.One<String> slow = Sinks.one();
        var inFlight = cache.get("j", slow::asMono).toFuture();
        cache.invalidateAll(); // the data changed while the old value was being read
        slow.tryEmitValue("read before the write");
        assertThat(inFlight.join()).isEqualTo("read before the write"); // that request saw what it read
        assertThat(cache.get("j", () -> load("after the write")).block()).isEqualTo("after the write");
    }

    @Test
    void emptyResultsAreKeptErrorsAreNot() {
        LookupCache<String, String> cache = cache(Duration.ofMinutes(1), 100);
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
    void hitsAndMissesAreMeasured() {
        LookupCache<String, String> cache = cache(Duration.ofMinutes(1), 100);
        cache.get("k", () -> load("a")).block();
        cache.get("k", () -> load("a")).block();
        cache.get("k", () -> load("a")).block();
        assertThat(meters.get("cache.gets").tag("cache", "test").tag("result", "hit").functionCounter().count())
                .isEqualTo(2);
        assertThat(meters.get("cache.gets").tag("cache", "test").tag("result", "miss").functionCounter().count())
                .isEqualTo(1);
    }

    @Test
    void zeroTimeTurnsCachingOff() {
        LookupCache<String, String> cache = cache(Duration.ZERO, 100);
        cache.get("k", () -> load("a")).block();
        assertThat(cache.get("k", () -> load("b")).block()).isEqualTo("b");
        assertThat(loads).hasValue(2);
    }
}
