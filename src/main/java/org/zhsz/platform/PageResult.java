package org.zhsz.platform;

import java.util.List;
import java.util.function.Function;

/** One page of a list: the items, the 0-based page, its size and the total count. */
public record PageResult<T>(List<T> items, int page, int size, long total) {

    public <R> PageResult<R> map(Function<T, R> mapper) {
        return new PageResult<>(items.stream().map(mapper).toList(), page, size, total);
    }

    public static <T> PageResult<T> of(List<T> all, Paging paging) {
        int from = Math.min(all.size(), paging.offset());
        int to = Math.min(all.size(), from + paging.size());
        return new PageResult<>(all.subList(from, to), paging.page(), paging.size(), all.size());
    }
}
