package org.zhsz.platform;

/**
 * Optimistic concurrency over HTTP: responses carry the document version; {@code If-Match} carries the
 * version a client last saw ("W/" and quotes tolerated). A stale version is a 409.
 */
public final class ETags {

    private ETags() {
    }

    public static Long parse(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || "*".equals(ifMatch.trim())) {
            return null;
        }
        String v = ifMatch.trim();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        v = v.replace("\"", "");
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw Problems.badRequest("invalid_if_match", "If-Match must be a version number");
        }
    }

    /** Fails with 409 when the client named a version and it is not the stored one. */
    public static void check(Long expected, Long actual) {
        if (expected != null && !expected.equals(actual)) {
            throw Problems.staleVersion();
        }
    }
}
