package org.zhsz.student;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.zhsz.organization.OrganizationDirectory;
import org.zhsz.platform.Actor;
import org.zhsz.platform.Messages;
import org.zhsz.platform.ETags;
import org.zhsz.platform.MultiLine;
import org.zhsz.platform.PageResult;
import org.zhsz.platform.Paging;
import org.zhsz.platform.Problems;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

@RestController
@RequestMapping("/api/v1/students")
class StudentController {

    /** Roster files larger than this are refused with 413. */
    static final long MAX_IMPORT_BYTES = 20L * 1024 * 1024;

    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final StudentService service;
    private final RosterImport rosterImport;
    private final OrganizationDirectory organization;
    private final Messages messages;

    StudentController(StudentService service, RosterImport rosterImport, OrganizationDirectory organization,
                      Messages messages) {
        this.service = service;
        this.rosterImport = rosterImport;
        this.organization = organization;
        this.messages = messages;
    }

    @GetMapping
    Mono<PageResult<StudentResponse>> list(Actor actor, @RequestParam(required = false) String classId,
                                           @RequestParam(required = false) String q,
                                           @RequestParam(required = false) StudentStatus status,
                                           @RequestParam(required = false) String page,
                                           @RequestParam(required = false) String size) {
        return service.list(actor, classId, q, status, Paging.parse(page, size));
    }

    @GetMapping("/{id}")
    Mono<StudentResponse> get(Actor actor, @PathVariable String id) {
        return service.get(actor, id);
    }

    record NewStudent(@NotBlank String studentNo, @NotBlank @Size(max = 30) String name, @NotNull Sex sex,
                      @NotNull LocalDate birthDate, @Nullable String ethnicity, @NotBlank String classId,
                      @Nullable String username) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<StudentResponse> create(Actor actor, @Valid @RequestBody NewStudent body) {
        return service.create(actor, new StudentService.StudentInput(body.studentNo().trim(), body.name(), body.sex(),
                body.birthDate(), body.ethnicity(), body.classId(), body.username()));
    }

    record PatchStudent(@Size(max = 30) @Nullable String name, @Nullable Sex sex, @Nullable LocalDate birthDate,
                        @Nullable String ethnicity,
                        @Nullable StudentStatus status, @Nullable String username) {
    }

    @PatchMapping("/{id}")
    Mono<StudentResponse> patch(Actor actor, @PathVariable String id, @Valid @RequestBody PatchStudent body,
                                @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return service.patch(actor, id, new StudentService.StudentPatch(body.name(), body.sex(), body.birthDate(),
                body.ethnicity(), body.status(), body.username()), ETags.parse(ifMatch));
    }

    record Transfer(@NotBlank String classId, @Nullable LocalDate date,
                    @Size(max = 200) @MultiLine @Nullable String reason) {
    }

    @PostMapping("/{id}/transfer")
    Mono<StudentResponse> transfer(Actor actor, @PathVariable String id, @Valid @RequestBody Transfer body,
                                   @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return service.transfer(actor, id, body.classId(), body.date(), body.reason(), ETags.parse(ifMatch));
    }

    record GuardianBody(@Size(max = 64) @Nullable String username, @NotBlank @Size(max = 30) String name,
                        @Size(max = 10) @Nullable String relation, @Size(max = 20) @Nullable String phone) {
    }

    @PutMapping("/{id}/guardians")
    Mono<StudentResponse> guardians(Actor actor, @PathVariable String id,
                                    @Valid @RequestBody List<@Valid GuardianBody> body,
                                    @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return service.putGuardians(actor, id, body.stream().map(g -> new StudentService.GuardianInput(g.username(),
                g.name(), g.relation(), g.phone())).toList(), ETags.parse(ifMatch));
    }

    /**
     * A roster file (CSV, XLSX or legacy XLS) checked row by row. {@code job}: an id the client chose, to follow
     * the import's progress at {@code GET /api/v1/imports/{job}} while it runs; the report names the job either way
     * (its rejected rows download from {@code /api/v1/imports/{job}/rejected}).
     */
    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<RosterImport.Report> importRoster(Actor actor, @RequestPart("file") Mono<FilePart> file,
                                           @RequestParam(required = false) String job, Locale locale) {
        return file.switchIfEmpty(Mono.error(() -> Problems.invalid("file", "required", "a file is required")))
                .flatMap(part -> Mono.fromCallable(() -> Files.createTempFile("roster-", ".upload"))
                        .subscribeOn(Schedulers.boundedElastic())
                        .flatMap(tmp -> part.transferTo(tmp)
                                .then(Mono.fromCallable(() -> checkSize(tmp)).subscribeOn(Schedulers.boundedElastic()))
                                .then(rosterImport.importFile(actor, tmp, job))
                                .doFinally(s -> deleteQuietly(tmp))))
                .map(report -> report.localized(messages, locale));
    }

    /** The import template: the columns, an example row, drop-down lists (the school's classes this term). */
    @GetMapping("/import/template")
    Mono<ResponseEntity<byte[]>> importTemplate(Actor actor) {
        return rosterImport.requireImporter(actor)
                .flatMap(school -> organization.currentTerm(school)
                        .flatMapMany(t -> organization.classesOfSchool(school, t.code()))
                        .filter(c -> c.active()).map(c -> c.name()).sort().collectList())
                .flatMap(classes -> Mono.fromCallable(() -> RosterTemplate.write(classes))
                        .subscribeOn(Schedulers.boundedElastic()))
                .map(bytes -> ResponseEntity.ok().contentType(XLSX)
                        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                                .filename("学生名册导入模板.xlsx", StandardCharsets.UTF_8).build().toString())
                        .body(bytes));
    }

    private static Path checkSize(Path tmp) throws IOException {
        if (Files.size(tmp) > MAX_IMPORT_BYTES) {
            throw Problems.tooLarge("Roster files may be at most 20 MB");
        }
        return tmp;
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // temp file; the OS cleans up
        }
    }
}
