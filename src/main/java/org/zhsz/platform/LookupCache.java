package org.zhsz.platform;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import reactor.core.publisher.Mono;

/**
 * A short-lived cache of lookups that every request repeats (a school's terms, a teacher's assignments, a school's
 * record categories, a student by id), on Caffeine:
 * <ul>
 * <li>a value is used for at most {@code ttl} after it was loaded; the owner invalidates the cache when it writes
 * the underlying data in this instance, so the staleness bound applies only to writes of other instances;</li>
 * <li>concurrent misses of one key share one load (one store round trip, not one per request);</li>
 * <li>the size is bounded by evicting the least valuable entries one by one (no clear-all cliff);</li>
 * <li>errors are never kept (the next request loads again); empty results are;</li>
 * <li>a load that started before an invalidation is not kept (its own callers still get what it read);</li>
 * <li>hits, misses, loads and evictions are Micrometer meters {@code cache.*} tagged {@code cache=<name>}.</li>
 * </ul>
 * A ttl of zero turns caching off.
 */
public final class LookupCache<K, V> {

    private final AsyncCache<K, Optional<V>> cache;

    private LookupCache(AsyncCache<K, Optional<V>> cache) {
        this.cache = cache;
    }

    public static <K, V> LookupCache<K, V> of(String name, Duration ttl, long maximumSize, MeterRegistry meters) {
        return of(name, ttl, maximumSize, meters, Ticker.systemTicker());
    }

    /** With a ticker of the test's choosing (expiry without waiting). */
    static <K, V> LookupCache<K, V> of(String name, Duration ttl, long maximumSize, MeterRegistry meters,
                                       Ticker ticker) {
        if (ttl.isZero() || ttl.isNegative()) {
            return new LookupCache<>(null);
        }
        AsyncCache<K, Optional<V>> c = Caffeine.newBuilder()
                .expireAfterWrite(ttl)
                .maximumSize(maximumSize)
                .ticker(ticker)
                .executor(Runnable::run) // loads are asynchronous already; bookkeeping needs no pool
                .recordStats()
                .buildAsync();
        if (meters != null) {
            CaffeineCacheMetrics.monitor(meters, c, name);
        }
        return new LookupCache<>(c);
    }

    public Mono<V> get(K key, Supplier<Mono<V>> loader) {
        if (cache == null) {
            return Mono.defer(loader);
        }
        return Mono.defer(() -> {
            CompletableFuture<Optional<V>> f = cache.get(key, (k, executor) ->
                    loader.get().map(Optional::of).defaultIfEmpty(Optional.empty()).toFuture());
            // a caller that goes away must not cancel the load the other callers wait for
            return Mono.fromFuture(f, true).flatMap(Mono::justOrEmpty);
        });
    }

    /** Forget everything (after a write to the underlying data); loads in flight are not kept. */
    public void invalidateAll() {
        if (cache != null) {
            cache.synchronous().invalidateAll();
        }
    }

    /** Entries held now (after pending evictions); for tests. */
    long size() {
        if (cache == null) {
            return 0;
        }
        cache.synchronous().cleanUp();
        return cache.synchronous().estimatedSize();
    }
}
