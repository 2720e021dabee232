package org.zhsz.platform.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.zhsz.platform.Actor;
import org.zhsz.platform.Messages;
import org.zhsz.platform.TodoSource;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The signed-in user's to-dos from every module, with counts, each linking to its work. */
@RestController
@RequestMapping("/api/v1/me")
class TodoController {

    private static final Logger log = LoggerFactory.getLogger(TodoController.class);

    private final List<TodoSource> sources;
    private final Messages messages;

    TodoController(List<TodoSource> sources, Messages messages) {
        this.sources = sources;
        this.messages = messages;
    }

    @GetMapping("/todos")
    Mono<List<TodoSource.Todo>> todos(Actor actor, Locale locale) {
        return Flux.fromIterable(sources)
                .flatMap(s -> s.todos(actor).onErrorResume(e -> {
                    // one module failing leaves the others' to-dos on the page
                    log.warn("To-dos of {} failed for {}: {}", s.getClass().getSimpleName(), actor.username(),
                            e.toString());
                    return Flux.empty();
                }))
                .filter(t -> t.count() > 0)
                .map(t -> {
                    List<Object> args = new ArrayList<>();
                    args.add(t.count());
                    args.addAll(t.args());
                    return t.labelled(messages.text(locale, "todo." + t.code(), args.toArray()));
                })
                .sort(Comparator.comparingInt(TodoSource.Todo::priority).thenComparing(TodoSource.Todo::code))
                .collectList();
    }
}
