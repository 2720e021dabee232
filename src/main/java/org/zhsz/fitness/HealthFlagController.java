package org.zhsz.fitness;

import java.util.List;
import java.util.Map;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.zhsz.platform.Actor;
import org.zhsz.platform.ETags;
import org.zhsz.platform.Problems;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** 特异体质 flags of a student, and the class list the PE teacher keeps in view. */
@RestController
@RequestMapping("/api/v1")
class HealthFlagController {

    private final HealthFlagService service;

    HealthFlagController(HealthFlagService service) {
        this.service = service;
    }

    @GetMapping("/health-flags/kinds")
    Map<String, String> kinds() {
        return HealthFlagService.kinds();
    }

    @GetMapping("/students/{id}/health-flags")
    Mono<List<HealthFlagService.FlagView>> list(Actor actor, @PathVariable String id,
                                                @RequestParam(defaultValue = "false") boolean includeInactive) {
        return service.list(actor, id, includeInactive);
    }

    @PostMapping("/students/{id}/health-flags")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<HealthFlagService.FlagView> create(Actor actor, @PathVariable String id,
                                            @RequestBody HealthFlagService.FlagInput body) {
        return service.create(actor, id, body); // Idempotency-Key: handled for every create by IdempotencyFilter
    }

    @PatchMapping("/students/{id}/health-flags/{flagId}")
    Mono<ResponseEntity<HealthFlagService.FlagView>> update(Actor actor, @PathVariable String id,
                                                            @PathVariable String flagId,
                                                            @RequestBody HealthFlagService.FlagInput body,
                                                            @RequestHeader(name = "If-Match", required = false)
                                                            String ifMatch) {
        return service.update(actor, id, flagId, body, ETags.parse(ifMatch)).map(HealthFlagController::tagged);
    }

    /** Deactivates (a flag is history: never deleted). */
    @DeleteMapping("/students/{id}/health-flags/{flagId}")
    Mono<ResponseEntity<HealthFlagService.FlagView>> deactivate(Actor actor, @PathVariable String id,
                                                                @PathVariable String flagId,
                                                                @RequestParam(required = false) String reason,
                                                                @RequestHeader(name = "If-Match", required = false)
                                                                String ifMatch) {
        return service.deactivate(actor, id, flagId, reason, ETags.parse(ifMatch)).map(HealthFlagController::tagged);
    }

    @PostMapping(path = "/students/{id}/health-flags/{flagId}/documents",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Mono<HealthFlagService.FlagView> attach(Actor actor, @PathVariable String id, @PathVariable String flagId,
                                            @RequestPart("file") Mono<FilePart> file) {
        return file.switchIfEmpty(Mono.error(() -> Problems.invalid("file", "required", "a file is required")))
                .flatMap(part -> service.attach(actor, id, flagId, part));
    }

    @GetMapping("/students/{id}/health-flags/{flagId}/documents/{docId}")
    Mono<ResponseEntity<Flux<DataBuffer>>> document(Actor actor, @PathVariable String id,
                                                    @PathVariable String flagId, @PathVariable String docId) {
        return service.document(actor, id, flagId, docId).map(FitnessController::download);
    }

    @GetMapping("/classes/{classId}/health-flags")
    Mono<List<HealthFlagService.ClassFlagView>> ofClass(Actor actor, @PathVariable String classId) {
        return service.ofClass(actor, classId);
    }

    private static ResponseEntity<HealthFlagService.FlagView> tagged(HealthFlagService.FlagView v) {
        return ResponseEntity.ok().eTag("\"" + v.version() + "\"").body(v);
    }
}
