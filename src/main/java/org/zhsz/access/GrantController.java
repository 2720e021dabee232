package org.zhsz.access;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.zhsz.platform.Actor;
import org.zhsz.platform.MultiLine;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1")
class GrantController {

    private final AccessGrants grants;

    GrantController(AccessGrants grants) {
        this.grants = grants;
    }

    record BreakGlass(@NotBlank @Size(max = 500) @MultiLine String reason, Integer minutes) {
    }

    /** 紧急调阅: a school admin opens a student's mental-health file for a limited time. */
    @PostMapping("/students/{id}/break-glass")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<AccessGrants.GrantView> breakGlass(Actor actor, @PathVariable String id, @Valid @RequestBody BreakGlass body) {
        return grants.breakGlass(actor, id, body.reason(), body.minutes() == null ? 60 : body.minutes());
    }

    @GetMapping("/grants")
    Mono<List<AccessGrants.GrantView>> list(Actor actor, @RequestParam(required = false) String studentId) {
        return grants.list(actor, studentId).collectList();
    }

    @DeleteMapping("/grants/{id}")
    Mono<AccessGrants.GrantView> revoke(Actor actor, @PathVariable String id) {
        return grants.revoke(actor, id);
    }
}
