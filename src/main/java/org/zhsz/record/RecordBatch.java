package org.zhsz.record;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.zhsz.platform.AccessPolicy;
import org.zhsz.platform.Action;
import org.zhsz.platform.Actor;
import org.zhsz.platform.ApiException;
import org.zhsz.platform.DataClass;
import org.zhsz.platform.Ids;
import org.zhsz.platform.Messages;
import org.zhsz.platform.FieldError;
import org.zhsz.platform.Problems;
import org.zhsz.platform.StudentScope;
import org.zhsz.student.StudentDirectory;
import org.zhsz.student.StudentView;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** One event for many students of a class (a class volunteer day), with a result per student. */
@Service
class RecordBatch {

    static final int MAX_STUDENTS = 80;

    private final RecordService records;
    private final AccessPolicy access;
    private final StudentDirectory students;

    RecordBatch(RecordService records, AccessPolicy access, StudentDirectory students) {
        this.records = records;
        this.access = access;
        this.students = students;
    }

    /** One student's outcome: {@code errorCode} the problem's code, {@code error} it in the caller's language. */
    record Item(String studentId, @Nullable String name, String status, @Nullable String recordId,
                @Nullable String errorCode, @Nullable String error,
                @com.fasterxml.jackson.annotation.JsonIgnore ApiException cause) {
    }

    record Result(String batchId, int created, int failed, List<Item> items) {
        Result localized(Messages messages, Locale locale) {
            return new Result(batchId, created, failed, items.stream().map(i -> i.errorCode() == null ? i
                    : new Item(i.studentId(), i.name(), i.status(), i.recordId(), i.errorCode(), i.cause() != null
                    ? messages.describe(locale, i.cause()) : messages.text(locale, "problem." + i.errorCode()),
                    i.cause())).toList());
        }
    }

    Mono<Result> create(Actor actor, String classId, List<String> studentIds, RecordRules.Draft d) {
        if (studentIds != null && (studentIds.isEmpty() || studentIds.size() > MAX_STUDENTS)) {
            return Mono.error(Problems.invalid(List.of(FieldError.of("studentIds", "size", "field.between", 1, MAX_STUDENTS))));
        }
        if (d.evidence() != null && !d.evidence().isEmpty()) {
            return Mono.error(Problems.invalid("record.evidence", "not_allowed",
                    "evidence belongs to one student; attach it to each record after the batch"));
        }
        return access.requireClass(actor, classId, DataClass.GENERAL_RECORDS, Action.WRITE).flatMap(scope -> {
            if (d.dimension() != null && !RecordRules.writable(scope.relationships()).contains(d.dimension())) {
                return Mono.error(Problems.forbidden("dimension_not_allowed"));
            }
            String batchId = Ids.newId();
            // the event itself is the same for everyone: an invalid one is one 422, and nothing is stored
            return records.validateDraft(scope.schoolId(), d).then(students.inClass(classId).collectMap(StudentView::id, Function.identity()).flatMap(members -> {
                List<String> targets = studentIds == null ? new ArrayList<>(members.keySet())
                        : studentIds.stream().distinct().toList();
                return Flux.fromIterable(targets).concatMap(id -> {
                    StudentView s = members.get(id);
                    if (s == null) {
                        return Mono.just(new Item(id, null, "NOT_IN_CLASS", null, "not_in_class", null, null));
                    }
                    StudentScope ss = new StudentScope(s.id(), s.schoolId(), s.classId(), scope.termCode(),
                            scope.relationships());
                    return records.create(actor, ss, s, d, false, batchId)
                            .map(r -> new Item(s.id(), s.name(), "CREATED", r.id(), null, null, null))
                            .onErrorResume(ApiException.class, e -> Mono.just(new Item(s.id(), s.name(), "FAILED",
                                    null, e.code(), null, e)));
                }).collectList().map(items -> {
                    long created = items.stream().filter(i -> "CREATED".equals(i.status())).count();
                    return new Result(batchId, (int) created, items.size() - (int) created, items);
                });
            }));
        });
    }


}
