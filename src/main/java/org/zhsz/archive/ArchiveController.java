package org.zhsz.archive;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.zhsz.platform.Actor;
import org.zhsz.platform.ETags;
import org.zhsz.platform.MultiLine;
import org.zhsz.platform.Problems;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1")
class ArchiveController {

    private final ArchiveService archives;
    private final Publicity publicity;

    ArchiveController(ArchiveService archives, Publicity publicity) {
        this.archives = archives;
        this.publicity = publicity;
    }

    @GetMapping("/students/{id}/archives/{term}")
    Mono<ArchiveService.ArchiveView> get(Actor actor, @PathVariable String id, @PathVariable String term) {
        return archives.get(actor, id, term);
    }

    record Selection(@NotNull Map<String, List<String>> selection) {
    }

    @PutMapping("/students/{id}/archives/{term}/selection")
    Mono<ArchiveService.ArchiveView> select(Actor actor, @PathVariable String id, @PathVariable String term,
                                            @Valid @RequestBody Selection body,
                                            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return archives.select(actor, id, term, body.selection(), ETags.parse(ifMatch));
    }

    record Text(@Size(max = 2000) @MultiLine @Nullable String text) {
    }

    @PutMapping("/students/{id}/archives/{term}/self-statement")
    Mono<ArchiveService.ArchiveView> statement(Actor actor, @PathVariable String id, @PathVariable String term,
                                               @Valid @RequestBody Text body,
                                               @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return archives.selfStatement(actor, id, term, body.text(), ETags.parse(ifMatch));
    }

    @PutMapping("/students/{id}/archives/{term}/comment")
    Mono<ArchiveService.ArchiveView> comment(Actor actor, @PathVariable String id, @PathVariable String term,
                                             @Valid @RequestBody Text body,
                                             @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return archives.comment(actor, id, term, body.text(), ETags.parse(ifMatch));
    }

    /** 确认/签字: the student confirms, a guardian co-signs, the head teacher signs — in that order. */
    @PostMapping("/students/{id}/archives/{term}/sign")
    Mono<ArchiveService.ArchiveView> sign(Actor actor, @PathVariable String id, @PathVariable String term,
                                          @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return archives.sign(actor, id, term, ETags.parse(ifMatch));
    }

    /** 审核: the school admin approves for the principal; the archive is locked. */
    @PostMapping("/students/{id}/archives/{term}/approve")
    Mono<ArchiveService.ArchiveView> approve(Actor actor, @PathVariable String id, @PathVariable String term,
                                             @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return archives.approve(actor, id, term, ETags.parse(ifMatch));
    }

    record AmendmentBody(@NotBlank @Size(max = 500) @MultiLine String reason,
                         @Size(max = 800) @MultiLine @Nullable String selfStatement,
                         @Size(max = 1000) @MultiLine @Nullable String comment,
                         @Nullable Map<String, List<String>> selection) {
    }

    @PostMapping("/students/{id}/archives/{term}/amendments")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ArchiveService.ArchiveView> amend(Actor actor, @PathVariable String id, @PathVariable String term,
                                           @Valid @RequestBody AmendmentBody b) {
        return archives.requestAmendment(actor, id, term, b.reason(), b.selfStatement(), b.comment(), b.selection());
    }

    record Decision(@NotBlank String decision) {
    }

    @PostMapping("/students/{id}/archives/{term}/amendments/{amendmentId}/decision")
    Mono<ArchiveService.ArchiveView> decide(Actor actor, @PathVariable String id, @PathVariable String term,
                                            @PathVariable String amendmentId, @Valid @RequestBody Decision b) {
        if (!List.of("APPROVE", "REJECT").contains(b.decision())) {
            return Mono.error(Problems.invalid("decision", "invalid", "APPROVE or REJECT"));
        }
        return archives.decideAmendment(actor, id, term, amendmentId, "APPROVE".equals(b.decision()));
    }

    // ---- publicity ----

    record OpenPublicity(@Nullable String term, @Nullable Integer workingDays, @Nullable LocalDate startOn) {
    }

    @PostMapping("/classes/{classId}/publicity")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Publicity.Window> openPublicity(Actor actor, @PathVariable String classId,
                                         @Valid @RequestBody OpenPublicity b) {
        return publicity.open(actor, classId, b.term(), b.workingDays(), b.startOn());
    }

    @PostMapping("/classes/{classId}/publicity/close")
    Mono<Publicity.Window> closePublicity(Actor actor, @PathVariable String classId,
                                          @RequestParam(required = false) String term) {
        return publicity.close(actor, classId, term);
    }

    @GetMapping("/classes/{classId}/archives")
    Mono<List<ArchiveService.ArchiveSummary>> classArchives(Actor actor, @PathVariable String classId,
                                                            @RequestParam(required = false) String term) {
        return archives.classArchives(actor, classId, term);
    }

    @GetMapping("/classes/{classId}/publicity")
    Mono<Publicity.Board> board(Actor actor, @PathVariable String classId,
                                @RequestParam(required = false) String term) {
        return publicity.board(actor, classId, term);
    }

    record NewObjection(@Nullable String term, @NotBlank String studentId, String recordId,
                        @NotBlank @Size(max = 500) @MultiLine String reason) {
    }

    @PostMapping("/classes/{classId}/publicity/objections")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Publicity.ObjectionView> object(Actor actor, @PathVariable String classId,
                                         @Valid @RequestBody NewObjection b) {
        return publicity.object(actor, classId, b.term(), b.studentId(), b.recordId(), b.reason());
    }

    @GetMapping("/classes/{classId}/publicity/objections")
    Mono<List<Publicity.ObjectionView>> objections(Actor actor, @PathVariable String classId,
                                                   @RequestParam(required = false) String term) {
        return publicity.objections(actor, classId, term);
    }

    record Resolution(@NotBlank String decision, @NotBlank @Size(max = 500) @MultiLine String resolution) {
    }

    @PostMapping("/publicity/objections/{objectionId}/resolve")
    Mono<Publicity.ObjectionView> resolve(Actor actor, @PathVariable String objectionId,
                                          @Valid @RequestBody Resolution b) {
        if (!List.of("UPHELD", "DISMISSED").contains(b.decision())) {
            return Mono.error(Problems.invalid("decision", "invalid", "UPHELD or DISMISSED"));
        }
        return publicity.resolve(actor, objectionId, "UPHELD".equals(b.decision()), b.resolution());
    }
}
