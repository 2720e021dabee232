package org.zhsz.platform;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import reactor.core.publisher.Mono;

/** One page of a list: the items, the 0-based page, its size and the total count. */
public record PageResult<T>(List<T> items, int page, int size, long total) {

    public <R> PageResult<R> map(Function<T, R> mapper) {
        return new PageResult<>(items.stream().map(mapper).toList(), page, size, total);
    }

    /**
     * A page read from the store and its total. When the page is not full the total follows from it (the offset plus
     * its items) and {@code count} is not asked: a class roster or a student's timeline usually fits on one page, and
     * a count reads every matching document again. A full page, or an empty one past the first, is counted.
     */
    public static <T> Mono<PageResult<T>> read(Mono<List<T>> page, Paging paging, Supplier<Mono<Long>> count) {
        return page.flatMap(items -> {
            boolean known = items.size() < paging.size() && (!items.isEmpty() || paging.offset() == 0);
            Mono<Long> total = known ? Mono.just((long) paging.offset() + items.size()) : count.get();
            return total.map(n -> new PageResult<>(items, paging.page(), paging.size(), n));
        });
    }

    public static <T> PageResult<T> of(List<T> all, Paging paging) {
        int from = Math.min(all.size(), paging.offset());
        int to = Math.min(all.size(), from + paging.size());
        return new PageResult<>(all.subList(from, to), paging.page(), paging.size(), all.size());
    }
}
