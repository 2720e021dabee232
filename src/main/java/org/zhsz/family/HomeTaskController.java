package org.zhsz.family;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.zhsz.platform.Actor;
import org.zhsz.platform.ETags;
import org.zhsz.platform.Problems;
import org.zhsz.record.EvidenceFiles;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** 家庭劳动清单 (per grade, per school) and the home tasks families tick done (see {@link HomeTasks}). */
@RestController
@RequestMapping("/api/v1")
class HomeTaskController {

    static final long MAX_IMPORT_BYTES = 5L * 1024 * 1024;

    private final HomeTasks homeTasks;
    private final Checklists checklists;

    HomeTaskController(HomeTasks homeTasks, Checklists checklists) {
        this.homeTasks = homeTasks;
        this.checklists = checklists;
    }

    // ---- checklists (school admin) ----

    @GetMapping("/schools/{schoolId}/home-task-checklists")
    Mono<Checklists.SchoolChecklists> checklists(Actor actor, @PathVariable String schoolId) {
        return checklists.ofSchool(actor, schoolId);
    }

    record ChecklistBody(@Nullable List<Docs.Task> items) {
    }

    @PutMapping("/schools/{schoolId}/home-task-checklists/{grade}")
    Mono<Checklists.GradeChecklist> replace(Actor actor, @PathVariable String schoolId, @PathVariable int grade,
                                            @RequestBody ChecklistBody body,
                                            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return checklists.replace(actor, schoolId, grade, body.items(), ETags.parse(ifMatch));
    }

    @PostMapping(path = "/schools/{schoolId}/home-task-checklists/import",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<Checklists.ImportReport> importChecklists(Actor actor, @PathVariable String schoolId,
                                                   @RequestPart("file") Mono<FilePart> file) {
        return file.switchIfEmpty(Mono.error(() -> Problems.invalid("file", "required", "a file is required")))
                .flatMap(part -> Mono.fromCallable(() -> Files.createTempFile("checklist-", ".upload"))
                        .subscribeOn(Schedulers.boundedElastic())
                        .flatMap(tmp -> part.transferTo(tmp)
                                .then(Mono.fromCallable(() -> checkSize(tmp)).subscribeOn(Schedulers.boundedElastic()))
                                .then(checklists.importFile(actor, schoolId, tmp))
                                .doFinally(s -> deleteQuietly(tmp))));
    }

    private static Path checkSize(Path tmp) throws IOException {
        if (Files.size(tmp) > MAX_IMPORT_BYTES) {
            throw Problems.tooLarge("Checklist files may be at most 5 MB");
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

    // ---- a student's home tasks (the family) ----

    @GetMapping("/students/{id}/home-tasks")
    Mono<HomeTasks.StudentHomeTasks> ofStudent(Actor actor, @PathVariable String id) {
        return homeTasks.ofStudent(actor, id);
    }

    record CompletionBody(@Nullable String taskCode, @Nullable LocalDate doneOn, @Nullable BigDecimal hours,
                          @Nullable String note, @Nullable List<String> photos) {
    }

    @PostMapping("/students/{id}/home-tasks/completions")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<HomeTasks.CompletionView> complete(Actor actor, @PathVariable String id, @RequestBody CompletionBody b) {
        return homeTasks.complete(actor, id, new HomeTasks.CompletionInput(b.taskCode(), b.doneOn(), b.hours(),
                b.note(), b.photos()));
    }

    @PostMapping("/students/{id}/home-tasks/completions/{completionId}/confirm")
    Mono<HomeTasks.CompletionView> confirm(Actor actor, @PathVariable String id, @PathVariable String completionId,
                                           @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return homeTasks.confirm(actor, id, completionId, ETags.parse(ifMatch));
    }

    @DeleteMapping("/students/{id}/home-tasks/completions/{completionId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> withdraw(Actor actor, @PathVariable String id, @PathVariable String completionId,
                        @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return homeTasks.withdraw(actor, id, completionId, ETags.parse(ifMatch));
    }

    @PostMapping(path = "/students/{id}/home-tasks/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Mono<EvidenceFiles.StoredFile> photo(Actor actor, @PathVariable String id,
                                         @RequestPart("file") Mono<FilePart> file) {
        return homeTasks.uploadPhoto(actor, id, file);
    }

    // ---- the class (head teacher) ----

    @GetMapping("/classes/{classId}/home-tasks")
    Mono<HomeTasks.ClassHomeTasks> ofClass(Actor actor, @PathVariable String classId) {
        return homeTasks.ofClass(actor, classId);
    }
}
