package org.zhsz.family;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.zhsz.platform.Actor;
import org.zhsz.platform.FileDownloads;
import org.zhsz.platform.PageResult;
import org.zhsz.platform.Paging;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** 班级通知 with receipts (see {@link ClassNotices}). */
@RestController
@RequestMapping("/api/v1")
class NoticeController {

    private final ClassNotices notices;

    NoticeController(ClassNotices notices) {
        this.notices = notices;
    }

    /**
     * A notice to the class. There is deliberately no field for a student: a notice is to the class, and an unknown
     * field is refused (400). Lengths and content are checked by {@link NoticeRules} (422 naming the field).
     */
    record NoticeBody(@Nullable String title, @Nullable String body,
                      @Nullable Boolean requiresConfirmation, @Nullable LocalDate dueOn,
                      @Size(max = 20) @Nullable List<String> attachments,
                      Docs.@Nullable Audience audience) {
        ClassNotices.NoticeInput input() {
            return new ClassNotices.NoticeInput(title, body, requiresConfirmation, dueOn, attachments, audience);
        }
    }

    @PostMapping("/classes/{classId}/notices")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ClassNotices.Detail> create(Actor actor, @PathVariable String classId, @Valid @RequestBody NoticeBody body) {
        return notices.createForClass(actor, classId, body.input());
    }

    @PostMapping("/schools/{schoolId}/notices")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ClassNotices.Detail> createForSchool(Actor actor, @PathVariable String schoolId,
                                              @Valid @RequestBody NoticeBody body) {
        return notices.createForSchool(actor, schoolId, body.input());
    }

    @PostMapping(path = "/classes/{classId}/notice-attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Docs.Upload> uploadForClass(Actor actor, @PathVariable String classId,
                                     @RequestPart("file") Mono<FilePart> file) {
        return notices.uploadForClass(actor, classId, file);
    }

    @PostMapping(path = "/schools/{schoolId}/notice-attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Docs.Upload> uploadForSchool(Actor actor, @PathVariable String schoolId,
                                      @RequestPart("file") Mono<FilePart> file) {
        return notices.uploadForSchool(actor, schoolId, file);
    }

    @GetMapping("/class-notices")
    Mono<PageResult<ClassNotices.Item>> list(Actor actor, @RequestParam(required = false) String classId,
                                             @RequestParam(defaultValue = "false") boolean unread,
                                             @RequestParam(required = false) Integer page,
                                             @RequestParam(required = false) Integer size) {
        return notices.list(actor, classId, unread, Paging.of(page, size));
    }

    @GetMapping("/class-notices/unread-count")
    Mono<Map<String, Long>> unreadCount(Actor actor) {
        return notices.unreadCount(actor).map(n -> Map.of("unread", n));
    }

    @GetMapping("/class-notices/{id}")
    Mono<ClassNotices.Detail> get(Actor actor, @PathVariable String id) {
        return notices.get(actor, id);
    }

    /** Optional body {@code {"studentId": …}}: confirm for one child only; by default for each child in the class. */
    record ConfirmBody(@Size(max = 64) @Nullable String studentId) {
    }

    @PostMapping("/class-notices/{id}/confirm")
    Mono<ClassNotices.Detail> confirm(Actor actor, @PathVariable String id,
                                      @RequestBody(required = false) ConfirmBody body) {
        return notices.confirm(actor, id, body == null ? null : body.studentId());
    }

    @GetMapping("/class-notices/{id}/receipts")
    Mono<ClassNotices.Receipts> receipts(Actor actor, @PathVariable String id,
                                         @RequestParam(required = false) String classId) {
        return notices.receipts(actor, id, classId);
    }

    @PostMapping("/class-notices/{id}/reminders")
    Mono<ClassNotices.ReminderResult> remind(Actor actor, @PathVariable String id) {
        return notices.remind(actor, id);
    }

    @GetMapping("/class-notices/{id}/attachments/{attachmentId}")
    Mono<ResponseEntity<Flux<DataBuffer>>> attachment(Actor actor, @PathVariable String id,
                                                      @PathVariable String attachmentId) {
        return notices.attachment(actor, id, attachmentId).map(d -> FileDownloads.inline(
                d.attachment().contentType(), d.attachment().size(), d.attachment().filename(), d.content()));
    }
}
