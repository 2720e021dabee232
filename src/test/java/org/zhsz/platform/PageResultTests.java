package org.zhsz.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import reactor.core.publisher.Mono;

/**
 * A page's total: counted only when the page cannot tell it. The list a user pages through has 45 items; the count
 * answers 45 and records that it was asked.
 */
class PageResultTests {

    private final AtomicInteger counted = new AtomicInteger();

    private PageResult<Integer> read(int page, int size) {
        Paging paging = new Paging(page, size);
        List<Integer> items = IntStream.range(0, 45).skip(paging.offset()).limit(size).boxed().toList();
        return PageResult.read(Mono.just(items), paging, () -> Mono.fromSupplier(() -> {
            counted.incrementAndGet();
            return 45L;
        })).block();
    }

    @Test
    void aListThatFitsOnTheFirstPageIsNotCounted() {
        PageResult<Integer> r = read(0, 50);
        assertThat(r.items()).hasSize(45);
        assertThat(r.total()).isEqualTo(45);
        assertThat(counted).hasValue(0);
    }

    @Test
    void theLastPartPageGivesTheTotalToo() {
        PageResult<Integer> r = read(2, 20);
        assertThat(r.items()).containsExactly(40, 41, 42, 43, 44);
        assertThat(r.total()).isEqualTo(45);
        assertThat(counted).hasValue(0);
    }

    @Test
    void aFullPageIsCounted() {
        PageResult<Integer> r = read(0, 20);
        assertThat(r.items()).hasSize(20);
        assertThat(r.total()).isEqualTo(45);
        assertThat(counted).hasValue(1);
    }

    @Test
    void anEmptyPagePastTheEndIsCountedSoTheTotalIsStillRight() {
        PageResult<Integer> r = read(9, 20);
        assertThat(r.items()).isEmpty();
        assertThat(r.total()).isEqualTo(45);
        assertThat(counted).hasValue(1);
        PageResult<Integer> far = read(Integer.MAX_VALUE, 20);
        assertThat(far.items()).isEmpty();
        assertThat(far.total()).isEqualTo(45);
    }

    @Test
    void anEmptyListIsNotCounted() {
        PageResult<Integer> r = PageResult.<Integer>read(Mono.just(List.of()), new Paging(0, 20),
                () -> Mono.error(new AssertionError("counted"))).block();
        assertThat(r.total()).isZero();
        assertThat(r.page()).isZero();
        assertThat(r.size()).isEqualTo(20);
    }
}
