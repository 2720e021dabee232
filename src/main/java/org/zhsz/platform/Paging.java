package org.zhsz.platform;

/** A validated page request: page ≥ 0, 1 ≤ size ≤ 200 (bad values are a 422, not silently clamped). */
public record Paging(int page, int size) {

    public static final int MAX_SIZE = 200;

    public static Paging of(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? 20 : size;
        if (p < 0) {
            throw Problems.invalid("page", "min", "page must be ≥ 0");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw Problems.invalid(java.util.List.of(FieldError.of("size", "range", "field.between", 1, MAX_SIZE)));
        }
        return new Paging(p, s);
    }

    public int offset() {
        return page * size;
    }
}
