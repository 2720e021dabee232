package org.zhsz.platform.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zhsz.platform.Actor;
import org.zhsz.platform.Notifications;

import reactor.core.publisher.Mono;

/** The caller's own in-app notifications. */
@RestController
@RequestMapping("/api/v1/notifications")
class NotificationController {

    private final Notifications notifications;

    NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    Mono<List<Notifications.Notification>> inbox(Actor actor, @RequestParam(defaultValue = "false") boolean unread) {
        return notifications.inbox(actor, unread, 100).collectList();
    }

    @PostMapping("/{id}/read")
    Mono<Notifications.Notification> read(Actor actor, @PathVariable String id) {
        return notifications.markRead(actor, id);
    }
}
