package org.zhsz.archive;

import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;

/**
 * How far a school's 公示 has come, for the county report (insight): which classes' publicity window of a term is
 * over. Class ids only — no student, no record, no objection. It decides nothing about access and audits nothing:
 * the caller has asked the access policy for the county report first.
 */
@Service
public class PublicityProgress {

    private final ReactiveMongoTemplate mongo;

    PublicityProgress(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The school's classes whose 公示 of {@code term} was over by {@code asOf} (window ended or closed early). */
    public Mono<Set<String>> finishedClasses(String schoolId, String term, LocalDate asOf) {
        return mongo.find(Query.query(Criteria.where("schoolId").is(schoolId).and("term").is(term)
                        .and("publicity").ne(null)), TermArchive.class)
                .filter(a -> a.publicity().closedEarlyAt() != null || a.publicity().endOn().isBefore(asOf))
                .map(TermArchive::classId).collect(Collectors.toCollection(java.util.TreeSet::new))
                .map(s -> (Set<String>) s);
    }
}
