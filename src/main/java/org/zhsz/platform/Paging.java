package org.zhsz.platform;

import java.math.BigInteger;

/**
 * A validated page request: 0 ≤ page ≤ 2147483647, 1 ≤ size ≤ 200. Bad values are a 422 naming the parameter,
 * never silently clamped; a page far past the end is an empty page (its offset is computed without overflow and
 * capped at {@link Integer#MAX_VALUE}, which no list reaches). Controllers take {@code page} and {@code size} as
 * strings and call {@link #parse(String, String)}, so a non-number or a number beyond int range is the same 422.
 */
public record Paging(int page, int size) {

    public static final int MAX_SIZE = 200;
    public static final int DEFAULT_SIZE = 20;

    public Paging {
        if (page < 0) {
            throw pageError();
        }
        if (size < 1 || size > MAX_SIZE) {
            throw sizeError();
        }
    }

    /** The shared parser of the {@code page} and {@code size} query parameters (null or blank: the default). */
    public static Paging parse(String page, String size) {
        int p = number(page, 0, "page");
        int s = number(size, DEFAULT_SIZE, "size");
        return new Paging(p, s);
    }

    public static Paging of(Integer page, Integer size) {
        return new Paging(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
    }

    private static int number(String raw, int otherwise, String name) {
        if (raw == null || raw.isBlank()) {
            return otherwise;
        }
        String v = raw.strip();
        if (!v.matches("[+-]?[0-9]{1,40}")) {
            throw Problems.invalid(java.util.List.of(FieldError.of(name, "integer", "field.integer")));
        }
        BigInteger n = new BigInteger(v);
        if (n.signum() < 0 || n.bitLength() > 31) {
            throw "page".equals(name) ? pageError() : sizeError();
        }
        return n.intValue();
    }

    private static ApiException pageError() {
        return Problems.invalid(java.util.List.of(FieldError.of("page", "range", "field.between", 0, Integer.MAX_VALUE)));
    }

    private static ApiException sizeError() {
        return Problems.invalid(java.util.List.of(FieldError.of("size", "range", "field.between", 1, MAX_SIZE)));
    }

    /** Items to skip; computed in 64 bits and capped, so a huge page never wraps around to an early page. */
    public int offset() {
        return (int) Math.min((long) page * size, Integer.MAX_VALUE);
    }
}
