package org.zhsz.record;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Flux;

/**
 * Read API for the archive: a student's approved records of a term, with what the archive must know to keep
 * private ones (violations) out of selection and publicity. Access is checked by the caller.
 */
@Service
public class RecordDirectory {

    private final ReactiveMongoTemplate mongo;
    private final Categories categories;

    RecordDirectory(ReactiveMongoTemplate mongo, Categories categories) {
        this.mongo = mongo;
        this.categories = categories;
    }

    /** An approved record as the archive snapshots it. */
    public record ArchivableRecord(String id, String studentId, String term, String dimension, String dimensionLabel,
                                   String category, String categoryName, String title, String description,
                                   LocalDate occurredOn, @Nullable BigDecimal hours, @Nullable String level,
                                   @Nullable String levelLabel,
                                   @Nullable String award, @Nullable String skill, boolean privateToFamily) {
    }

    public Flux<ArchivableRecord> approved(String studentId, String term) {
        return mongo.find(Query.query(Criteria.where("studentId").is(studentId).and("term").is(term)
                        .and("status").is(RecordStatus.APPROVED)), StudentRecord.class)
                .collectList()
                .flatMapMany(list -> list.isEmpty() ? Flux.empty() : categories.of(list.get(0).schoolId())
                        .flatMapMany(cats -> Flux.fromIterable(list).map(r -> of(r, RecordService.category(cats, r)))))
                .sort((a, b) -> a.occurredOn().compareTo(b.occurredOn()));
    }

    public Flux<ArchivableRecord> approved(List<String> ids) {
        return mongo.find(Query.query(Criteria.where("_id").in(ids).and("status").is(RecordStatus.APPROVED)),
                        StudentRecord.class)
                .collectList()
                .flatMapMany(list -> list.isEmpty() ? Flux.empty() : categories.of(list.get(0).schoolId())
                        .flatMapMany(cats -> Flux.fromIterable(list).map(r -> of(r, RecordService.category(cats, r)))));
    }

    private static ArchivableRecord of(StudentRecord r, Category c) {
        return new ArchivableRecord(r.id(), r.studentId(), r.term(), r.dimension().name(), r.dimension().label(),
                r.category(), c == null ? r.category() : c.zh(), r.title(), r.description(), r.occurredOn(),
                r.hours(), r.level() == null ? null : r.level().name(), r.level() == null ? null : r.level().label(),
                r.award(), r.skill(), c != null && c.privateToFamily());
    }
}
