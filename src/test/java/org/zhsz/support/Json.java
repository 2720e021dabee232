package org.zhsz.support;

import java.util.List;
import java.util.Map;

/** Typed views of parsed JSON for assertions. */
public final class Json {

    private Json() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object o) {
        return (List<Object>) o;
    }

    /** Follows a dotted path through maps (and list indexes). */
    public static Object at(Object root, String path) {
        Object cur = root;
        for (String part : path.split("\\.")) {
            if (cur == null) {
                return null;
            }
            cur = cur instanceof List<?> l ? l.get(Integer.parseInt(part)) : ((Map<?, ?>) cur).get(part);
        }
        return cur;
    }
}
