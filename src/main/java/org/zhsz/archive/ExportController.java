package org.zhsz.archive;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.zhsz.access.AccessGrants;
import org.zhsz.platform.Actor;
import org.zhsz.platform.MultiLine;
import org.zhsz.platform.Problems;
import org.zhsz.student.StudentDirectory;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The school's export center (ZIP of dossiers) and releases of dossiers to admissions officers. */
@RestController
@RequestMapping("/api/v1")
class ExportController {

    private final Exports exports;
    private final AccessGrants grants;
    private final StudentDirectory students;
    private final org.zhsz.organization.OrganizationDirectory organization;

    ExportController(Exports exports, AccessGrants grants, StudentDirectory students,
                     org.zhsz.organization.OrganizationDirectory organization) {
        this.organization = organization;
        this.exports = exports;
        this.grants = grants;
        this.students = students;
    }

    record NewExport(@Nullable String classId, @Nullable Integer gradeLevel) {
    }

    @PostMapping("/dossier-exports")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<Exports.Job> start(Actor actor, @Valid @RequestBody NewExport b) {
        return exports.start(actor, b.classId(), b.gradeLevel());
    }

    @GetMapping("/dossier-exports")
    Mono<List<Exports.Job>> list(Actor actor) {
        return exports.list(actor);
    }

    @GetMapping("/dossier-exports/{id}")
    Mono<Exports.Job> get(Actor actor, @PathVariable String id) {
        return exports.get(actor, id);
    }

    @GetMapping("/dossier-exports/{id}/file")
    Mono<ResponseEntity<Flux<DataBuffer>>> file(Actor actor, @PathVariable String id) {
        return exports.get(actor, id).flatMap(j -> "DONE".equals(j.status())
                ? Mono.just(ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .contentLength(j.bytes())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("综合素质评价档案-" + j.scope() + ".zip", StandardCharsets.UTF_8).build().toString())
                .body(exports.content(j)))
                : Mono.error(Problems.conflict("export_not_ready", "The export is still running")));
    }

    record Release(@NotEmpty @Size(max = 2000) List<String> studentIds, @NotBlank String officer,
                   @NotNull @Future Instant until, @Size(max = 300) @MultiLine @Nullable String reason) {
    }

    /** Releases chosen dossiers to an admissions officer until a date: read-only, audited, expiring. */
    @PostMapping("/dossier-releases")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<List<AccessGrants.GrantView>> release(Actor actor, @Valid @RequestBody Release b) {
        return grants.releaseToAdmissions(actor, b.studentIds(), b.officer(), b.until(), b.reason()).collectList();
    }

    @GetMapping("/dossier-releases")
    Mono<List<AccessGrants.GrantView>> releases(Actor actor) {
        return grants.releasesOfMySchool(actor).collectList();
    }

    /** A released dossier: the student and their school, by name (the ids stay beside them). */
    record Released(String studentId, String name, String schoolId, String schoolName, Instant until) {
    }

    /** The admissions officer's list: dossiers currently released to them. */
    @GetMapping("/admissions/dossiers")
    Mono<List<Released>> admissions(Actor actor) {
        return grants.releasesToMe(actor)
                .concatMap(g -> students.find(g.studentId()).flatMap(s -> organization.school(s.schoolId())
                        .map(school -> school.name()).defaultIfEmpty("")
                        .map(schoolName -> new Released(s.id(), s.name(), s.schoolId(), schoolName, g.until()))))
                .collectList().map(ArrayList::new);
    }
}
