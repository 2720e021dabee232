package org.zhsz.platform.web;

import java.util.List;
import java.util.Locale;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zhsz.platform.Actor;
import org.zhsz.platform.Messages;
import org.zhsz.platform.Notifications;

import reactor.core.publisher.Mono;

/** The caller's own in-app notifications. */
@RestController
@RequestMapping("/api/v1/notifications")
class NotificationController {

    private final Notifications notifications;
    private final Messages messages;

    NotificationController(Notifications notifications, Messages messages) {
        this.notifications = notifications;
        this.messages = messages;
    }

    @GetMapping
    Mono<List<Notifications.Notification>> inbox(Actor actor, @RequestParam(defaultValue = "false") boolean unread,
                                                  Locale locale) {
        return notifications.inbox(actor, unread, 100).map(n -> localized(n, locale)).collectList();
    }

    @PostMapping("/{id}/read")
    Mono<Notifications.Notification> read(Actor actor, @PathVariable String id, Locale locale) {
        return notifications.markRead(actor, id).map(n -> localized(n, locale));
    }

    /** The title by the notification's kind in the reader's language; the body as written for its recipient. */
    private Notifications.Notification localized(Notifications.Notification n, Locale locale) {
        String title = n.kind() == null ? n.title() : messages.textOr(locale, "notification." + n.kind(), n.title());
        return new Notifications.Notification(n.id(), n.recipient(), n.schoolId(), n.kind(), title, n.body(),
                n.link(), n.createdAt(), n.readAt());
    }
}
