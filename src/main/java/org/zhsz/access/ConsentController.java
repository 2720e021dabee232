package org.zhsz.access;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.zhsz.platform.Actor;
import org.zhsz.platform.MultiLine;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1")
class ConsentController {

    private final ConsentRegister register;

    ConsentController(ConsentRegister register) {
        this.register = register;
    }

    @GetMapping("/notices")
    List<ConsentRegister.Notice> notices(Actor actor) {
        return register.notices();
    }

    @GetMapping("/notices/{purpose}")
    Mono<ConsentRegister.Notice> notice(Actor actor, @PathVariable String purpose) {
        return register.notice(purpose);
    }

    @GetMapping("/students/{id}/consents")
    Mono<List<ConsentRegister.ConsentView>> consents(Actor actor, @PathVariable String id) {
        return register.list(actor, id);
    }

    record Decision(@NotBlank String purpose, @NotNull Integer noticeVersion, @NotBlank String decision) {
    }

    @PostMapping("/students/{id}/consents")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ConsentRegister.ConsentView> decide(Actor actor, @PathVariable String id, @Valid @RequestBody Decision body) {
        return register.decide(actor, id, body.purpose(), body.noticeVersion(), body.decision());
    }

    @PostMapping("/students/{id}/consents/{consentId}/withdraw")
    Mono<ConsentRegister.ConsentView> withdraw(Actor actor, @PathVariable String id, @PathVariable String consentId) {
        return register.withdraw(actor, id, consentId);
    }

    @GetMapping("/schools/{id}/processing-bases")
    Mono<List<ConsentRegister.BasisView>> bases(Actor actor, @PathVariable String id) {
        return register.schoolBases(actor, id).collectList();
    }

    record NewBasis(@NotBlank String purpose, @NotBlank @Size(max = 300) @MultiLine String reference) {
    }

    @PostMapping("/schools/{id}/processing-bases")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ConsentRegister.BasisView> addBasis(Actor actor, @PathVariable String id, @Valid @RequestBody NewBasis body) {
        return register.addSchoolBasis(actor, id, body.purpose(), body.reference());
    }
}
