package org.zhsz.platform;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import reactor.core.publisher.Mono;

/**
 * A short-lived cache of lookups that every request repeats (the school's terms, a teacher's assignments, the
 * school's record categories). An entry is used for at most {@code ttl}; the owner invalidates it when it writes the
 * underlying data in this instance, so the staleness bound ({@code ttl}) applies only to writes made by other
 * instances. A load that started before an invalidation is not stored. Errors are never cached; empty results are.
 * A ttl of zero disables caching.
 */
public final class TtlCache<K, V> {

    private static final int MAX_ENTRIES = 50_000;

    private record Entry<V>(V value, long loadedAt) {
    }

    private final long ttlNanos;
    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    public TtlCache(Duration ttl) {
        this.ttlNanos = ttl.toNanos();
    }

    public Mono<V> get(K key, Supplier<Mono<V>> loader) {
        if (ttlNanos <= 0) {
            return Mono.defer(loader);
        }
        return Mono.defer(() -> {
            long now = System.nanoTime();
            Entry<V> e = entries.get(key);
            if (e != null && now - e.loadedAt() < ttlNanos) {
                return Mono.justOrEmpty(e.value());
            }
            long gen = generation.get();
            return loader.get().map(Optional::of).defaultIfEmpty(Optional.empty()).flatMap(v -> {
                if (entries.size() >= MAX_ENTRIES) {
                    entries.clear();
                }
                if (generation.get() == gen) {
                    entries.put(key, new Entry<>(v.orElse(null), now));
                }
                return Mono.justOrEmpty(v);
            });
        });
    }

    /** Forget everything (after a write to the underlying data); loads in flight are not stored. */
    public void invalidateAll() {
        generation.incrementAndGet();
        entries.clear();
    }
}
