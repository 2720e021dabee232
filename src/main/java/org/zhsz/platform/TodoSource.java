package org.zhsz.platform;

import java.util.List;
import java.util.Map;

import reactor.core.publisher.Flux;

import org.jspecify.annotations.Nullable;


/**
 * The home page's to-dos: each module that has work waiting for someone contributes a bean of this type, counting
 * that work through its own services and the access policy (a count is not a read of anyone's data, so it is not
 * audited; opening the work is). {@code GET /api/v1/me/todos} gathers every source. A module added later (class
 * notices, home tasks) adds a source; nothing else changes.
 */
public interface TodoSource {

    /** The actor's open work of this module; empty when there is none or the actor has no such duties. */
    Flux<Todo> todos(Actor actor);

    /**
     * One to-do: {@code code} names it ({@code todo.<code>} is its text, with {@code count} as {0} and {@code args}
     * after it), {@code page} and {@code query} where the web app opens the work (a route name and its query),
     * {@code priority} orders the list (lower first), {@code label} is filled in the caller's language.
     */
    record Todo(String code, long count, String page, Map<String, String> query, List<Object> args, int priority,
                @Nullable String label) {

        public Todo {
            query = query == null ? Map.of() : Map.copyOf(query);
            args = args == null ? List.of() : List.copyOf(args);
        }

        public static Todo of(String code, long count, String page, Map<String, String> query, int priority,
                              Object... args) {
            return new Todo(code, count, page, query, List.of(args), priority, null);
        }

        public Todo labelled(String text) {
            return new Todo(code, count, page, query, args, priority, text);
        }
    }
}
