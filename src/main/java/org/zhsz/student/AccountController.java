package org.zhsz.student;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.zhsz.platform.AccountSlips;
import org.zhsz.platform.Actor;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Login accounts of a class's students and guardians. {@code POST} creates the missing ones and answers them once
 * — as JSON, or with {@code Accept: application/pdf} as printable account slips (账号卡); the one-time passwords are
 * in that answer only ({@code Cache-Control: no-store}, never kept for an Idempotency-Key replay, never logged).
 */
@RestController
class AccountController {

    private final StudentAccounts accounts;

    AccountController(StudentAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/api/v1/classes/{classId}/accounts")
    Mono<StudentAccounts.ClassAccounts> ofClass(Actor actor, @PathVariable String classId) {
        return accounts.ofClass(actor, classId);
    }

    /** Optional: only these students (and their guardians), e.g. one who joined the class later. */
    record CreateAccounts(@Size(max = 200) @Nullable List<@Size(max = 64) String> studentIds) {
    }

    @PostMapping(path = "/api/v1/classes/{classId}/accounts", produces = {MediaType.APPLICATION_JSON_VALUE,
            MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    Mono<ResponseEntity<StudentAccounts.Result>> create(Actor actor, @PathVariable String classId,
                                                         @Valid @RequestBody(required = false) CreateAccounts body) {
        return accounts.createForClass(actor, classId, body == null ? null : body.studentIds())
                .map(o -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(o.result()));
    }

    @PostMapping(path = "/api/v1/classes/{classId}/accounts", produces = MediaType.APPLICATION_PDF_VALUE)
    Mono<ResponseEntity<byte[]>> slips(Actor actor, @PathVariable String classId,
                                       @Valid @RequestBody(required = false) CreateAccounts body) {
        return accounts.createForClass(actor, classId, body == null ? null : body.studentIds())
                .flatMap(o -> Mono.fromCallable(() -> AccountSlips.render(o.schoolName(), o.className(),
                                o.loginUrl(), o.slips()))
                        .subscribeOn(Schedulers.boundedElastic())
                        .map(pdf -> ResponseEntity.ok()
                                .contentType(MediaType.APPLICATION_PDF)
                                .cacheControl(CacheControl.noStore())
                                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                                        .filename("账号卡-" + o.className() + ".pdf", StandardCharsets.UTF_8).build()
                                        .toString())
                                .header("X-Accounts-Created", Integer.toString(o.result().created().size()))
                                .header("X-Accounts-Existing", Integer.toString(o.result().existing()))
                                .body(pdf)));
    }
}
